//===- Determinism.cpp - what changes between two runs ---------------------===//

#include "passes/Determinism.h"

#include "ir/Module.h"
#include "passes/FunctionProperties.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace shc;

namespace {

/// PostgreSQL's date/time input reads these words as the moment of the run
/// (datetktbl: NOW, TODAY, TOMORROW, YESTERDAY); 'epoch' and 'infinity' are
/// constants.
bool isRelativeTimeWord(llvm::StringRef text) {
  llvm::SmallVector<llvm::StringRef, 4> words;
  llvm::StringRef(text).split(words, ' ', -1, /*KeepEmpty=*/false);
  return llvm::any_of(words, [](llvm::StringRef w) {
    std::string l = w.trim().lower();
    return l == "now" || l == "today" || l == "tomorrow" || l == "yesterday";
  });
}

bool isTimeType(const Type &t) {
  return t.is(TypeKind::Date) || t.is(TypeKind::Time) || t.is(TypeKind::TimeTz) ||
         t.is(TypeKind::Timestamp) || t.is(TypeKind::TimestampTz);
}

std::optional<NonDeterminism> find(const Expr &e, bool followDerived, unsigned depth) {
  if (auto *f = llvm::dyn_cast<FuncCallExpr>(&e))
    if (functionProperties(f->name, f->args.size()).runVarying)
      return NonDeterminism{f->getLoc(), f->name + "()", f};
  if (auto *lit = llvm::dyn_cast<LiteralExpr>(&e))
    if (lit->litKind == LiteralExpr::LitKind::String && isTimeType(lit->getType()) &&
        isRelativeTimeWord(lit->text))
      return NonDeterminism{lit->getLoc(), "'" + lit->text + "' (the time of the run)", nullptr};
  if (auto *c = llvm::dyn_cast<CastExpr>(&e))
    if (auto *lit = llvm::dyn_cast_or_null<LiteralExpr>(c->operand.get()))
      if (lit->litKind == LiteralExpr::LitKind::String && isTimeType(c->target) &&
          isRelativeTimeWord(lit->text))
        return NonDeterminism{lit->getLoc(), "'" + lit->text + "' (the time of the run)", nullptr};
  std::optional<NonDeterminism> found;
  auto visit = [&](const Expr &child, unsigned d) {
    if (!found)
      found = find(child, followDerived, d);
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

std::optional<NonDeterminism> shc::findNonDeterminism(const Expr &e, bool followDerived) {
  return find(e, followDerived, 0);
}

bool shc::isNeverNull(const Expr &e) {
  auto all = [](const auto &range) {
    return llvm::all_of(range, [](const ExprPtr &a) { return a && isNeverNull(*a); });
  };
  auto any = [](const auto &range) {
    return llvm::any_of(range, [](const ExprPtr &a) { return a && isNeverNull(*a); });
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
    return u.operand && isNeverNull(*u.operand);
  }
  case Expr::Kind::Binary: {
    const auto &b = llvm::cast<BinaryExpr>(e);
    if (b.op == BinaryExpr::Op::JsonGet || b.op == BinaryExpr::Op::JsonGetText)
      return false;
    return b.lhs && b.rhs && isNeverNull(*b.lhs) && isNeverNull(*b.rhs);
  }
  case Expr::Kind::Cast: {
    const auto &c = llvm::cast<CastExpr>(e);
    return c.operand && isNeverNull(*c.operand);
  }
  case Expr::Kind::FuncCall: {
    const auto &f = llvm::cast<FuncCallExpr>(e);
    if (f.name == "coalesce" || f.name == "greatest" || f.name == "least")
      return any(f.args);
    return functionProperties(f.name, f.args.size()).nullPreserving && all(f.args);
  }
  case Expr::Kind::IsTest:
  case Expr::Kind::IsDistinct:
  case Expr::Kind::Exists:
    return true;
  default:
    return false;
  }
}
