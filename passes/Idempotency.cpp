//===- Idempotency.cpp - the idempotency analysis --------------------------===//
//
// A verdict per operation and per migration: does applying the migration a
// second time leave the data as the first application left it? An update is
// idempotent when each value is deterministic and reads no column that this
// or a later operation of the migration writes, or is a projection of its
// own column (lower(x)); or when its WHERE holds a guard that the update
// makes false. customSQL: UPDATE follows the same rules, DELETE with a
// deterministic WHERE is idempotent, INSERT only with ON CONFLICT
// (IdempotencyStatements.cpp), and the queries of WITH are analysed too.
// Migrations that declare `idempotent: true` get an error for
// not_idempotent and a warning for unknown.
//
//===----------------------------------------------------------------------===//

#include "ir/AnalysisResults.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"
#include "passes/Determinism.h"
#include "passes/Effects.h"
#include "passes/IdempotencyInternal.h"
#include "passes/Passes.h"

#include <functional>

using namespace shc;
using namespace shc::idem;

namespace {

void merge(IdempotencyVerdict &into, const IdempotencyVerdict &v, std::string prefix = "") {
  if (mergeVerdict(into, v.verdict, prefix + v.reason, v.loc))
    into.guard = v.guard;
}
void merge(IdempotencyVerdict &into, Verdict v, std::string reason, SourceLoc loc) {
  mergeVerdict(into, v, std::move(reason), loc);
}

class Analyser {
public:
  Analyser(const Migration &m, const Catalog &catalog, AnalysisResults &results)
      : m(m), catalog(catalog), results(results) {}
  void run(Migration &mig);
  /// After run(): the verdict over the operations without errors, which is
  /// what `idempotent: true` is held to.
  IdempotencyVerdict checked;

private:
  /// With `excluded`, refs qualified `excluded` are the proposed row of an
  /// INSERT (ON CONFLICT DO UPDATE), not the columns being written. `unit` is
  /// the index in `units` of the operation or statement it belongs to.
  IdempotencyVerdict analyseUpdate(const UpdateOp &u, size_t unit, llvm::StringRef what,
                                   bool excluded = false);
  /// Also fills each statement's own verdict.
  IdempotencyVerdict analyseCustomSql(CustomSqlOp &c, size_t firstUnit);
  IdempotencyVerdict opaqueStatement(const SqlStatement &st);
  IdempotencyVerdict analyseStatement(const SqlStatement &st, size_t unit);
  IdempotencyVerdict analyseQuery(const DmlQuery &q, size_t unit);
  /// The first unit at or after `from` that writes table.column, or npos.
  size_t writer(const std::string &table, llvm::StringRef column, size_t from) const;
  /// How a reason names unit `w`, written after unit `current`.
  std::string laterName(size_t w, size_t current) const;
  /// The first INSERT into `table` after `after` (in unit `unit`) by that
  /// unit or a later one, or null.
  const ColumnAccess *insertedAfter(const std::string &table, size_t unit, SourceLoc after) const;

  const Migration &m;
  const Catalog &catalog;
  AnalysisResults &results;
  /// What the analysis orders: each operation, but each statement of a
  /// validated customSQL on its own, since they run one after the other.
  struct Unit {
    size_t op;
    OperationEffects fx;
  };
  std::vector<Unit> units;
  static constexpr size_t npos = ~size_t(0);
};

size_t Analyser::writer(const std::string &table, llvm::StringRef column, size_t from) const {
  for (size_t i = from; i < units.size(); ++i)
    for (const ColumnAccess &w : units[i].fx.writes)
      if (w.table == table && w.column == column)
        return i;
  return npos;
}

std::string Analyser::laterName(size_t w, size_t current) const {
  if (units[w].op == units[current].op)
    return "a later statement of this customSQL";
  return "a later operation (#" + std::to_string(units[w].op + 1) + ")";
}

const ColumnAccess *Analyser::insertedAfter(const std::string &table, size_t unit,
                                            SourceLoc after) const {
  for (size_t i = unit; i < units.size(); ++i)
    for (const ColumnAccess &r : units[i].fx.rowInserts)
      if (r.table == table && (i > unit || after < r.loc))
        return &r;
  return nullptr;
}

IdempotencyVerdict Analyser::analyseUpdate(const UpdateOp &u, size_t unit, llvm::StringRef what,
                                           bool excluded) {
  IdempotencyVerdict v;
  std::string guard = findGuard(u, catalog);
  std::string projection; // the first value that is a projection of its column
  std::optional<NonDeterminism> whereVolatile;
  if (u.where)
    whereVolatile = findNonDeterminism(*u.where, catalog);
  for (const TableRef &t : u.from) // which rows UPDATE ... FROM joins
    if (t.on && !whereVolatile)
      whereVolatile = findNonDeterminism(*t.on, catalog);
  // WHERE (or a joined FROM entry) reading what a later operation writes
  // selects other rows next time.
  const ColumnRefExpr *later = nullptr;
  size_t laterWriter = npos;
  auto laterRead = [&](const Expr &e) {
    forEachBaseRead(e, [&](const ColumnRefExpr &ref) {
      ColumnAccess read = columnAccess(ref, u.table);
      size_t w = later ? npos : writer(read.table, read.column, unit + 1);
      if (w != npos) {
        later = &ref;
        laterWriter = w;
      }
    });
  };
  if (u.where)
    laterRead(*u.where);
  for (const TableRef &t : u.from)
    if (t.on)
      laterRead(*t.on);
  // Rows a later operation inserts are there for a second run to match (not
  // for DO UPDATE, which matches only the rows its own INSERT conflicts with).
  const ColumnAccess *ins = excluded ? nullptr : insertedAfter(u.table, unit, u.getLoc());
  // A guard counts when WHERE is deterministic and reads nothing a later
  // operation writes (the guarded column included), and no later operation
  // inserts rows for it to match.
  std::optional<SelfRead> selfRead = selfReadingWhere(u, u.assignments.empty());
  bool guardable =
      !whereVolatile && !selfRead && !later && !insertedAfter(u.table, unit, u.getLoc());
  if (!guard.empty() && guardable && writer(u.table, guard, unit + 1) == npos) {
    merge(v, Verdict::Idempotent,
          "WHERE guard on " + guard + ": a second run matches no updated row", u.getLoc());
    return v;
  }
  for (const Assignment &a : u.assignments) {
    if (!a.value)
      continue;
    if (std::optional<NonDeterminism> nd = findNonDeterminism(*a.value, catalog)) {
      merge(v, Verdict::NotIdempotent,
            a.column + " = " + describe(*a.value) + ": " + nd->what +
                " gives a different value on every run",
            nd->loc);
      continue;
    }
    bool readsOwn = false, readsOther = false;
    std::string otherReason;
    SourceLoc otherLoc;
    // Through WITH queries and FROM subqueries to the columns they read.
    forEachBaseRead(*a.value, [&](const ColumnRefExpr &ref) {
      if (excluded && ref.qualifier == "excluded")
        return; // the proposed row: as deterministic as the inserted values
      ColumnAccess read = columnAccess(ref, u.table);
      const std::string &col = read.column;
      if (read.table == u.table && col == a.column) {
        readsOwn = true;
        return;
      }
      size_t w = writer(read.table, col, unit);
      if (w != npos && !readsOther) {
        readsOther = true;
        otherLoc = ref.getLoc();
        otherReason = w == unit ? col + " is read and written by this " + what.str() + ": " +
                                      a.column + " = " + describe(*a.value) +
                                      " sees the new value on a second run"
                                : col + " is read here and written by " + laterName(w, unit) +
                                      ": a second run reads the new value";
      }
    });
    if (readsOther) {
      merge(v, Verdict::NotIdempotent, otherReason, otherLoc);
      continue;
    }
    if (!readsOwn)
      continue;
    SelfVerdict self = judgeSelfAssignment(*a.value, u.resolved, a.column, catalog);
    if (self.verdict == Verdict::Idempotent) {
      if (projection.empty())
        projection = a.column + " = " + describe(*a.value);
      continue;
    }
    merge(v, self.verdict, self.reason, a.value->getLoc());
  }
  if (guardable)
    v.guard = suggestGuard(u, catalog, [&](const std::string &table, llvm::StringRef column) {
      return writer(table, column, unit + 1) != npos;
    });
  if (v.computed && v.verdict == Verdict::NotIdempotent)
    return v;
  if (whereVolatile) {
    merge(v, Verdict::Unknown,
          "the rows matched depend on " + whereVolatile->what + ", which changes between runs",
          whereVolatile->loc);
    return v;
  }
  if (selfRead) {
    merge(v, Verdict::Unknown, selfRead->reason, selfRead->loc);
    return v;
  }
  if (later) {
    merge(v, Verdict::NotIdempotent,
          "WHERE reads " + later->name + ", which " +
              (units[laterWriter].op == units[unit].op ? laterName(laterWriter, unit)
                                                       : std::string("a later operation")) +
              " writes: a second run matches other rows",
          later->getLoc());
    return v;
  }
  if (ins) {
    merge(v, Verdict::Unknown,
          "a later operation inserts rows into " + u.table +
              ", which a second run of this " + what.str() + " may match",
          ins->loc);
    return v;
  }
  merge(v, Verdict::Idempotent,
        u.assignments.empty()
            ? (u.where ? "deterministic WHERE: a second run deletes nothing more"
                       : "no WHERE: a second run finds no row left to delete")
        : !projection.empty()
            ? projection + " gives the same value when applied to its own result"
            : "deterministic values that read no column the migration writes",
        u.getLoc());
  return v;
}

IdempotencyVerdict Analyser::analyseCustomSql(CustomSqlOp &c, size_t firstUnit) {
  IdempotencyVerdict v;
  if (!c.parsed) {
    merge(v, Verdict::Unknown,
          c.validate ? "customSQL could not be analysed"
                     : "customSQL with validate: false is not analysed",
          c.getLoc());
    return v;
  }
  for (size_t k = 0; k < c.statements.size(); ++k) {
    SqlStatement &st = c.statements[k];
    IdempotencyVerdict sv =
        st.analysed ? analyseStatement(st, firstUnit + k) : opaqueStatement(st);
    merge(v, sv);
    results.verdictSlot(st) = std::move(sv);
  }
  if (!v.computed)
    merge(v, Verdict::Idempotent, "no statements", c.getLoc());
  return v;
}

/// A statement our grammar leaves opaque: an INSERT by its ON CONFLICT
/// clause (from PostgreSQL's parse tree), anything else unknown.
IdempotencyVerdict Analyser::opaqueStatement(const SqlStatement &st) {
  IdempotencyVerdict v;
  switch (st.kind) {
  case StatementKind::Insert:
    if (st.onConflict == OnConflict::DoNothing)
      merge(v, Verdict::Unknown,
            "INSERT ... ON CONFLICT DO NOTHING is not analysed (" + st.notAnalysedReason +
                "): its conflict keys are not checked",
            st.loc);
    else if (st.onConflict == OnConflict::DoUpdate)
      merge(v, Verdict::Unknown, "INSERT ... ON CONFLICT DO UPDATE is not analysed", st.loc);
    else
      merge(v, Verdict::NotIdempotent,
            "INSERT without ON CONFLICT DO NOTHING inserts the rows again on a second run",
            st.loc);
    break;
  case StatementKind::Ddl:
    merge(v, Verdict::Unknown, "DDL statement (" + st.keyword + ") is not analysed", st.loc);
    break;
  default:
    merge(v, Verdict::Unknown, "statement not analysed: " + st.notAnalysedReason, st.loc);
    break;
  }
  return v;
}

/// The WITH queries and the statement. One idiom is recognised across them:
/// `WITH moved AS (DELETE ... RETURNING ...) INSERT ... SELECT ... FROM moved`
/// inserts only the rows the DELETE removed, so when the DELETE is
/// idempotent a second run inserts nothing.
IdempotencyVerdict Analyser::analyseStatement(const SqlStatement &st, size_t unit) {
  IdempotencyVerdict v;
  const CommonTableExpr *moved = nullptr;
  for (const CommonTableExpr &cte : st.with) {
    IdempotencyVerdict q = analyseQuery(cte.query, unit);
    merge(v, q);
    const InsertStmt *ins = st.query.insert.get();
    if (cte.query.kind == StatementKind::Delete && q.verdict == Verdict::Idempotent && ins &&
        ins->select && ins->select->from.size() == 1 &&
        ins->select->from[0].table == cte.derived.get() && cte.derived)
      moved = &cte;
  }
  if (moved && st.query.insert->onConflict == OnConflict::None) {
    if (v.verdict == Verdict::Idempotent) // the reason that matters here
      v = IdempotencyVerdict();
    merge(v, Verdict::Idempotent,
          "INSERT ... SELECT from " + moved->name +
              ", the rows DELETE ... RETURNING removed: a second run moves nothing",
          st.query.insert->loc);
    return v;
  }
  merge(v, analyseQuery(st.query, unit));
  return v;
}

IdempotencyVerdict Analyser::analyseQuery(const DmlQuery &q, size_t unit) {
  switch (q.kind) {
  case StatementKind::Update:
    return analyseUpdate(*q.update, unit, "UPDATE");
  case StatementKind::Delete:
    return analyseUpdate(*q.update, unit, "DELETE");
  case StatementKind::Select:
    return selectVerdict(*q.select, catalog);
  case StatementKind::Insert: {
    IdempotencyVerdict v = insertVerdict(*q.insert, catalog);
    if (v.verdict != Verdict::NotIdempotent && q.insert->conflictUpdate)
      merge(v, analyseUpdate(*q.insert->conflictUpdate, unit, "ON CONFLICT DO UPDATE",
                             /*excluded=*/true));
    return v;
  }
  default:
    return {};
  }
}

void Analyser::run(Migration &mig) {
  std::vector<size_t> firstUnit;
  std::vector<bool> opaque;
  for (size_t i = 0; i < m.operations.size(); ++i) {
    firstUnit.push_back(units.size());
    opaque.push_back(m.operations[i] && computeEffects(*m.operations[i]).opaque);
    const auto *c = llvm::dyn_cast_or_null<CustomSqlOp>(m.operations[i].get());
    if (c && c->parsed && !c->statements.empty())
      for (const SqlStatement &st : c->statements)
        units.push_back({i, computeEffects(st)});
    else
      units.push_back(
          {i, m.operations[i] ? computeEffects(*m.operations[i]) : OperationEffects()});
  }
  IdempotencyVerdict total;
  for (size_t i = 0; i < mig.operations.size(); ++i) {
    Operation *op = mig.operations[i].get();
    if (!op)
      continue;
    // A local, stored at the end: judging a customSQL adds the verdicts of
    // its statements to the map, and a reference into it would dangle.
    IdempotencyVerdict ov;
    if (op->hasErrors) { // reported already: not judged, and not held against the migration
      merge(ov, Verdict::Unknown, "not analysed: the operation has errors", op->getLoc());
      results.verdictSlot(*op) = ov;
      continue;
    }
    if (auto *u = llvm::dyn_cast<UpdateOp>(op))
      ov = analyseUpdate(*u, firstUnit[i], "update");
    else if (auto *c = llvm::dyn_cast<CustomSqlOp>(op))
      ov = analyseCustomSql(*c, firstUnit[i]);
    // An opaque operation may write what an earlier one reads.
    if (ov.verdict == Verdict::Idempotent)
      for (size_t j = i + 1; j < mig.operations.size(); ++j)
        if (opaque[j]) {
          ov.verdict = Verdict::Unknown;
          ov.reason = "a later customSQL (#" + std::to_string(j + 1) +
                      ") is not analysed and may write what this reads";
          break;
        }
    merge(total, ov, "operation #" + std::to_string(i + 1) + ": ");
    results.verdictSlot(*op) = std::move(ov);
  }
  if (!total.computed)
    merge(total, Verdict::Idempotent, "no operations", mig.loc);
  checked = total;
  // An operation with errors leaves the migration unknown, but the errors
  // were reported: `checked` (what idempotent: true is held to) ignores it.
  for (size_t i = 0; i < mig.operations.size(); ++i)
    if (mig.operations[i] && mig.operations[i]->hasErrors)
      merge(total, results.verdict(*mig.operations[i]),
            "operation #" + std::to_string(i + 1) + ": ");
  results.verdictSlot(mig) = total;
}

class IdempotencyPass : public Pass {
public:
  llvm::StringRef getName() const override { return "idempotency"; }
  LogicalResult run(Module &module, PassContext &ctx) override {
    unsigned errorsBefore = ctx.diags.getNumErrors();
    for (const auto &m : module.migrations) {
      Analyser analyser(*m, ctx.catalog, ctx.results);
      analyser.run(*m);
      if (!m->declaredIdempotent)
        continue;
      const IdempotencyVerdict &v = analyser.checked;
      SourceLoc loc = v.loc.isValid() ? v.loc : m->loc;
      std::string hint =
          v.guard.empty()
              ? "no WHERE guard can make this operation idempotent; declare idempotent: false"
              : "add `" + v.guard + "` to its where (with AND): a second run then matches no "
                "updated row; or declare idempotent: false";
      if (v.verdict == Verdict::NotIdempotent)
        ctx.diags
            .error(loc, "not-idempotent",
                   "migration \"" + m->name + "\" declares idempotent: true but is not idempotent: " +
                       v.reason)
            .hint(hint);
      else if (v.verdict == Verdict::Unknown)
        ctx.diags
            .warning(loc, "idempotency-unknown",
                     "migration \"" + m->name +
                         "\" declares idempotent: true, which cannot be proved: " + v.reason)
            .hint(hint);
    }
    return ctx.diags.getNumErrors() == errorsBefore ? success() : failure();
  }
};

} // namespace

std::unique_ptr<Pass> shc::createIdempotencyPass() { return std::make_unique<IdempotencyPass>(); }
