//===- TimescaleIntrospect.cpp - hypertables, chunks and policies (--uri) -===//
//
// With the timescaledb extension installed, what timescaledb_information
// says about each hypertable joins its LiveTable as settings (the paths
// Hypertable.cpp reads). Without the extension, or where a view differs in
// the server's version, nothing is added and nothing is said: the checks
// then work from the Table specs alone.
//
//===----------------------------------------------------------------------===//

#include "backends/timescaledb/TimescaleIntrospect.h"

#include "backends/postgres/Connection.h"

#include <map>

using namespace shc;

namespace {

using Key = std::pair<std::string, std::string>; // (schema, name)
using Settings = std::vector<std::pair<std::string, std::string>>;

/// Rows of `sql`, or none when the server refuses it (a view this version
/// lacks): each piece of knowledge is optional.
Rows rowsOf(Connection &conn, llvm::StringRef sql) {
  llvm::Expected<Rows> rows = conn.query(sql);
  if (!rows) {
    llvm::consumeError(rows.takeError());
    return {};
  }
  return std::move(*rows);
}

std::string text(const std::optional<std::string> &v) { return v.value_or(""); }

} // namespace

std::string shc::timeBucketWidth(llvm::StringRef viewDefinition) {
  size_t at = viewDefinition.find("time_bucket(");
  if (at == llvm::StringRef::npos)
    return "";
  llvm::StringRef rest = viewDefinition.drop_front(at + 12).ltrim();
  if (!rest.consume_front("'"))
    return ""; // an integer bucket, or a width that is not a literal
  std::string width;
  while (!rest.empty()) {
    char c = rest.front();
    rest = rest.drop_front();
    if (c == '\'') {
      if (!rest.consume_front("'"))
        return width;
    }
    width += c;
  }
  return "";
}

void shc::addHypertableFacts(Connection &conn, std::vector<LiveTable> &tables) {
  Rows version = rowsOf(conn, "SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'");
  if (version.empty() || version[0].empty() || !version[0][0])
    return; // plain PostgreSQL
  std::map<Key, Settings> facts;
  for (const auto &r : rowsOf(conn, R"sql(
SELECT h.hypertable_schema, h.hypertable_name, h.num_chunks::text, h.compression_enabled::text,
       d.column_name
FROM timescaledb_information.hypertables h
LEFT JOIN timescaledb_information.dimensions d
  ON d.hypertable_schema = h.hypertable_schema AND d.hypertable_name = h.hypertable_name
 AND d.dimension_number = 1)sql")) {
    if (r.size() < 5 || !r[0] || !r[1])
      continue;
    Settings &s = facts[{*r[0], *r[1]}];
    s.push_back({"timescaledb.version", *version[0][0]});
    if (r[4])
      s.push_back({"hypertable.timeColumn", *r[4]});
    s.push_back({"chunks", text(r[2])});
    s.push_back({"compression.enabled", text(r[3])});
  }
  for (const auto &r : rowsOf(conn, R"sql(
SELECT hypertable_schema, hypertable_name, count(*)::text, max(range_end)::text
FROM timescaledb_information.chunks WHERE is_compressed
GROUP BY 1, 2)sql"))
    if (r.size() >= 4 && r[0] && r[1] && facts.count({*r[0], *r[1]})) {
      facts[{*r[0], *r[1]}].push_back({"compression.compressedChunks", text(r[2])});
      facts[{*r[0], *r[1]}].push_back({"compression.compressedUntil", text(r[3])});
    }
  for (const auto &r : rowsOf(conn, R"sql(
SELECT hypertable_schema, hypertable_name, proc_name,
       COALESCE(config->>'compress_after', config->>'drop_after')
FROM timescaledb_information.jobs
WHERE proc_name IN ('policy_compression', 'policy_retention') ORDER BY job_id)sql"))
    if (r.size() >= 4 && r[0] && r[1] && r[2] && r[3] && facts.count({*r[0], *r[1]}))
      facts[{*r[0], *r[1]}].push_back(
          {*r[2] == "policy_compression" ? "compression.compressAfter" : "retention.dropAfter",
           *r[3]});
  std::map<Key, unsigned> aggregates;
  for (const auto &r : rowsOf(conn, R"sql(
SELECT hypertable_schema, hypertable_name, format('%I.%I', view_schema, view_name),
       view_definition
FROM timescaledb_information.continuous_aggregates ORDER BY 3)sql")) {
    if (r.size() < 4 || !r[0] || !r[1] || !r[2] || !facts.count({*r[0], *r[1]}))
      continue;
    std::string at = "continuousAggregates[" + std::to_string(aggregates[{*r[0], *r[1]}]++) + "].";
    facts[{*r[0], *r[1]}].push_back({at + "name", *r[2]});
    facts[{*r[0], *r[1]}].push_back({at + "bucketWidth", timeBucketWidth(text(r[3]))});
  }
  for (LiveTable &t : tables)
    if (auto it = facts.find({t.schema, t.name}); it != facts.end())
      t.settings = it->second;
}
