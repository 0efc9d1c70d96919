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
  /// ILIKE / NOT ILIKE; where it is missing, what to write instead.
  bool ilike = true;
  llvm::StringRef ilikeInstead = "LIKE, which ignores ASCII case";
  /// E'...' strings with backslash escapes.
  bool escapeStrings = true;
  /// $tag$...$tag$ strings.
  bool dollarQuotes = true;
  /// Function forms with keyword arguments: EXTRACT(f FROM x),
  /// POSITION(a IN b), SUBSTRING(x FROM a FOR b), TRIM(BOTH c FROM x).
  bool keywordArgumentForms = true;
  /// `x == y` as `x = y` (SQLite).
  bool doubleEquals = false;
  /// `x [NOT] GLOB pattern` (SQLite): glob(pattern, x).
  bool glob = false;
  /// `x IS [NOT] y` for any y, as IS [NOT] DISTINCT FROM (SQLite).
  bool isAnyExpr = false;
  /// '...' strings take backslash escapes (\n, \', \\), "..." is a string
  /// too, `...` quotes an identifier, and # starts a comment (MySQL).
  bool backslashStrings = false;
  /// `a || b` and `a && b` are OR and AND (MySQL's default sql_mode).
  bool logicalPipes = false;
  /// DIV, MOD, XOR, REGEXP/RLIKE and the NULL-safe `<=>` (MySQL).
  bool wordOperators = false;
  /// `INTERVAL expr unit` (MySQL: INTERVAL 1 DAY, INTERVAL n HOUR).
  bool intervalExprUnit = false;
};

} // namespace shc
