#include "passes/Effects.h"

#include "ir/Module.h"

#include <functional>

using namespace shc;

namespace {

/// forEachBaseRead with a bound on how deep derived tables nest.
void baseReads(const Expr &e, const std::function<void(const ColumnRefExpr &)> &fn,
               unsigned depth) {
  auto *ref = llvm::dyn_cast<ColumnRefExpr>(&e);
  if (!ref) {
    forEachChild(e, [&](const Expr &child) { baseReads(child, fn, depth); });
    return;
  }
  const Table *t = ref->table;
  if (!t || (!t->fromQuery && !t->fromSelect)) {
    fn(*ref);
    return;
  }
  if (depth > 32)
    return;
  auto inner = [&](const Expr &x) { baseReads(x, fn, depth + 1); };
  if (t->fromSelect)
    forEachSelectExpr(*t->fromSelect, inner);
  else
    forEachQueryExpr(*t->fromQuery, inner);
}

} // namespace

void shc::forEachBaseRead(const Expr &e,
                          const std::function<void(const ColumnRefExpr &)> &fn) {
  baseReads(e, fn, 0);
}

ColumnAccess shc::columnAccess(const ColumnRefExpr &ref, const std::string &defaultTable) {
  return {ref.table ? ref.table->name : defaultTable, ref.column ? ref.column->name : ref.name,
          ref.getLoc()};
}

static void collectReads(const Expr &e, const std::string &defaultTable,
                         std::vector<ColumnAccess> &out) {
  forEachBaseRead(e, [&](const ColumnRefExpr &ref) { out.push_back(columnAccess(ref, defaultTable)); });
}

static void addUpdateEffects(const UpdateOp &u, OperationEffects &fx) {
  for (const Assignment &a : u.assignments) {
    fx.writes.push_back({u.table, a.column, a.loc});
    if (a.value) collectReads(*a.value, u.table, fx.reads);
  }
  if (u.where) collectReads(*u.where, u.table, fx.reads);
}

/// An analysed customSQL statement: the columns its UPDATEs (and ON CONFLICT
/// DO UPDATE) assign, the tables it inserts into or deletes from, and every
/// column its expressions read.
static void addStatementEffects(const SqlStatement &st, OperationEffects &fx) {
  auto addQuery = [&](const DmlQuery &q) {
    if (q.kind == StatementKind::Delete || q.kind == StatementKind::Insert)
      fx.rowWrites.push_back(q.update ? q.update->table : q.insert->table);
    if (q.kind == StatementKind::Insert)
      fx.rowInserts.push_back({q.insert->table, "", q.insert->loc});
    const UpdateOp *u = q.update ? q.update.get()
                        : q.insert ? q.insert->conflictUpdate.get()
                                   : nullptr;
    if (u)
      for (const Assignment &a : u->assignments)
        fx.writes.push_back({u->table, a.column, a.loc});
    std::string table = q.update ? q.update->table : q.insert ? q.insert->table : "";
    forEachQueryExpr(q, [&](const Expr &e) { collectReads(e, table, fx.reads); });
  };
  for (const CommonTableExpr &cte : st.with)
    addQuery(cte.query);
  addQuery(st.query);
}

static void append(OperationEffects &into, const OperationEffects &fx) {
  into.reads.insert(into.reads.end(), fx.reads.begin(), fx.reads.end());
  into.writes.insert(into.writes.end(), fx.writes.begin(), fx.writes.end());
  into.rowWrites.insert(into.rowWrites.end(), fx.rowWrites.begin(), fx.rowWrites.end());
  into.rowInserts.insert(into.rowInserts.end(), fx.rowInserts.begin(), fx.rowInserts.end());
  into.opaque |= fx.opaque;
}

OperationEffects shc::computeEffects(const Operation &op) {
  OperationEffects fx;
  if (auto *u = llvm::dyn_cast<UpdateOp>(&op)) {
    addUpdateEffects(*u, fx);
    return fx;
  }
  // customSQL: the analysed statements; anything else (and a customSQL that
  // was not parsed) may read or write anything.
  auto *c = llvm::dyn_cast<CustomSqlOp>(&op);
  if (!c || !c->parsed) {
    fx.opaque = true;
    return fx;
  }
  for (const SqlStatement &st : c->statements)
    append(fx, computeEffects(st));
  return fx;
}

OperationEffects shc::computeEffects(const SqlStatement &st) {
  OperationEffects fx;
  if (st.analysed) {
    addStatementEffects(st, fx);
    return fx;
  }
  fx.opaque = true;
  if (st.kind == StatementKind::Insert && !st.table.empty())
    fx.rowInserts.push_back({st.table, "", st.loc});
  return fx;
}

OperationEffects shc::computeEffects(const Migration &m) {
  OperationEffects all;
  for (const OperationPtr &op : m.operations)
    append(all, computeEffects(*op));
  return all;
}
