// Parse tree -> IR for the DML statements of a customSQL (statementRoot in
// grammar/SqlExpr.g4): WITH, UPDATE ... FROM, DELETE ... USING, INSERT with
// VALUES, SELECT, DEFAULT VALUES and ON CONFLICT, RETURNING, and the FROM
// lists (with JOINs) that subqueries share.
#include "frontend/ExprBuilder.h"

#include "ir/Diagnostics.h"
#include "ir/Module.h"

using namespace shc;
using namespace shc::sqlexpr;
using antlr4::Token;
using P = grammar::SqlExprParser;

bool ExprBuilder::statement(P::StatementRootContext *ctx, std::vector<CommonTableExpr> &with,
                            DmlQuery &query) {
  statementMode = true;
  if (P::WithClauseContext *w = ctx->withClause()) {
    if (w->K_RECURSIVE())
      return (void)unsupported(w->K_RECURSIVE()->getSymbol(), "WITH RECURSIVE"), false;
    for (P::CommonTableExprContext *c : w->commonTableExpr()) {
      CommonTableExpr cte;
      std::vector<P::ColIdContext *> ids = c->colId();
      cte.name = name(ids[0]);
      cte.loc = loc(ids[0]->getStart());
      for (size_t i = 1; i < ids.size(); ++i)
        cte.columnNames.push_back({name(ids[i]), loc(ids[i]->getStart()), nullptr});
      if (!dmlQuery(c->dmlQuery(), cte.query))
        return false;
      with.push_back(std::move(cte));
    }
  }
  return dmlQuery(ctx->dmlQuery(), query);
}

bool ExprBuilder::dmlQuery(P::DmlQueryContext *ctx, DmlQuery &out) {
  if (P::UpdateStmtContext *u = ctx->updateStmt()) {
    out.kind = StatementKind::Update;
    out.update = updateStmt(u);
  } else if (P::DeleteStmtContext *d = ctx->deleteStmt()) {
    out.kind = StatementKind::Delete;
    out.update = deleteStmt(d);
  } else if (P::InsertStmtContext *i = ctx->insertStmt()) {
    out.kind = StatementKind::Insert;
    out.insert = insertStmt(i);
  } else {
    out.kind = StatementKind::Select;
    out.select = select(ctx->selectStmt());
  }
  return !failed && out;
}

bool ExprBuilder::targetTable(P::QualifiedNameContext *ctx, std::string &schema, std::string &table,
                              SourceLoc &at) {
  std::vector<P::ColLabelContext *> rest = ctx->colLabel();
  if (rest.size() > 1)
    return (void)unsupported(rest[1]->getStart(), "database-qualified table name"), false;
  table = name(ctx->colId());
  if (!rest.empty()) { // schema.table
    schema = std::move(table);
    table = name(rest[0]);
  }
  at = loc(ctx->getStart());
  return true;
}

bool ExprBuilder::setClauses(const std::vector<P::SetClauseContext *> &clauses, UpdateOp &op) {
  for (P::SetClauseContext *sc : clauses) {
    auto *single = dynamic_cast<P::SingleSetContext *>(sc);
    if (!single) {
      bool multi = dynamic_cast<P::MultiSetContext *>(sc) != nullptr;
      return (void)unsupported(sc->getStart(), multi ? "(a, b) = ... multi-column assignment"
                                                     : "assignment to a field or an element"),
             false;
    }
    if (single->K_DEFAULT())
      return (void)unsupported(single->K_DEFAULT()->getSymbol(), "SET column = DEFAULT"), false;
    Assignment a;
    a.column = name(single->colId());
    a.loc = loc(single->getStart());
    if (!(a.value = build(single->expr())))
      return false;
    op.assignments.push_back(std::move(a));
  }
  return true;
}

bool ExprBuilder::returning(P::ReturningClauseContext *ctx,
                            std::vector<SelectStmt::Item> &out) {
  if (!ctx)
    return true;
  for (P::SelectItemContext *si : ctx->selectItem()) {
    SelectStmt::Item item;
    if (!selectItem(si, item))
      return false;
    out.push_back(std::move(item));
  }
  return true;
}

std::unique_ptr<UpdateOp> ExprBuilder::updateStmt(P::UpdateStmtContext *ctx) {
  return targetedStatement({ctx->getStart(), ctx->K_ONLY(), "UPDATE ONLY", ctx->qualifiedName(),
                            ctx->alias, ctx->setClause(), ctx->fromItem(), ctx->where,
                            ctx->returningClause()});
}

std::unique_ptr<UpdateOp> ExprBuilder::deleteStmt(P::DeleteStmtContext *ctx) {
  return targetedStatement({ctx->getStart(), ctx->K_ONLY(), "DELETE FROM ONLY",
                            ctx->qualifiedName(), ctx->alias, {}, ctx->fromItem(), ctx->where,
                            ctx->returningClause()});
}

std::unique_ptr<UpdateOp> ExprBuilder::targetedStatement(const TargetedParts &p) {
  auto op = std::make_unique<UpdateOp>(loc(p.start), UpdateOp::Origin::Static);
  if (p.only)
    return (void)unsupported(p.only->getSymbol(), p.onlyWhat), nullptr;
  if (!targetTable(p.target, op->schema, op->table, op->tableLoc))
    return nullptr;
  if (p.alias)
    op->alias = name(p.alias);
  if (!setClauses(p.sets, *op) || !fromList(p.from, op->from))
    return nullptr;
  if (p.where && !(op->where = build(p.where)))
    return nullptr;
  if (!returning(p.returning, op->returning))
    return nullptr;
  return op;
}

std::unique_ptr<InsertStmt> ExprBuilder::insertStmt(P::InsertStmtContext *ctx) {
  auto ins = std::make_unique<InsertStmt>();
  ins->loc = loc(ctx->getStart());
  if (!targetTable(ctx->qualifiedName(), ins->schema, ins->table, ins->tableLoc))
    return nullptr;
  if (ctx->alias)
    ins->alias = name(ctx->alias);
  for (P::InsertColumnContext *c : ctx->insertColumn()) {
    if (c->DOT().size() || c->LBRACKET().size())
      return (void)unsupported(c->getStart(), "INSERT into a field or an element"), nullptr;
    ins->columns.push_back({name(c->colId()), loc(c->getStart()), nullptr});
  }
  if (ctx->K_OVERRIDING())
    return (void)unsupported(ctx->K_OVERRIDING()->getSymbol(), "OVERRIDING ... VALUE"), nullptr;
  P::InsertSourceContext *src = ctx->insertSource();
  if (dynamic_cast<P::DefaultValuesSourceContext *>(src)) {
    ins->source = InsertStmt::Source::DefaultValues;
  } else if (auto *v = dynamic_cast<P::ValuesSourceContext *>(src)) {
    ins->source = InsertStmt::Source::Values;
    for (P::ValuesRowContext *row : v->valuesRow()) {
      std::vector<ExprPtr> values;
      for (P::ValuesItemContext *item : row->valuesItem()) {
        values.push_back(item->expr() ? build(item->expr()) : nullptr);
        if (item->expr() && !values.back())
          return nullptr;
      }
      ins->rows.push_back(std::move(values));
    }
  } else {
    ins->source = InsertStmt::Source::Select;
    auto *s = dynamic_cast<P::SelectSourceContext *>(src);
    auto *ps = dynamic_cast<P::ParenSelectSourceContext *>(src);
    if (!(ins->select = select(s ? s->selectStmt() : ps->selectStmt())))
      return nullptr;
  }
  if (P::OnConflictClauseContext *oc = ctx->onConflictClause()) {
    ins->onConflictLoc = loc(oc->getStart());
    if (P::ConflictTargetContext *t = oc->conflictTarget()) {
      if (t->K_CONSTRAINT())
        return (void)unsupported(t->getStart(), "ON CONFLICT ON CONSTRAINT"), nullptr;
      for (P::ColIdContext *c : t->colId())
        ins->conflictColumns.push_back({name(c), loc(c->getStart()), nullptr});
      if (t->where && !(ins->conflictWhere = build(t->where)))
        return nullptr;
    }
    if (oc->K_NOTHING()) {
      ins->onConflict = OnConflict::DoNothing;
    } else {
      ins->onConflict = OnConflict::DoUpdate;
      auto up = std::make_unique<UpdateOp>(loc(oc->K_UPDATE()->getSymbol()),
                                           UpdateOp::Origin::Static);
      up->table = ins->table;
      up->schema = ins->schema;
      up->tableLoc = ins->tableLoc;
      up->alias = ins->alias;
      if (!setClauses(oc->setClause(), *up))
        return nullptr;
      if (oc->where && !(up->where = build(oc->where)))
        return nullptr;
      ins->conflictUpdate = std::move(up);
    }
  }
  if (!returning(ctx->returningClause(), ins->returning))
    return nullptr;
  return ins;
}

// --- FROM lists -------------------------------------------------------------

bool ExprBuilder::fromList(const std::vector<P::FromItemContext *> &items,
                           std::vector<TableRef> &out) {
  for (P::FromItemContext *fi : items) {
    if (!fromPrimary(fi->fromPrimary(), JoinKind::Comma, out))
      return false;
    for (P::JoinPartContext *jp : fi->joinPart()) {
      if (jp->K_NATURAL())
        return (void)unsupported(jp->getStart(), "NATURAL JOIN"), false;
      if (jp->K_USING())
        return (void)unsupported(jp->K_USING()->getSymbol(), "JOIN ... USING"), false;
      JoinKind kind = jp->K_CROSS()   ? JoinKind::Cross
                      : jp->K_LEFT()  ? JoinKind::Left
                      : jp->K_RIGHT() ? JoinKind::Right
                      : jp->K_FULL()  ? JoinKind::Full
                                      : JoinKind::Inner;
      if (!fromPrimary(jp->fromPrimary(), kind, out))
        return false;
      if (jp->on && !(out.back().on = build(jp->on)))
        return false;
    }
  }
  return true;
}

bool ExprBuilder::fromPrimary(P::FromPrimaryContext *fp, JoinKind join,
                              std::vector<TableRef> &out) {
  if (auto *sub = dynamic_cast<P::SubqueryFromItemContext *>(fp)) {
    if (sub->K_LATERAL())
      return (void)unsupported(sub->K_LATERAL()->getSymbol(), "LATERAL"), false;
    std::vector<P::ColIdContext *> ids = sub->colId();
    if (ids.empty()) // a syntax error in PostgreSQL 15
      return (void)error(sub->getStart(), "expr-syntax", "subquery in FROM must have an alias"),
             false;
    TableRef ref;
    ref.loc = loc(sub->getStart());
    ref.alias = name(ids[0]);
    for (size_t i = 1; i < ids.size(); ++i)
      ref.columnAliases.push_back(name(ids[i]));
    if (!(ref.subquery = select(sub->selectStmt())))
      return false;
    ref.join = join;
    out.push_back(std::move(ref));
    return true;
  }
  auto *table = dynamic_cast<P::TableFromItemContext *>(fp);
  if (!table)
    return (void)unsupported(fp->getStart(), "parenthesised FROM item"), false;
  std::vector<P::ColLabelContext *> rest = table->colLabel();
  if (rest.size() > 1)
    return (void)unsupported(rest[1]->getStart(), "database-qualified table name"), false;
  TableRef ref;
  ref.name = name(table->colId(0));
  if (!rest.empty()) { // schema.table
    ref.schema = std::move(ref.name);
    ref.name = name(rest[0]);
  }
  if (table->colId().size() > 1)
    ref.alias = name(table->colId(1));
  ref.loc = loc(table->getStart());
  ref.join = join;
  out.push_back(std::move(ref));
  return true;
}
