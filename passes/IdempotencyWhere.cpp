//===- IdempotencyWhere.cpp - a WHERE that reads the table it changes -----===//
//
// DELETE FROM t WHERE p(row, t): a first run deletes the rows D with p(r, T0)
// and leaves T1 = T0 - D. A second run deletes the rows of T1 with p(r, T1).
// When p reads t only through EXISTS or IN (not negated, not aggregated, no
// LIMIT), p is monotone in the rows of t: p(r, T1) implies p(r, T0), which
// is false for every r left, so the second run deletes nothing. The
// self-join of DELETE ... USING t (deduplication) is such a case. Under NOT
// (NOT EXISTS, NOT IN), in a scalar subquery or with an aggregate or LIMIT,
// deleting rows can make p true for others (WHERE id = (SELECT max(id) FROM
// t) deletes a row on every run): unknown.
//
// UPDATE t ... WHERE p(row, t) changes values, not rows: a subquery on t that
// reads a column the UPDATE writes sees other values on a second run
// (SET flag = true WHERE id IN (SELECT manager_id FROM t WHERE flag) spreads
// one level further on every run): unknown. The other positions are judged
// as for DELETE.
//
//===----------------------------------------------------------------------===//

#include "passes/Effects.h"
#include "passes/IdempotencyInternal.h"

#include "llvm/ADT/STLExtras.h"

#include <functional>

using namespace shc;
using namespace shc::idem;

namespace {

const SelectStmt *subqueryOf(const Expr &e) {
  if (auto *x = llvm::dyn_cast<ExistsExpr>(&e))
    return x->query.get();
  if (auto *x = llvm::dyn_cast<InSubqueryExpr>(&e))
    return x->query.get();
  if (auto *x = llvm::dyn_cast<SubqueryExpr>(&e))
    return x->query.get();
  return nullptr;
}

/// Whether `s`, or a subquery anywhere inside it, reads `target`.
bool selectReads(const SelectStmt &s, const Table *target, unsigned depth = 0) {
  if (depth > 32)
    return false;
  for (const TableRef &t : s.from)
    if (readsTable(t.table, target) || (t.subquery && selectReads(*t.subquery, target, depth + 1)))
      return true;
  bool found = false;
  std::function<void(const Expr &)> visit = [&](const Expr &e) {
    if (const SelectStmt *q = subqueryOf(e))
      found = found || selectReads(*q, target, depth + 1);
    forEachChild(e, visit);
  };
  forEachSelectExpr(s, visit);
  return found;
}

bool aggregated(const SelectStmt &s) {
  if (!s.groupBy.empty() || s.having || s.limit || s.offset)
    return true;
  bool agg = false;
  std::function<void(const Expr &)> visit = [&](const Expr &e) {
    if (auto *f = llvm::dyn_cast<FuncCallExpr>(&e))
      agg = agg || f->aggregate;
    forEachChild(e, visit);
  };
  for (const SelectStmt::Item &item : s.items)
    if (item.expr)
      visit(*item.expr);
  return agg;
}

struct Checker {
  const UpdateOp &u;
  bool isDelete;
  std::optional<SelfRead> found;

  /// A subquery `q` of the WHERE: monotone in the target's rows when it is
  /// reached from WHERE through AND/OR only, as EXISTS or IN.
  /// `how` says why it is not monotone ("NOT EXISTS"), or is "" when it is.
  void judge(const SelectStmt &q, SourceLoc loc, std::string how) {
    if (found || !selectReads(q, u.resolved))
      return;
    if (how.empty() && aggregated(q))
      how = "a subquery with an aggregate, GROUP BY or LIMIT";
    if (!how.empty()) {
      found = SelfRead{loc, "the WHERE reads " + u.table + ", the table it " +
                                (isDelete ? "deletes from" : "updates") + ", through " + how +
                                ": the first run can change which rows match"};
      return;
    }
    if (isDelete)
      return;
    std::string written;
    std::function<void(const Expr &)> visit = [&](const Expr &e) {
      if (auto *ref = llvm::dyn_cast<ColumnRefExpr>(&e); ref && ref->table == u.resolved)
        for (const Assignment &a : u.assignments)
          if (a.column == ref->name && written.empty())
            written = a.column;
      forEachChild(e, visit);
    };
    forEachSelectExpr(q, visit);
    if (!written.empty())
      found = SelfRead{loc, "the WHERE reads " + written + " of " + u.table +
                                " in a subquery, and this UPDATE writes it: a second run "
                                "matches other rows"};
  }

  void visit(const Expr &e, bool monotone) {
    if (found)
      return;
    if (auto *b = llvm::dyn_cast<BinaryExpr>(&e);
        b && (b->op == BinaryExpr::Op::And || b->op == BinaryExpr::Op::Or)) {
      if (b->lhs)
        visit(*b->lhs, monotone);
      if (b->rhs)
        visit(*b->rhs, monotone);
      return;
    }
    if (const SelectStmt *q = subqueryOf(e)) {
      auto *ex = llvm::dyn_cast<ExistsExpr>(&e);
      auto *in = llvm::dyn_cast<InSubqueryExpr>(&e);
      std::string how = !ex && !in    ? "a scalar subquery"
                        : !monotone   ? "a subquery under NOT or inside an expression"
                        : ex && ex->negated ? "NOT EXISTS"
                        : in && in->negated ? "NOT IN"
                                            : "";
      judge(*q, e.getLoc(), how);
      if (in && in->operand)
        visit(*in->operand, false);
      return;
    }
    forEachChild(e, [&](const Expr &c) { visit(c, false); });
  }
};

} // namespace

std::optional<SelfRead> idem::selfReadingWhere(const UpdateOp &u, bool isDelete) {
  if (!u.resolved)
    return std::nullopt;
  Checker c{u, isDelete, std::nullopt};
  if (u.where)
    c.visit(*u.where, true);
  for (const TableRef &t : u.from) {
    if (t.on)
      c.visit(*t.on, true);
    if (t.subquery)
      c.judge(*t.subquery, t.loc, "");
  }
  return c.found;
}
