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

OperationEffects shc::computeEffects(const Operation &op) {
  OperationEffects fx;
  if (auto *u = llvm::dyn_cast<UpdateOp>(&op)) {
    for (const Assignment &a : u->assignments) {
      fx.writes.push_back({u->table, a.column, a.loc});
      if (a.value) collectReads(*a.value, u->table, fx.reads);
    }
    if (u->where) collectReads(*u->where, u->table, fx.reads);
    return fx;
  }
  // customSQL: analysed statements are not modelled in the IR yet.
  fx.opaque = true;
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
