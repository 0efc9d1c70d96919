//===- MySqlIntrospect.cpp - tables, functions and estimates of MySQL -----===//

#include "backends/mysql/MySqlIntrospect.h"

#include "backends/mysql/MySqlDb.h"

#include "llvm/ADT/StringExtras.h"

#include <map>

using namespace shc;

static std::string text(const std::optional<std::string> &v) { return v.value_or(""); }

llvm::Expected<std::vector<LiveTable>> shc::introspectMySqlTables(MySqlDb &db) {
  auto rows = db.query("SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, "
                       "c.COLUMN_KEY FROM information_schema.COLUMNS c "
                       "WHERE c.TABLE_SCHEMA = DATABASE() "
                       "ORDER BY BINARY c.TABLE_NAME, c.ORDINAL_POSITION");
  if (!rows)
    return rows.takeError();
  std::vector<LiveTable> tables;
  for (const auto &r : *rows) {
    if (r.size() < 5)
      continue;
    if (tables.empty() || tables.back().name != text(r[0])) {
      LiveTable &t = tables.emplace_back();
      t.name = text(r[0]);
      t.onSearchPath = true;
    }
    tables.back().columns.push_back(
        {text(r[1]), text(r[2]), text(r[3]) == "NO", text(r[4]) == "PRI"});
  }
  return tables;
}

llvm::Expected<std::vector<Signature>>
shc::introspectMySqlFunctions(MySqlDb &db, const std::vector<std::string> &names,
                              MySqlTypeParser parseType) {
  std::vector<Signature> out;
  if (names.empty())
    return out;
  std::string list;
  for (const std::string &n : names)
    list += (list.empty() ? "" : ", ") + db.quote(n);
  // One row per parameter (ORDINAL_POSITION 0 is the result).
  auto rows =
      db.query("SELECT r.SPECIFIC_NAME, p.ORDINAL_POSITION, p.DTD_IDENTIFIER "
               "FROM information_schema.ROUTINES r JOIN information_schema.PARAMETERS p "
               "ON p.SPECIFIC_SCHEMA = r.ROUTINE_SCHEMA AND p.SPECIFIC_NAME = "
               "r.SPECIFIC_NAME WHERE r.ROUTINE_SCHEMA = DATABASE() AND r.ROUTINE_TYPE "
               "= 'FUNCTION' AND LOWER(r.ROUTINE_NAME) IN (" +
               llvm::StringRef(list).lower() + ") ORDER BY r.SPECIFIC_NAME, p.ORDINAL_POSITION");
  if (!rows)
    return rows.takeError();
  auto sigType = [&](const std::string &spelling) {
    SigType t;
    std::optional<Type> parsed =
        parseType ? parseType(llvm::StringRef(spelling).lower()) : std::nullopt;
    if (parsed)
      t.type = *parsed;
    else
      t.poly = Poly::Any;
    return t;
  };
  for (const auto &r : *rows) {
    if (r.size() < 3)
      continue;
    std::string name = llvm::StringRef(text(r[0])).lower();
    if (out.empty() || out.back().name != name) {
      out.emplace_back().name = name;
      out.back().result.poly = Poly::Any;
    }
    if (text(r[1]) == "0")
      out.back().result = sigType(text(r[2]));
    else
      out.back().params.push_back(sigType(text(r[2])));
  }
  return out;
}

llvm::Expected<double> shc::estimateMySqlRows(MySqlDb &db, llvm::StringRef statement) {
  auto rows = db.query("EXPLAIN " + statement.rtrim(" ;\n").str());
  if (!rows)
    return rows.takeError();
  // id, select_type, table, type, possible_keys, key, key_len, ref, rows, ...
  if (rows->empty() || rows->front().size() < 9)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "EXPLAIN returned nothing");
  double n = 0;
  if (!rows->front()[8] || llvm::StringRef(*rows->front()[8]).getAsDouble(n))
    return 0.0; // e.g. "Impossible WHERE": no table is read
  return n;
}
