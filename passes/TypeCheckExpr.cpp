//===- TypeCheckExpr.cpp - typing literals, operators and casts ------------===//
//
// The part of the expression checker that mirrors parse_expr.c for
// literals, column references, operators (make_op), AND/OR/NOT, BETWEEN,
// LIKE, IS tests and casts, plus the timezone_convert transform.
//
//===----------------------------------------------------------------------===//

#include "passes/TypeCheckExpr.h"

#include "ir/Catalog.h"
#include "ir/TimeZones.h"
#include "ir/Module.h"

#include "llvm/ADT/StringExtras.h"

using namespace shc;

LiteralExpr *shc::asUnknownLiteral(Expr &e) {
  auto *lit = llvm::dyn_cast<LiteralExpr>(&e);
  if (!lit || !e.getType().isUnknown())
    return nullptr;
  if (lit->litKind != LiteralExpr::LitKind::String && lit->litKind != LiteralExpr::LitKind::Null)
    return nullptr;
  return lit;
}

std::string shc::argTypeName(const Catalog &cat, const Type &t) {
  return cat.typeName(t.withoutModifiers());
}

Type ExprChecker::check(Expr &e) {
  Type t;
  switch (e.getKind()) {
  case Expr::Kind::Literal:
    t = checkLiteral(llvm::cast<LiteralExpr>(e));
    break;
  case Expr::Kind::ColumnRef:
    t = checkColumn(llvm::cast<ColumnRefExpr>(e));
    break;
  case Expr::Kind::Unary:
    t = checkUnary(llvm::cast<UnaryExpr>(e));
    break;
  case Expr::Kind::Binary:
    t = checkBinary(llvm::cast<BinaryExpr>(e));
    break;
  case Expr::Kind::FuncCall:
    t = checkFuncCall(llvm::cast<FuncCallExpr>(e));
    break;
  case Expr::Kind::Cast:
    t = checkCast(llvm::cast<CastExpr>(e));
    break;
  case Expr::Kind::Case:
    t = checkCase(llvm::cast<CaseExpr>(e));
    break;
  case Expr::Kind::InList:
    t = checkInList(llvm::cast<InListExpr>(e));
    break;
  case Expr::Kind::InSubquery:
    t = checkInSubquery(llvm::cast<InSubqueryExpr>(e));
    break;
  case Expr::Kind::Exists:
    checkSelect(*llvm::cast<ExistsExpr>(e).query);
    t = Type(TypeKind::Bool);
    break;
  case Expr::Kind::Subquery:
    t = checkSubquery(llvm::cast<SubqueryExpr>(e));
    break;
  case Expr::Kind::Between:
    t = checkBetween(llvm::cast<BetweenExpr>(e));
    break;
  case Expr::Kind::Like:
    t = checkLike(llvm::cast<LikeExpr>(e));
    break;
  case Expr::Kind::IsTest:
    t = checkIsTest(llvm::cast<IsTestExpr>(e));
    break;
  case Expr::Kind::IsDistinct: {
    auto &d = llvm::cast<IsDistinctExpr>(e);
    check(*d.lhs);
    check(*d.rhs);
    Type r = applyOperator("=", d.lhs.get(), *d.rhs, e.getLoc());
    t = r.getKind() == TypeKind::Error ? r : Type(TypeKind::Bool);
    break;
  }
  case Expr::Kind::TimezoneConvert:
    t = checkTimezoneConvert(llvm::cast<TimezoneConvertExpr>(e));
    break;
  }
  e.setType(t);
  return t;
}

/// The type PostgreSQL's lexer gives an integer literal: int4 if it fits,
/// else int8, else numeric. `text` may carry a leading '-' (a folded
/// negation).
static Type integerLiteralType(llvm::StringRef text) {
  bool neg = text.consume_front("-");
  text = text.ltrim('0');
  if (text.size() > 19)
    return Type(TypeKind::Numeric);
  unsigned long long v = 0;
  if (!text.empty() && text.getAsInteger(10, v))
    return Type(TypeKind::Numeric);
  if (v <= 2147483647ULL || (neg && v == 2147483648ULL))
    return Type(TypeKind::Int4);
  if (v <= 9223372036854775807ULL || (neg && v == 9223372036854775808ULL))
    return Type(TypeKind::Int8);
  return Type(TypeKind::Numeric);
}

Type ExprChecker::numberLiteralType(llvm::StringRef text, bool integer) const {
  if (std::optional<Type> t = catalog.numberLiteralType(text, integer))
    return *t;
  return integer ? integerLiteralType(text) : Type(TypeKind::Numeric);
}

Type ExprChecker::checkLiteral(LiteralExpr &e) {
  switch (e.litKind) {
  case LiteralExpr::LitKind::String:
  case LiteralExpr::LitKind::Null:
    return Type(TypeKind::Unknown);
  case LiteralExpr::LitKind::Bool:
    return Type(TypeKind::Bool);
  case LiteralExpr::LitKind::Numeric:
    return numberLiteralType(e.text, false);
  case LiteralExpr::LitKind::Integer:
    return numberLiteralType(e.text, true);
  }
  return Type(TypeKind::Error);
}

Type ExprChecker::checkColumn(ColumnRefExpr &e) {
  // An unresolved reference was reported by resolve; stay silent.
  return e.column ? e.column->type : Type(TypeKind::Error);
}

Type ExprChecker::checkUnary(UnaryExpr &e) {
  if (e.op == UnaryExpr::Op::Not) {
    check(*e.operand);
    coerceToBoolean(*e.operand, "NOT");
    return Type(TypeKind::Bool);
  }
  // The grammar folds a minus sign into a number literal (doNegate), so
  // -2147483648 is an integer.
  if (auto *lit = llvm::dyn_cast<LiteralExpr>(e.operand.get());
      lit && e.op == UnaryExpr::Op::Neg && lit->litKind != LiteralExpr::LitKind::String) {
    if (lit->litKind == LiteralExpr::LitKind::Integer ||
        lit->litKind == LiteralExpr::LitKind::Numeric) {
      Type t = numberLiteralType("-" + lit->text, lit->litKind == LiteralExpr::LitKind::Integer);
      lit->setType(t);
      return t;
    }
  }
  check(*e.operand);
  return applyOperator(e.op == UnaryExpr::Op::Neg ? "-" : "+", nullptr, *e.operand, e.getLoc());
}

Type ExprChecker::checkBinary(BinaryExpr &e) {
  check(*e.lhs);
  check(*e.rhs);
  SourceLoc opLoc = e.opLoc.isValid() ? e.opLoc : e.getLoc();
  switch (e.op) {
  case BinaryExpr::Op::And:
  case BinaryExpr::Op::Or: {
    llvm::StringRef name = e.op == BinaryExpr::Op::And ? "AND" : "OR";
    coerceToBoolean(*e.lhs, name);
    coerceToBoolean(*e.rhs, name);
    return Type(TypeKind::Bool);
  }
  case BinaryExpr::Op::AtTimeZone: {
    // x AT TIME ZONE z is pg_catalog.timezone(z, x).
    if (LiteralExpr *zone = asUnknownLiteral(*e.rhs);
        zone && zone->litKind == LiteralExpr::LitKind::String) {
      llvm::StringRef z = zone->text;
      if (!catalog.acceptsTimeZone(z)) {
        auto d = diags.error(zone->getLoc(), "invalid-literal",
                             "time zone \"" + z.str() + "\" not recognized");
        std::string suggestion = suggestTimeZone(z); // PostgreSQL's message, then the hint
        if (!suggestion.empty())
          d.hint(llvm::StringRef(suggestion).trim().drop_front().drop_back().str());
        return Type(TypeKind::Error);
      }
    }
    Expr *args[] = {e.rhs.get(), e.lhs.get()};
    return applyFunction("timezone", args, opLoc, catalog.builtinName("timezone"));
  }
  default:
    return applyOperator(binaryOpSpelling(e.op), e.lhs.get(), *e.rhs, opLoc);
  }
}

Type ExprChecker::applyOperator(llvm::StringRef op, Expr *lhs, Expr &rhs, SourceLoc loc,
                                Type *lhsParam) {
  llvm::SmallVector<Type, 2> args;
  if (lhs)
    args.push_back(lhs->getType());
  args.push_back(rhs.getType());
  Resolution r = resolveOverload(catalog, catalog.lookupOperator(op, lhs == nullptr), args, /*isOperator=*/true);
  std::string shown = lhs ? argTypeName(catalog, args[0]) + " " + op.str() + " " + argTypeName(catalog, args[1])
                          : op.str() + " " + argTypeName(catalog, args[0]);
  switch (r.status) {
  case Resolution::Opaque:
    return r.result;
  case Resolution::Found: {
    bool ok = true;
    if (lhsParam && lhs)
      *lhsParam = r.paramTypes[0];
    if (lhs)
      ok &= coerceLiteral(*lhs, r.paramTypes[0]);
    ok &= coerceLiteral(rhs, r.paramTypes.back());
    return ok ? r.result : Type(TypeKind::Error);
  }
  case Resolution::NotFound:
    diags.error(loc, "type-mismatch", "operator does not exist: " + shown)
        .hint(lhs ? "No operator matches the given name and argument types. You might need to "
                    "add explicit type casts."
                  : "No operator matches the given name and argument type. You might need to "
                    "add an explicit type cast.");
    return Type(TypeKind::Error);
  case Resolution::Ambiguous:
    diags.error(loc, "type-mismatch", "operator is not unique: " + shown)
        .hint("Could not choose a best candidate operator. You might need to add explicit type "
              "casts.");
    return Type(TypeKind::Error);
  case Resolution::PolymorphicUnknown:
    diags.error(loc, "type-mismatch",
                "could not determine polymorphic type because input has type unknown");
    return Type(TypeKind::Error);
  }
  return Type(TypeKind::Error);
}

Type ExprChecker::checkCast(CastExpr &e) {
  Type from = check(*e.operand);
  const Type &to = e.target;
  if (isOpaque(from) || to.getKind() == TypeKind::Other || to.isIndeterminate()) {
    if (asUnknownLiteral(*e.operand))
      e.operand->setType(to);
    return to;
  }
  if (asUnknownLiteral(*e.operand)) {
    // An explicit cast truncates character types instead of failing.
    Type input = to;
    if (to.is(TypeKind::Varchar) || to.is(TypeKind::Char))
      input = to.withoutModifiers();
    if (!coerceLiteral(*e.operand, input, /*explicitCast=*/true))
      return Type(TypeKind::Error);
    e.operand->setType(to);
    return to;
  }
  if (!catalog.findCast(from, to)) {
    diags.error(e.getLoc(), "type-mismatch",
                "cannot cast type " + argTypeName(catalog, from) + " to " + argTypeName(catalog, to));
    return Type(TypeKind::Error);
  }
  if (!checkNumberConstant(*e.operand, to))
    return Type(TypeKind::Error);
  return to;
}

Type ExprChecker::checkBetween(BetweenExpr &e) {
  check(*e.operand);
  check(*e.low);
  check(*e.high);
  // a BETWEEN b AND c is a >= b AND a <= c; NOT BETWEEN is a < b OR a > c.
  llvm::StringRef lo = e.negated ? "<" : ">=", hi = e.negated ? ">" : "<=";
  Type a = applyOperator(lo, e.operand.get(), *e.low, e.getLoc());
  if (a.getKind() == TypeKind::Error)
    return a;
  Type b = applyOperator(hi, e.operand.get(), *e.high, e.getLoc());
  if (b.getKind() == TypeKind::Error)
    return b;
  if (e.symmetric) {
    applyOperator(lo, e.operand.get(), *e.high, e.getLoc());
    applyOperator(hi, e.operand.get(), *e.low, e.getLoc());
  }
  return Type(TypeKind::Bool);
}

Type ExprChecker::checkLike(LikeExpr &e) {
  check(*e.operand);
  check(*e.pattern);
  std::string op = e.caseInsensitive ? "~~*" : "~~";
  if (e.negated)
    op = "!" + op;
  if (!e.escape) {
    Type r = applyOperator(op, e.operand.get(), *e.pattern, e.getLoc());
    return r.getKind() == TypeKind::Error ? r : Type(TypeKind::Bool);
  }
  // a LIKE b ESCAPE c is a ~~ like_escape(b, c).
  check(*e.escape);
  Expr *args[] = {e.pattern.get(), e.escape.get()};
  Type pattern = applyFunction("like_escape", args, e.pattern->getLoc(),
                               catalog.builtinName("like_escape"));
  if (pattern.getKind() == TypeKind::Error)
    return pattern;
  // Resolve the operator against the like_escape result type.
  LiteralExpr stand(e.pattern->getLoc(), LiteralExpr::LitKind::Null, "");
  stand.setType(pattern);
  Type r = applyOperator(op, e.operand.get(), stand, e.getLoc());
  return r.getKind() == TypeKind::Error ? r : Type(TypeKind::Bool);
}

Type ExprChecker::checkIsTest(IsTestExpr &e) {
  check(*e.operand);
  if (e.test == IsTestExpr::Test::Null)
    return Type(TypeKind::Bool);
  const char *name = e.test == IsTestExpr::Test::True    ? "TRUE"
                     : e.test == IsTestExpr::Test::False ? "FALSE"
                                                         : "UNKNOWN";
  std::string construct = std::string("IS ") + (e.negated ? "NOT " : "") + name;
  coerceToBoolean(*e.operand, construct);
  return Type(TypeKind::Bool);
}

Type ExprChecker::checkTimezoneConvert(TimezoneConvertExpr &e) {
  Type t = check(*e.operand);
  bool ok = true;
  auto checkZone = [&](const std::string &zone, SourceLoc loc, const char *which) {
    SourceLoc at = loc.isValid() ? loc : e.getLoc();
    if (zone.empty()) {
      diags.error(at, "invalid-transform",
                  std::string("timezone_convert needs a non-empty ") + which);
      ok = false;
    } else if (!catalog.acceptsTimeZone(zone)) {
      auto d = diags.error(at, "invalid-transform",
                           "time zone \"" + zone + "\" not recognized" + suggestTimeZone(zone));
      if (std::string why = catalog.timeZoneHint(); !why.empty())
        d.hint(why);
      ok = false;
    }
  };
  checkZone(e.fromZone, e.fromLoc, "fromValue");
  checkZone(e.toZone, e.toLoc, "toValue");
  if (isOpaque(t))
    return t;
  std::string what = "expression";
  if (auto *c = llvm::dyn_cast<ColumnRefExpr>(e.operand.get()))
    what = "\"" + c->name + "\"";
  if (t.is(TypeKind::TimestampTz)) {
    diags
        .error(e.getLoc(), "invalid-transform",
               "timezone_convert needs a timestamp without time zone; " + what +
                   " is of type timestamp with time zone")
        .hint("a timestamp with time zone stores an instant, which has no wall-clock time to "
              "convert; use AT TIME ZONE in a calculatedUpdate to render it in a zone");
    return Type(TypeKind::Error);
  }
  if (!t.is(TypeKind::Timestamp)) {
    diags.error(e.getLoc(), "invalid-transform",
                "timezone_convert needs a timestamp column; " + what + " is of type " +
                    argTypeName(catalog, t));
    return Type(TypeKind::Error);
  }
  return ok ? t : Type(TypeKind::Error);
}
