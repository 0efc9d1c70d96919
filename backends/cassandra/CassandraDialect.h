//===- CassandraDialect.h - Cassandra (CQL) -------------------------*- C++ -*-===//
#pragma once

namespace shc {
class Dialect;
const Dialect &cassandraDialect();
} // namespace shc
