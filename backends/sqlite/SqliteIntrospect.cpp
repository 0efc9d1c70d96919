//===- SqliteIntrospect.cpp - tables and columns of a SQLite file ---------===//

#include "backends/sqlite/SqliteIntrospect.h"

#include "backends/sqlite/SqliteDb.h"

using namespace shc;

llvm::Expected<std::vector<LiveTable>> shc::introspectSqliteTables(SqliteDb &db) {
  auto names = db.query("SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view') "
                        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
  if (!names)
    return names.takeError();
  std::vector<LiveTable> tables;
  for (const std::vector<std::string> &n : *names) {
    auto cols = db.query("SELECT name, type, \"notnull\", pk FROM pragma_table_xinfo(?1) "
                         "WHERE hidden <> 1 ORDER BY cid",
                         {n[0]});
    if (!cols) {
      if (n[1] == "view") { // e.g. it names a table dropped since
        llvm::consumeError(cols.takeError());
        continue;
      }
      return cols.takeError();
    }
    LiveTable &t = tables.emplace_back();
    t.name = n[0];
    t.onSearchPath = true;
    for (const std::vector<std::string> &c : *cols)
      t.columns.push_back({c[0], c[1], c[2] != "0", c[3] != "0"});
  }
  return tables;
}
