//===- ExprSyntax.h - how a dialect writes expressions ---------------*- C++ -*-===//
//
// One grammar (grammar/SqlExpr.g4) reads the expressions of every dialect.
// Each dialect's catalogue says which of the constructs the grammar knows
// belong to its language (Catalog::syntax); the lexer and the IR builder
// reject the others with an error that names the dialect and, where there is
// one, the spelling it uses instead. Add a field here when a dialect brings
// a construct another one lacks.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"

namespace shc {

struct ExprSyntax {
  /// The server's name in messages: "ILIKE is not available in SQLite".
  llvm::StringRef dialectName;
  /// `x::type` casts.
  bool doubleColonCast = true;
  /// ILIKE / NOT ILIKE.
  bool ilike = true;
  /// E'...' strings with backslash escapes.
  bool escapeStrings = true;
  /// $tag$...$tag$ strings.
  bool dollarQuotes = true;
};

} // namespace shc
