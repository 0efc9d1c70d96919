//===- ResolveStatements.cpp - binding names in customSQL statements ------===//
//
// As PostgreSQL's analyser binds them:
//  * WITH queries are visible to the queries after them and to the
//    statement, as tables named by the query's output columns; their names
//    are distinct, and one that modifies data without RETURNING has no
//    columns and cannot be read;
//  * UPDATE ... FROM and DELETE ... USING put the target (under its alias
//    when it has one) and the listed tables into one scope, with distinct
//    names; the FROM list itself (JOIN ... ON, subqueries) does not see the
//    target;
//  * INSERT binds its column list against the target; VALUES sees no table;
//    ON CONFLICT DO UPDATE also sees `excluded`, the proposed row;
//  * RETURNING sees the statement's scope.
//
//===----------------------------------------------------------------------===//

#include "ir/Diagnostics.h"
#include "ir/Suggest.h"
#include "passes/ResolveInternal.h"

#include "llvm/ADT/StringSet.h"

using namespace shc;

void Resolver::resolveStatement(SqlStatement &st) {
  asWritten = true; // emitted as written: bare names go through search_path
  withTables.clear();
  for (size_t i = 0; i < st.with.size(); ++i) {
    CommonTableExpr &cte = st.with[i];
    for (size_t j = 0; j < i; ++j)
      if (st.with[j].name == cte.name) {
        diags.error(cte.loc, "duplicate-key",
                    "WITH query name \"" + cte.name + "\" specified more than once");
        break;
      }
    resolveQuery(cte.query);
    nameWithColumns(cte);
    const DmlQuery &q = cte.query;
    bool noReturning = (q.update && q.update->returning.empty()) ||
                       (q.insert && q.insert->returning.empty());
    withTables.push_back({cte.name, cte.derived.get(), noReturning});
  }
  resolveQuery(st.query);
  withTables.clear();
  scopes.clear();
}

void Resolver::resolveQuery(DmlQuery &q) {
  scopes.clear();
  if (q.update)
    resolveDml(*q.update);
  else if (q.insert)
    resolveInsert(*q.insert);
  else if (q.select)
    resolveSelect(*q.select);
}

void Resolver::resolveItems(std::vector<SelectStmt::Item> &items) {
  for (SelectStmt::Item &item : items) {
    if (item.expr) {
      resolveExpr(*item.expr);
      continue;
    }
    if (item.starQualifier.empty())
      continue;
    // t.*: the FROM entry named t, innermost first.
    bool found = false;
    for (auto s = scopes.rbegin(); s != scopes.rend() && !found; ++s)
      for (const ScopeEntry &entry : *s)
        if (entry.refName == item.starQualifier) {
          item.starTable = entry.table; // null when unknown (reported)
          found = true;
          break;
        }
    if (!found)
      diags.error(item.starLoc, "unknown-table",
                  "missing FROM-clause entry for table \"" + item.starQualifier + "\"");
  }
}

/// UPDATE t [AS a] SET ... FROM ... WHERE ... RETURNING, and DELETE (no
/// assignments; `from` is its USING list).
void Resolver::resolveDml(UpdateOp &op) {
  SourceLoc at = op.tableLoc.isValid() ? op.tableLoc : op.getLoc();
  if (!resolveTarget(op.schema, op.table, at, op.resolved))
    return;
  resolveAssignments(op);
  // The FROM (USING) list does not see the target: transformUpdateStmt and
  // transformDeleteStmt mark it lateral-only while they transform it, so a
  // JOIN ... ON or a subquery there cannot reference it. It is added after.
  ScopeEntry target{op.alias.empty() ? op.resolved->name : op.alias, op.resolved};
  scopes.assign(1, Scope{});
  hidden.push_back(target);
  resolveFrom(op.from, op.getLoc());
  hidden.pop_back();
  Scope &scope = scopes.back();
  scope.insert(scope.begin(), target);
  // checkNameSpaceConflicts: the target and the FROM entries (JOINed ones
  // included) need distinct names; resolveFrom checked the FROM entries
  // among themselves. PostgreSQL reports no position; ours is the entry.
  for (size_t i = 1; i < scope.size(); ++i)
    if (scope[i].refName == scope[0].refName) {
      const TableRef &t = op.from[i - 1];
      diags.error(t.loc.isValid() ? t.loc : op.getLoc(), "duplicate-key",
                  "table name \"" + scope[i].refName + "\" specified more than once");
      break;
    }
  for (Assignment &a : op.assignments)
    if (a.value)
      resolveExpr(*a.value);
  if (op.where)
    resolveExpr(*op.where);
  resolveItems(op.returning);
  scopes.clear();
}

void Resolver::resolveColumnList(std::vector<ColumnName> &cols, const Table &table,
                                 bool insertList) {
  llvm::StringSet<> seen;
  for (ColumnName &c : cols) {
    c.resolved = table.findColumn(c.name);
    if (!c.resolved) {
      unknownName(c.loc, "unknown-column",
                  "column \"" + c.name + "\" of relation \"" + table.name + "\" does not exist" +
                      didYouMean(c.name, columnNames(table)));
      continue;
    }
    if (insertList && !seen.insert(c.name).second)
      diags.error(c.loc, "duplicate-key", "column \"" + c.name + "\" specified more than once");
  }
}

void Resolver::resolveInsert(InsertStmt &ins) {
  if (!resolveTarget(ins.schema, ins.table, ins.tableLoc, ins.resolved))
    return;
  const Table &table = *ins.resolved;
  resolveColumnList(ins.columns, table, true);
  ins.targets.clear();
  if (ins.columns.empty())
    for (const Column &c : table.columns)
      ins.targets.push_back(&c);
  else
    for (const ColumnName &c : ins.columns)
      ins.targets.push_back(c.resolved); // null after an error
  // VALUES sees no table of the statement; a subquery in it opens its own.
  scopes.clear();
  for (std::vector<ExprPtr> &row : ins.rows)
    for (ExprPtr &v : row)
      if (v)
        resolveExpr(*v);
  if (ins.select)
    resolveSelect(*ins.select);
  std::string refName = ins.alias.empty() ? table.name : ins.alias;
  scopes.assign(1, Scope{{refName, &table}});
  resolveColumnList(ins.conflictColumns, table, false);
  // ON CONSTRAINT stays opaque, so DO UPDATE here has columns or nothing.
  if (ins.onConflict == OnConflict::DoUpdate && ins.conflictColumns.empty())
    diags
        .error(ins.onConflictLoc.isValid() ? ins.onConflictLoc : ins.loc, "custom-sql-syntax",
               "ON CONFLICT DO UPDATE requires inference specification or constraint name")
        .hint("For example, ON CONFLICT (column_name).");
  if (ins.conflictWhere)
    resolveExpr(*ins.conflictWhere);
  if (UpdateOp *up = ins.conflictUpdate.get()) {
    up->resolved = &table;
    resolveAssignments(*up);
    scopes.back().push_back({"excluded", &table});
    for (Assignment &a : up->assignments)
      if (a.value)
        resolveExpr(*a.value);
    if (up->where)
      resolveExpr(*up->where);
    scopes.back().pop_back();
  }
  resolveItems(ins.returning);
  scopes.clear();
}

/// The columns the statement sees for a WITH query: its select list (or
/// RETURNING list), renamed by the query's column list. Types are filled by
/// typecheck. Left null when a `*` covers a table that is unknown.
void Resolver::nameWithColumns(CommonTableExpr &cte) {
  const std::vector<SelectStmt::Item> *items = nullptr;
  std::vector<const Table *> starTables;
  if (cte.query.select) {
    items = &cte.query.select->items;
    for (const TableRef &t : cte.query.select->from)
      starTables.push_back(t.table);
  } else if (cte.query.update) {
    items = &cte.query.update->returning;
    starTables.push_back(cte.query.update->resolved);
    for (const TableRef &t : cte.query.update->from)
      starTables.push_back(t.table);
  } else if (cte.query.insert) {
    items = &cte.query.insert->returning;
    starTables.push_back(cte.query.insert->resolved);
  }
  std::vector<std::pair<std::string, SourceLoc>> names;
  for (const ColumnName &c : cte.columnNames)
    names.push_back({c.name, c.loc});
  // A data-modifying WITH query without RETURNING has no columns.
  static const std::vector<SelectStmt::Item> none;
  cte.derived = deriveTable(cte.name, cte.loc, items ? *items : none, starTables, names,
                            "WITH query");
  if (cte.derived)
    for (size_t i = 0; i < cte.columnNames.size(); ++i)
      cte.columnNames[i].resolved = &cte.derived->columns[i];
}
