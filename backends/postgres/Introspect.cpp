//===- Introspect.cpp - tables and columns of a live database -------------===//

#include "backends/common/SignatureText.h"
#include "backends/postgres/Introspect.h"

#include "backends/postgres/catalog/CatalogTables.h"

#include "backends/postgres/Connection.h"
#include "ir/Module.h"

#include "llvm/Support/JSON.h"

#include <cstdlib>

#include <map>

using namespace shc;

llvm::Expected<std::vector<LiveTable>> shc::introspectTables(Connection &conn) {
  // pg_catalog rather than information_schema: format_type() gives the
  // spelling the type parser knows, and views are included. Every user
  // schema, so `table: test.users` finds test.users; the rank on the
  // search_path tells which one an unqualified name reaches.
  static const char *sql = R"sql(
SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       COALESCE(a.attnum = ANY (i.indkey), false), array_position(current_schemas(false), n.nspname)
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_catalog.pg_index i ON i.indrelid = c.oid AND i.indisprimary
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
ORDER BY n.nspname, c.relname, a.attnum)sql";
  llvm::Expected<Rows> rows = conn.query(sql);
  if (!rows)
    return rows.takeError();
  std::vector<LiveTable> tables;
  std::vector<int> ranks; // position on the search_path, 0 when not on it
  for (const auto &r : *rows) {
    if (r.size() < 7 || !r[0] || !r[1] || !r[2] || !r[3])
      continue;
    if (tables.empty() || tables.back().schema != *r[0] || tables.back().name != *r[1]) {
      tables.push_back({*r[0], *r[1], false, {}});
      ranks.push_back(r[6] ? std::atoi(r[6]->c_str()) : 0);
    }
    tables.back().columns.push_back({*r[2], *r[3], r[4] == std::optional<std::string>("t"),
                                     r[5] == std::optional<std::string>("t")});
  }
  // For each name, the table of the schema earliest on the search_path.
  std::map<std::string, size_t> first;
  for (size_t i = 0; i < tables.size(); ++i) {
    if (ranks[i] == 0)
      continue;
    auto [it, inserted] = first.try_emplace(tables[i].name, i);
    if (!inserted && ranks[i] < ranks[it->second])
      it->second = i;
  }
  for (const auto &[name, i] : first)
    tables[i].onSearchPath = true;
  return tables;
}

llvm::Expected<double> shc::estimateRows(Connection &conn, llvm::StringRef statement) {
  llvm::Expected<Rows> rows = conn.query("EXPLAIN (FORMAT JSON) " + statement.rtrim(" ;\n").str());
  if (!rows)
    return rows.takeError();
  if (rows->empty() || rows->front().empty() || !rows->front().front())
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "EXPLAIN returned nothing");
  llvm::Expected<llvm::json::Value> v = llvm::json::parse(*rows->front().front());
  if (!v)
    return v.takeError();
  // [{"Plan": {"Node Type": "ModifyTable", "Plan Rows": 0, "Plans": [{... "Plan Rows": N}]}}]
  // ModifyTable estimates 0 rows returned; the rows it changes are its
  // input's estimate.
  const llvm::json::Array *top = v->getAsArray();
  const llvm::json::Object *plan = top && !top->empty() && top->front().getAsObject()
                                       ? top->front().getAsObject()->getObject("Plan")
                                       : nullptr;
  if (!plan)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "unexpected EXPLAIN output");
  if (const llvm::json::Array *sub = plan->getArray("Plans"))
    if (!sub->empty())
      if (const llvm::json::Object *child = sub->front().getAsObject())
        if (llvm::Optional<double> n = child->getNumber("Plan Rows"))
          return *n;
  return plan->getNumber("Plan Rows").getValueOr(0);
}

llvm::Expected<std::vector<Signature>>
shc::introspectFunctions(Connection &conn, const std::vector<std::string> &names) {
  std::vector<Signature> out;
  if (names.empty())
    return out;
  // Catalog type names (typname), the spelling of the built-in catalogue's
  // rows, so both go through the same overload resolution.
  static const char *sql = R"sql(
SELECT p.proname,
       COALESCE((SELECT string_agg(t.typname, ',' ORDER BY a.n)
                 FROM unnest(p.proargtypes) WITH ORDINALITY AS a(oid, n)
                 JOIN pg_catalog.pg_type t ON t.oid = a.oid), ''),
       rt.typname, p.provariadic <> 0, p.prokind = 'a', p.pronargdefaults
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_type rt ON rt.oid = p.prorettype
WHERE p.proname = ANY ($1::text[]) AND p.prokind IN ('f', 'a')
  AND pg_catalog.pg_function_is_visible(p.oid)
ORDER BY p.proname, p.oid)sql";
  std::string array = "{";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i)
      array += ',';
    array += '"';
    for (char c : names[i]) {
      if (c == '"' || c == '\\')
        array += '\\';
      array += c;
    }
    array += '"';
  }
  array += '}';
  llvm::Expected<Rows> rows = conn.query(sql, {array});
  if (!rows)
    return rows.takeError();
  for (const auto &r : *rows) {
    if (r.size() < 6 || !r[0] || !r[2])
      continue;
    Signature f;
    f.name = *r[0];
    std::string paramText = r[1].value_or(""); // owns what `params` points into
    llvm::StringRef params = paramText;
    while (!params.empty()) {
      auto [head, rest] = params.split(',');
      f.params.push_back(parseSigType(head));
      params = rest;
    }
    f.result = parseSigType(*r[2]);
    f.variadic = r[3].value_or("f") == "t";
    f.aggregate = r[4].value_or("f") == "t";
    f.defaults = static_cast<unsigned>(std::atoi(r[5].value_or("0").c_str()));
    out.push_back(std::move(f));
  }
  return out;
}
