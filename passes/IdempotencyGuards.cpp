//===- IdempotencyGuards.cpp - WHERE guards an update makes false ---------===//
//
// An update whose WHERE holds a conjunct that its own assignments make false
// matches none of the rows it updated when it runs again. The rows it did not
// update are unchanged, and a deterministic WHERE (checked by the caller,
// with no later operation writing what it reads) matches them again or not
// alike, so a second run changes nothing. The guard a not-idempotent hint
// suggests is built here too, in a form findGuard recognises, so adding it
// clears the diagnostic.
//
//===----------------------------------------------------------------------===//

#include "passes/Determinism.h"
#include "passes/Effects.h"
#include "passes/IdempotencyInternal.h"

#include "llvm/ADT/STLExtras.h"

#include <functional>

using namespace shc;
using namespace shc::idem;

namespace {

void conjuncts(const Expr &e, std::vector<const Expr *> &out) {
  if (auto *b = llvm::dyn_cast<BinaryExpr>(&e); b && b->op == BinaryExpr::Op::And) {
    if (b->lhs)
      conjuncts(*b->lhs, out);
    if (b->rhs)
      conjuncts(*b->rhs, out);
    return;
  }
  out.push_back(&e);
}

/// A canonical text of `e` for comparing two expressions, types and
/// parentheses ignored; nullopt for forms not compared (subqueries).
std::optional<std::string> exprKey(const Expr &e) {
  auto sub = [](const ExprPtr &x) -> std::optional<std::string> {
    return x ? exprKey(*x) : std::optional<std::string>("-");
  };
  auto list = [&](const std::vector<ExprPtr> &xs) -> std::optional<std::string> {
    std::string out;
    for (const ExprPtr &x : xs) {
      std::optional<std::string> k = sub(x);
      if (!k)
        return std::nullopt;
      out += *k + ",";
    }
    return out;
  };
  auto join = [](std::initializer_list<std::optional<std::string>> parts)
      -> std::optional<std::string> {
    std::string out;
    for (const auto &p : parts) {
      if (!p)
        return std::nullopt;
      out += *p + " ";
    }
    return out;
  };
  switch (e.getKind()) {
  case Expr::Kind::Literal: {
    const auto &lit = llvm::cast<LiteralExpr>(e);
    return "lit" + std::to_string(static_cast<int>(lit.litKind)) + ":" + lit.text;
  }
  case Expr::Kind::ColumnRef: {
    const auto &ref = llvm::cast<ColumnRefExpr>(e);
    return "col:" + (ref.table ? ref.table->name : ref.qualifier) + "." + ref.name;
  }
  case Expr::Kind::Unary: {
    const auto &u = llvm::cast<UnaryExpr>(e);
    return join({"unary" + std::to_string(static_cast<int>(u.op)), sub(u.operand)});
  }
  case Expr::Kind::Binary: {
    const auto &b = llvm::cast<BinaryExpr>(e);
    return join({"bin" + std::to_string(static_cast<int>(b.op)), sub(b.lhs), sub(b.rhs)});
  }
  case Expr::Kind::FuncCall: {
    const auto &f = llvm::cast<FuncCallExpr>(e);
    return join({"fn:" + f.name + (f.distinct ? "/d" : "") + (f.star ? "/*" : ""),
                 list(f.args)});
  }
  case Expr::Kind::Cast: {
    const auto &c = llvm::cast<CastExpr>(e);
    return join({"cast:" + c.target.str(), sub(c.operand)});
  }
  case Expr::Kind::Case: {
    const auto &c = llvm::cast<CaseExpr>(e);
    std::optional<std::string> out = join({"case", sub(c.operand), sub(c.elseExpr)});
    for (const CaseExpr::When &w : c.whens)
      out = join({out, sub(w.cond), sub(w.result)});
    return out;
  }
  case Expr::Kind::IsTest: {
    const auto &t = llvm::cast<IsTestExpr>(e);
    return join({"is" + std::to_string(static_cast<int>(t.test)) + (t.negated ? "n" : ""),
                 sub(t.operand)});
  }
  case Expr::Kind::IsDistinct: {
    const auto &d = llvm::cast<IsDistinctExpr>(e);
    return join({std::string(d.negated ? "notdistinct" : "distinct"), sub(d.lhs), sub(d.rhs)});
  }
  default:
    return std::nullopt;
  }
}

/// `v`, assigned to `column` by `u`, is the same after the update as the
/// value it wrote: deterministic, reading no column the update writes except
/// `column` itself through a value the algebra proves idempotent.
bool stableAfterUpdate(const UpdateOp &u, const Expr &v, llvm::StringRef column,
                       const Catalog &catalog) {
  if (findNonDeterminism(v, catalog))
    return false;
  bool readsWritten = false, readsOwn = false;
  forEachBaseRead(v, [&](const ColumnRefExpr &ref) {
    ColumnAccess read = columnAccess(ref, u.table);
    if (read.table != u.table)
      return;
    if (read.column == column)
      readsOwn = true;
    else if (llvm::any_of(u.assignments, [&](const Assignment &a) { return a.column == read.column; }))
      readsWritten = true;
  });
  if (readsWritten)
    return false;
  return !readsOwn ||
         judgeSelfAssignment(v, u.resolved, column, catalog).verdict == Verdict::Idempotent;
}

const Assignment *assignedIn(const UpdateOp &u, const Expr &colExpr) {
  for (const Assignment &a : u.assignments)
    if (a.value && isColumn(colExpr, u.table, a.column))
      return &a;
  return nullptr;
}

/// Whether `other` is the value `a` assigns, so that `col <> other` is false
/// once the update ran.
bool sameAsAssigned(const UpdateOp &u, const Assignment &a, const Expr &other,
                    const Catalog &catalog) {
  std::optional<std::string> assignedKey = literalKey(*a.value);
  if (assignedKey)
    return *assignedKey != "\x01null" && literalKey(other) == assignedKey;
  std::optional<std::string> k = exprKey(*a.value);
  return k && exprKey(other) == k && stableAfterUpdate(u, *a.value, a.column, catalog);
}

/// describe() of `e` is SQL a user can paste into a where:.
bool describesAsSql(const Expr &e) {
  bool ok = true;
  std::function<void(const Expr &)> visit = [&](const Expr &x) {
    if (auto *f = llvm::dyn_cast<FuncCallExpr>(&x))
      ok = ok && (f->form == FuncCallExpr::Form::Plain || f->form == FuncCallExpr::Form::NoParens ||
                  f->form == FuncCallExpr::Form::Trim || f->form == FuncCallExpr::Form::Substring);
    else if (auto *b = llvm::dyn_cast<BinaryExpr>(&x))
      ok = ok && b->op != BinaryExpr::Op::AtTimeZone;
    else
      ok = ok && (llvm::isa<LiteralExpr>(x) || llvm::isa<ColumnRefExpr>(x) ||
                  llvm::isa<UnaryExpr>(x) || llvm::isa<CastExpr>(x));
    forEachChild(x, visit);
  };
  visit(e);
  return ok;
}

} // namespace

std::string idem::findGuard(const UpdateOp &u, const Catalog &catalog) {
  if (!u.where)
    return "";
  std::vector<const Expr *> parts;
  conjuncts(*u.where, parts);
  for (const Expr *p : parts) {
    if (auto *t = llvm::dyn_cast<IsTestExpr>(p);
        t && t->test == IsTestExpr::Test::Null && !t->negated && t->operand) {
      if (const Assignment *a = assignedIn(u, *t->operand); a && isNeverNull(*a->value, catalog))
        return a->column;
      continue;
    }
    const Expr *lhs = nullptr, *rhs = nullptr;
    if (auto *b = llvm::dyn_cast<BinaryExpr>(p); b && b->op == BinaryExpr::Op::Ne) {
      lhs = b->lhs.get();
      rhs = b->rhs.get();
    } else if (auto *d = llvm::dyn_cast<IsDistinctExpr>(p); d && !d->negated) {
      lhs = d->lhs.get();
      rhs = d->rhs.get();
    }
    if (!lhs || !rhs)
      continue;
    for (auto [col, other] : {std::pair(lhs, rhs), std::pair(rhs, lhs)})
      if (const Assignment *a = assignedIn(u, *col); a && sameAsAssigned(u, *a, *other, catalog))
        return a->column;
  }
  return "";
}

std::string idem::suggestGuard(
    const UpdateOp &u, const Catalog &catalog,
    const std::function<bool(const std::string &, llvm::StringRef)> &writtenLater) {
  auto readsLaterWrite = [&](const Expr &v) {
    bool found = false;
    forEachBaseRead(v, [&](const ColumnRefExpr &ref) {
      ColumnAccess read = columnAccess(ref, u.table);
      found = found || writtenLater(read.table, read.column);
    });
    return found;
  };
  for (const Assignment &a : u.assignments) {
    if (!a.value || writtenLater(u.table, a.column) || readsLaterWrite(*a.value))
      continue;
    bool literal = literalKey(*a.value) && literalKey(*a.value) != "\x01null";
    if (describesAsSql(*a.value) &&
        (literal || (exprKey(*a.value) && stableAfterUpdate(u, *a.value, a.column, catalog))))
      return a.column + " IS DISTINCT FROM " + describe(*a.value);
  }
  for (const Assignment &a : u.assignments)
    if (a.value && a.resolved && !a.resolved->notNull && !writtenLater(u.table, a.column) &&
        isNeverNull(*a.value, catalog))
      return a.column + " IS NULL";
  return "";
}
