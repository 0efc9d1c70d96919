#include "ir/Expr.h"

#include <functional>

using namespace shc;

Expr::~Expr() = default;

InSubqueryExpr::InSubqueryExpr(SourceLoc loc, ExprPtr operand, std::unique_ptr<SelectStmt> query,
                               bool negated)
    : Expr(Kind::InSubquery, loc), operand(std::move(operand)), query(std::move(query)),
      negated(negated) {}
InSubqueryExpr::~InSubqueryExpr() = default;

ExistsExpr::ExistsExpr(SourceLoc loc, std::unique_ptr<SelectStmt> query, bool negated)
    : Expr(Kind::Exists, loc), query(std::move(query)), negated(negated) {}
ExistsExpr::~ExistsExpr() = default;

SubqueryExpr::SubqueryExpr(SourceLoc loc, std::unique_ptr<SelectStmt> query)
    : Expr(Kind::Subquery, loc), query(std::move(query)) {}
SubqueryExpr::~SubqueryExpr() = default;

llvm::StringRef shc::binaryOpSpelling(BinaryExpr::Op op) {
  using Op = BinaryExpr::Op;
  switch (op) {
  case Op::Add: return "+";
  case Op::Sub: return "-";
  case Op::Mul: return "*";
  case Op::Div: return "/";
  case Op::Mod: return "%";
  case Op::Pow: return "^";
  case Op::Concat: return "||";
  case Op::Eq: return "=";
  case Op::Ne: return "<>";
  case Op::Lt: return "<";
  case Op::Le: return "<=";
  case Op::Gt: return ">";
  case Op::Ge: return ">=";
  case Op::And: return "AND";
  case Op::Or: return "OR";
  case Op::JsonGet: return "->";
  case Op::JsonGetText: return "->>";
  case Op::AtTimeZone: return "AT TIME ZONE";
  case Op::IntDiv: return "DIV";
  case Op::Xor: return "XOR";
  case Op::Regexp: return "REGEXP";
  }
  return "?";
}

llvm::StringRef shc::joinKindSpelling(JoinKind k) {
  switch (k) {
  case JoinKind::Comma: return ",";
  case JoinKind::Inner: return "JOIN";
  case JoinKind::Left: return "LEFT JOIN";
  case JoinKind::Right: return "RIGHT JOIN";
  case JoinKind::Full: return "FULL JOIN";
  case JoinKind::Cross: return "CROSS JOIN";
  }
  return ",";
}

template <typename E, typename Fn> static void visitSelect(SelectStmt *q, Fn &fn) {
  if (!q) return;
  for (auto &item : q->items)
    if (item.expr) fn(*item.expr);
  for (auto &t : q->from) {
    visitSelect<E>(t.subquery.get(), fn);
    if (t.on) fn(*t.on);
  }
  if (q->where) fn(*q->where);
  for (auto &k : q->groupBy)
    if (k.expr) fn(*k.expr);
  if (q->having) fn(*q->having);
  for (auto &k : q->orderBy)
    if (k.expr) fn(*k.expr);
  if (q->limit) fn(*q->limit);
  if (q->offset) fn(*q->offset);
}

template <typename E, typename Fn> static void visitChildren(E &e, Fn &fn) {
  auto visit = [&](auto &p) {
    if (p) fn(*p);
  };
  switch (e.getKind()) {
  case Expr::Kind::Literal:
  case Expr::Kind::ColumnRef:
    return;
  case Expr::Kind::Unary:
    visit(llvm::cast<UnaryExpr>(&e)->operand);
    return;
  case Expr::Kind::Binary: {
    auto *b = llvm::cast<BinaryExpr>(&e);
    visit(b->lhs);
    visit(b->rhs);
    return;
  }
  case Expr::Kind::FuncCall:
    for (auto &a : llvm::cast<FuncCallExpr>(&e)->args) visit(a);
    return;
  case Expr::Kind::Cast:
    visit(llvm::cast<CastExpr>(&e)->operand);
    return;
  case Expr::Kind::Case: {
    auto *c = llvm::cast<CaseExpr>(&e);
    visit(c->operand);
    for (auto &w : c->whens) {
      visit(w.cond);
      visit(w.result);
    }
    visit(c->elseExpr);
    return;
  }
  case Expr::Kind::InList: {
    auto *in = llvm::cast<InListExpr>(&e);
    visit(in->operand);
    for (auto &i : in->items) visit(i);
    return;
  }
  case Expr::Kind::InSubquery: {
    auto *in = llvm::cast<InSubqueryExpr>(&e);
    visit(in->operand);
    visitSelect<E>(in->query.get(), fn);
    return;
  }
  case Expr::Kind::Exists:
    visitSelect<E>(llvm::cast<ExistsExpr>(&e)->query.get(), fn);
    return;
  case Expr::Kind::Subquery:
    visitSelect<E>(llvm::cast<SubqueryExpr>(&e)->query.get(), fn);
    return;
  case Expr::Kind::Between: {
    auto *b = llvm::cast<BetweenExpr>(&e);
    visit(b->operand);
    visit(b->low);
    visit(b->high);
    return;
  }
  case Expr::Kind::Like: {
    auto *l = llvm::cast<LikeExpr>(&e);
    visit(l->operand);
    visit(l->pattern);
    visit(l->escape);
    return;
  }
  case Expr::Kind::IsTest:
    visit(llvm::cast<IsTestExpr>(&e)->operand);
    return;
  case Expr::Kind::IsDistinct: {
    auto *d = llvm::cast<IsDistinctExpr>(&e);
    visit(d->lhs);
    visit(d->rhs);
    return;
  }
  case Expr::Kind::TimezoneConvert:
    visit(llvm::cast<TimezoneConvertExpr>(&e)->operand);
    return;
  }
}

void shc::forEachChild(const Expr &e, const std::function<void(const Expr &)> &fn) {
  auto call = [&](Expr &c) { fn(c); };
  visitChildren(const_cast<Expr &>(e), call);
}

void shc::forEachChild(Expr &e, const std::function<void(Expr &)> &fn) {
  auto call = [&](Expr &c) { fn(c); };
  visitChildren(e, call);
}
