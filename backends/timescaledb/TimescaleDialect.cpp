//===- TimescaleDialect.cpp - TimescaleDB, PostgreSQL with hypertables ----===//
//
// A PostgreSQL extension: the same statements, types, ledger and locks.
//
//===----------------------------------------------------------------------===//

#include "backends/timescaledb/TimescaleDialect.h"

#include "backends/postgres/PostgresDialect.h"

using namespace shc;

const Dialect &shc::timescaleDialect() {
  static const PostgresFlavor flavor{"timescaledb", "TimescaleDB", true, true, {}};
  static const PostgresDialect dialect(flavor);
  return dialect;
}
