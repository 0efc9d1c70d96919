//===- TypeCheckFold.cpp - errors PostgreSQL raises while folding constants -===//
//
// PostgreSQL's planner evaluates immutable expressions over constants
// (eval_const_expressions), so `1 / 0`, `2147483647 + 1`, `'abc'::text::int`
// or `sqrt(-1)` fail every run of the statement, even on an empty table. This
// file evaluates the constant parts of a type-checked expression the same way
// and reports the first such error with PostgreSQL's message. It models
// integer arithmetic (with the overflow of each width), division by zero,
// casts of constants (input validation, integer range, numeric precision) and
// a few math functions; anything else is simply not a constant here, which is
// the safe side (no report).
//
//===----------------------------------------------------------------------===//

#include "ir/Catalog.h"
#include "passes/TypeCheckExpr.h"

#include "llvm/Support/Casting.h"

#include <cmath>
#include <cstdlib>
#include <string>

using namespace shc;
using ConstValue = ExprChecker::ConstValue;

namespace {

const char *rangeName(TypeKind k) {
  return k == TypeKind::Int2 ? "smallint" : k == TypeKind::Int4 ? "integer" : "bigint";
}

bool inRange(__int128 v, TypeKind k) {
  switch (k) {
  case TypeKind::Int2:
    return v >= -32768 && v <= 32767;
  case TypeKind::Int4:
    return v >= INT32_MIN && v <= INT32_MAX;
  default:
    return v >= INT64_MIN && v <= INT64_MAX;
  }
}

std::string intText(__int128 v) {
  return std::to_string(static_cast<long long>(v));
}

} // namespace

bool ExprChecker::foldReport(const Expr &e, const std::string &message,
                             const std::string &detail) {
  auto d = diags.error(e.getLoc(), "constant-folding", message);
  if (!detail.empty())
    d.hint(detail);
  return false;
}

bool ExprChecker::checkConstantAs(const Expr &e, const ConstValue &v, const Type &target,
                                  bool explicitCast) {
  if (target.isArray() || isOpaque(target))
    return true;
  if (v.kind == ConstValue::Str) {
    // CoerceViaIO, or a length coercion (an explicit one truncates).
    if (target.isString() && (target.getMod1() < 0 || explicitCast))
      return true;
    LiteralInputError err;
    if (!catalog.checkLiteralInput(target, v.text, err))
      return foldReport(e, err.message, err.detail);
    return true;
  }
  if (target.isString())
    return true; // a number's text always fits an unbounded string
  if (target.isInteger()) {
    long double r = std::round(std::strtold(v.text.c_str(), nullptr));
    if (r < -9.3e18L || r > 9.3e18L || !inRange(static_cast<__int128>(r), target.getKind()))
      return foldReport(e, std::string(rangeName(target.getKind())) + " out of range");
    return true;
  }
  if (target.is(TypeKind::Float4) || target.is(TypeKind::Float8)) {
    LiteralInputError err;
    if (!catalog.checkLiteralInput(target, v.text, err))
      return foldReport(e, err.message, err.detail);
    return true;
  }
  if (target.is(TypeKind::Numeric) && target.getMod1() >= 0) {
    LiteralInputError err;
    if (!catalog.checkLiteralInput(target, v.text, err))
      return foldReport(e, err.message, err.detail);
  }
  return true;
}

std::optional<ExprChecker::ConstValue> ExprChecker::fold(Expr &e, bool &ok) {
  if (!ok)
    return std::nullopt;
  const Type &type = e.getType();
  if (auto *lit = llvm::dyn_cast<LiteralExpr>(&e)) {
    switch (lit->litKind) {
    case LiteralExpr::LitKind::Integer:
      if (type.isInteger())
        return ConstValue{ConstValue::Int, lit->text, std::strtoll(lit->text.c_str(), nullptr, 10)};
      return ConstValue{ConstValue::Num, lit->text, 0};
    case LiteralExpr::LitKind::Numeric:
      return ConstValue{ConstValue::Num, lit->text, 0};
    case LiteralExpr::LitKind::String: {
      // A literal coerced to its type (validated then) is a constant of it.
      llvm::StringRef t = llvm::StringRef(lit->text).trim();
      if (type.isString())
        return ConstValue{ConstValue::Str, lit->text, 0};
      if (type.isInteger())
        return ConstValue{ConstValue::Int, t.str(), std::strtoll(t.str().c_str(), nullptr, 10)};
      if (type.isNumeric() && !t.empty() && (isdigit(t[0]) || t[0] == '-' || t[0] == '+' || t[0] == '.'))
        return ConstValue{ConstValue::Num, t.str(), 0};
      return std::nullopt;
    }
    default:
      return std::nullopt;
    }
  }
  if (auto *u = llvm::dyn_cast<UnaryExpr>(&e)) {
    std::optional<ConstValue> v = fold(*u->operand, ok);
    if (!v || u->op == UnaryExpr::Op::Not || v->kind == ConstValue::Str)
      return std::nullopt;
    if (u->op == UnaryExpr::Op::Plus)
      return v;
    if (v->kind == ConstValue::Int) {
      __int128 r = -static_cast<__int128>(v->i);
      if (!inRange(r, type.getKind()))
        return ok = foldReport(e, std::string(rangeName(type.getKind())) + " out of range"),
               std::nullopt;
      return ConstValue{ConstValue::Int, intText(r), static_cast<int64_t>(r)};
    }
    return ConstValue{ConstValue::Num, v->text[0] == '-' ? v->text.substr(1) : "-" + v->text, 0};
  }
  if (auto *b = llvm::dyn_cast<BinaryExpr>(&e)) {
    std::optional<ConstValue> l = fold(*b->lhs, ok);
    std::optional<ConstValue> r = fold(*b->rhs, ok);
    bool arith = b->op == BinaryExpr::Op::Add || b->op == BinaryExpr::Op::Sub ||
                 b->op == BinaryExpr::Op::Mul || b->op == BinaryExpr::Op::Div ||
                 b->op == BinaryExpr::Op::Mod;
    bool divides = b->op == BinaryExpr::Op::Div || b->op == BinaryExpr::Op::Mod;
    // Division by a constant zero: folded when the dividend is constant too,
    // else it fails on the first row (our choice: reject it either way).
    if (ok && divides && r && r->kind != ConstValue::Str &&
        std::strtold(r->text.c_str(), nullptr) == 0)
      return ok = foldReport(e, "division by zero"), std::nullopt;
    if (!l || !r || !arith || l->kind == ConstValue::Str || r->kind == ConstValue::Str)
      return std::nullopt;
    if (!type.isInteger() || l->kind != ConstValue::Int || r->kind != ConstValue::Int) {
      if (!type.isNumeric())
        return std::nullopt;
      // numeric/float: an approximation, good for range checks only.
      long double x = std::strtold(l->text.c_str(), nullptr);
      long double y = std::strtold(r->text.c_str(), nullptr);
      long double v = b->op == BinaryExpr::Op::Add   ? x + y
                      : b->op == BinaryExpr::Op::Sub ? x - y
                      : b->op == BinaryExpr::Op::Mul ? x * y
                      : b->op == BinaryExpr::Op::Div ? x / y
                                                     : std::fmod(x, y);
      if (!std::isfinite(v))
        return std::nullopt;
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.18Lg", v);
      return ConstValue{ConstValue::Num, buf, 0};
    }
    __int128 x = l->i, y = r->i, v;
    switch (b->op) {
    case BinaryExpr::Op::Add: v = x + y; break;
    case BinaryExpr::Op::Sub: v = x - y; break;
    case BinaryExpr::Op::Mul: v = x * y; break;
    case BinaryExpr::Op::Div: v = x / y; break;
    default: v = x % y; break;
    }
    if (!inRange(v, type.getKind()))
      return ok = foldReport(e, std::string(rangeName(type.getKind())) + " out of range"),
             std::nullopt;
    return ConstValue{ConstValue::Int, intText(v), static_cast<int64_t>(v)};
  }
  if (auto *c = llvm::dyn_cast<CastExpr>(&e)) {
    std::optional<ConstValue> v = fold(*c->operand, ok);
    if (!v)
      return std::nullopt;
    // An explicit cast to char(n)/varchar(n) truncates to n characters.
    if (c->target.isString() && c->target.getMod1() >= 0) {
      if (v->kind != ConstValue::Str)
        return std::nullopt;
      size_t chars = 0, i = 0;
      for (; i < v->text.size(); ++i)
        if ((static_cast<unsigned char>(v->text[i]) & 0xC0) != 0x80 &&
            chars++ == static_cast<size_t>(c->target.getMod1()))
          break;
      return ConstValue{ConstValue::Str, v->text.substr(0, i), 0};
    }
    // A literal under the cast was validated as the target by checkCast.
    if (llvm::isa<LiteralExpr>(*c->operand))
      return v;
    if (!checkConstantAs(e, *v, c->target, /*explicitCast=*/true))
      return ok = false, std::nullopt;
    if (c->target.isInteger()) {
      long double r = std::round(std::strtold(v->text.c_str(), nullptr));
      return ConstValue{ConstValue::Int, intText(static_cast<__int128>(r)),
                        static_cast<int64_t>(r)};
    }
    if (c->target.isNumeric() && v->kind != ConstValue::Str)
      return ConstValue{ConstValue::Num, v->text, 0};
    if (c->target.isString() && c->target.getMod1() < 0)
      return ConstValue{ConstValue::Str, v->text, 0};
    return std::nullopt;
  }
  if (auto *f = llvm::dyn_cast<FuncCallExpr>(&e)) {
    llvm::SmallVector<std::optional<ConstValue>, 3> args;
    for (ExprPtr &a : f->args) {
      args.push_back(fold(*a, ok));
      // COALESCE drops the arguments after a non-null constant unevaluated.
      if (f->name == "coalesce" && args.back())
        return std::nullopt;
    }
    const std::string &n = f->name;
    // mod/div by a constant zero fail on the first row, like `/ 0`.
    if (ok && (n == "mod" || n == "div") && args.size() == 2 && args[1] &&
        args[1]->kind != ConstValue::Str && std::strtold(args[1]->text.c_str(), nullptr) == 0)
      return ok = foldReport(e, "division by zero"), std::nullopt;
    if (!ok || llvm::any_of(args, [](const auto &a) { return !a || a->kind == ConstValue::Str; }))
      return std::nullopt;
    auto num = [&](size_t i) { return std::strtold(args[i]->text.c_str(), nullptr); };
    if (n == "sqrt" && args.size() == 1 && num(0) < 0)
      return ok = foldReport(e, "cannot take square root of a negative number"), std::nullopt;
    if ((n == "ln" || (n == "log" && args.size() == 1)) && num(0) <= 0)
      return ok = foldReport(e, num(0) == 0 ? "cannot take logarithm of zero"
                                            : "cannot take logarithm of a negative number"),
             std::nullopt;
    if (n == "abs" && args.size() == 1 && args[0]->kind == ConstValue::Int &&
        type.isInteger() && !inRange(-static_cast<__int128>(args[0]->i), type.getKind()))
      return ok = foldReport(e, std::string(rangeName(type.getKind())) + " out of range"),
             std::nullopt;
    if (n == "make_date" && args.size() == 3 && llvm::all_of(args, [](const auto &a) {
          return a->kind == ConstValue::Int;
        })) {
      int64_t y = args[0]->i, m = args[1]->i, d = args[2]->i;
      int64_t ay = y < 0 ? y + 1 : y; // 1 BC is year 0 in the Gregorian rules
      bool leap = (ay % 4 == 0 && ay % 100 != 0) || ay % 400 == 0;
      static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      if (y == 0 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%lld-%02lld-%02lld", static_cast<long long>(y),
                      static_cast<long long>(m), static_cast<long long>(d));
        return ok = foldReport(e, std::string("date field value out of range: ") + buf),
               std::nullopt;
      }
    }
    return std::nullopt;
  }
  // Other nodes are not folded here, but their children may be.
  forEachChild(e, [&](Expr &c) { fold(c, ok); });
  return std::nullopt;
}

bool ExprChecker::foldConstants(Expr &e, const Type *assignedTo) {
  bool ok = true;
  std::optional<ConstValue> v = fold(e, ok);
  if (!ok || !v || !assignedTo)
    return ok;
  // A number literal assigned to an integer or numeric column was checked by
  // checkNumberConstant.
  bool floatTarget = assignedTo->is(TypeKind::Float4) || assignedTo->is(TypeKind::Float8);
  if (!floatTarget && (llvm::isa<LiteralExpr>(e) || (llvm::isa<UnaryExpr>(e) &&
                       llvm::isa<LiteralExpr>(*llvm::cast<UnaryExpr>(e).operand))))
    return true;
  if (v->kind == ConstValue::Str && !assignedTo->isString())
    return true;
  return checkConstantAs(e, *v, *assignedTo);
}
