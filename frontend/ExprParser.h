#pragma once

#include "ir/Expr.h"
#include "ir/ScalarLocator.h"
#include "ir/Statement.h"

#include "llvm/ADT/StringRef.h"

namespace shc {

class Catalog;
class DiagnosticEngine;

/// Parses one SQL expression, as PostgreSQL writes it (type names are read by
/// `catalog`), from the decoded text of
/// a YAML scalar (a `where`, `condition` or `expression` value). Token
/// positions are mapped through `locator` to file positions. On a syntax error
/// or an unsupported construct, reports a diagnostic at the exact position
/// (rules "expr-syntax" / "unsupported-construct") and returns null. Never
/// throws. A trailing `;` or a second statement is a syntax error.
ExprPtr parseExpression(llvm::StringRef text, const ScalarLocator &locator,
                        const Catalog &catalog, DiagnosticEngine &diags);

/// Parses one customSQL statement (already accepted by PostgreSQL's parser)
/// with the grammar's statement rules into `with` and `query`. A construct
/// the rules do not cover is reported as "unsupported-construct" whose
/// message is the construct alone (the reason the statement stays opaque),
/// or as "expr-syntax" at the first token they cannot place ("not covered by
/// the analysis from "X""): either message is the reason. Never throws.
bool parseStatement(llvm::StringRef text, const ScalarLocator &locator, const Catalog &catalog,
                    std::vector<CommonTableExpr> &with, DmlQuery &query,
                    DiagnosticEngine &diags);

} // namespace shc
