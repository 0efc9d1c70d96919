//===- SqliteDialect.h - SQLite -------------------------------------*- C++ -*-===//
#pragma once

#include "ir/Types.h"

#include "llvm/ADT/StringRef.h"

#include <optional>

namespace shc {
class Dialect;
const Dialect &sqliteDialect();
/// A column type by SQLite's affinity rules (rqlite reads the same).
std::optional<Type> parseSqliteColumnType(llvm::StringRef spelling);
} // namespace shc
