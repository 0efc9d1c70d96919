//===- IdempotencyInternal.h - expression rules of the idempotency analysis -===//
#pragma once

#include "ir/Catalog.h"
#include "ir/Module.h"

#include <functional>
#include <optional>
#include <string>

namespace shc {
namespace idem {

/// Keeps the worst verdict seen (the first one of that severity); true when
/// `v` replaced what `into` held (the guard is the caller's to set).
bool mergeVerdict(IdempotencyVerdict &into, Verdict v, std::string reason, SourceLoc loc);

/// IdempotencyStatements.cpp: a customSQL INSERT (its ON CONFLICT DO UPDATE
/// assignments are analysed by the caller as an update) and a SELECT.
IdempotencyVerdict insertVerdict(const InsertStmt &ins, const Catalog &catalog);
IdempotencyVerdict selectVerdict(const SelectStmt &s, const Catalog &catalog);

/// Whether rows of `table` come from `target`: it is `target`, or a WITH
/// query or FROM subquery that reads it.
bool readsTable(const Table *table, const Table *target, unsigned depth = 0);

/// Where an UPDATE's or DELETE's WHERE (or join condition) reads its own
/// table in a way a first run can change for a second one, with the reason
/// (IdempotencyWhere.cpp); nullopt when it does not.
struct SelfRead {
  SourceLoc loc;
  std::string reason;
};
std::optional<SelfRead> selfReadingWhere(const UpdateOp &u, bool isDelete);

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
SelfVerdict judgeSelfAssignment(const Expr &value, const Table *table, llvm::StringRef column,
                                const Catalog &catalog);

/// A CASE over the column: idempotent when it maps each of its outputs to
/// itself, not idempotent when one of them maps to another output.
SelfVerdict judgeCase(const CaseExpr &c, const Table *table, llvm::StringRef column,
                      const Catalog &catalog);

/// Whether `where` holds a conjunct that the update's own assignments make
/// false, so that a second run matches no updated row: `c IS NULL` with c
/// assigned a value that is never NULL; `c <> v` or `c IS DISTINCT FROM v`
/// with c assigned v, where v is deterministic and reads no column the update
/// writes (or only c, through a value the algebra proves idempotent).
/// Returns the guarded column, or "" (IdempotencyGuards.cpp).
std::string findGuard(const UpdateOp &u, const Catalog &catalog);

/// A condition findGuard recognises, for the hint of a not-idempotent update:
/// `c IS DISTINCT FROM v` for the first assignment it can guard, else
/// `c IS NULL` for a nullable column assigned a value never NULL; "" when
/// none exists. `writtenLater(table, column)` tells which columns later
/// operations write: a guard on, or reading, one of those would not hold.
std::string suggestGuard(const UpdateOp &u, const Catalog &catalog,
                         const std::function<bool(const std::string &, llvm::StringRef)> &writtenLater);

/// The literal text a constant stands for ("\x01null" for NULL); nullopt
/// when `e` is not a literal (or a cast of one).
std::optional<std::string> literalKey(const Expr &e);

/// True when `e` refers to column `column` of `table` (bare or qualified).
bool isColumn(const Expr &e, const std::string &table, llvm::StringRef column);

} // namespace idem
} // namespace shc
