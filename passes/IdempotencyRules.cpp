//===- IdempotencyRules.cpp - expression rules of the idempotency analysis ===//
//
// Which expressions give the same value on a second run: volatile functions
// never do; a function of the column it writes does only when it is a
// projection (f(f(x)) = f(x)).
//
//===----------------------------------------------------------------------===//

#include "passes/IdempotencyAlgebra.h"
#include "passes/IdempotencyInternal.h"

#include "llvm/ADT/STLExtras.h"

using namespace shc;
using namespace shc::idem;

/// Binding strength, for the parentheses in describe().
static int precedence(BinaryExpr::Op op) {
  using Op = BinaryExpr::Op;
  switch (op) {
  case Op::Or:
  case Op::Xor:
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
  case Op::IntDiv:
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
    case LiteralExpr::LitKind::String: {
      std::string q = "'";
      for (char c : lit->text)
        q += c == '\'' ? std::string("''") : std::string(1, c);
      return q + "'";
    }
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
  if (auto *u = llvm::dyn_cast<UnaryExpr>(&e); u && u->operand) {
    std::string inner = describe(*u->operand);
    if (llvm::isa<BinaryExpr>(u->operand.get()))
      inner = "(" + inner + ")";
    return (u->op == UnaryExpr::Op::Not ? "NOT " : u->op == UnaryExpr::Op::Neg ? "-" : "+") +
           inner;
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

std::optional<std::string> idem::literalKey(const Expr &e) {
  if (auto *c = llvm::dyn_cast<CastExpr>(&e))
    return c->operand ? literalKey(*c->operand) : std::nullopt;
  if (auto *lit = llvm::dyn_cast<LiteralExpr>(&e))
    return lit->litKind == LiteralExpr::LitKind::Null ? std::string("\x01null") : lit->text;
  return std::nullopt;
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

/// Two literal keys name the same value: the same text, or the same number.
bool sameKey(const std::string &a, const std::string &b) {
  if (a == b)
    return true;
  std::optional<long double> x = numberOf(a), y = numberOf(b);
  return x && y && *x == *y;
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

  /// Idempotent when the CASE maps each of its outputs to itself.
  SelfVerdict check(const CaseExpr &c) {
    SelfVerdict unknown{Verdict::Unknown, "a CASE whose arms the analysis does not model"};
    if (c.operand && !isColumn(*c.operand, table, column))
      return unknown;
    std::vector<Match> matches;
    for (const CaseExpr::When &w : c.whens) {
      auto m = w.cond ? matchOf(c.operand.get(), *w.cond) : std::nullopt;
      if (!m || !w.result)
        return unknown;
      matches.push_back(*m);
    }
    // The result an input literal gets: index of the arm, or whens.size() for ELSE.
    auto armFor = [&](const std::string &key) {
      for (size_t i = 0; i < matches.size(); ++i)
        if (llvm::any_of(matches[i].keys, [&](const std::string &k) { return sameKey(k, key); }))
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
        return {Verdict::Unknown, "CASE result " + describe(*r) + " is not a constant"};
      const Expr *again = resultOf(armFor(*key));
      std::optional<std::string> againKey = again ? literalKey(*again) : std::nullopt;
      bool same = again && (isColumn(*again, table, column) || (againKey && sameKey(*againKey, *key)));
      if (!same)
        return {Verdict::NotIdempotent, "CASE maps " + describe(*r) + " to " +
                                            (again ? describe(*again) : "NULL") +
                                            " on a second run"};
    }
    return {Verdict::Idempotent, ""};
  }
};

} // namespace

SelfVerdict idem::judgeCase(const CaseExpr &c, const Table *table, llvm::StringRef column,
                            const Catalog &catalog) {
  std::string tableName = table ? table->name : "";
  return CaseChecker{tableName, column}.check(c);
}
