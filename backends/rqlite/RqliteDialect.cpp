//===- RqliteDialect.cpp - rqlite: SQLite behind an HTTP API ---------------===//
//
// The SQLite dialect whose statements are replicated as text: compile only
// (no rqlite server can be installed here), and the clock and random
// functions are refused (backends/sqlite/SqliteEmitter.h).
//
//===----------------------------------------------------------------------===//

#include "backends/rqlite/RqliteDialect.h"

#include "backends/sqlite/SqliteDialect.h"

using namespace shc;

const Dialect &shc::rqliteDialect() {
  static const SqliteFlavor flavor{"rqlite", "rqlite", true};
  static const SqliteDialect dialect(flavor);
  return dialect;
}
