//===- IdempotencyRules.cpp - expression rules of the idempotency analysis ===//
//
// Which expressions give the same value on a second run: volatile functions
// never do; a function of the column it writes does only when it is a
// projection (f(f(x)) = f(x)).
//
//===----------------------------------------------------------------------===//

#include "passes/IdempotencyInternal.h"

#include "llvm/ADT/STLExtras.h"

using namespace shc;
using namespace shc::idem;

/// Binding strength, for the parentheses in describe().
static int precedence(BinaryExpr::Op op) {
  using Op = BinaryExpr::Op;
  switch (op) {
  case Op::Or:
    return 1;
  case Op::And:
    return 2;
  case Op::Eq:
  case Op::Ne:
  case Op::Lt:
  case Op::Le:
  case Op::Gt:
  case Op::Ge:
    return 3;
  case Op::Add:
  case Op::Sub:
    return 5;
  case Op::Mul:
  case Op::Div:
  case Op::Mod:
    return 6;
  case Op::Pow:
    return 7;
  default:
    return 4;
  }
}

std::string idem::describe(const Expr &e) {
  if (auto *ref = llvm::dyn_cast<ColumnRefExpr>(&e))
    return ref->qualifier.empty() ? ref->name : ref->qualifier + "." + ref->name;
  if (auto *lit = llvm::dyn_cast<LiteralExpr>(&e)) {
    switch (lit->litKind) {
    case LiteralExpr::LitKind::String:
      return "'" + lit->text + "'";
    case LiteralExpr::LitKind::Null:
      return "NULL";
    default:
      return lit->text;
    }
  }
  if (auto *b = llvm::dyn_cast<BinaryExpr>(&e))
    if (b->lhs && b->rhs) {
      auto operand = [&](const Expr &c, bool right) {
        auto *cb = llvm::dyn_cast<BinaryExpr>(&c);
        bool paren = cb && (precedence(cb->op) < precedence(b->op) ||
                            (right && precedence(cb->op) == precedence(b->op)));
        return paren ? "(" + describe(c) + ")" : describe(c);
      };
      return operand(*b->lhs, false) + " " + binaryOpSpelling(b->op).str() + " " +
             operand(*b->rhs, true);
    }
  if (auto *f = llvm::dyn_cast<FuncCallExpr>(&e)) {
    if (f->form == FuncCallExpr::Form::NoParens)
      return f->name;
    std::string s = f->name + "(";
    for (size_t i = 0; i < f->args.size(); ++i)
      s += (i ? ", " : "") + (f->args[i] ? describe(*f->args[i]) : std::string("?"));
    return s + ")";
  }
  if (auto *c = llvm::dyn_cast<CastExpr>(&e))
    return "CAST(" + (c->operand ? describe(*c->operand) : std::string("?")) + " AS " +
           c->spelling + ")";
  if (auto *tz = llvm::dyn_cast<TimezoneConvertExpr>(&e))
    return "timezone_convert(" + (tz->operand ? describe(*tz->operand) : std::string("?")) +
           ", '" + tz->fromZone + "', '" + tz->toZone + "')";
  if (llvm::isa<CaseExpr>(&e))
    return "CASE ... END";
  if (llvm::isa<SubqueryExpr>(&e))
    return "(SELECT ...)";
  return "(...)";
}

bool idem::isColumn(const Expr &e, const std::string &table, llvm::StringRef column) {
  auto *ref = llvm::dyn_cast<ColumnRefExpr>(&e);
  if (!ref || ref->name != column)
    return false;
  if (ref->table)
    return ref->table->name == table;
  return ref->qualifier.empty() || ref->qualifier == table;
}

namespace {

/// Reads only constants (literals, casts of literals).
bool isConstant(const Expr &e) {
  if (llvm::isa<LiteralExpr>(&e))
    return true;
  if (auto *c = llvm::dyn_cast<CastExpr>(&e))
    return c->operand && isConstant(*c->operand);
  if (auto *u = llvm::dyn_cast<UnaryExpr>(&e))
    return u->operand && isConstant(*u->operand);
  return false;
}

/// The literal text a constant stands for ("" for NULL), for comparing CASE
/// arms; nullopt when `e` is not a literal.
std::optional<std::string> literalKey(const Expr &e) {
  if (auto *c = llvm::dyn_cast<CastExpr>(&e))
    return c->operand ? literalKey(*c->operand) : std::nullopt;
  if (auto *lit = llvm::dyn_cast<LiteralExpr>(&e))
    return lit->litKind == LiteralExpr::LitKind::Null ? std::string("\x01null") : lit->text;
  return std::nullopt;
}

struct CaseChecker {
  const std::string &table;
  llvm::StringRef column;

  /// One WHEN condition on the column: the literals it matches.
  struct Match {
    std::vector<std::string> keys;
  };
  std::optional<Match> matchOf(const Expr *operand, const Expr &cond) {
    if (operand) {
      if (auto k = literalKey(cond))
        return Match{{*k}};
      return std::nullopt;
    }
    if (auto *b = llvm::dyn_cast<BinaryExpr>(&cond); b && b->op == BinaryExpr::Op::Eq) {
      if (b->lhs && b->rhs && isColumn(*b->lhs, table, column))
        if (auto k = literalKey(*b->rhs))
          return Match{{*k}};
      return std::nullopt;
    }
    if (auto *in = llvm::dyn_cast<InListExpr>(&cond); in && !in->negated && in->operand &&
                                                       isColumn(*in->operand, table, column)) {
      Match m;
      for (const ExprPtr &item : in->items) {
        auto k = item ? literalKey(*item) : std::nullopt;
        if (!k)
          return std::nullopt;
        m.keys.push_back(*k);
      }
      return m;
    }
    if (auto *t = llvm::dyn_cast<IsTestExpr>(&cond);
        t && t->test == IsTestExpr::Test::Null && !t->negated && t->operand &&
        isColumn(*t->operand, table, column))
      return Match{{"\x01null"}};
    return std::nullopt;
  }

  /// nullopt: the CASE maps each of its outputs to itself.
  std::optional<std::string> check(const CaseExpr &c) {
    if (c.operand && !isColumn(*c.operand, table, column))
      return std::string("");
    std::vector<Match> matches;
    for (const CaseExpr::When &w : c.whens) {
      auto m = w.cond ? matchOf(c.operand.get(), *w.cond) : std::nullopt;
      if (!m || !w.result)
        return std::string("");
      matches.push_back(*m);
    }
    // The result an input literal gets: index of the arm, or whens.size() for ELSE.
    auto armFor = [&](const std::string &key) {
      for (size_t i = 0; i < matches.size(); ++i)
        if (llvm::is_contained(matches[i].keys, key))
          return i;
      return matches.size();
    };
    auto resultOf = [&](size_t arm) -> const Expr * {
      return arm < c.whens.size() ? c.whens[arm].result.get() : c.elseExpr.get();
    };
    for (size_t arm = 0; arm <= c.whens.size(); ++arm) {
      const Expr *r = resultOf(arm);
      if (arm == c.whens.size() && !r)
        continue; // ELSE NULL: NULL maps through the arms below
      if (isColumn(*r, table, column))
        continue; // keeps the value
      auto key = literalKey(*r);
      if (!key)
        return "CASE result " + describe(*r) + " is not a constant";
      const Expr *again = resultOf(armFor(*key));
      if (!again) // falls to an implicit ELSE NULL
        again = nullptr;
      bool same = again && (isColumn(*again, table, column) || literalKey(*again) == key);
      if (!same)
        return "CASE maps " + describe(*r) + " to " + (again ? describe(*again) : "NULL") +
               " on a second run";
    }
    return std::nullopt;
  }
};

} // namespace

/// replace(x, from, to) is idempotent when no occurrence of `from` can
/// appear in the result: it would have to lie inside `to`, contain it, or
/// overlap its start or end.
static bool replaceIsProjection(llvm::StringRef from, llvm::StringRef to) {
  if (from.empty() || from == to)
    return true;
  if (to.empty() || to.contains(from) || from.contains(to))
    return false;
  for (size_t n = 1; n < to.size() && n < from.size(); ++n)
    if (to.take_back(n) == from.take_front(n) || to.take_front(n) == from.take_back(n))
      return false;
  return true;
}

std::optional<std::string> idem::projectionFailure(const Expr &value, const Table *table,
                                                   llvm::StringRef column) {
  std::string tableName = table ? table->name : "";
  auto self = [&](const Expr *e) { return e && isColumn(*e, tableName, column); };
  auto constArgsFrom = [&](const FuncCallExpr &f, size_t from) {
    for (size_t i = from; i < f.args.size(); ++i)
      if (!f.args[i] || !isConstant(*f.args[i]))
        return false;
    return true;
  };
  if (self(&value))
    return std::nullopt;
  if (auto *f = llvm::dyn_cast<FuncCallExpr>(&value)) {
    if (f->args.empty() || !self(f->args[0].get()) || !constArgsFrom(*f, 1))
      return std::string("");
    llvm::StringRef n = f->name;
    if (n == "lower" || n == "upper" || n == "btrim" || n == "ltrim" || n == "rtrim" ||
        n == "trim" || n == "round" || n == "trunc" || n == "floor" || n == "ceil" ||
        n == "ceiling" || n == "abs" || n == "initcap" || n == "date_trunc" ||
        n == "coalesce" || n == "left")
      return std::nullopt;
    if (n == "replace" && f->args.size() == 3) {
      auto from = literalKey(*f->args[1]), to = literalKey(*f->args[2]);
      if (!from || !to)
        return std::string("");
      if (replaceIsProjection(*from, *to))
        return std::nullopt;
      if (to->find(*from) != std::string::npos)
        return "the replacement " + describe(*f->args[2]) + " contains " +
               describe(*f->args[1]) + ": a second run replaces it again";
      return "the replacement " + describe(*f->args[2]) + " can form " + describe(*f->args[1]) +
             " again with the text around it";
    }
    if (n == "substring" || n == "substr") {
      if (f->args.size() >= 2 && literalKey(*f->args[1]) == std::string("1"))
        return std::nullopt;
      return std::string("it drops leading characters again on every run");
    }
    return std::string("");
  }
  if (auto *c = llvm::dyn_cast<CastExpr>(&value))
    if (self(c->operand.get()))
      return std::nullopt; // a value already of the type casts to itself
  if (auto *tz = llvm::dyn_cast<TimezoneConvertExpr>(&value)) {
    if (self(tz->operand.get()) && tz->fromZone == tz->toZone)
      return std::nullopt;
    return std::string("it shifts the time again on every run");
  }
  if (auto *c = llvm::dyn_cast<CaseExpr>(&value))
    return CaseChecker{tableName, column}.check(*c);
  return std::string("");
}

static void conjuncts(const Expr &e, std::vector<const Expr *> &out) {
  if (auto *b = llvm::dyn_cast<BinaryExpr>(&e); b && b->op == BinaryExpr::Op::And) {
    if (b->lhs)
      conjuncts(*b->lhs, out);
    if (b->rhs)
      conjuncts(*b->rhs, out);
    return;
  }
  out.push_back(&e);
}

std::string idem::findGuard(const UpdateOp &u) {
  if (!u.where)
    return "";
  std::vector<const Expr *> parts;
  conjuncts(*u.where, parts);
  auto assigned = [&](const Expr &colExpr) -> const Assignment * {
    for (const Assignment &a : u.assignments)
      if (isColumn(colExpr, u.table, a.column))
        return &a;
    return nullptr;
  };
  for (const Expr *p : parts) {
    const Expr *col = nullptr, *other = nullptr;
    bool isNull = false;
    if (auto *t = llvm::dyn_cast<IsTestExpr>(p);
        t && t->test == IsTestExpr::Test::Null && !t->negated && t->operand) {
      col = t->operand.get();
      isNull = true;
    } else if (auto *b = llvm::dyn_cast<BinaryExpr>(p); b && b->op == BinaryExpr::Op::Ne) {
      col = b->lhs.get();
      other = b->rhs.get();
    } else if (auto *d = llvm::dyn_cast<IsDistinctExpr>(p); d && !d->negated) {
      col = d->lhs.get();
      other = d->rhs.get();
    }
    if (!col)
      continue;
    const Assignment *a = assigned(*col);
    if (!a || !a->value)
      continue;
    auto assignedKey = literalKey(*a->value);
    if (isNull) {
      if (assignedKey && *assignedKey != "\x01null")
        return a->column;
      continue;
    }
    if (other && assignedKey && literalKey(*other) == assignedKey && *assignedKey != "\x01null")
      return a->column;
  }
  return "";
}
