#pragma once

// Internal to the typecheck pass: the expression checker. It types every node
// bottom-up the way PostgreSQL's parse analysis (transformExpr) does, coerces
// unknown literals with their input validated, and reports through the
// DiagnosticEngine. Split over TypeCheckExpr.cpp (operators, literals, casts),
// TypeCheckCalls.cpp (functions, CASE, COALESCE, IN, subqueries) and
// TypeCheckCoerce.cpp (coercions).

#include "ir/Diagnostics.h"
#include "ir/Expr.h"
#include "passes/TypeCheckInternal.h"

#include "ir/Catalog.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace shc {

class Catalog;

class ExprChecker {
public:
  /// The clause being checked, for "aggregate functions are not allowed in
  /// UPDATE/WHERE/LIMIT".
  enum class Clause {
    UpdateSet,
    Where,
    SelectList,
    Limit,
    Values,
    JoinOn,
    Returning,
    GroupBy,
    Having,
    OrderBy,
    Offset
  };

  ExprChecker(DiagnosticEngine &diags, const Catalog &catalog) : diags(diags), catalog(catalog) {}

  /// Overloads read from a live database's pg_proc (--uri) for names outside
  /// the built-in catalogue; with `authoritative`, a name found in neither
  /// does not exist (an error, as PostgreSQL would say), not just unchecked.
  void setLiveFunctions(llvm::ArrayRef<Signature> functions, bool authoritative);

  /// Types `e` and its children; returns e's type (Error after a reported
  /// problem, Any when not type-checked).
  Type check(Expr &e);

  // --- coercions (TypeCheckCoerce.cpp) ---------------------------------------

  /// coerce_type for an already-typed expression: an unknown literal takes
  /// `target` after its text is validated as `target`'s input. Other
  /// expressions are left alone (the caller checked the cast exists). False
  /// after reporting an invalid literal.
  bool coerceLiteral(Expr &e, const Type &target, bool explicitCast = false);
  /// coerce_to_boolean: `argument of WHERE must be type boolean, not type
  /// integer` under `rule`.
  bool coerceToBoolean(Expr &e, llvm::StringRef construct, llvm::StringRef rule = "type-mismatch");
  /// select_common_type + coerce_to_common_type over `exprs` (already
  /// typed); `context` names the construct in messages ("CASE",
  /// "COALESCE"); `convertContexts` optionally names it per expression
  /// ("CASE/ELSE", "CASE/WHEN"). Returns the common type, Any if an input is
  /// opaque, Error after a report.
  Type unify(llvm::ArrayRef<Expr *> exprs, llvm::StringRef context,
             llvm::ArrayRef<llvm::StringRef> convertContexts = {});
  /// PostgreSQL's assignment-time constant folding of a number literal cast
  /// to `target`: `smallint out of range`, `numeric field overflow`.
  bool checkNumberConstant(Expr &e, const Type &target);
  /// The errors PostgreSQL raises while folding constants at plan time
  /// (TypeCheckFold.cpp): `division by zero`, `integer out of range`,
  /// `'abc'::text::int`, `sqrt(-1)`. With `assignedTo`, a constant value is
  /// also checked against the column type (`smallint out of range` for
  /// `20000 + 20000`). False after reporting.
  bool foldConstants(Expr &e, const Type *assignedTo = nullptr);
  /// Gives remaining unknown string literals type text, as PostgreSQL
  /// resolves them in output positions.
  static void resolveLeftoverUnknowns(Expr &e);

  DiagnosticEngine &diags;
  const Catalog &catalog;
  llvm::StringMap<llvm::SmallVector<Signature, 2>> liveFunctions;
  bool liveAuthoritative = false;
  Clause clause = Clause::UpdateSet;

private:
  // TypeCheckExpr.cpp
  Type checkLiteral(LiteralExpr &e);
  /// The literal's type: the catalogue's rule, else PostgreSQL's lexer's.
  Type numberLiteralType(llvm::StringRef text, bool integer) const;
  Type checkColumn(ColumnRefExpr &e);
  Type checkUnary(UnaryExpr &e);
  Type checkBinary(BinaryExpr &e);
  Type checkCast(CastExpr &e);
  Type checkBetween(BetweenExpr &e);
  Type checkLike(LikeExpr &e);
  Type checkIsTest(IsTestExpr &e);
  Type checkTimezoneConvert(TimezoneConvertExpr &e);

  // TypeCheckFold.cpp
public:
  struct ConstValue {
    enum Kind { Int, Num, Str } kind;
    std::string text; ///< decimal text (Int, Num) or the string (Str)
    int64_t i;        ///< the value of an Int
  };

private:
  std::optional<ConstValue> fold(Expr &e, bool &ok);
  bool checkConstantAs(const Expr &e, const ConstValue &v, const Type &target,
                       bool explicitCast = false);
  bool foldReport(const Expr &e, const std::string &message, const std::string &detail = "");

  // TypeCheckCalls.cpp
  Type checkFuncCall(FuncCallExpr &e);
  Type checkSpecialForm(FuncCallExpr &e, bool &handled);
  Type checkCase(CaseExpr &e);
  Type checkInList(InListExpr &e);
  Type checkInSubquery(InSubqueryExpr &e);
  Type checkSubquery(SubqueryExpr &e);

public:
  /// Types a SELECT and returns its output column types; a `*` over an
  /// unresolved table contributes one Any and sets selectWidthUnknown.
  /// Without `resolveUnknowns` (the SELECT of an INSERT), unknown literals
  /// in the select list stay unknown for the target columns to coerce.
  llvm::SmallVector<Type, 2> checkSelect(SelectStmt &q, bool resolveUnknowns = true);
  /// The select list (or RETURNING list) part of checkSelect, in the
  /// current clause; `*` stands for the columns of `starTables`.
  llvm::SmallVector<Type, 2> checkOutputList(std::vector<SelectStmt::Item> &items,
                                             llvm::ArrayRef<const Table *> starTables,
                                             bool resolveUnknowns = true);
  /// A FROM list: its subqueries (typing the tables they stand for) and
  /// its ON conditions, as booleans (TypeCheckSelect.cpp).
  void checkFrom(std::vector<TableRef> &from);

private:
  // TypeCheckSelect.cpp
  void checkSelectKeys(SelectStmt &q);
  /// LIMIT and OFFSET take a bigint.
  void checkRowCount(Expr &e, Clause c, llvm::StringRef what);
  /// "column must appear in the GROUP BY clause or be used in an aggregate
  /// function" for a grouped query.
  void checkGrouping(SelectStmt &q);

public:
  bool selectWidthUnknown = false;

public:
  /// Resolves operator `op` over `lhs` (null for prefix) and `rhs`, coercing
  /// unknown literals; reports `operator does not exist: ...` at `loc`.
  /// `lhsParam`, when given, receives the type the left operand is coerced
  /// to (NULLIF's result type).
  Type applyOperator(llvm::StringRef op, Expr *lhs, Expr &rhs, SourceLoc loc,
                     Type *lhsParam = nullptr);
  /// Resolves function `name` over `args` in call order; `displayName` is
  /// used in messages (pg_catalog.timezone for AT TIME ZONE).
  Type applyFunction(llvm::StringRef name, llvm::ArrayRef<Expr *> args, SourceLoc loc,
                     llvm::StringRef displayName, const Signature **chosen = nullptr);
};

class UpdateOp;
struct Column;
struct SqlStatement;

/// TypeCheck.cpp: the SET values of an update against their columns, and
/// its WHERE.
void checkUpdateOp(UpdateOp &op, ExprChecker &checker);
/// transformAssignedExpr: `value` (typed) assigned or inserted into `col`.
void checkAssignedValue(Expr &value, const Column &col, const Table &table,
                        ExprChecker &checker);
/// Whether a value of type `t` reaches `col`'s type by an implicit or
/// assignment cast; false when either is opaque, and after reporting the
/// mismatch at `loc`.
bool checkAssignableType(const Type &t, const Column &col, SourceLoc loc, ExprChecker &checker);
/// Types the columns of the table a WITH query or FROM subquery stands for
/// from its output columns (unknown literals as text).
void typeDerivedColumns(Table &derived, llvm::ArrayRef<Type> outputs);
/// Plan-time constant folding and output unknowns of a value, after check.
void finishValue(Expr &value, unsigned errorsBefore, const Type *assignedTo,
                 ExprChecker &checker);
/// TypeCheckStatements.cpp: a customSQL statement and its WITH queries.
void checkStatement(SqlStatement &st, ExprChecker &checker);

/// An aggregate call (resolved by check) in `e` at its query level: not
/// inside a subquery, but in the operand of `x IN (SELECT ...)`; or null.
const FuncCallExpr *findAggregate(const Expr &e);

/// The unknown-typed literal `e` is ('abc' or NULL), or null.
LiteralExpr *asUnknownLiteral(Expr &e);
/// The catalogue's spelling of an argument type, without modifiers
/// (format_type_be on PostgreSQL).
std::string argTypeName(const Catalog &cat, const Type &t);

} // namespace shc
