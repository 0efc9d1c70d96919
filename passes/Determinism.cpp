//===- Determinism.cpp - what changes between two runs ---------------------===//

#include "passes/Determinism.h"

#include "ir/Module.h"
#include "ir/Catalog.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace shc;

namespace {

std::optional<NonDeterminism> find(const Expr &e, const Catalog &cat, bool followDerived,
                                   unsigned depth) {
  if (auto *f = llvm::dyn_cast<FuncCallExpr>(&e))
    if (cat.functionProperties(f->name, f->args.size()).runVarying)
      return NonDeterminism{f->getLoc(), f->name + "()", f};
  if (auto *lit = llvm::dyn_cast<LiteralExpr>(&e))
    if (lit->litKind == LiteralExpr::LitKind::String && cat.isRunTimeLiteral(lit->getType(), lit->text))
      return NonDeterminism{lit->getLoc(), "'" + lit->text + "' (the time of the run)", nullptr};
  if (auto *c = llvm::dyn_cast<CastExpr>(&e))
    if (auto *lit = llvm::dyn_cast_or_null<LiteralExpr>(c->operand.get()))
      if (lit->litKind == LiteralExpr::LitKind::String && cat.isRunTimeLiteral(c->target, lit->text))
        return NonDeterminism{lit->getLoc(), "'" + lit->text + "' (the time of the run)", nullptr};
  std::optional<NonDeterminism> found;
  auto visit = [&](const Expr &child, unsigned d) {
    if (!found)
      found = find(child, cat, followDerived, d);
  };
  // A column of a WITH query or a FROM subquery: what its query computes.
  if (auto *ref = llvm::dyn_cast<ColumnRefExpr>(&e); ref && ref->table && followDerived &&
                                                     depth < 32) {
    if (ref->table->fromSelect)
      forEachSelectExpr(*ref->table->fromSelect, [&](const Expr &c) { visit(c, depth + 1); });
    else if (ref->table->fromQuery)
      forEachQueryExpr(*ref->table->fromQuery, [&](const Expr &c) { visit(c, depth + 1); });
    return found;
  }
  forEachChild(e, [&](const Expr &c) { visit(c, depth); });
  return found;
}

} // namespace

std::optional<NonDeterminism> shc::findNonDeterminism(const Expr &e, const Catalog &cat,
                                                      bool followDerived) {
  return find(e, cat, followDerived, 0);
}

bool shc::isNeverNull(const Expr &e, const Catalog &cat) {
  auto all = [&](const auto &range) {
    return llvm::all_of(range, [&](const ExprPtr &a) { return a && isNeverNull(*a, cat); });
  };
  auto any = [&](const auto &range) {
    return llvm::any_of(range, [&](const ExprPtr &a) { return a && isNeverNull(*a, cat); });
  };
  switch (e.getKind()) {
  case Expr::Kind::Literal:
    return llvm::cast<LiteralExpr>(e).litKind != LiteralExpr::LitKind::Null;
  case Expr::Kind::ColumnRef: {
    const Column *c = llvm::cast<ColumnRefExpr>(e).column;
    return c && c->notNull;
  }
  case Expr::Kind::Unary: {
    const auto &u = llvm::cast<UnaryExpr>(e);
    return u.operand && isNeverNull(*u.operand, cat);
  }
  case Expr::Kind::Binary: {
    const auto &b = llvm::cast<BinaryExpr>(e);
    if (b.op == BinaryExpr::Op::JsonGet || b.op == BinaryExpr::Op::JsonGetText)
      return false;
    return b.lhs && b.rhs && isNeverNull(*b.lhs, cat) && isNeverNull(*b.rhs, cat);
  }
  case Expr::Kind::Cast: {
    const auto &c = llvm::cast<CastExpr>(e);
    return c.operand && isNeverNull(*c.operand, cat);
  }
  case Expr::Kind::FuncCall: {
    const auto &f = llvm::cast<FuncCallExpr>(e);
    if (f.name == "coalesce" || f.name == "greatest" || f.name == "least")
      return any(f.args);
    return cat.functionProperties(f.name, f.args.size()).nullPreserving && all(f.args);
  }
  case Expr::Kind::IsTest:
  case Expr::Kind::IsDistinct:
  case Expr::Kind::Exists:
    return true;
  default:
    return false;
  }
}
