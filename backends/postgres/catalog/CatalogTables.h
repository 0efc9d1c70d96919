//===- CatalogTables.h - PostgreSQL 15's catalogue, as tables ------*- C++ -*-===//
//
// The rows PostgresCatalog answers from: pg_proc, pg_operator, pg_cast and
// pg_type (typcategory, typispreferred), restricted to the modelled types
// (docs/typing.md says how they were extracted).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Catalog.h"
#include "ir/FunctionProperties.h"
#include "ir/Signature.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace shc::pg {

/// pg_proc: all overloads of a function name (lower-case), in catalogue
/// order; empty when the function is not in the catalogue.
llvm::ArrayRef<Signature> lookupFunction(llvm::StringRef name);

/// pg_operator: all overloads of an operator; prefix operators have one
/// parameter.
llvm::ArrayRef<Signature> lookupOperator(llvm::StringRef name, bool prefix);

/// pg_cast plus automatic I/O conversion: the least permissive context in
/// which `from` casts to `to`.
std::optional<CastContext> findCast(const Type &from, const Type &to);

/// Volatility, strictness and the algebra role of `name` called with
/// `numArgs` arguments (FunctionProperties.cpp).
const FunctionProperties &functionProperties(llvm::StringRef name, size_t numArgs);

/// customSQL through libpg_query (CustomSqlParser.cpp).
CustomSqlParse parseCustomSql(llvm::StringRef sql);
StatementFacts describeStatement(llvm::StringRef text);

/// pg_type.typcategory and typispreferred.
TypeCategory category(const Type &t);
bool isPreferred(const Type &t);

} // namespace shc::pg
