// Parse tree -> IR for the terms of an expression: literals, names, types,
// function calls (with SQL's special call syntaxes) and subqueries.
#include "frontend/ExprBuilder.h"

#include "frontend/ExprLiterals.h"
#include "ir/Catalog.h"
#include "ir/Diagnostics.h"

#include "llvm/ADT/StringExtras.h"

using namespace shc;
using namespace shc::sqlexpr;
using antlr4::ParserRuleContext;
using antlr4::Token;
using P = grammar::SqlExprParser;

// --- names and literals ---------------------------------------------------------

std::string ExprBuilder::name(ParserRuleContext *ctx) { return nameOf(ctx->getStart()); }

std::string ExprBuilder::nameOf(Token *tok) {
  llvm::StringRef spelled = text.textOf(tok);
  return tok->getType() == P::QIDENT ? unquoteIdentifier(spelled) : foldIdentifier(spelled);
}

ExprPtr ExprBuilder::stringLiteral(P::StringConstContext *ctx) {
  Token *tok = ctx->getStart();
  llvm::StringRef spelled = text.textOf(tok);
  std::string value;
  const ExprSyntax &syntax = catalog.syntax();
  if (tok->getType() == P::ESCAPE_STRING && !syntax.escapeStrings)
    return notInDialect(tok, "an E'...' string",
                        syntax.backslashStrings
                            ? "'...', which takes the same backslash escapes"
                            : "'...' with '' for a quote, and char(10) for a newline");
  if (tok->getType() == P::DOLLAR_STRING && !syntax.dollarQuotes)
    return notInDialect(tok, "a $$...$$ string", "'...' with '' for a quote");
  if (tok->getType() == P::ESCAPE_STRING) {
    std::string error;
    size_t at;
    if (!decodeEscapeString(spelled, value, at, error)) // validated by the lexer
      return this->error(tok, "expr-syntax", error);
  } else if (tok->getType() == P::BACKSLASH_STRING) {
    value = decodeBackslashString(spelled);
  } else if (tok->getType() == P::DOLLAR_STRING) {
    value = dollarStringBody(spelled);
  } else {
    value = unquoteString(spelled);
  }
  return std::make_unique<LiteralExpr>(loc(tok), LiteralExpr::LitKind::String, std::move(value));
}

ExprPtr ExprBuilder::literal(P::LiteralContext *ctx) {
  Token *tok = ctx->getStart();
  using K = LiteralExpr::LitKind;
  switch (tok->getType()) {
  case P::INTEGER:
    return std::make_unique<LiteralExpr>(loc(tok), K::Integer, text.textOf(tok).str());
  case P::NUMERIC:
    return std::make_unique<LiteralExpr>(loc(tok), K::Numeric, text.textOf(tok).str());
  case P::K_TRUE:
    return std::make_unique<LiteralExpr>(loc(tok), K::Bool, "true");
  case P::K_FALSE:
    return std::make_unique<LiteralExpr>(loc(tok), K::Bool, "false");
  case P::K_NULL:
    return std::make_unique<LiteralExpr>(loc(tok), K::Null, "");
  default:
    return stringLiteral(ctx->stringConst());
  }
}

ExprPtr ExprBuilder::columnRef(P::ColumnRefContext *ctx) {
  std::vector<P::ColLabelContext *> rest = ctx->colLabel();
  if (rest.size() > 1)
    return unsupported(ctx->getStart(), "three-part name");
  SourceLoc start = loc(ctx->getStart());
  if (rest.empty()) {
    auto e = std::make_unique<ColumnRefExpr>(start, "", name(ctx->colId()));
    e->nameLoc = start;
    return e;
  }
  auto e = std::make_unique<ColumnRefExpr>(start, name(ctx->colId()), name(rest[0]));
  e->nameLoc = loc(rest[0]->getStart());
  return e;
}

bool ExprBuilder::exprList(P::ExprListContext *ctx, std::vector<ExprPtr> &out) {
  for (P::ExprContext *e : ctx->expr()) {
    out.push_back(build(e));
    if (!out.back())
      return false;
  }
  return true;
}

// --- types ----------------------------------------------------------------------

/// Token text joined with single spaces between words, lower-cased, no
/// spaces around punctuation: `Character  Varying ( 10 )` ->
/// `character varying(10)`.
std::string ExprBuilder::spell(ParserRuleContext *ctx) {
  return spell(ctx->getStart()->getTokenIndex(), ctx->getStop()->getTokenIndex());
}

std::string ExprBuilder::spell(size_t first, size_t last) {
  std::string out;
  bool prevWord = false;
  for (size_t i = first; i <= last; ++i) {
    Token *tok = tokens.get(i);
    llvm::StringRef t = text.textOf(tok);
    switch (tok->getType()) {
    case P::LPAREN:
    case P::COMMA:
    case P::DOT:
    case P::LBRACKET:
      out += t.str();
      prevWord = false;
      break;
    case P::RPAREN:
    case P::RBRACKET:
    case P::INTEGER:
      out += t.str();
      prevWord = true;
      break;
    default:
      if (prevWord)
        out += ' ';
      out += tok->getType() == P::QIDENT ? t.str() : foldIdentifier(t);
      prevWord = true;
      break;
    }
  }
  return out;
}

std::optional<Type> ExprBuilder::typeOf(ParserRuleContext *ctx, std::string &spelling) {
  if (auto *tn = dynamic_cast<P::TypeNameContext *>(ctx)) {
    auto *interval = dynamic_cast<P::IntervalTypeContext *>(tn->simpleTypeName());
    if (interval && interval->intervalQualifier()) {
      unsupported(interval->intervalQualifier()->getStart(), "INTERVAL field qualifier");
      return std::nullopt;
    }
    spelling = spell(tn->simpleTypeName());
    if (P::ArrayBoundsContext *bounds = tn->arrayBounds()) {
      // PostgreSQL ignores array sizes: int[3], int ARRAY and int[] are one type.
      size_t dims = std::max<size_t>(1, bounds->LBRACKET().size());
      for (size_t i = 0; i < dims; ++i)
        spelling += "[]";
    }
  } else {
    spelling = spell(ctx);
  }
  std::optional<Type> type = catalog.parseColumnType(spelling);
  if (!type)
    error(ctx->getStart(), "expr-syntax", "invalid type name \"" + spelling + "\"");
  return type;
}

ExprPtr ExprBuilder::typedLiteral(ParserRuleContext *typeCtx, P::StringConstContext *str) {
  std::string spelling;
  std::optional<Type> type = typeOf(typeCtx, spelling);
  if (!type)
    return nullptr;
  return castLiteral(typeCtx->getStart(), std::move(*type), std::move(spelling), str);
}

ExprPtr ExprBuilder::castLiteral(antlr4::Token *start, Type type, std::string spelling,
                                 P::StringConstContext *str) {
  ExprPtr value = stringLiteral(str);
  if (!value)
    return nullptr;
  return std::make_unique<CastExpr>(loc(start), std::move(value), std::move(type),
                                    std::move(spelling), CastExpr::Syntax::TypedLiteral);
}

ExprPtr ExprBuilder::spelledTypedLiteral(antlr4::Token *start, std::string spelling,
                                         P::StringConstContext *str) {
  std::optional<Type> type = catalog.parseColumnType(spelling);
  if (!type)
    return error(start, "expr-syntax", "invalid type name \"" + spelling + "\"");
  return castLiteral(start, std::move(*type), std::move(spelling), str);
}

// --- primary alternatives ---------------------------------------------------------

antlrcpp::Any ExprBuilder::visitLiteralPrimary(P::LiteralPrimaryContext *ctx) {
  return set(literal(ctx->literal()));
}

antlrcpp::Any ExprBuilder::visitIntervalPrimary(P::IntervalPrimaryContext *ctx) {
  if (catalog.syntax().intervalExprUnit) { // INTERVAL '1' DAY: the string is the amount
    P::IntervalQualifierContext *q = ctx->intervalQualifier();
    if (!q || ctx->INTEGER() || q->K_TO() || q->typeModifiers().size())
      return set(notInDialect(ctx->getStart(), "this INTERVAL form", "INTERVAL n UNIT, as in INTERVAL 1 DAY"));
    ExprPtr amount = stringLiteral(ctx->stringConst());
    if (!amount)
      return {};
    return set(unitInterval(ctx->getStart(), std::move(amount), q->getStart()));
  }
  if (ctx->intervalQualifier())
    return set(unsupported(ctx->intervalQualifier()->getStart(), "INTERVAL field qualifier"));
  std::string spelling = "interval";
  if (ctx->INTEGER())
    spelling += "(" + text.textOf(ctx->INTEGER()->getSymbol()).str() + ")";
  return set(spelledTypedLiteral(ctx->getStart(), std::move(spelling), ctx->stringConst()));
}

antlrcpp::Any ExprBuilder::visitConstTypedPrimary(P::ConstTypedPrimaryContext *ctx) {
  return set(typedLiteral(ctx->constTypeName(), ctx->stringConst()));
}

antlrcpp::Any ExprBuilder::visitGenericTypedPrimary(P::GenericTypedPrimaryContext *ctx) {
  // `date '2024-01-01'`: the type is every token before the string.
  std::string spelling =
      spell(ctx->getStart()->getTokenIndex(), ctx->stringConst()->getStart()->getTokenIndex() - 1);
  return set(spelledTypedLiteral(ctx->getStart(), std::move(spelling), ctx->stringConst()));
}

antlrcpp::Any ExprBuilder::visitSpecialPrimary(P::SpecialPrimaryContext *ctx) {
  return set(build(ctx->specialFunction()));
}

antlrcpp::Any ExprBuilder::visitFuncPrimary(P::FuncPrimaryContext *ctx) {
  return set(funcCall(ctx->funcCall()));
}

antlrcpp::Any ExprBuilder::visitColumnPrimary(P::ColumnPrimaryContext *ctx) {
  return set(columnRef(ctx->columnRef()));
}

antlrcpp::Any ExprBuilder::visitSubqueryPrimary(P::SubqueryPrimaryContext *ctx) {
  std::unique_ptr<SelectStmt> query = select(ctx->selectStmt());
  if (!query)
    return {};
  return set(std::make_unique<SubqueryExpr>(loc(ctx->getStart()), std::move(query)));
}

antlrcpp::Any ExprBuilder::visitParenPrimary(P::ParenPrimaryContext *ctx) {
  if (ctx->expr().size() > 1)
    return set(unsupported(ctx->getStart(), "(a, b) row constructor"));
  ExprPtr inner = build(ctx->expr(0));
  if (inner)
    inner->parenthesized = true;
  return set(std::move(inner));
}

antlrcpp::Any ExprBuilder::visitCasePrimary(P::CasePrimaryContext *ctx) {
  auto e = std::make_unique<CaseExpr>(loc(ctx->getStart()));
  std::vector<P::ExprContext *> exprs = ctx->expr();
  bool simple = dynamic_cast<P::ExprContext *>(ctx->children[1]) != nullptr;
  if (simple && !(e->operand = build(exprs[0])))
    return {};
  for (P::CaseWhenContext *w : ctx->caseWhen()) {
    ExprPtr cond = build(w->expr(0));
    if (!cond)
      return {};
    ExprPtr value = build(w->expr(1));
    if (!value)
      return {};
    e->whens.push_back({std::move(cond), std::move(value)});
  }
  if (ctx->K_ELSE() && !(e->elseExpr = build(exprs.back())))
    return {};
  return set(std::move(e));
}

antlrcpp::Any ExprBuilder::visitCastPrimary(P::CastPrimaryContext *ctx) {
  ExprPtr operand = build(ctx->expr());
  if (!operand)
    return {};
  std::string spelling;
  std::optional<Type> type = typeOf(ctx->typeName(), spelling);
  if (!type)
    return {};
  return set(std::make_unique<CastExpr>(loc(ctx->getStart()), std::move(operand), std::move(*type),
                                        std::move(spelling), CastExpr::Syntax::CastFunc));
}

antlrcpp::Any ExprBuilder::visitExistsPrimary(P::ExistsPrimaryContext *ctx) {
  std::unique_ptr<SelectStmt> query = select(ctx->selectStmt());
  if (!query)
    return {};
  return set(std::make_unique<ExistsExpr>(loc(ctx->getStart()), std::move(query), false));
}

antlrcpp::Any ExprBuilder::visitArrayPrimary(P::ArrayPrimaryContext *ctx) {
  return set(unsupported(ctx->getStart(), ctx->LBRACKET() ? "ARRAY[...]" : "ARRAY(...)"));
}

antlrcpp::Any ExprBuilder::visitRowPrimary(P::RowPrimaryContext *ctx) {
  return set(unsupported(ctx->getStart(), "ROW(...)"));
}

antlrcpp::Any ExprBuilder::visitQuantifiedPrimary(P::QuantifiedPrimaryContext *ctx) {
  return set(unsupported(ctx->quantifier,
                         llvm::StringRef(text.textOf(ctx->quantifier)).upper() + "(...)"));
}
