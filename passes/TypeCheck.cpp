//===- TypeCheck.cpp - the typecheck pass ----------------------------------===//
//
// Types every expression of every update and checks what PostgreSQL's
// transformUpdateStmt checks: each SET value against its column's type with
// assignment-cast rules (transformAssignedExpr), and WHERE as a boolean. The
// expression rules live in TypeCheckExpr/Calls/Coerce.cpp, the customSQL
// statements in TypeCheckStatements.cpp.
//
//===----------------------------------------------------------------------===//

#include "ir/Catalog.h"
#include "ir/Module.h"
#include "passes/Passes.h"
#include "passes/TypeCheckExpr.h"

using namespace shc;

namespace {

class TypeCheckPass : public Pass {
public:
  llvm::StringRef getName() const override { return "typecheck"; }
  LogicalResult run(Module &module, PassContext &ctx) override;
};

LogicalResult TypeCheckPass::run(Module &module, PassContext &ctx) {
  unsigned errorsBefore = ctx.diags.getNumErrors();
  ExprChecker checker(ctx.diags, ctx.catalog);
  checker.setLiveFunctions(module.liveFunctions, module.liveFunctionsLoaded);
  for (const auto &m : module.migrations)
    for (const OperationPtr &op : m->operations) {
      unsigned before = ctx.diags.getNumErrors();
      if (auto *u = llvm::dyn_cast<UpdateOp>(op.get()))
        checkUpdateOp(*u, checker);
      else if (auto *c = llvm::dyn_cast<CustomSqlOp>(op.get()))
        for (SqlStatement &st : c->statements)
          if (st.analysed)
            checkStatement(st, checker);
      if (op && ctx.diags.getNumErrors() != before)
        op->hasErrors = true;
    }
  return ctx.diags.getNumErrors() == errorsBefore ? success() : failure();
}

} // namespace

void shc::finishValue(Expr &value, unsigned errorsBefore, const Type *assignedTo,
                      ExprChecker &checker) {
  // Plan-time errors only when parse analysis found none (PostgreSQL's order).
  if (checker.diags.getNumErrors() == errorsBefore)
    (void)checker.foldConstants(value, assignedTo);
  ExprChecker::resolveLeftoverUnknowns(value);
}

/// staticUpdate `status: "NULL"`: YAML's quotes make the text NULL, not SQL
/// NULL. Into a text column it is stored as that text: a warning with the
/// fix. Into any other column it is invalid input: PostgreSQL's error, with
/// the fix as a hint (one diagnostic either way). True when that error was
/// reported and the value must not be checked again.
static bool checkQuotedNull(Expr &value, const Column &col, ExprChecker &checker) {
  LiteralExpr *lit = asUnknownLiteral(value);
  if (!lit || lit->litKind != LiteralExpr::LitKind::String ||
      !llvm::StringRef(lit->text).equals_insensitive("null") || isOpaque(col.type))
    return false;
  const char *fix = "write null without quotes for SQL NULL";
  LiteralInputError err;
  if (checker.catalog.checkLiteralInput(col.type, lit->text, err)) {
    checker.diags
        .warning(value.getLoc(), "quoted-null",
                 "\"" + lit->text + "\" in quotes is the text '" + lit->text + "', not SQL NULL")
        .hint(std::string(fix) + "; keep the quotes only if you mean the text");
    return false;
  }
  checker.diags.error(value.getLoc(), "invalid-literal", err.message).hint(fix);
  value.setType(Type(TypeKind::Error));
  return true;
}

/// A staticUpdate value the database keeps, but not as the column's type
/// says (the catalogue knows when: SQLite's affinity).
static void warnStorage(Expr &value, const Column &col, ExprChecker &checker) {
  if (isOpaque(col.type))
    return;
  // A string literal; and a number where the catalogue reads numbers as
  // input too (MySQL rounds 1.234 into decimal(5,2) as it rounds '1.234').
  std::string text;
  LiteralExpr *lit = asUnknownLiteral(value);
  if (lit && lit->litKind == LiteralExpr::LitKind::String)
    text = lit->text;
  else if (checker.catalog.numberConstantsAsInput())
    text = numberText(value);
  if (text.empty())
    return;
  std::string why = checker.catalog.literalStorageWarning(col.type, text);
  if (!why.empty())
    checker.diags.warning(value.getLoc(), checker.catalog.literalStorageRule(),
                          "column \"" + col.name + "\": " + why);
}

void shc::checkUpdateOp(UpdateOp &op, ExprChecker &checker) {
  // An unknown table was reported by resolve; nothing here can be checked.
  if (!op.resolved)
    return;
  for (Assignment &a : op.assignments) {
    if (!a.value)
      continue;
    checker.clause = ExprChecker::Clause::UpdateSet;
    unsigned before = checker.diags.getNumErrors();
    checker.check(*a.value);
    if (a.resolved && op.origin == UpdateOp::Origin::Static &&
        checkQuotedNull(*a.value, *a.resolved, checker))
      continue;
    if (a.resolved && op.origin == UpdateOp::Origin::Static)
      warnStorage(*a.value, *a.resolved, checker);
    if (a.resolved)
      checkAssignedValue(*a.value, *a.resolved, *op.resolved, checker);
    finishValue(*a.value, before, a.resolved ? &a.resolved->type : nullptr, checker);
  }
  if (op.where) {
    checker.clause = ExprChecker::Clause::Where;
    unsigned before = checker.diags.getNumErrors();
    checker.check(*op.where);
    checker.coerceToBoolean(*op.where, "WHERE", "where-not-boolean");
    finishValue(*op.where, before, nullptr, checker);
  }
}

/// transformAssignedExpr: the value must reach the column's type by an
/// implicit or assignment cast; an unknown literal must be valid input for
/// it (length limits included).
void shc::checkAssignedValue(Expr &value, const Column &col, const Table &table,
                             ExprChecker &checker) {
  const Type &colType = col.type;
  if (LiteralExpr *lit = asUnknownLiteral(value)) {
    if (lit->litKind == LiteralExpr::LitKind::Null) {
      value.setType(colType);
      if (col.notNull)
        checker.diags.warning(value.getLoc(), "null-into-not-null",
                              "null value in column \"" + col.name + "\" of relation \"" +
                                  table.name + "\" violates not-null constraint");
      return;
    }
    if (isOpaque(colType)) {
      value.setType(colType);
      return;
    }
    checker.coerceLiteral(value, colType);
    return;
  }
  if (checkAssignableType(value.getType(), col, value.getLoc(), checker))
    checker.checkNumberConstant(value, colType);
}

bool shc::checkAssignableType(const Type &t, const Column &col, SourceLoc loc,
                              ExprChecker &checker) {
  if (isOpaque(t) || isOpaque(col.type))
    return false;
  std::optional<CastContext> ctx = checker.catalog.findCast(t, col.type);
  if (ctx && *ctx != CastContext::Explicit)
    return true;
  checker.diags
      .error(loc, "type-mismatch",
             "column \"" + col.name + "\" is of type " + argTypeName(checker.catalog, col.type) +
                 " but expression is of type " + argTypeName(checker.catalog, t))
      .hint("You will need to rewrite or cast the expression.");
  return false;
}

std::unique_ptr<Pass> shc::createTypeCheckPass() { return std::make_unique<TypeCheckPass>(); }
