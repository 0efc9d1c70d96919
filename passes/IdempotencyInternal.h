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

/// A verdict on a value that reads the column it is assigned to, with its
/// reason ("" for Idempotent).
struct SelfVerdict {
  Verdict verdict;
  std::string reason;
};

/// Whether `value`, assigned to `column` and reading it, gives the same value
/// when applied to its own result (IdempotencyAlgebra.cpp): proved by the
/// algebra, refuted (x + 1, a replace whose pattern re-forms, with an input
/// that shows it), or unknown with what the proof lacks.
SelfVerdict judgeSelfAssignment(const Expr &value, const Table *table, llvm::StringRef column);

/// A CASE over the column: idempotent when it maps each of its outputs to
/// itself, not idempotent when one of them maps to another output.
SelfVerdict judgeCase(const CaseExpr &c, const Table *table, llvm::StringRef column);

/// Whether `where` holds a conjunct that the update's own assignments make
/// false (`c IS NULL`, `c <> v`, `c IS DISTINCT FROM v` with `c = v`
/// assigned): a second run then matches no updated row. Returns the guarded
/// column, or "".
std::string findGuard(const UpdateOp &u);

/// True when `e` refers to column `column` of `table` (bare or qualified).
bool isColumn(const Expr &e, const std::string &table, llvm::StringRef column);

} // namespace idem
} // namespace shc
