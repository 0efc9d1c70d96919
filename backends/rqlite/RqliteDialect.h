//===- RqliteDialect.h - rqlite -------------------------------------*- C++ -*-===//
#pragma once

namespace shc {
class Dialect;
const Dialect &rqliteDialect();
} // namespace shc
