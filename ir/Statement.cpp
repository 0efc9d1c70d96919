//===- Statement.cpp - customSQL statements in the IR ---------------------===//

#include "ir/Statement.h"

#include "ir/Module.h"

using namespace shc;

SqlStatement::SqlStatement() = default;
SqlStatement::SqlStatement(SqlStatement &&) = default;
SqlStatement &SqlStatement::operator=(SqlStatement &&) = default;
SqlStatement::~SqlStatement() = default;

InsertStmt::InsertStmt() = default;
InsertStmt::InsertStmt(InsertStmt &&) = default;
InsertStmt &InsertStmt::operator=(InsertStmt &&) = default;
InsertStmt::~InsertStmt() = default;

DmlQuery::DmlQuery() = default;
DmlQuery::DmlQuery(DmlQuery &&) = default;
DmlQuery &DmlQuery::operator=(DmlQuery &&) = default;
DmlQuery::~DmlQuery() = default;

CommonTableExpr::CommonTableExpr() = default;
CommonTableExpr::CommonTableExpr(CommonTableExpr &&) = default;
CommonTableExpr &CommonTableExpr::operator=(CommonTableExpr &&) = default;
CommonTableExpr::~CommonTableExpr() = default;

llvm::StringRef shc::statementKindName(StatementKind k) {
  switch (k) {
  case StatementKind::Update:
    return "update";
  case StatementKind::Insert:
    return "insert";
  case StatementKind::Delete:
    return "delete";
  case StatementKind::Select:
    return "select";
  case StatementKind::Ddl:
    return "ddl";
  case StatementKind::Other:
    return "other";
  }
  return "other";
}

namespace {

void forEachFrom(const std::vector<TableRef> &from, const std::function<void(const Expr &)> &fn);

void forEachItem(const std::vector<SelectStmt::Item> &items,
                 const std::function<void(const Expr &)> &fn) {
  for (const SelectStmt::Item &item : items)
    if (item.expr)
      fn(*item.expr);
}

void forEachUpdateExpr(const UpdateOp &u, const std::function<void(const Expr &)> &fn) {
  for (const Assignment &a : u.assignments)
    if (a.value)
      fn(*a.value);
  forEachFrom(u.from, fn);
  if (u.where)
    fn(*u.where);
  forEachItem(u.returning, fn);
}

void forEachFrom(const std::vector<TableRef> &from, const std::function<void(const Expr &)> &fn) {
  for (const TableRef &t : from) {
    if (t.subquery)
      forEachSelectExpr(*t.subquery, fn);
    if (t.on)
      fn(*t.on);
  }
}

} // namespace

void shc::forEachSelectExpr(const SelectStmt &s, const std::function<void(const Expr &)> &fn) {
  forEachItem(s.items, fn);
  forEachFrom(s.from, fn);
  if (s.where)
    fn(*s.where);
  for (const SelectStmt::Key &k : s.groupBy)
    if (k.expr)
      fn(*k.expr);
  if (s.having)
    fn(*s.having);
  for (const SelectStmt::Key &k : s.orderBy)
    if (k.expr)
      fn(*k.expr);
  if (s.limit)
    fn(*s.limit);
  if (s.offset)
    fn(*s.offset);
}

void shc::forEachQueryExpr(const DmlQuery &q, const std::function<void(const Expr &)> &fn) {
  if (q.update)
    forEachUpdateExpr(*q.update, fn);
  if (q.select)
    forEachSelectExpr(*q.select, fn);
  if (const InsertStmt *ins = q.insert.get()) {
    for (const std::vector<ExprPtr> &row : ins->rows)
      for (const ExprPtr &v : row)
        if (v)
          fn(*v);
    if (ins->select)
      forEachSelectExpr(*ins->select, fn);
    if (ins->conflictWhere)
      fn(*ins->conflictWhere);
    if (ins->conflictUpdate)
      forEachUpdateExpr(*ins->conflictUpdate, fn);
    forEachItem(ins->returning, fn);
  }
}

void shc::forEachStatementExpr(const SqlStatement &st,
                               const std::function<void(const Expr &)> &fn) {
  for (const CommonTableExpr &cte : st.with)
    forEachQueryExpr(cte.query, fn);
  forEachQueryExpr(st.query, fn);
}
