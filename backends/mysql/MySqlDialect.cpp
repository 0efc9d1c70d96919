//===- MySqlDialect.cpp - MySQL and MariaDB --------------------------------===//
//
// Expressions are MySQL's SQL, typed as MariaDB 10.11 types them in its
// default strict mode (MySqlCatalog.h), and emitted in MySQL's spellings
// (MySqlEmitter.h).
//
//===----------------------------------------------------------------------===//

#include "backends/mysql/MySqlDialect.h"

#include "backends/mysql/MySqlRuntime.h"

using namespace shc;

/// Connector/C (MySqlRuntime.h): apply, plan --uri and --uri on compile and
/// lint.
const Runtime *MySqlDialect::runtime() const {
  static const MySqlRuntime runtime(parseMySqlColumnType);
  return &runtime;
}

const Dialect &shc::mysqlDialect() {
  static const MySqlDialect dialect;
  return dialect;
}
