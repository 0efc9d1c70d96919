#pragma once

#include "ir/Expr.h"
#include "ir/ScalarLocator.h"

#include "llvm/ADT/StringRef.h"

namespace shc {

class DiagnosticEngine;

/// Parses one SQL expression, as PostgreSQL writes it, from the decoded text of
/// a YAML scalar (a `where`, `condition` or `expression` value). Token
/// positions are mapped through `locator` to file positions. On a syntax error
/// or an unsupported construct, reports a diagnostic at the exact position
/// (rules "expr-syntax" / "unsupported-construct") and returns null. Never
/// throws. A trailing `;` or a second statement is a syntax error.
ExprPtr parseExpression(llvm::StringRef text, const ScalarLocator &locator,
                        DiagnosticEngine &diags);

} // namespace shc
