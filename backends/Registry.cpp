//===- Registry.cpp - the dialects the tool knows -------------------------===//

#include "backends/Registry.h"

#include "backends/cassandra/CassandraDialect.h"
#include "backends/cockroachdb/CockroachDialect.h"
#include "backends/mysql/MySqlDialect.h"
#include "backends/postgres/PostgresDialect.h"
#include "backends/rqlite/RqliteDialect.h"
#include "backends/sqlite/SqliteDialect.h"
#include "backends/timescaledb/TimescaleDialect.h"

using namespace shc;

namespace {

class Registry : public DialectRegistry {
public:
  llvm::ArrayRef<const Dialect *> all() const override { return list; }

private:
  const Dialect *list[7] = {
      &postgresDialect(), &cockroachDialect(), &timescaleDialect(), &mysqlDialect(),
      &sqliteDialect(),   &rqliteDialect(),    &cassandraDialect(),
  };
};

} // namespace

const DialectRegistry &shc::dialects() {
  static const Registry registry;
  return registry;
}
