//===- TypeCheckStatements.cpp - typing customSQL statements --------------===//
//
// What PostgreSQL's transformUpdateStmt, transformDeleteStmt,
// transformInsertStmt and transformSelectStmt check, over the IR of
// ir/Statement.h:
//  * WITH queries first; their output types become the columns of the table
//    the statement sees (unknown literals as text);
//  * UPDATE/DELETE: the update rules, the JOIN conditions, RETURNING;
//  * INSERT: each VALUES row, or the SELECT's columns, against the target
//    columns with assignment casts (transformInsertRow), the row widths,
//    ON CONFLICT, RETURNING.
//
//===----------------------------------------------------------------------===//

#include "ir/Module.h"
#include "passes/TypeCheckExpr.h"

using namespace shc;

namespace {

/// Whether the planner pulls the SELECT of an INSERT up into it
/// (is_simple_subquery: no aggregates, grouping, ordering, DISTINCT or
/// LIMIT/OFFSET), so that constant folding sees its columns.
bool pulledUp(const SelectStmt &q) {
  if (q.distinct || !q.groupBy.empty() || q.having || !q.orderBy.empty() || q.limit || q.offset)
    return false;
  for (const SelectStmt::Item &item : q.items)
    if (item.expr && findAggregate(*item.expr))
      return false;
  return true;
}

class StatementChecker {
public:
  explicit StatementChecker(ExprChecker &checker) : checker(checker), diags(checker.diags) {}

  /// Types `q` and returns its output columns (select list or RETURNING).
  llvm::SmallVector<Type, 2> query(DmlQuery &q);

private:
  llvm::SmallVector<Type, 2> dml(UpdateOp &op);
  llvm::SmallVector<Type, 2> insert(InsertStmt &ins);
  void valuesRow(InsertStmt &ins, std::vector<ExprPtr> &row);
  void selectSource(InsertStmt &ins);
  /// "INSERT has more expressions than target columns" and the reverse.
  bool checkWidth(const InsertStmt &ins, size_t values, SourceLoc extraValue);
  llvm::SmallVector<Type, 2> returning(std::vector<SelectStmt::Item> &items,
                                       llvm::ArrayRef<const Table *> tables);

  ExprChecker &checker;
  DiagnosticEngine &diags;
};

llvm::SmallVector<Type, 2> StatementChecker::query(DmlQuery &q) {
  if (q.update)
    return dml(*q.update);
  if (q.insert)
    return insert(*q.insert);
  if (q.select) {
    checker.clause = ExprChecker::Clause::SelectList;
    llvm::SmallVector<Type, 2> cols = checker.checkSelect(*q.select);
    for (SelectStmt::Item &item : q.select->items)
      if (item.expr)
        ExprChecker::resolveLeftoverUnknowns(*item.expr);
    return cols;
  }
  return {};
}

llvm::SmallVector<Type, 2> StatementChecker::returning(std::vector<SelectStmt::Item> &items,
                                                      llvm::ArrayRef<const Table *> tables) {
  checker.clause = ExprChecker::Clause::Returning;
  llvm::SmallVector<Type, 2> cols = checker.checkOutputList(items, tables);
  for (SelectStmt::Item &item : items)
    if (item.expr)
      ExprChecker::resolveLeftoverUnknowns(*item.expr);
  return cols;
}

llvm::SmallVector<Type, 2> StatementChecker::dml(UpdateOp &op) {
  if (!op.resolved)
    return {}; // unknown table, reported by resolve
  checker.checkFrom(op.from);
  checkUpdateOp(op, checker);
  llvm::SmallVector<const Table *, 2> tables{op.resolved};
  for (const TableRef &t : op.from)
    tables.push_back(t.table);
  return returning(op.returning, tables);
}

bool StatementChecker::checkWidth(const InsertStmt &ins, size_t values, SourceLoc extraValue) {
  if (values > ins.targets.size()) {
    diags.error(extraValue.isValid() ? extraValue : ins.loc, "insert-width",
                "INSERT has more expressions than target columns");
    return false;
  }
  if (!ins.columns.empty() && values < ins.targets.size()) {
    diags.error(ins.columns[values].loc, "insert-width",
                "INSERT has more target columns than expressions");
    return false;
  }
  return true;
}

void StatementChecker::valuesRow(InsertStmt &ins, std::vector<ExprPtr> &row) {
  SourceLoc extra;
  if (row.size() > ins.targets.size())
    for (size_t i = ins.targets.size(); i < row.size() && !extra.isValid(); ++i)
      if (row[i])
        extra = row[i]->getLoc();
  if (!checkWidth(ins, row.size(), extra))
    return;
  for (size_t i = 0; i < row.size(); ++i) {
    if (!row[i])
      continue; // DEFAULT
    checker.clause = ExprChecker::Clause::Values;
    unsigned before = diags.getNumErrors();
    checker.check(*row[i]);
    const Column *col = ins.targets[i];
    if (col)
      checkAssignedValue(*row[i], *col, *ins.resolved, checker);
    finishValue(*row[i], before, col ? &col->type : nullptr, checker);
  }
}

/// INSERT ... SELECT: the SELECT keeps its unknown literals, which the
/// target columns then coerce; other columns need an assignment cast.
void StatementChecker::selectSource(InsertStmt &ins) {
  SelectStmt &q = *ins.select;
  unsigned before = diags.getNumErrors();
  llvm::SmallVector<Type, 2> cols = checker.checkSelect(q, /*resolveUnknowns=*/false);
  if (checker.selectWidthUnknown)
    return;
  std::vector<const Table *> fromTables;
  for (const TableRef &t : q.from)
    fromTables.push_back(t.table);
  // Where the first output column without a target comes from.
  SourceLoc extra = q.loc;
  size_t n = 0;
  for (SelectStmt::Item &item : q.items) {
    size_t width = 1;
    if (!item.expr) {
      width = 0;
      for (const Table *t : item.starTables(fromTables))
        width += t ? t->columns.size() : 0;
    }
    if (n <= ins.targets.size() && ins.targets.size() < n + width)
      extra = item.expr ? item.expr->getLoc() : item.starLoc.isValid() ? item.starLoc : q.loc;
    n += width;
  }
  if (!checkWidth(ins, cols.size(), extra))
    return;
  // The planner pulls a simple SELECT up into the INSERT and then folds its
  // constant columns with their coercion to the target: `SELECT 1, 'too
  // long'::text` fails at plan time; behind LIMIT (not pulled up) it fails
  // only when it runs.
  bool folded = pulledUp(q);
  size_t i = 0;
  for (SelectStmt::Item &item : q.items) {
    if (!item.expr) { // * or t.*: the columns' types need an assignment cast
      for (const Table *t : item.starTables(fromTables))
        for (const Column &c : t->columns)
          if (const Column *target = ins.targets[i++])
            (void)checkAssignableType(c.type, *target,
                                      item.starLoc.isValid() ? item.starLoc : q.loc, checker);
      continue;
    }
    const Column *target = ins.targets[i++];
    if (target)
      checkAssignedValue(*item.expr, *target, *ins.resolved, checker);
    if (target && folded)
      finishValue(*item.expr, before, &target->type, checker);
    else
      ExprChecker::resolveLeftoverUnknowns(*item.expr);
  }
}

llvm::SmallVector<Type, 2> StatementChecker::insert(InsertStmt &ins) {
  if (!ins.resolved)
    return {};
  size_t width = ins.rows.empty() ? 0 : ins.rows[0].size();
  for (std::vector<ExprPtr> &row : ins.rows) {
    if (row.size() != width) {
      SourceLoc at = ins.loc;
      for (const ExprPtr &v : row)
        if (v) {
          at = v->getLoc();
          break;
        }
      diags.error(at, "insert-width", "VALUES lists must all be the same length");
      break;
    }
    valuesRow(ins, row);
  }
  if (ins.select)
    selectSource(ins);
  if (ins.conflictWhere) {
    // The arbiter's index predicate is transformed as an expression only:
    // transformOnConflictArbiter does not coerce it to boolean.
    checker.clause = ExprChecker::Clause::Where;
    unsigned before = diags.getNumErrors();
    checker.check(*ins.conflictWhere);
    finishValue(*ins.conflictWhere, before, nullptr, checker);
  }
  if (ins.conflictUpdate)
    checkUpdateOp(*ins.conflictUpdate, checker);
  return returning(ins.returning, {ins.resolved});
}

} // namespace

void shc::checkStatement(SqlStatement &st, ExprChecker &checker) {
  StatementChecker statements(checker);
  for (CommonTableExpr &cte : st.with) {
    llvm::SmallVector<Type, 2> cols = statements.query(cte.query);
    if (cte.derived)
      typeDerivedColumns(*cte.derived, cols);
  }
  statements.query(st.query);
}
