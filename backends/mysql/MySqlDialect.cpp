//===- MySqlDialect.cpp - MySQL and MariaDB --------------------------------===//
//
// Expressions are MySQL's SQL, typed as MariaDB 10.11 types them in its
// default strict mode (MySqlCatalog.h), and emitted in MySQL's spellings
// (MySqlEmitter.h).
//
//===----------------------------------------------------------------------===//

#include "backends/mysql/MySqlDialect.h"

using namespace shc;

const Runtime *MySqlDialect::runtime() const {
  return nullptr; // mysql-runtime helper
}

const Dialect &shc::mysqlDialect() {
  static const MySqlDialect dialect;
  return dialect;
}
