//===- ResolveSelect.cpp - binding names in the clauses of a SELECT -------===//
//
// As PostgreSQL's analyser binds them:
//  * a subquery in FROM sees the enclosing query levels but not the FROM
//    entries beside it (no LATERAL); it becomes a table named by its alias,
//    whose columns are its output columns renamed by the alias' list;
//  * GROUP BY n and ORDER BY n name the n-th output column; a bare name in
//    GROUP BY is an input column if there is one, else an output column; in
//    ORDER BY an output column name wins.
//
//===----------------------------------------------------------------------===//

#include "ir/Diagnostics.h"
#include "passes/ResolveInternal.h"

using namespace shc;

std::string shc::figureColname(const Expr &e) {
  if (auto *ref = llvm::dyn_cast<ColumnRefExpr>(&e))
    return ref->name;
  if (auto *call = llvm::dyn_cast<FuncCallExpr>(&e))
    return call->name;
  if (auto *cast = llvm::dyn_cast<CastExpr>(&e))
    if (cast->operand) {
      std::string inner = figureColname(*cast->operand);
      if (inner != "?column?")
        return inner;
    }
  if (llvm::isa<CaseExpr>(&e))
    return "case";
  if (llvm::isa<ExistsExpr>(&e))
    return "exists";
  return "?column?";
}

std::unique_ptr<Table>
Resolver::deriveTable(const std::string &name, SourceLoc loc,
                      const std::vector<SelectStmt::Item> &items,
                      const std::vector<const Table *> &starTables,
                      const std::vector<std::pair<std::string, SourceLoc>> &names,
                      llvm::StringRef what) {
  auto derived = std::make_unique<Table>();
  derived->name = name;
  derived->loc = loc;
  for (const SelectStmt::Item &item : items) {
    if (item.expr) {
      Column c;
      c.name = item.alias.empty() ? figureColname(*item.expr) : item.alias;
      c.type = Type(TypeKind::Any);
      c.loc = item.expr->getLoc();
      derived->columns.push_back(std::move(c));
      continue;
    }
    for (const Table *t : item.starTables(starTables)) {
      if (!t)
        return nullptr; // reported: the columns are unknown
      for (const Column &col : t->columns) {
        Column c = col;
        c.notNull = false;
        c.primaryKey = false;
        c.defaultValue.reset();
        derived->columns.push_back(std::move(c));
      }
    }
  }
  if (names.size() > derived->columns.size()) {
    diags.error(names[derived->columns.size()].second, "column-alias-count",
                what.str() + " \"" + name + "\" has " + std::to_string(derived->columns.size()) +
                    " columns available but " + std::to_string(names.size()) +
                    " columns specified");
    return nullptr;
  }
  for (size_t i = 0; i < names.size(); ++i) {
    derived->columns[i].name = names[i].first;
    derived->columns[i].loc = names[i].second;
  }
  return derived;
}

void Resolver::resolveFromSubquery(TableRef &t) {
  // Not LATERAL: the entries of the FROM list being built are not visible.
  Scope siblings = std::move(scopes.back());
  scopes.pop_back();
  size_t hiddenBefore = hidden.size();
  hidden.insert(hidden.end(), siblings.begin(), siblings.end());
  resolveSelect(*t.subquery);
  hidden.resize(hiddenBefore, ScopeEntry{"", nullptr});
  scopes.push_back(std::move(siblings));
  std::vector<const Table *> starTables;
  for (const TableRef &inner : t.subquery->from)
    starTables.push_back(inner.table);
  std::vector<std::pair<std::string, SourceLoc>> names;
  for (const std::string &n : t.columnAliases)
    names.push_back({n, t.loc});
  t.derived = deriveTable(t.alias, t.loc, t.subquery->items, starTables, names, "table");
  if (t.derived)
    t.derived->fromSelect = t.subquery.get();
  t.table = t.derived.get();
}

bool Resolver::isInputColumn(llvm::StringRef name) const {
  for (const Scope &scope : scopes)
    for (const ScopeEntry &entry : scope)
      if (entry.table && entry.table->findColumn(name))
        return true;
  return false;
}

void Resolver::resolveSelectKeys(SelectStmt &q) {
  auto ordinal = [&](SelectStmt::Key &k, llvm::StringRef clause) {
    auto *lit = llvm::dyn_cast<LiteralExpr>(k.expr.get());
    if (!lit || lit->litKind != LiteralExpr::LitKind::Integer)
      return false;
    for (const SelectStmt::Item &item : q.items)
      if (!item.expr)
        return true; // a `*` spans several positions: not counted here
    unsigned long long n = 0;
    if (llvm::StringRef(lit->text).getAsInteger(10, n) || n < 1 || n > q.items.size()) {
      diags.error(lit->getLoc(), "unknown-column",
                  clause.str() + " position " + lit->text + " is not in select list");
      k.item = SelectStmt::Key::kInvalid;
    } else
      k.item = static_cast<int>(n - 1);
    return true;
  };
  auto outputNamed = [&](llvm::StringRef name) {
    int found = -1;
    for (size_t i = 0; i < q.items.size(); ++i) {
      const SelectStmt::Item &item = q.items[i];
      if (!item.expr)
        continue;
      std::string out = item.alias.empty() ? figureColname(*item.expr) : item.alias;
      if (out == name) {
        if (found >= 0)
          return -2; // ambiguous
        found = static_cast<int>(i);
      }
    }
    return found;
  };
  auto bareName = [](const SelectStmt::Key &k) -> const ColumnRefExpr * {
    auto *ref = llvm::dyn_cast<ColumnRefExpr>(k.expr.get());
    return ref && ref->qualifier.empty() ? ref : nullptr;
  };
  for (SelectStmt::Key &k : q.groupBy) {
    if (ordinal(k, "GROUP BY"))
      continue;
    if (const ColumnRefExpr *ref = bareName(k); ref && !isInputColumn(ref->name)) {
      int item = outputNamed(ref->name);
      if (item >= 0) {
        k.item = item;
        continue;
      }
    }
    resolveExpr(*k.expr);
  }
  if (q.having)
    resolveExpr(*q.having);
  for (SelectStmt::Key &k : q.orderBy) {
    if (ordinal(k, "ORDER BY"))
      continue;
    if (const ColumnRefExpr *ref = bareName(k)) {
      int item = outputNamed(ref->name);
      if (item == -2) {
        diags.error(ref->getLoc(), "ambiguous-column",
                    "ORDER BY \"" + ref->name + "\" is ambiguous");
        continue;
      }
      if (item >= 0) {
        k.item = item;
        continue;
      }
    }
    resolveExpr(*k.expr);
  }
}
