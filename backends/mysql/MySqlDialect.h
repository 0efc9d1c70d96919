//===- MySqlDialect.h - MySQL and MariaDB ---------------------------*- C++ -*-===//
#pragma once

namespace shc {
class Dialect;
const Dialect &mysqlDialect();
} // namespace shc
