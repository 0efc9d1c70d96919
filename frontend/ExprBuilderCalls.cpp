// Parse tree -> IR for function calls, SQL's special call syntaxes
// (EXTRACT, POSITION, SUBSTRING, TRIM, CURRENT_DATE ...) and subqueries.
#include "frontend/ExprBuilder.h"

#include "frontend/ExprLiterals.h"
#include "ir/Diagnostics.h"

using namespace shc;
using namespace shc::sqlexpr;
using antlr4::ParserRuleContext;
using antlr4::Token;
using P = grammar::SqlExprParser;
using Form = FuncCallExpr::Form;

ExprPtr ExprBuilder::funcCall(P::FuncCallContext *ctx) {
  P::FuncNameContext *fn = ctx->funcName();
  if (fn->colId())
    return unsupported(fn->getStart(), "schema-qualified function name");
  auto call = std::make_unique<FuncCallExpr>(loc(ctx->getStart()), name(fn->typeFunctionName()),
                                             std::vector<ExprPtr>());
  if (P::FuncArgsContext *fa = ctx->funcArgs()) {
    call->star = fa->STAR() != nullptr;
    call->distinct = fa->quant && fa->quant->getType() == P::K_DISTINCT;
    for (P::FuncArgContext *arg : fa->funcArg()) {
      if (arg->typeFunctionName())
        return unsupported(arg->getStart(), "name => value argument");
      if (arg->K_VARIADIC())
        return unsupported(arg->getStart(), "VARIADIC");
      call->args.push_back(build(arg->expr()));
      if (!call->args.back())
        return nullptr;
    }
    if (fa->K_ORDER())
      return unsupported(fa->K_ORDER()->getSymbol(), "ORDER BY in a function call");
  }
  if (ctx->withinGroup())
    return unsupported(ctx->withinGroup()->getStart(), "WITHIN GROUP");
  if (ctx->filterClause())
    return unsupported(ctx->filterClause()->getStart(), "FILTER");
  if (ctx->overClause())
    return unsupported(ctx->overClause()->getStart(), "OVER (window function)");
  return call;
}

// --- special call syntaxes ------------------------------------------------------

antlrcpp::Any ExprBuilder::visitExtractFunc(P::ExtractFuncContext *ctx) {
  if (!catalog.syntax().keywordArgumentForms)
    return set(notInDialect(ctx->getStart(), "EXTRACT(field FROM x)", "strftime('%Y', x)"));
  P::ExtractFieldContext *fieldCtx = ctx->extractField();
  std::string field;
  if (fieldCtx->stringConst()) {
    ExprPtr s = stringLiteral(fieldCtx->stringConst());
    if (!s)
      return {};
    field = llvm::cast<LiteralExpr>(s.get())->text;
  } else {
    field = name(fieldCtx);
  }
  std::vector<ExprPtr> args;
  args.push_back(std::make_unique<LiteralExpr>(
      loc(fieldCtx->getStart()), LiteralExpr::LitKind::String, foldIdentifier(field)));
  args.push_back(build(ctx->expr()));
  if (!args.back())
    return {};
  return set(std::make_unique<FuncCallExpr>(loc(ctx->getStart()), "extract", std::move(args),
                                            Form::Extract));
}

antlrcpp::Any ExprBuilder::visitPositionFunc(P::PositionFuncContext *ctx) {
  if (!catalog.syntax().keywordArgumentForms)
    return set(notInDialect(ctx->getStart(), "POSITION(a IN b)", "instr(b, a)"));
  std::vector<ExprPtr> args;
  for (P::BexprContext *b : ctx->bexpr()) {
    args.push_back(build(b));
    if (!args.back())
      return {};
  }
  return set(std::make_unique<FuncCallExpr>(loc(ctx->getStart()), "position", std::move(args),
                                            Form::Position));
}

antlrcpp::Any ExprBuilder::visitSubstringFunc(P::SubstringFuncContext *ctx) {
  std::vector<ExprPtr> args;
  for (P::ExprContext *e : ctx->expr()) {
    args.push_back(build(e));
    if (!args.back())
      return {};
  }
  P::SubstringFromContext *sf = ctx->substringFrom();
  if (!sf) // substring(x, a, b): an ordinary call
    return set(std::make_unique<FuncCallExpr>(loc(ctx->getStart()), "substring", std::move(args)));
  if (!catalog.syntax().keywordArgumentForms)
    return set(notInDialect(sf->getStart(), "SUBSTRING(x FROM a FOR n)", "substr(x, a, n)"));
  if (sf->K_SIMILAR())
    return set(unsupported(sf->K_SIMILAR()->getSymbol(), "SUBSTRING(... SIMILAR ...)"));
  // Build in source order (FOR may come first), then place as [x, from, for].
  ExprPtr from, count;
  for (P::ExprContext *e : sf->expr()) {
    ExprPtr built = build(e);
    if (!built)
      return {};
    (e == sf->from ? from : count) = std::move(built);
  }
  if (!from) // SUBSTRING(x FOR n) starts at 1, as PostgreSQL rewrites it
    from = std::make_unique<LiteralExpr>(loc(sf->getStart()), LiteralExpr::LitKind::Integer, "1");
  args.push_back(std::move(from));
  if (count)
    args.push_back(std::move(count));
  return set(std::make_unique<FuncCallExpr>(loc(ctx->getStart()), "substring", std::move(args),
                                            Form::Substring));
}

antlrcpp::Any ExprBuilder::visitTrimFunc(P::TrimFuncContext *ctx) {
  const char *fname = "btrim";
  if (ctx->side && ctx->side->getType() == P::K_LEADING)
    fname = "ltrim";
  if (ctx->side && ctx->side->getType() == P::K_TRAILING)
    fname = "rtrim";
  P::TrimArgsContext *ta = ctx->trimArgs();
  bool keywordForm = ctx->side || ta->K_FROM();
  if (!catalog.syntax().keywordArgumentForms) {
    if (keywordForm)
      return set(notInDialect(ctx->side ? ctx->side : ta->K_FROM()->getSymbol(),
                              "TRIM(... FROM ...)", "trim(x, chars), ltrim or rtrim"));
    fname = "trim"; // trim(x [, chars]) is an ordinary function there
  }
  std::vector<ExprPtr> args;
  ExprPtr chars;
  // TRIM(chars FROM x) -> btrim(x, chars); TRIM(FROM x) and TRIM(x, ...) as is.
  if (ta->K_FROM() && !ta->expr().empty() && !(chars = build(ta->expr(0))))
    return {};
  if (P::ExprListContext *list = ta->exprList()) {
    if (!exprList(list, args))
      return {};
  } else {
    for (P::ExprContext *e : ta->expr()) {
      args.push_back(build(e));
      if (!args.back())
        return {};
    }
  }
  if (chars)
    args.push_back(std::move(chars));
  Form form = catalog.syntax().keywordArgumentForms ? Form::Trim : Form::Plain;
  return set(std::make_unique<FuncCallExpr>(loc(ctx->getStart()), fname, std::move(args), form));
}

antlrcpp::Any ExprBuilder::visitListFunc(P::ListFuncContext *ctx) {
  // COALESCE, GREATEST, LEAST: keywords in PostgreSQL, plain calls in the IR.
  std::vector<ExprPtr> args;
  if (!exprList(ctx->exprList(), args))
    return {};
  return set(std::make_unique<FuncCallExpr>(loc(ctx->name), foldIdentifier(text.textOf(ctx->name)),
                                            std::move(args)));
}

antlrcpp::Any ExprBuilder::visitNullifFunc(P::NullifFuncContext *ctx) {
  std::vector<ExprPtr> args;
  for (P::ExprContext *e : ctx->expr()) {
    args.push_back(build(e));
    if (!args.back())
      return {};
  }
  return set(std::make_unique<FuncCallExpr>(loc(ctx->getStart()), "nullif", std::move(args)));
}

antlrcpp::Any ExprBuilder::visitUnsupportedFunc(P::UnsupportedFuncContext *ctx) {
  return set(unsupported(ctx->getStart(),
                         llvm::StringRef(text.textOf(ctx->getStart())).upper() + "(...)"));
}

antlrcpp::Any ExprBuilder::visitNoParensFunc(P::NoParensFuncContext *ctx) {
  std::string fname = foldIdentifier(text.textOf(ctx->name));
  if (ctx->LPAREN())
    return set(unsupported(ctx->name, llvm::StringRef(fname).upper() + "(precision)"));
  return set(std::make_unique<FuncCallExpr>(loc(ctx->name), fname, std::vector<ExprPtr>(),
                                            Form::NoParens));
}

// --- subqueries -------------------------------------------------------------------

std::unique_ptr<SelectStmt> ExprBuilder::select(P::SelectStmtContext *ctx) {
  auto q = std::make_unique<SelectStmt>();
  q->loc = loc(ctx->getStart());
  q->distinct = ctx->K_DISTINCT() != nullptr;
  if (ctx->distinctOn()) {
    unsupported(ctx->K_DISTINCT()->getSymbol(), "DISTINCT ON");
    return nullptr;
  }
  for (P::SelectItemContext *si : ctx->selectItem()) {
    SelectStmt::Item item;
    if (!selectItem(si, item))
      return nullptr;
    q->items.push_back(std::move(item));
  }
  if (!fromList(ctx->fromItem(), q->from))
    return nullptr;
  if (ctx->where && !(q->where = build(ctx->where)))
    return nullptr;
  for (P::GroupItemContext *g : ctx->groupItem()) {
    SelectStmt::Key key;
    if (!(key.expr = build(g->expr())))
      return nullptr;
    q->groupBy.push_back(std::move(key));
  }
  if (ctx->having && !(q->having = build(ctx->having)))
    return nullptr;
  for (P::SortItemContext *si : ctx->sortItem()) {
    SelectStmt::Key key;
    if (!(key.expr = build(si->expr())))
      return nullptr;
    key.desc = si->dir && si->dir->getType() == P::K_DESC;
    if (si->nulls)
      key.nulls = si->nulls->getType() == P::K_FIRST ? SelectStmt::Key::Nulls::First
                                                     : SelectStmt::Key::Nulls::Last;
    q->orderBy.push_back(std::move(key));
  }
  if (P::LimitOffsetContext *lo = ctx->limitOffset()) {
    if (lo->rows)
      return unsupported(lo->rows, "OFFSET ... ROWS"), nullptr;
    if (lo->limit && !(q->limit = build(lo->limit)))
      return nullptr;
    if (lo->offset && !(q->offset = build(lo->offset)))
      return nullptr;
  }
  if (P::SelectUnsupportedContext *u = ctx->selectUnsupported()) {
    Token *kw = u->getStart();
    std::string clause = llvm::StringRef(text.textOf(kw)).upper();
    unsupported(kw, clause + (statementMode ? "" : " in a subquery"));
    return nullptr;
  }
  return q;
}

bool ExprBuilder::selectItem(P::SelectItemContext *si, SelectStmt::Item &item) {
  if (si->qualifier) {
    item.starQualifier = name(si->qualifier);
    item.starLoc = loc(si->getStart());
    return true;
  }
  if (si->STAR())
    return true;
  if (!(item.expr = build(si->expr())))
    return false;
  if (si->colLabel())
    item.alias = name(si->colLabel());
  else if (si->IDENT())
    item.alias = nameOf(si->IDENT()->getSymbol());
  else if (si->QIDENT())
    item.alias = nameOf(si->QIDENT()->getSymbol());
  return true;
}
