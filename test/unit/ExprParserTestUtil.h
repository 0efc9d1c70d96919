#pragma once
// Test-only helpers for the expression parser tests: parse text into IR and
// dump it as an S-expression (independent of the official IR printer), or
// capture the diagnostic.
#include "frontend/ExprParser.h"
#include "ir/Diagnostics.h"
#include "ir/Expr.h"

#include <string>
#include <vector>

namespace shc::test {

/// Where the parsed text starts in its (fake) file: line 3, column 11.
inline SourceLoc exprStart() { return SourceLoc{1, 3, 11}; }

struct Parsed {
  ExprPtr expr;
  std::vector<Diagnostic> diags;
};

Parsed parseExpr(llvm::StringRef text);

/// The IR as an S-expression, e.g. `(= (col status) (str 'x'))`.
std::string dumpExpr(const Expr &e);
std::string dumpSelect(const SelectStmt &q);

/// The S-expression of `text`, or `error <rule> col <n>: <message>` (n is
/// the 0-based byte offset from the start of the text) for the first
/// diagnostic.
std::string sexpr(llvm::StringRef text);

} // namespace shc::test
