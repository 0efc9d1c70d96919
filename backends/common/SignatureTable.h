//===- SignatureTable.h - function and operator tables from rows ---*- C++ -*-===//
//
// A dialect whose catalogue is a list of rows (SQLite, MySQL) builds its
// lookup tables here: functions and aggregates by name, binary and prefix
// operators by spelling, comparison operators over a list of types, and
// function properties (volatility, NULL handling, algebra role) from compact
// flag strings. Types are spelled as in SignatureText.h.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/FunctionProperties.h"
#include "ir/Signature.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"

#include <vector>

namespace shc {

struct FunctionRow {
  const char *name;
  const char *params; ///< compact type names; "variadic " marks the last one
  const char *result;
};

struct OperatorRow {
  const char *name;
  const char *left; ///< "" for a prefix operator
  const char *right;
  const char *result;
};

struct PropertyRow {
  const char *name;
  char volatility;   ///< 'i' immutable, 's' stable, 'v' volatile
  const char *flags; ///< 'r' runVarying, 'n' nullPreserving, 'o' outsideEffects
  AlgebraRole role;
};

class SignatureTable {
public:
  void addFunctions(llvm::ArrayRef<FunctionRow> rows, bool aggregate = false);
  void addOperators(llvm::ArrayRef<OperatorRow> rows);
  /// = <> < > <= >= over (t, t) -> bool for every t of `types`.
  void addComparisons(llvm::ArrayRef<const char *> types);

  llvm::ArrayRef<Signature> function(llvm::StringRef name) const;
  /// `!=` is `<>`.
  llvm::ArrayRef<Signature> op(llvm::StringRef name, bool prefix) const;

private:
  llvm::StringMap<std::vector<Signature>> functions, binary, prefix;
};

class PropertyTable {
public:
  void add(llvm::ArrayRef<PropertyRow> rows);
  /// The same properties for every name of `names`.
  void addAll(llvm::ArrayRef<const char *> names, char volatility, const char *flags);
  /// FunctionProperties{} for a name not in the table.
  const FunctionProperties &lookup(llvm::StringRef name) const;

private:
  llvm::StringMap<FunctionProperties> rows;
};

} // namespace shc
