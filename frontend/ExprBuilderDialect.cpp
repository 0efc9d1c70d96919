//===- ExprBuilderDialect.cpp - constructs only some dialects have ---------===//
//
// The grammar reads every dialect's expressions; the target's ExprSyntax
// (Catalog::syntax) says which constructs its language has. A construct it
// lacks is an error at its first token naming the dialect and the spelling
// it uses instead (rule unsupported-in-dialect).
//
//===----------------------------------------------------------------------===//

#include "frontend/ExprBuilder.h"

using namespace shc;
using namespace shc::sqlexpr;
using antlr4::Token;

ExprPtr ExprBuilder::notInDialect(Token *tok, llvm::StringRef construct, llvm::StringRef instead) {
  std::string message = construct.str() + " is not available in " +
                         catalog.syntax().dialectName.str();
  if (!instead.empty())
    message += "; write " + instead.str();
  return error(tok, "unsupported-in-dialect", std::move(message));
}

// x [NOT] GLOB p is SQLite's glob(p, x); NOT GLOB negates the call.
antlrcpp::Any ExprBuilder::visitGlobExpr(P::GlobExprContext *ctx) {
  if (!catalog.syntax().glob)
    return set(notInDialect(ctx->K_GLOB()->getSymbol(), "GLOB", "LIKE or a regular expression"));
  ExprPtr operand = leftOperand(ctx->expr(0), Level::Pattern);
  if (!operand)
    return {};
  Token *opStart = tokenAfter(ctx->expr(0));
  ExprPtr pattern = build(ctx->expr(1));
  if (!pattern || !checkRightOperand(Level::Pattern))
    return {};
  std::vector<ExprPtr> args;
  args.push_back(std::move(pattern));
  args.push_back(std::move(operand));
  SourceLoc at = loc(ctx->K_GLOB()->getSymbol());
  ExprPtr call = std::make_unique<FuncCallExpr>(at, "glob", std::move(args));
  if (ctx->NOT_LA())
    call = std::make_unique<UnaryExpr>(loc(ctx->NOT_LA()->getSymbol()), UnaryExpr::Op::Not,
                                       std::move(call));
  return set(std::move(call), Level::Pattern, true, opStart);
}

// x IS y is x IS NOT DISTINCT FROM y; x IS NOT y is x IS DISTINCT FROM y.
// The right operand is a primary: `x IS y + 1` needs parentheses, which keeps
// `a IS TRUE IS NOT FALSE` the chain of IS tests it is everywhere.
antlrcpp::Any ExprBuilder::visitIsExpr(P::IsExprContext *ctx) {
  // `x IS NULL` (TRUE, FALSE, UNKNOWN) may reach this alternative too: it
  // is the IS test of every dialect.
  P::PrimaryContext *rhsCtx = ctx->primary();
  if (rhsCtx->getStart() == rhsCtx->getStop()) {
    size_t t = rhsCtx->getStart()->getType();
    using Test = IsTestExpr::Test;
    std::optional<Test> test = t == P::K_NULL    ? std::optional<Test>(Test::Null)
                               : t == P::K_TRUE    ? std::optional<Test>(Test::True)
                               : t == P::K_FALSE   ? std::optional<Test>(Test::False)
                               : t == P::K_UNKNOWN ? std::optional<Test>(Test::Unknown)
                                                   : std::nullopt;
    if (test) {
      ExprPtr operand = leftOperand(ctx->expr(), Level::Is);
      if (!operand)
        return {};
      return set(std::make_unique<IsTestExpr>(loc(ctx->getStart()), std::move(operand), *test,
                                              ctx->K_NOT() != nullptr),
                 Level::Is, false, tokenAfter(ctx->expr()));
    }
  }
  if (!catalog.syntax().isAnyExpr) // IS DOCUMENT, IS NORMALIZED ...
    return set(unsupported(rhsCtx->getStart(), "IS " + text.textOf(rhsCtx->getStart()).upper()));
  ExprPtr lhs = leftOperand(ctx->expr(), Level::Is);
  if (!lhs)
    return {};
  Token *opStart = tokenAfter(ctx->expr());
  ExprPtr rhs = build(rhsCtx);
  if (!rhs || !checkRightOperand(Level::Is))
    return {};
  bool notDistinct = ctx->K_NOT() == nullptr;
  return set(std::make_unique<IsDistinctExpr>(loc(ctx->getStart()), std::move(lhs),
                                              std::move(rhs), notDistinct),
             Level::Is, true, opStart);
}

// x [NOT] REGEXP p (and RLIKE) where ExprSyntax::wordOperators: a
// comparison-level operator; NOT REGEXP negates it.
antlrcpp::Any ExprBuilder::visitRegexpExpr(P::RegexpExprContext *ctx) {
  Token *op = tokenAfter(ctx->expr(0));
  ExprPtr operand = leftOperand(ctx->expr(0), Level::Cmp);
  if (!operand)
    return {};
  ExprPtr pattern = build(ctx->expr(1));
  if (!pattern || !checkRightOperand(Level::Cmp))
    return {};
  Token *word = ctx->K_REGEXP() ? ctx->K_REGEXP()->getSymbol() : ctx->K_RLIKE()->getSymbol();
  auto match = std::make_unique<BinaryExpr>(loc(ctx->getStart()), BinaryExpr::Op::Regexp,
                                            std::move(operand), std::move(pattern));
  match->opLoc = loc(word);
  ExprPtr e = std::move(match);
  if (ctx->NOT_LA())
    e = std::make_unique<UnaryExpr>(loc(ctx->NOT_LA()->getSymbol()), UnaryExpr::Op::Not,
                                    std::move(e));
  return set(std::move(e), Level::Cmp, true, op);
}

ExprPtr ExprBuilder::unitInterval(Token *start, ExprPtr amount, Token *unitTok) {
  static const char *const units[] = {
      "microsecond",        "second",      "minute",      "hour",
      "day",                "week",        "month",       "quarter",
      "year",               "second_microsecond", "minute_microsecond", "minute_second",
      "hour_microsecond",   "hour_second", "hour_minute", "day_microsecond",
      "day_second",         "day_minute",  "day_hour",    "year_month"};
  std::string unit = llvm::StringRef(text.textOf(unitTok)).lower();
  bool known = false;
  for (const char *u : units)
    known |= unit == u;
  if (!known)
    return error(unitTok, "expr-syntax",
                 "unknown INTERVAL unit \"" + text.textOf(unitTok).str() +
                     "\"; the units are MICROSECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, "
                     "QUARTER, YEAR and pairs such as HOUR_MINUTE");
  std::vector<ExprPtr> args;
  args.push_back(std::move(amount));
  args.push_back(std::make_unique<LiteralExpr>(loc(unitTok), LiteralExpr::LitKind::String,
                                               llvm::StringRef(unit).upper()));
  return std::make_unique<FuncCallExpr>(loc(start), "interval", std::move(args),
                                        FuncCallExpr::Form::IntervalUnit);
}

// INTERVAL n UNIT, where ExprSyntax::intervalExprUnit.
antlrcpp::Any ExprBuilder::visitUnitIntervalPrimary(P::UnitIntervalPrimaryContext *ctx) {
  if (!catalog.syntax().intervalExprUnit)
    return set(notInDialect(ctx->getStart(), "INTERVAL n unit", "INTERVAL 'n unit'"));
  ExprPtr amount = build(ctx->expr());
  if (!amount)
    return {};
  return set(unitInterval(ctx->getStart(), std::move(amount), ctx->unit));
}
