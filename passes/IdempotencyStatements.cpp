//===- IdempotencyStatements.cpp - INSERT and SELECT in customSQL ---------===//
//
// An INSERT is idempotent only with ON CONFLICT, and only when a second run
// really conflicts: its key columns (the conflict target, or the primary
// key) must be inserted (not DEFAULT), with deterministic values. An INSERT ... SELECT
// that reads its own table, or a WHERE NOT EXISTS guard, is unknown. A
// SELECT is idempotent unless it calls a function with effects outside the
// tables (nextval, setval, ...) or one whose effects are not known.
//
//===----------------------------------------------------------------------===//

#include "passes/Determinism.h"
#include "passes/Effects.h"
#include "ir/FunctionProperties.h"
#include "passes/IdempotencyInternal.h"

#include <algorithm>
#include <functional>
#include <set>

using namespace shc;
using namespace shc::idem;

bool idem::mergeVerdict(IdempotencyVerdict &into, Verdict v, std::string reason, SourceLoc loc) {
  auto severity = [](Verdict x) {
    return x == Verdict::NotIdempotent ? 2 : x == Verdict::Unknown ? 1 : 0;
  };
  if (into.computed && severity(v) <= severity(into.verdict))
    return false;
  into.computed = true;
  into.verdict = v;
  into.reason = std::move(reason);
  into.loc = loc;
  return true;
}

namespace {

/// Calls `fn` on `e` and every expression below it, subqueries included.
void walk(const Expr &e, const std::function<void(const Expr &)> &fn) {
  fn(e);
  forEachChild(e, [&](const Expr &c) { walk(c, fn); });
}

/// The inserted values, each with the column it goes to (null if unknown).
struct InsertedValue {
  const Expr *value;
  const Column *column;
};

std::vector<InsertedValue> insertedValues(const InsertStmt &ins) {
  std::vector<InsertedValue> out;
  for (const std::vector<ExprPtr> &row : ins.rows)
    for (size_t i = 0; i < row.size(); ++i)
      if (row[i])
        out.push_back({row[i].get(), i < ins.targets.size() ? ins.targets[i] : nullptr});
  if (ins.select) {
    size_t i = 0;
    for (const SelectStmt::Item &item : ins.select->items) {
      if (!item.expr) // `*` stands for several columns: positions are lost
        return out;
      out.push_back({item.expr.get(), i < ins.targets.size() ? ins.targets[i] : nullptr});
      ++i;
    }
  }
  return out;
}

/// How many target columns receive a value (the rest get their defaults).
size_t insertedWidth(const InsertStmt &ins) {
  if (!ins.rows.empty())
    return ins.rows[0].size();
  if (!ins.select)
    return 0;
  size_t n = 0;
  for (const SelectStmt::Item &item : ins.select->items) {
    if (!item.expr)
      return ins.targets.size();
    ++n;
  }
  return n;
}

/// `NOT EXISTS (SELECT ... FROM <table> ...)` in the SELECT's WHERE.
bool hasNotExistsGuard(const InsertStmt &ins) {
  if (!ins.select || !ins.select->where || !ins.resolved)
    return false;
  bool found = false;
  walk(*ins.select->where, [&](const Expr &e) {
    auto *ex = llvm::dyn_cast<ExistsExpr>(&e);
    const SelectStmt *q = nullptr;
    if (ex && ex->negated)
      q = ex->query.get();
    if (auto *u = llvm::dyn_cast<UnaryExpr>(&e); u && u->op == UnaryExpr::Op::Not && u->operand)
      if (auto *inner = llvm::dyn_cast<ExistsExpr>(u->operand.get()); inner && !inner->negated)
        q = inner->query.get();
    if (q)
      for (const TableRef &t : q->from)
        found |= t.table == ins.resolved;
  });
  return found;
}

/// Where the insert's source reads its own table (a FROM entry, also
/// through a WITH query or a subquery, or a column in a value), or an
/// invalid location. The WHERE of an INSERT ... SELECT is left to
/// hasNotExistsGuard.
SourceLoc readsOwnTable(const InsertStmt &ins) {
  if (!ins.resolved)
    return SourceLoc();
  if (ins.select)
    for (const TableRef &t : ins.select->from)
      if (readsTable(t.table, ins.resolved))
        return t.loc;
  SourceLoc found;
  for (const InsertedValue &iv : insertedValues(ins))
    forEachBaseRead(*iv.value, [&](const ColumnRefExpr &ref) {
      if (!found.isValid() && ref.table == ins.resolved)
        found = ref.getLoc();
    });
  return found;
}

/// The columns `excluded.c` the DO UPDATE assignments (and WHERE) read.
std::set<std::string> excludedReads(const InsertStmt &ins) {
  std::set<std::string> cols;
  if (!ins.conflictUpdate)
    return cols;
  auto visit = [&](const Expr &e) {
    walk(e, [&](const Expr &x) {
      if (auto *ref = llvm::dyn_cast<ColumnRefExpr>(&x); ref && ref->qualifier == "excluded")
        cols.insert(ref->name);
    });
  };
  for (const Assignment &a : ins.conflictUpdate->assignments)
    if (a.value)
      visit(*a.value);
  if (ins.conflictUpdate->where)
    visit(*ins.conflictUpdate->where);
  return cols;
}

std::string join(const std::vector<std::string> &names) {
  std::string out;
  for (const std::string &n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out;
}

} // namespace

/// Whether rows of `table` come from `target`: it is `target`, or a WITH
/// query or FROM subquery that reads it.
bool idem::readsTable(const Table *table, const Table *target, unsigned depth) {
  if (!table || depth > 32)
    return false;
  if (table == target)
    return true;
  bool found = false;
  auto visit = [&](const Expr &e) {
    forEachBaseRead(e, [&](const ColumnRefExpr &ref) { found |= ref.table == target; });
  };
  auto fromSelect = [&](const SelectStmt &s) {
    for (const TableRef &t : s.from)
      found |= readsTable(t.table, target, depth + 1);
    forEachSelectExpr(s, visit);
  };
  if (table->fromSelect) {
    fromSelect(*table->fromSelect);
  } else if (const DmlQuery *q = table->fromQuery) {
    if (q->select)
      fromSelect(*q->select);
    else // the rows a data-modifying WITH query returns are its target's
      found |= (q->update && q->update->resolved == target) ||
               (q->insert && q->insert->resolved == target);
    forEachQueryExpr(*q, visit);
  }
  return found;
}

IdempotencyVerdict idem::insertVerdict(const InsertStmt &ins, const Catalog &catalog) {
  IdempotencyVerdict v;
  if (ins.onConflict == OnConflict::None) {
    if (hasNotExistsGuard(ins))
      mergeVerdict(v, Verdict::Unknown,
                   "INSERT ... WHERE NOT EXISTS over " + ins.table +
                       ": the guard is not proved to match the inserted rows",
                   ins.select->where->getLoc());
    else
      mergeVerdict(v, Verdict::NotIdempotent,
                   "INSERT without ON CONFLICT DO NOTHING inserts the rows again on a second run",
                   ins.loc);
    return v;
  }
  // The columns a second run conflicts on.
  std::vector<std::string> keys;
  for (const ColumnName &c : ins.conflictColumns)
    keys.push_back(c.name);
  if (keys.empty() && ins.resolved)
    keys = ins.resolved->primaryKey;
  auto isKey = [&](const Column *c) {
    return c && std::find(keys.begin(), keys.end(), c->name) != keys.end();
  };
  std::vector<InsertedValue> values = insertedValues(ins);
  for (const InsertedValue &iv : values) {
    std::optional<NonDeterminism> nd = findNonDeterminism(*iv.value, catalog);
    if (!nd)
      continue;
    if (isKey(iv.column))
      mergeVerdict(v, Verdict::NotIdempotent,
                   iv.column->name + " = " + describe(*iv.value) + ": " + nd->what +
                       " gives a new key on every run, so ON CONFLICT never fires",
                   nd->loc);
    else if (ins.onConflict == OnConflict::DoUpdate && iv.column &&
             excludedReads(ins).count(iv.column->name))
      mergeVerdict(v, Verdict::NotIdempotent,
                   iv.column->name + " = " + describe(*iv.value) + ": " + nd->what +
                       " gives a different value on every run, and DO UPDATE writes it "
                       "through excluded." + iv.column->name,
                   nd->loc);
  }
  if (v.computed)
    return v;
  if (SourceLoc at = readsOwnTable(ins); at.isValid()) {
    mergeVerdict(v, Verdict::Unknown,
                 "the INSERT reads " + ins.table +
                     ", the table it inserts into: a second run may derive new rows from the "
                     "first run's",
                 at);
    return v;
  }
  if (keys.empty()) {
    mergeVerdict(v, Verdict::Unknown,
                 "ON CONFLICT without a conflict target, and " + ins.table +
                     " has no known primary key: nothing shows that a second run conflicts",
                 ins.onConflictLoc.isValid() ? ins.onConflictLoc : ins.loc);
    return v;
  }
  size_t width = insertedWidth(ins);
  for (const std::string &k : keys) {
    bool inserted = false;
    for (size_t i = 0; i < width && i < ins.targets.size(); ++i) {
      if (!ins.targets[i] || ins.targets[i]->name != k)
        continue;
      // DEFAULT in any VALUES row leaves the key to its default.
      inserted = std::none_of(ins.rows.begin(), ins.rows.end(),
                              [&](const std::vector<ExprPtr> &row) {
                                return i < row.size() && !row[i];
                              });
    }
    if (!inserted) {
      mergeVerdict(v, Verdict::Unknown,
                   "key column " + k +
                       " is not inserted: its default (a sequence?) may give a new key on every "
                       "run, so ON CONFLICT may never fire",
                   ins.loc);
      return v;
    }
  }
  std::string on = " on (" + join(keys) + ")";
  mergeVerdict(v, Verdict::Idempotent,
               ins.onConflict == OnConflict::DoNothing
                   ? "INSERT ... ON CONFLICT DO NOTHING: a second run inserts nothing" + on
                   : "INSERT ... ON CONFLICT DO UPDATE: a second run updates the same rows" + on,
               ins.onConflictLoc.isValid() ? ins.onConflictLoc : ins.loc);
  return v;
}

IdempotencyVerdict idem::selectVerdict(const SelectStmt &s, const Catalog &catalog) {
  IdempotencyVerdict v;
  std::function<void(const Expr &)> visit = [&](const Expr &e) {
    walk(e, [&](const Expr &x) {
      auto *f = llvm::dyn_cast<FuncCallExpr>(&x);
      if (!f || v.computed)
        return;
      const FunctionProperties &props = catalog.functionProperties(f->name, f->args.size());
      if (props.outsideEffects)
        mergeVerdict(v, Verdict::Unknown,
                     "SELECT calls " + f->name + "(), which changes state outside the tables",
                     f->getLoc());
      else if (f->form == FuncCallExpr::Form::Plain && !props.known &&
               catalog.lookupFunction(f->name).empty())
        mergeVerdict(v, Verdict::Unknown,
                     "SELECT calls " + f->name +
                         "(), a function outside the built-in catalogue: what it does is not "
                         "known",
                     f->getLoc());
    });
  };
  for (const SelectStmt::Item &item : s.items)
    if (item.expr)
      visit(*item.expr);
  for (const TableRef &t : s.from)
    if (t.on)
      visit(*t.on);
  if (s.where)
    visit(*s.where);
  if (!v.computed)
    mergeVerdict(v, Verdict::Idempotent, "SELECT only reads", s.loc);
  return v;
}
