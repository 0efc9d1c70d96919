#include "passes/Effects.h"

#include "ir/Module.h"

#include <functional>

using namespace shc;

static void collectReads(const Expr &e, const std::string &defaultTable,
                         std::vector<ColumnAccess> &out) {
  if (auto *ref = llvm::dyn_cast<ColumnRefExpr>(&e)) {
    std::string table = ref->table ? ref->table->name : defaultTable;
    out.push_back({table, ref->column ? ref->column->name : ref->name, ref->getLoc()});
    return;
  }
  forEachChild(e, [&](const Expr &child) { collectReads(child, defaultTable, out); });
}

static void addUpdateEffects(const UpdateOp &u, OperationEffects &fx) {
  for (const Assignment &a : u.assignments) {
    fx.writes.push_back({u.table, a.column, a.loc});
    if (a.value) collectReads(*a.value, u.table, fx.reads);
  }
  if (u.where) collectReads(*u.where, u.table, fx.reads);
}

OperationEffects shc::computeEffects(const Operation &op) {
  OperationEffects fx;
  if (auto *u = llvm::dyn_cast<UpdateOp>(&op)) {
    addUpdateEffects(*u, fx);
    return fx;
  }
  // customSQL: the analysed UPDATE/DELETE statements; anything else (and a
  // customSQL that was not parsed) may read or write anything.
  auto *c = llvm::dyn_cast<CustomSqlOp>(&op);
  if (!c || !c->parsed) {
    fx.opaque = true;
    return fx;
  }
  for (const SqlStatement &st : c->statements) {
    if (st.kind == StatementKind::Insert || st.kind == StatementKind::Delete)
      fx.rowWrites.push_back(st.table);
    if (st.update)
      addUpdateEffects(*st.update, fx);
    else
      fx.opaque = true;
  }
  return fx;
}

OperationEffects shc::computeEffects(const Migration &m) {
  OperationEffects all;
  for (const OperationPtr &op : m.operations) {
    OperationEffects fx = computeEffects(*op);
    all.reads.insert(all.reads.end(), fx.reads.begin(), fx.reads.end());
    all.writes.insert(all.writes.end(), fx.writes.begin(), fx.writes.end());
    all.rowWrites.insert(all.rowWrites.end(), fx.rowWrites.begin(), fx.rowWrites.end());
    all.opaque |= fx.opaque;
  }
  return all;
}
