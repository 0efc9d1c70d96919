//===- TypeCheckCoerce.cpp - coercions of the expression checker -----------===//
//
// parse_coerce.c's coerce_type for unknown literals (the literal's text goes
// through the target type's input function), coerce_to_boolean,
// coerce_to_common_type, and the constant folding PostgreSQL applies to
// number literals cast to a narrower type.
//
//===----------------------------------------------------------------------===//

#include "passes/TypeCheckExpr.h"

#include "ir/Catalog.h"

#include <cmath>
#include <cstdlib>

using namespace shc;

bool ExprChecker::coerceLiteral(Expr &e, const Type &target, bool explicitCast) {
  LiteralExpr *lit = asUnknownLiteral(e);
  if (!lit || target.isUnknown())
    return true;
  if (lit->litKind == LiteralExpr::LitKind::String) {
    LiteralInputError err;
    if (!catalog.checkLiteralInput(target, lit->text, err)) {
      auto d = diags.error(e.getLoc(), "invalid-literal", err.message);
      if (!err.detail.empty())
        d.hint(err.detail);
      if (!err.hint.empty())
        d.hint(err.hint);
      e.setType(Type(TypeKind::Error));
      return false;
    }
  }
  (void)explicitCast;
  e.setType(target);
  return true;
}

bool ExprChecker::coerceToBoolean(Expr &e, llvm::StringRef construct, llvm::StringRef rule) {
  const Type &t = e.getType();
  if (isOpaque(t) || t.is(TypeKind::Bool))
    return true;
  if (asUnknownLiteral(e))
    return coerceLiteral(e, Type(TypeKind::Bool));
  // coerce_to_boolean coerces in assignment context.
  std::optional<CastContext> ctx = catalog.findCast(t, Type(TypeKind::Bool));
  if (ctx && *ctx != CastContext::Explicit)
    return true;
  diags.error(e.getLoc(), rule,
              "argument of " + construct.str() + " must be type boolean, not type " +
                  argTypeName(catalog, t));
  return false;
}

Type ExprChecker::unify(llvm::ArrayRef<Expr *> exprs, llvm::StringRef context,
                        llvm::ArrayRef<llvm::StringRef> convertContexts) {
  llvm::SmallVector<Type, 4> types;
  for (Expr *e : exprs) {
    if (isOpaque(e->getType()))
      return Type(TypeKind::Any);
    types.push_back(e->getType());
  }
  CommonType common = selectCommonType(catalog, types);
  if (!common.type) {
    // Name the type chosen so far, as select_common_type does.
    llvm::SmallVector<Type, 4> before(types.begin(), types.begin() + common.conflict);
    Type sofar = selectCommonType(catalog, before).type.value_or(Type(TypeKind::Unknown));
    diags.error(exprs[common.conflict]->getLoc(), "type-mismatch",
                context.str() + " types " + argTypeName(catalog, sofar) + " and " +
                    argTypeName(catalog, types[common.conflict]) + " cannot be matched");
    return Type(TypeKind::Error);
  }
  Type target = *common.type;
  bool ok = true;
  for (size_t i = 0; i < exprs.size(); ++i) {
    Expr &e = *exprs[i];
    if (asUnknownLiteral(e)) {
      ok &= coerceLiteral(e, target.withoutModifiers());
      continue;
    }
    if (e.getType().sameBase(target) || catalog.findCast(e.getType(), target) == CastContext::Implicit)
      continue;
    llvm::StringRef ctx = i < convertContexts.size() ? convertContexts[i] : context;
    diags.error(e.getLoc(), "type-mismatch",
                ctx.str() + " could not convert type " + argTypeName(catalog, e.getType()) + " to " +
                    argTypeName(catalog, target));
    ok = false;
  }
  return ok ? target : Type(TypeKind::Error);
}

/// The number literal `e` is (possibly negated), as text; empty otherwise.
std::string shc::numberText(const Expr &e) {
  if (auto *lit = llvm::dyn_cast<LiteralExpr>(&e)) {
    if (lit->litKind == LiteralExpr::LitKind::Integer ||
        lit->litKind == LiteralExpr::LitKind::Numeric)
      return lit->text;
    return "";
  }
  if (auto *u = llvm::dyn_cast<UnaryExpr>(&e); u && u->op == UnaryExpr::Op::Neg) {
    std::string inner = numberText(*u->operand);
    if (inner.empty())
      return "";
    return inner[0] == '-' ? inner.substr(1) : "-" + inner;
  }
  return "";
}

bool ExprChecker::checkNumberConstant(Expr &e, const Type &target) {
  std::string text = numberText(e);
  if (text.empty() || target.isArray())
    return true;
  if (catalog.numberConstantsAsInput()) {
    LiteralInputError err;
    if (catalog.checkLiteralInput(target, text, err))
      return true;
    auto d = diags.error(e.getLoc(), "invalid-literal", err.message);
    if (!err.hint.empty())
      d.hint(err.hint);
    return false;
  }
  if (target.isInteger()) {
    // int4/int8/numeric -> smaller integer: rounds half away from zero.
    long double v = std::strtold(text.c_str(), nullptr);
    long double r = std::round(v);
    long double lo, hi;
    const char *name;
    switch (target.getKind()) {
    case TypeKind::Int2:
      lo = -32768.0L, hi = 32767.0L, name = "smallint";
      break;
    case TypeKind::Int4:
      lo = -2147483648.0L, hi = 2147483647.0L, name = "integer";
      break;
    default:
      lo = -9223372036854775808.0L, hi = 9223372036854775807.0L, name = "bigint";
      break;
    }
    if (r < lo || r > hi) {
      diags.error(e.getLoc(), "invalid-literal", std::string(name) + " out of range");
      return false;
    }
    return true;
  }
  if (target.is(TypeKind::Numeric) && target.getMod1() >= 0) {
    LiteralInputError err;
    if (!catalog.checkLiteralInput(target, text, err)) {
      auto d = diags.error(e.getLoc(), "invalid-literal", err.message);
      if (!err.detail.empty())
        d.hint(err.detail);
      return false;
    }
  }
  return true;
}

void ExprChecker::resolveLeftoverUnknowns(Expr &e) {
  if (auto *lit = llvm::dyn_cast<LiteralExpr>(&e);
      lit && lit->litKind == LiteralExpr::LitKind::String && e.getType().isUnknown())
    e.setType(Type(TypeKind::Text));
  forEachChild(e, [](Expr &c) { resolveLeftoverUnknowns(c); });
}
