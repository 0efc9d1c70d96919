//===- IdempotencyInternal.h - expression rules of the idempotency analysis -===//
#pragma once

#include "ir/Module.h"

#include <optional>
#include <string>

namespace shc {
namespace idem {

/// Keeps the worst verdict seen (the first one of that severity).
void mergeVerdict(IdempotencyVerdict &into, Verdict v, std::string reason, SourceLoc loc);

/// IdempotencyStatements.cpp: a customSQL INSERT (its ON CONFLICT DO UPDATE
/// assignments are analysed by the caller as an update) and a SELECT.
IdempotencyVerdict insertVerdict(const InsertStmt &ins);
IdempotencyVerdict selectVerdict(const SelectStmt &s);

/// A short SQL-like rendering of `e` for reasons ("counter + 1").
std::string describe(const Expr &e);

/// Whether `value`, assigned to `column`, is a projection of `column`: applying
/// it to its own result gives that result again (lower, upper, trim, rounding
/// to constant places, a CASE mapping its outputs to themselves ...). Returns
/// nullopt when it is; otherwise the reason it is not (or "" when the form is
/// not recognised).
std::optional<std::string> projectionFailure(const Expr &value, const Table *table,
                                             llvm::StringRef column);

/// Whether `where` holds a conjunct that the update's own assignments make
/// false (`c IS NULL`, `c <> v`, `c IS DISTINCT FROM v` with `c = v`
/// assigned): a second run then matches no updated row. Returns the guarded
/// column, or "".
std::string findGuard(const UpdateOp &u);

/// True when `e` refers to column `column` of `table` (bare or qualified).
bool isColumn(const Expr &e, const std::string &table, llvm::StringRef column);

} // namespace idem
} // namespace shc
