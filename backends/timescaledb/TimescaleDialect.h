//===- TimescaleDialect.h - TimescaleDB, PostgreSQL with hypertables -*- C++ -*-===//
#pragma once

namespace shc {
class Dialect;
const Dialect &timescaleDialect();
} // namespace shc
