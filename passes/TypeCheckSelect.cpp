//===- TypeCheckSelect.cpp - typing a SELECT ------------------------------===//
//
// transformSelectStmt's checks: FROM subqueries first (their output types
// become the columns of the table they stand for), JOIN/ON and WHERE as
// booleans, the select list, GROUP BY (no aggregates), HAVING (boolean),
// ORDER BY, LIMIT/OFFSET as bigint, and parseCheckAggregates' rule that in a
// grouped query every column outside an aggregate is grouped (or
// functionally dependent on a grouped primary key).
//
//===----------------------------------------------------------------------===//

#include "ir/Module.h"
#include "ir/Printer.h"
#include "passes/TypeCheckExpr.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <functional>
#include <set>

using namespace shc;

llvm::SmallVector<Type, 2> ExprChecker::checkOutputList(std::vector<SelectStmt::Item> &items,
                                                        llvm::ArrayRef<const Table *> starTables,
                                                        bool resolveUnknowns) {
  Clause saved = clause;
  bool widthUnknown = false;
  llvm::SmallVector<Type, 2> columns;
  for (SelectStmt::Item &item : items) {
    if (!item.expr) { // * or t.*
      for (const Table *t : item.starTables(starTables)) {
        if (!t) {
          widthUnknown = true;
          columns.push_back(Type(TypeKind::Any));
          continue;
        }
        for (const Column &c : t->columns)
          columns.push_back(c.type);
      }
      continue;
    }
    clause = saved;
    check(*item.expr);
    // Output columns of unknown type are resolved as text (not in the
    // SELECT of an INSERT, which coerces them to the target columns).
    if (LiteralExpr *lit = asUnknownLiteral(*item.expr);
        resolveUnknowns && lit && lit->litKind == LiteralExpr::LitKind::String)
      lit->setType(Type(TypeKind::Text));
    columns.push_back(item.expr->getType());
  }
  clause = saved;
  selectWidthUnknown = widthUnknown;
  return columns;
}

void shc::typeDerivedColumns(Table &derived, llvm::ArrayRef<Type> outputs) {
  for (size_t i = 0; i < derived.columns.size() && i < outputs.size(); ++i)
    derived.columns[i].type = outputs[i].isUnknown() ? Type(TypeKind::Text) : outputs[i];
}

void ExprChecker::checkFrom(std::vector<TableRef> &from) {
  Clause saved = clause;
  for (TableRef &t : from) {
    if (t.subquery) {
      llvm::SmallVector<Type, 2> cols = checkSelect(*t.subquery);
      if (t.derived)
        typeDerivedColumns(*t.derived, cols);
    }
    if (t.on) {
      clause = Clause::JoinOn;
      check(*t.on);
      coerceToBoolean(*t.on, "JOIN/ON", "where-not-boolean");
    }
  }
  clause = saved;
}

void ExprChecker::checkRowCount(Expr &e, Clause c, llvm::StringRef what) {
  clause = c;
  Type t = check(e);
  Type int8(TypeKind::Int8);
  if (asUnknownLiteral(e)) {
    coerceLiteral(e, int8);
  } else if (!isOpaque(t)) {
    std::optional<CastContext> ctx = catalog.findCast(t, int8);
    if (!ctx || *ctx == CastContext::Explicit)
      diags.error(e.getLoc(), "type-mismatch",
                  "argument of " + what.str() + " must be type bigint, not type " +
                      argTypeName(catalog, t));
  }
}

void ExprChecker::checkSelectKeys(SelectStmt &q) {
  // A key naming an output column takes its type (the IR keeps the name).
  for (std::vector<SelectStmt::Key> *keys : {&q.groupBy, &q.orderBy})
    for (SelectStmt::Key &k : *keys)
      if (k.item >= 0 && k.expr)
        if (const Expr *item = q.keyExpr(k); item && item != k.expr.get())
          k.expr->setType(item->getType());
  for (SelectStmt::Key &k : q.groupBy)
    if (k.item == -1 && k.expr) {
      clause = Clause::GroupBy;
      check(*k.expr);
    }
  if (q.having) {
    clause = Clause::Having;
    check(*q.having);
    coerceToBoolean(*q.having, "HAVING", "where-not-boolean");
  }
  for (SelectStmt::Key &k : q.orderBy)
    if (k.item == -1 && k.expr) {
      clause = Clause::OrderBy;
      check(*k.expr);
    }
}

llvm::SmallVector<Type, 2> ExprChecker::checkSelect(SelectStmt &q, bool resolveUnknowns) {
  Clause saved = clause;
  checkFrom(q.from);
  llvm::SmallVector<const Table *, 2> starTables;
  for (const TableRef &t : q.from)
    starTables.push_back(t.table);
  clause = Clause::SelectList;
  llvm::SmallVector<Type, 2> columns = checkOutputList(q.items, starTables, resolveUnknowns);
  bool widthUnknown = selectWidthUnknown; // nested subqueries reuse the member
  if (q.where) {
    clause = Clause::Where;
    check(*q.where);
    coerceToBoolean(*q.where, "WHERE", "where-not-boolean");
  }
  checkSelectKeys(q);
  if (q.limit)
    checkRowCount(*q.limit, Clause::Limit, "LIMIT");
  if (q.offset)
    checkRowCount(*q.offset, Clause::Offset, "OFFSET");
  checkGrouping(q);
  clause = saved;
  selectWidthUnknown = widthUnknown;
  return columns;
}

namespace {

std::string printed(const Expr &e) {
  std::string s;
  llvm::raw_string_ostream os(s);
  printExpr(e, os);
  return os.str();
}

} // namespace

void ExprChecker::checkGrouping(SelectStmt &q) {
  bool grouped = !q.groupBy.empty() || q.having;
  for (const SelectStmt::Item &item : q.items)
    grouped = grouped || (item.expr && findAggregate(*item.expr));
  for (const SelectStmt::Key &k : q.orderBy)
    grouped = grouped || (k.item < 0 && k.expr && findAggregate(*k.expr));
  for (const SelectStmt::Key &k : q.groupBy)
    grouped = grouped && k.item != SelectStmt::Key::kInvalid; // reported by resolve
  if (!grouped)
    return;
  std::set<std::string> keys;
  std::set<std::pair<const Table *, std::string>> keyColumns;
  for (const SelectStmt::Key &k : q.groupBy) {
    const Expr *e = q.keyExpr(k);
    if (!e)
      continue;
    keys.insert(printed(*e));
    if (auto *ref = llvm::dyn_cast<ColumnRefExpr>(e); ref && ref->table && ref->column)
      keyColumns.insert({ref->table, ref->column->name});
  }
  // A table whose whole primary key is grouped: its other columns are
  // functionally dependent on it.
  auto dependent = [&](const Table *t) {
    if (t->primaryKey.empty())
      return false;
    return std::all_of(t->primaryKey.begin(), t->primaryKey.end(), [&](const std::string &c) {
      return keyColumns.count({t, c}) != 0;
    });
  };
  auto refName = [&](const Table *t) -> std::string {
    for (const TableRef &r : q.from)
      if (r.table == t)
        return r.alias.empty() ? r.name : r.alias;
    return t->name;
  };
  bool reported = false; // PostgreSQL stops at the first
  auto ungrouped = [&](const Table *t, llvm::StringRef column, SourceLoc loc) {
    if (reported || dependent(t))
      return;
    reported = true;
    diags.error(loc, "ungrouped-column",
                "column \"" + refName(t) + "." + column.str() +
                    "\" must appear in the GROUP BY clause or be used in an aggregate function");
  };
  std::function<void(const Expr &)> visit = [&](const Expr &e) {
    if (reported || keys.count(printed(e)))
      return;
    if (auto *f = llvm::dyn_cast<FuncCallExpr>(&e); f && f->aggregate)
      return;
    if (llvm::isa<SubqueryExpr>(&e) || llvm::isa<ExistsExpr>(&e))
      return; // outer references from subqueries are not followed
    if (auto *in = llvm::dyn_cast<InSubqueryExpr>(&e)) {
      if (in->operand)
        visit(*in->operand);
      return;
    }
    if (auto *ref = llvm::dyn_cast<ColumnRefExpr>(&e)) {
      bool local = std::any_of(q.from.begin(), q.from.end(),
                               [&](const TableRef &r) { return r.table && r.table == ref->table; });
      if (local && ref->column)
        ungrouped(ref->table, ref->column->name, ref->getLoc());
      return;
    }
    forEachChild(e, visit);
  };
  for (const SelectStmt::Item &item : q.items) {
    if (item.expr) {
      visit(*item.expr);
      continue;
    }
    for (const TableRef &r : q.from) // SELECT * or t.*: every column
      if (r.table && (item.starQualifier.empty() || r.table == item.starTable))
        for (const Column &c : r.table->columns)
          if (!keyColumns.count({r.table, c.name}))
            ungrouped(r.table, c.name, item.starLoc.isValid() ? item.starLoc : q.loc);
  }
  if (q.having)
    visit(*q.having);
  for (const SelectStmt::Key &k : q.orderBy)
    if (k.item < 0 && k.expr)
      visit(*k.expr);
}
