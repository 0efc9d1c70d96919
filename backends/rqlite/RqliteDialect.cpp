//===- RqliteDialect.cpp - rqlite: SQLite behind an HTTP API ---------------===//

#include "backends/rqlite/RqliteDialect.h"

#include "backends/common/UncheckedDialect.h"
#include "backends/sqlite/SqliteDialect.h"

using namespace shc;

const Dialect &shc::rqliteDialect() {
  static const UncheckedDialect dialect("rqlite", "rqlite", parseSqliteColumnType);
  return dialect;
}
