//===- Resolve.cpp - the resolve pass --------------------------------------===//
//
// Binds names as PostgreSQL's parser does for UPDATE t SET ... WHERE ...:
// the target table, each assigned column, and every column reference, bare
// names searching the innermost FROM list first and then the enclosing
// scopes (the update's table outermost). Reports unknown tables and columns
// with a "did you mean", and stays silent about anything that depends on a
// name already reported. The customSQL statements (WITH, FROM, USING,
// INSERT, RETURNING) are bound in ResolveStatements.cpp.
//
//===----------------------------------------------------------------------===//

#include "ir/Diagnostics.h"
#include "ir/Module.h"
#include "ir/Suggest.h"

#include "llvm/ADT/StringMap.h"
#include "passes/Passes.h"
#include "passes/ResolveInternal.h"

#include "llvm/ADT/SmallVector.h"

#include <string>
#include <vector>

using namespace shc;

const Resolver::WithEntry *Resolver::findWith(llvm::StringRef name) const {
  for (auto w = withTables.rbegin(); w != withTables.rend(); ++w)
    if (w->name == name)
      return &*w;
  return nullptr;
}

Resolver::Resolver(const Module &module, DiagnosticEngine &diags) : module(module), diags(diags) {
  for (const auto &t : module.tables)
    tablesByName[t->name].push_back(t.get());
}

void Resolver::resolveUpdate(UpdateOp &op) {
  asWritten = false; // emitted from the IR, schema-qualified
  SourceLoc at = op.tableLoc.isValid() ? op.tableLoc : op.getLoc();
  if (!resolveTarget(op.schema, op.table, at, op.resolved))
    return; // no cascade of unknown-column errors
  resolveAssignments(op);
  scopes.assign(1, Scope{{op.resolved->name, op.resolved}});
  for (Assignment &a : op.assignments)
    if (a.value)
      resolveExpr(*a.value);
  if (op.where)
    resolveExpr(*op.where);
  scopes.clear();
}

std::vector<std::string> Resolver::columnNames(const Table &table) {
  std::vector<std::string> names;
  for (const Column &c : table.columns)
    names.push_back(c.name);
  return names;
}

void Resolver::resolveAssignments(UpdateOp &op) {
  const Table &table = *op.resolved;
  // First assignment per column, so a repeated one is found in O(1): a
  // generated spec may set tens of thousands of columns.
  llvm::StringMap<size_t> firstAssigned;
  for (size_t i = 0; i < op.assignments.size(); ++i) {
    Assignment &a = op.assignments[i];
    a.resolved = table.findColumn(a.column);
    if (!a.resolved) {
      unknownName(a.loc, "unknown-column",
                  "column \"" + a.column + "\" of relation \"" + table.name + "\" does not exist" +
                      didYouMean(a.column, columnNames(table)));
    }
    auto [it, inserted] = firstAssigned.try_emplace(a.column, i);
    if (!inserted)
      diags
          .error(a.loc, "duplicate-key",
                 "multiple assignments to same column \"" + a.column + "\"")
          .note(op.assignments[it->second].loc, "first assigned here");
  }
}

void Resolver::resolveExpr(Expr &e) {
  if (auto *ref = llvm::dyn_cast<ColumnRefExpr>(&e))
    return resolveColumn(*ref);
  SelectStmt *q = nullptr;
  if (auto *s = llvm::dyn_cast<SubqueryExpr>(&e))
    q = s->query.get();
  else if (auto *s = llvm::dyn_cast<ExistsExpr>(&e))
    q = s->query.get();
  else if (auto *s = llvm::dyn_cast<InSubqueryExpr>(&e)) {
    if (s->operand)
      resolveExpr(*s->operand);
    q = s->query.get();
  }
  if (q)
    return resolveSelect(*q);
  forEachChild(e, [&](Expr &c) { resolveExpr(c); });
}

void Resolver::resolveSelect(SelectStmt &q) {
  scopes.emplace_back();
  resolveFrom(q.from, q.loc);
  resolveItems(q.items);
  if (q.where)
    resolveExpr(*q.where);
  resolveSelectKeys(q);
  if (q.limit)
    resolveExpr(*q.limit);
  if (q.offset)
    resolveExpr(*q.offset);
  scopes.pop_back();
}

void Resolver::resolveFrom(std::vector<TableRef> &from, SourceLoc fallback) {
  size_t joinStart = scopes.back().size(); // the first entry of this join tree
  for (TableRef &t : from) {
    if (t.join == JoinKind::Comma)
      joinStart = scopes.back().size();
    SourceLoc at = t.loc.isValid() ? t.loc : fallback;
    if (t.subquery) {
      resolveFromSubquery(t);
    } else if (const WithEntry *w = t.schema.empty() ? findWith(t.name) : nullptr) {
      // A WITH name hides a table.
      t.table = w->noReturning ? nullptr : w->table; // null: nothing more to report
      if (w->noReturning)
        diags.error(at, "unknown-table",
                    "WITH query \"" + w->name + "\" does not have a RETURNING clause");
    } else {
      t.table = findBaseTable(t.schema, t.name, at);
    }
    std::string refName = t.alias.empty() ? t.name : t.alias;
    // checkNameSpaceConflicts (PostgreSQL gives no position; ours is the
    // later entry).
    for (const ScopeEntry &entry : scopes.back())
      if (entry.refName == refName) {
        diags.error(at, "duplicate-key",
                    "table name \"" + refName + "\" specified more than once");
        break;
      }
    scopes.back().push_back({refName, t.table});
    if (!t.on)
      continue;
    // The join condition sees only the entries of its own join tree (not an
    // UPDATE's target, nor the entries before the comma).
    Scope all = scopes.back();
    Scope visible(all.begin() + joinStart, all.end());
    size_t hiddenBefore = hidden.size();
    hidden.insert(hidden.end(), all.begin(), all.begin() + joinStart);
    scopes.back() = std::move(visible);
    resolveExpr(*t.on);
    scopes.back() = std::move(all);
    hidden.resize(hiddenBefore, ScopeEntry{"", nullptr});
  }
}

/// How many columns of `table` have `name` (a WITH query or a subquery may
/// name two output columns alike).
static size_t columnCount(const Table &table, llvm::StringRef name) {
  size_t n = 0;
  for (const Column &c : table.columns)
    n += c.name == name;
  return n;
}

void Resolver::resolveColumn(ColumnRefExpr &ref) {
  ref.table = nullptr;
  ref.column = nullptr;
  bool incomplete = false; // an unknown FROM table could have held the column
  if (!ref.qualifier.empty()) {
    for (auto s = scopes.rbegin(); s != scopes.rend(); ++s)
      for (const ScopeEntry &entry : *s) {
        if (entry.refName != ref.qualifier)
          continue;
        if (!entry.table)
          return; // unknown table, already reported
        ref.table = entry.table;
        ref.column = entry.table->findColumn(ref.name);
        if (ref.column && columnCount(*entry.table, ref.name) > 1) {
          diags.error(ref.getLoc(), "ambiguous-column",
                      "column reference \"" + ref.name + "\" is ambiguous");
          return;
        }
        if (!ref.column)
          unknownName(ref.getLoc(), "unknown-column",
                      "column " + ref.qualifier + "." + ref.name + " does not exist" +
                          didYouMean(ref.name, columnNames(*entry.table)));
        return;
      }
    // The entry exists, outside what this part of the query sees.
    for (const ScopeEntry &entry : hidden)
      if (entry.refName == ref.qualifier) {
        diags
            .error(ref.getLoc(), "unknown-table",
                   "invalid reference to FROM-clause entry for table \"" + ref.qualifier + "\"")
            .hint("There is an entry for table \"" + ref.qualifier +
                  "\", but it cannot be referenced from this part of the query.");
        return;
      }
    // The table is there, under an alias: PostgreSQL hides its name.
    for (const Scope &scope : scopes)
      for (const ScopeEntry &entry : scope)
        if (entry.table && entry.table->name == ref.qualifier) {
          diags
              .error(ref.getLoc(), "unknown-table",
                     "invalid reference to FROM-clause entry for table \"" + ref.qualifier +
                         "\"")
              .hint("Perhaps you meant to reference the table alias \"" + entry.refName + "\".");
          return;
        }
    diags.error(ref.getLoc(), "unknown-table",
                "missing FROM-clause entry for table \"" + ref.qualifier + "\"");
    return;
  }
  std::vector<std::string> candidates;
  for (auto s = scopes.rbegin(); s != scopes.rend(); ++s) {
    const ScopeEntry *found = nullptr;
    for (const ScopeEntry &entry : *s) {
      if (!entry.table) {
        incomplete = true;
        continue;
      }
      for (const Column &c : entry.table->columns)
        candidates.push_back(c.name);
      if (!entry.table->findColumn(ref.name))
        continue;
      if (found || columnCount(*entry.table, ref.name) > 1) {
        diags.error(ref.getLoc(), "ambiguous-column",
                    "column reference \"" + ref.name + "\" is ambiguous");
        return;
      }
      found = &entry;
    }
    if (found) {
      ref.table = found->table;
      ref.column = found->table->findColumn(ref.name);
      return;
    }
    if (incomplete)
      return;
  }
  auto d =
      unknownName(ref.getLoc(), "unknown-column",
                  "column \"" + ref.name + "\" does not exist" + didYouMean(ref.name, candidates));
  for (const ScopeEntry &entry : hidden)
    if (entry.table && entry.table->findColumn(ref.name)) {
      d.hint("There is a column named \"" + ref.name + "\" in table \"" + entry.refName +
             "\", but it cannot be referenced from this part of the query.");
      break;
    }
}

namespace {

class ResolvePass : public Pass {
public:
  llvm::StringRef getName() const override { return "resolve"; }
  LogicalResult run(Module &module, PassContext &ctx) override {
    unsigned errorsBefore = ctx.diags.getNumErrors();
    Resolver resolver(module, ctx.diags);
    for (const auto &m : module.migrations) {
      resolver.beginMigration(*m);
      for (const OperationPtr &op : m->operations) {
        unsigned before = ctx.diags.getNumErrors();
        if (auto *u = llvm::dyn_cast<UpdateOp>(op.get()))
          resolver.resolveUpdate(*u);
        else if (auto *c = llvm::dyn_cast<CustomSqlOp>(op.get()))
          for (SqlStatement &st : c->statements)
            if (st.analysed) {
              resolver.resolveStatement(st);
              for (CommonTableExpr &cte : st.with)
                if (cte.derived)
                  cte.derived->fromQuery = &cte.query;
            }
        if (op && ctx.diags.getNumErrors() != before)
          op->hasErrors = true;
      }
    }
    return ctx.diags.getNumErrors() == errorsBefore ? success() : failure();
  }
};

} // namespace

std::unique_ptr<Pass> shc::createResolvePass() { return std::make_unique<ResolvePass>(); }
