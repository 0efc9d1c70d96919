// Parse tree -> IR for operators and predicates, with PostgreSQL's
// non-associative levels checked the way bison's %nonassoc rejects them.
#include "frontend/ExprBuilder.h"

#include "ir/Diagnostics.h"

using namespace shc;
using namespace shc::sqlexpr;
using antlr4::ParserRuleContext;
using antlr4::Token;
using P = grammar::SqlExprParser;

// --- infrastructure -----------------------------------------------------------

ExprPtr ExprBuilder::build(antlr4::tree::ParseTree *tree) {
  if (failed)
    return nullptr;
  auto *ctx = static_cast<ParserRuleContext *>(tree);
  if (depth >= kMaxTreeDepth) {
    return error(ctx->getStart(), "expr-syntax", "expression is nested too deeply");
  }
  ++depth;
  result.reset();
  shape = Shape();
  tree->accept(this);
  --depth;
  ExprPtr e = std::move(result);
  if (!e && !failed)
    return error(ctx->getStart(), "expr-syntax", "unexpected expression syntax");
  return e;
}

antlrcpp::Any ExprBuilder::set(ExprPtr e, Level level, bool openRight, Token *opStart) {
  result = std::move(e);
  shape = Shape{level, openRight, opStart};
  return {};
}

Token *ExprBuilder::tokenAfter(ParserRuleContext *ctx) {
  return tokens.get(ctx->getStop()->getTokenIndex() + 1);
}

ExprPtr ExprBuilder::error(Token *tok, llvm::StringRef rule, std::string message) {
  if (!failed) {
    failed = true;
    diags.error(tok ? loc(tok) : text.getLocator().start(), rule, std::move(message));
  }
  return nullptr;
}

ExprPtr ExprBuilder::syntaxError(Token *tok) {
  if (tok->getType() == Token::EOF)
    return error(tok, "expr-syntax", "syntax error at end of input");
  return error(tok, "expr-syntax", "syntax error at or near \"" + text.textOf(tok).str() + "\"");
}

ExprPtr ExprBuilder::unsupported(Token *tok, llvm::StringRef construct) {
  if (statementMode) // the reason a customSQL statement stays opaque
    return error(tok, "unsupported-construct", construct.str());
  return error(tok, "unsupported-construct",
               "unsupported SQL construct '" + construct.str() +
                   "' in an expression; use customSQL");
}

bool ExprBuilder::isNonAssociative(Level level) {
  return level == Level::Is || level == Level::Cmp || level == Level::Pattern;
}

/// Builds the left operand of an operator at `level`. PostgreSQL rejects
/// `a = b = c` (and `a LIKE b IN (...)`): at a non-associative level, the
/// left operand may not itself end in an operand of the same level.
ExprPtr ExprBuilder::leftOperand(ParserRuleContext *lhsCtx, Level level) {
  ExprPtr lhs = build(lhsCtx);
  if (!lhs)
    return nullptr;
  if (shape.level == level && shape.openRight && isNonAssociative(level))
    return syntaxError(tokenAfter(lhsCtx));
  return lhs;
}

/// The right operand just built may not be an operator of the same
/// non-associative level (ANTLR nests `a LIKE b IN (...)` on the right when
/// IN's alternative binds tighter than LIKE's).
bool ExprBuilder::checkRightOperand(Level level) {
  if (shape.level == level && isNonAssociative(level)) {
    syntaxError(shape.opStart);
    return false;
  }
  return true;
}

// --- operators ----------------------------------------------------------------

ExprPtr ExprBuilder::binary(ParserRuleContext *ctx, ParserRuleContext *lhsCtx, Token *op,
                            ParserRuleContext *rhsCtx) {
  using Op = BinaryExpr::Op;
  struct OpInfo {
    size_t token;
    Op op;
    Level level;
  };
  static const OpInfo table[] = {
      {P::CARET, Op::Pow, Level::Pow},
      {P::STAR, Op::Mul, Level::Mul},
      {P::SLASH, Op::Div, Level::Mul},
      {P::PERCENT, Op::Mod, Level::Mul},
      {P::K_MOD, Op::Mod, Level::Mul},
      {P::K_DIV, Op::IntDiv, Level::Mul},
      {P::PLUS, Op::Add, Level::Add},
      {P::MINUS, Op::Sub, Level::Add},
      {P::CONCAT, Op::Concat, Level::Op},
      {P::ARROW, Op::JsonGet, Level::Op},
      {P::ARROW2, Op::JsonGetText, Level::Op},
      {P::OTHER_OP, Op::Add, Level::Op},
      {P::EQ, Op::Eq, Level::Cmp},
      {P::NE, Op::Ne, Level::Cmp},
      {P::LT, Op::Lt, Level::Cmp},
      {P::LE, Op::Le, Level::Cmp},
      {P::GT, Op::Gt, Level::Cmp},
      {P::GE, Op::Ge, Level::Cmp},
      {P::K_AND, Op::And, Level::And},
      {P::K_XOR, Op::Xor, Level::Xor},
      {P::K_OR, Op::Or, Level::Or},
      {P::NULL_SAFE_EQ, Op::Eq, Level::Cmp},
      {P::K_AT, Op::AtTimeZone, Level::At},
  };
  const OpInfo *info = nullptr;
  for (const OpInfo &row : table)
    if (row.token == op->getType())
      info = &row;
  if (!info)
    return syntaxError(op);
  Op bop = info->op;
  Level level = info->level;
  bool doubleEquals = op->getType() == P::OTHER_OP && text.textOf(op) == "==";
  if (doubleEquals && catalog.syntax().doubleEquals) {
    bop = Op::Eq;
    level = Level::Cmp;
  }
  if (op->getType() == P::CARET && catalog.syntax().wordOperators)
    return error(op, "unsupported-in-dialect",
                 "^ is bitwise XOR in " + catalog.syntax().dialectName.str() +
                     ", not a power; write POW(x, y) for a power, or XOR for a logical "
                     "exclusive or");
  ExprPtr lhs = leftOperand(lhsCtx, level);
  if (!lhs)
    return nullptr;
  if (op->getType() == P::OTHER_OP && !(doubleEquals && bop == Op::Eq))
    return doubleEquals ? notInDialect(op, "==", "=")
                        : unsupported(op, text.textOf(op).str() + " operator");
  ExprPtr rhs = build(rhsCtx);
  if (!rhs || !checkRightOperand(level))
    return nullptr;
  shape = Shape{level, true, tokenAfter(lhsCtx)};
  if (op->getType() == P::NULL_SAFE_EQ) // a <=> b is a IS NOT DISTINCT FROM b
    return std::make_unique<IsDistinctExpr>(loc(ctx->getStart()), std::move(lhs), std::move(rhs),
                                            /*negated=*/true);
  auto e = std::make_unique<BinaryExpr>(loc(ctx->getStart()), bop, std::move(lhs), std::move(rhs));
  e->opLoc = loc(op);
  return e;
}

ExprPtr ExprBuilder::unary(Token *op, ParserRuleContext *operandCtx) {
  ExprPtr operand = build(operandCtx);
  if (!operand)
    return nullptr;
  shape = Shape{Level::Unary, true, nullptr};
  // PostgreSQL folds a minus sign into a numeric constant (doNegate), so
  // `-2147483648` is an integer, `-2 ^ 2` is (-2) ^ 2 and `- -1` is 1.
  if (op->getType() == P::MINUS) {
    if (auto *lit = llvm::dyn_cast<LiteralExpr>(operand.get())) {
      bool number = lit->litKind == LiteralExpr::LitKind::Integer ||
                    lit->litKind == LiteralExpr::LitKind::Numeric;
      if (number && !lit->parenthesized) {
        llvm::StringRef digits = lit->text;
        std::string negated = digits.consume_front("-") ? digits.str() : "-" + lit->text;
        return std::make_unique<LiteralExpr>(loc(op), lit->litKind, std::move(negated));
      }
    }
  }
  auto uop = op->getType() == P::MINUS ? UnaryExpr::Op::Neg : UnaryExpr::Op::Plus;
  return std::make_unique<UnaryExpr>(loc(op), uop, std::move(operand));
}

ExprPtr ExprBuilder::typecast(ParserRuleContext *operandCtx, P::TypeNameContext *typeCtx) {
  if (!catalog.syntax().doubleColonCast)
    return notInDialect(tokenAfter(operandCtx), "the :: cast", "CAST(x AS type)");
  ExprPtr operand = build(operandCtx);
  if (!operand)
    return nullptr;
  std::string spelling;
  std::optional<Type> type = typeOf(typeCtx, spelling);
  if (!type)
    return nullptr;
  shape = Shape{Level::Typecast, false, nullptr};
  return std::make_unique<CastExpr>(loc(operandCtx->getStart()), std::move(operand),
                                    std::move(*type), std::move(spelling),
                                    CastExpr::Syntax::DoubleColon);
}

ExprPtr ExprBuilder::isDistinct(ParserRuleContext *ctx, ParserRuleContext *lhsCtx,
                                ParserRuleContext *rhsCtx) {
  ExprPtr lhs = leftOperand(lhsCtx, Level::Is);
  if (!lhs)
    return nullptr;
  Token *opStart = tokenAfter(lhsCtx);
  bool negated = tokens.get(opStart->getTokenIndex() + 1)->getType() == P::K_NOT;
  ExprPtr rhs = build(rhsCtx);
  if (!rhs || !checkRightOperand(Level::Is))
    return nullptr;
  shape = Shape{Level::Is, true, opStart};
  return std::make_unique<IsDistinctExpr>(loc(ctx->getStart()), std::move(lhs), std::move(rhs),
                                          negated);
}

// --- expr alternatives --------------------------------------------------------

antlrcpp::Any ExprBuilder::visitPrimaryExpr(P::PrimaryExprContext *ctx) {
  result = build(ctx->primary());
  return {};
}

antlrcpp::Any ExprBuilder::visitTypecastExpr(P::TypecastExprContext *ctx) {
  result = typecast(ctx->expr(), ctx->typeName());
  return {};
}

antlrcpp::Any ExprBuilder::visitSubscriptExpr(P::SubscriptExprContext *ctx) {
  if (build(ctx->expr()))
    unsupported(ctx->LBRACKET()->getSymbol(), "[...] subscript");
  return {};
}

antlrcpp::Any ExprBuilder::visitUnaryExpr(P::UnaryExprContext *ctx) {
  result = unary(ctx->op, ctx->expr());
  return {};
}

antlrcpp::Any ExprBuilder::visitCollateExpr(P::CollateExprContext *ctx) {
  if (build(ctx->expr()))
    unsupported(ctx->K_COLLATE()->getSymbol(), "COLLATE");
  return {};
}

antlrcpp::Any ExprBuilder::visitAtTimeZoneExpr(P::AtTimeZoneExprContext *ctx) {
  result = binary(ctx, ctx->expr(0), ctx->K_AT()->getSymbol(), ctx->expr(1));
  return {};
}

antlrcpp::Any ExprBuilder::visitBinaryExpr(P::BinaryExprContext *ctx) {
  result = binary(ctx, ctx->expr(0), ctx->op, ctx->expr(1));
  return {};
}

antlrcpp::Any ExprBuilder::visitPrefixOpExpr(P::PrefixOpExprContext *ctx) {
  unsupported(ctx->op, text.textOf(ctx->op).str() + " operator");
  return {};
}

antlrcpp::Any ExprBuilder::visitEscapeExpr(P::EscapeExprContext *ctx) {
  // ESCAPE is only valid as part of LIKE/ILIKE, which takes it apart itself.
  if (build(ctx->expr(0)))
    syntaxError(ctx->K_ESCAPE()->getSymbol());
  return {};
}

antlrcpp::Any ExprBuilder::visitBetweenExpr(P::BetweenExprContext *ctx) {
  ExprPtr operand = leftOperand(ctx->expr(0), Level::Pattern);
  if (!operand)
    return {};
  ExprPtr low = build(ctx->bexpr());
  if (!low)
    return {};
  ExprPtr high = build(ctx->expr(1));
  if (!high || !checkRightOperand(Level::Pattern))
    return {};
  auto e = std::make_unique<BetweenExpr>(loc(ctx->getStart()), std::move(operand), std::move(low),
                                         std::move(high), ctx->NOT_LA() != nullptr);
  e->symmetric = ctx->sym && ctx->sym->getType() == P::K_SYMMETRIC;
  return set(std::move(e), Level::Pattern, true, tokenAfter(ctx->expr(0)));
}

antlrcpp::Any ExprBuilder::visitInExpr(P::InExprContext *ctx) {
  ExprPtr operand = leftOperand(ctx->expr(), Level::Pattern);
  if (!operand)
    return {};
  bool negated = ctx->NOT_LA() != nullptr;
  Token *opStart = tokenAfter(ctx->expr());
  if (ctx->selectStmt()) {
    std::unique_ptr<SelectStmt> query = select(ctx->selectStmt());
    if (!query)
      return {};
    return set(std::make_unique<InSubqueryExpr>(loc(ctx->getStart()), std::move(operand),
                                                std::move(query), negated),
               Level::Pattern, false, opStart);
  }
  std::vector<ExprPtr> items;
  if (!exprList(ctx->exprList(), items))
    return {};
  return set(std::make_unique<InListExpr>(loc(ctx->getStart()), std::move(operand),
                                          std::move(items), negated),
             Level::Pattern, false, opStart);
}

antlrcpp::Any ExprBuilder::visitLikeExpr(P::LikeExprContext *ctx) {
  if (ctx->op->getType() == P::K_ILIKE && !catalog.syntax().ilike)
    return set(notInDialect(ctx->op, "ILIKE", catalog.syntax().ilikeInstead));
  ExprPtr operand = leftOperand(ctx->expr(0), Level::Pattern);
  if (!operand)
    return {};
  // `a LIKE b ESCAPE c` parses as a LIKE (b ESCAPE c): ESCAPE binds just
  // tighter than LIKE, as in gram.y.
  P::ExprContext *patternCtx = ctx->expr(1), *escapeCtx = nullptr;
  if (auto *esc = dynamic_cast<P::EscapeExprContext *>(patternCtx)) {
    if (dynamic_cast<P::EscapeExprContext *>(esc->expr(0))) {
      syntaxError(esc->K_ESCAPE()->getSymbol());
      return {};
    }
    patternCtx = esc->expr(0);
    escapeCtx = esc->expr(1);
  }
  ExprPtr pattern = build(patternCtx);
  if (!pattern || !checkRightOperand(Level::Pattern))
    return {};
  ExprPtr escape;
  if (escapeCtx && !(escape = build(escapeCtx)))
    return {};
  auto e = std::make_unique<LikeExpr>(loc(ctx->getStart()), std::move(operand), std::move(pattern),
                                      ctx->NOT_LA() != nullptr, ctx->op->getType() == P::K_ILIKE);
  e->escape = std::move(escape);
  return set(std::move(e), Level::Pattern, true, tokenAfter(ctx->expr(0)));
}

antlrcpp::Any ExprBuilder::visitSimilarExpr(P::SimilarExprContext *ctx) {
  if (build(ctx->expr(0)))
    unsupported(ctx->K_SIMILAR()->getSymbol(), "SIMILAR TO");
  return {};
}

antlrcpp::Any ExprBuilder::visitIsTestExpr(P::IsTestExprContext *ctx) {
  ExprPtr operand = leftOperand(ctx->expr(), Level::Is);
  if (!operand)
    return {};
  // ISNULL / NOTNULL; IS [NOT] NULL is read by visitIsExpr.
  IsTestExpr::Test test = IsTestExpr::Test::Null;
  bool negated = ctx->op->getType() == P::K_NOTNULL;
  return set(std::make_unique<IsTestExpr>(loc(ctx->getStart()), std::move(operand), test, negated),
             Level::Is, false, tokenAfter(ctx->expr()));
}

antlrcpp::Any ExprBuilder::visitIsDistinctExpr(P::IsDistinctExprContext *ctx) {
  result = isDistinct(ctx, ctx->expr(0), ctx->expr(1));
  return {};
}

antlrcpp::Any ExprBuilder::visitNotExpr(P::NotExprContext *ctx) {
  Token *notTok = ctx->getStart();
  ExprPtr operand = build(ctx->expr());
  if (!operand)
    return {};
  // NOT EXISTS (...) is one node in the IR.
  if (auto *ex = llvm::dyn_cast<ExistsExpr>(operand.get()); ex && !ex->parenthesized)
    return set(std::make_unique<ExistsExpr>(loc(notTok), std::move(ex->query), !ex->negated),
               Level::Not, true);
  return set(std::make_unique<UnaryExpr>(loc(notTok), UnaryExpr::Op::Not, std::move(operand)),
             Level::Not, true);
}

// --- bexpr alternatives -------------------------------------------------------

antlrcpp::Any ExprBuilder::visitBPrimaryExpr(P::BPrimaryExprContext *ctx) {
  result = build(ctx->primary());
  return {};
}

antlrcpp::Any ExprBuilder::visitBTypecastExpr(P::BTypecastExprContext *ctx) {
  result = typecast(ctx->bexpr(), ctx->typeName());
  return {};
}

antlrcpp::Any ExprBuilder::visitBUnaryExpr(P::BUnaryExprContext *ctx) {
  result = unary(ctx->op, ctx->bexpr());
  return {};
}

antlrcpp::Any ExprBuilder::visitBBinaryExpr(P::BBinaryExprContext *ctx) {
  result = binary(ctx, ctx->bexpr(0), ctx->op, ctx->bexpr(1));
  return {};
}

antlrcpp::Any ExprBuilder::visitBPrefixOpExpr(P::BPrefixOpExprContext *ctx) {
  unsupported(ctx->op, text.textOf(ctx->op).str() + " operator");
  return {};
}

antlrcpp::Any ExprBuilder::visitBIsDistinctExpr(P::BIsDistinctExprContext *ctx) {
  result = isDistinct(ctx, ctx->bexpr(0), ctx->bexpr(1));
  return {};
}
