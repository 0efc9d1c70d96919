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
