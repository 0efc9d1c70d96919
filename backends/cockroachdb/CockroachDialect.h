//===- CockroachDialect.h - CockroachDB, a member of the postgres family -*- C++ -*-===//
#pragma once

namespace shc {
class Dialect;
const Dialect &cockroachDialect();
} // namespace shc
