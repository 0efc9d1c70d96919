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
  Analyser(const Migration &m) : m(m) {}
  void run(Migration &mig);

private:
  /// With `excluded`, refs qualified `excluded` are the proposed row of an
  /// INSERT (ON CONFLICT DO UPDATE), not the columns being written.
  IdempotencyVerdict analyseUpdate(const UpdateOp &u, size_t opIndex, llvm::StringRef what,
                                   bool excluded = false);
  /// Also fills each statement's own verdict.
  IdempotencyVerdict analyseCustomSql(CustomSqlOp &c, size_t opIndex);
  IdempotencyVerdict opaqueStatement(const SqlStatement &st);
  IdempotencyVerdict analyseStatement(const SqlStatement &st, size_t opIndex);
  IdempotencyVerdict analyseQuery(const DmlQuery &q, size_t opIndex);
  /// The operation index (1-based, >= opIndex) that writes table.column, or 0.
  size_t writtenFrom(const std::string &table, llvm::StringRef column, size_t opIndex) const;
  /// The first INSERT into `table` after `after` (a statement of operation
  /// opIndex) by that operation or a later one, or null.
  const ColumnAccess *insertedAfter(const std::string &table, size_t opIndex,
                                    SourceLoc after) const;

  const Migration &m;
  std::vector<OperationEffects> effects;
};

size_t Analyser::writtenFrom(const std::string &table, llvm::StringRef column,
                             size_t opIndex) const {
  for (size_t i = opIndex; i < effects.size(); ++i)
    for (const ColumnAccess &w : effects[i].writes)
      if (w.table == table && w.column == column)
        return i + 1;
  return 0;
}

const ColumnAccess *Analyser::insertedAfter(const std::string &table, size_t opIndex,
                                            SourceLoc after) const {
  for (size_t i = opIndex; i < effects.size(); ++i)
    for (const ColumnAccess &r : effects[i].rowInserts)
      if (r.table == table && (i > opIndex || after < r.loc))
        return &r;
  return nullptr;
}

IdempotencyVerdict Analyser::analyseUpdate(const UpdateOp &u, size_t opIndex,
                                           llvm::StringRef what, bool excluded) {
  IdempotencyVerdict v;
  std::string guard = findGuard(u);
  std::string projection; // the first value that is a projection of its column
  std::optional<NonDeterminism> whereVolatile;
  if (u.where)
    whereVolatile = findNonDeterminism(*u.where);
  for (const TableRef &t : u.from) // which rows UPDATE ... FROM joins
    if (t.on && !whereVolatile)
      whereVolatile = findNonDeterminism(*t.on);
  // WHERE (or a joined FROM entry) reading what a later operation writes
  // selects other rows next time.
  const ColumnRefExpr *later = nullptr;
  auto laterRead = [&](const Expr &e) {
    forEachBaseRead(e, [&](const ColumnRefExpr &ref) {
      ColumnAccess read = columnAccess(ref, u.table);
      if (!later && writtenFrom(read.table, read.column, opIndex + 1))
        later = &ref;
    });
  };
  if (u.where)
    laterRead(*u.where);
  for (const TableRef &t : u.from)
    if (t.on)
      laterRead(*t.on);
  // Rows a later operation inserts are there for a second run to match (not
  // for DO UPDATE, which matches only the rows its own INSERT conflicts with).
  const ColumnAccess *ins = excluded ? nullptr : insertedAfter(u.table, opIndex, u.getLoc());
  // A guard counts when WHERE is deterministic and reads nothing a later
  // operation writes (the guarded column included), and no later operation
  // inserts rows for it to match.
  std::optional<SelfRead> selfRead = selfReadingWhere(u, u.assignments.empty());
  bool guardable =
      !whereVolatile && !selfRead && !later && !insertedAfter(u.table, opIndex, u.getLoc());
  if (!guard.empty() && guardable && writtenFrom(u.table, guard, opIndex + 1) == 0) {
    merge(v, Verdict::Idempotent,
          "WHERE guard on " + guard + ": a second run matches no updated row", u.getLoc());
    return v;
  }
  for (const Assignment &a : u.assignments) {
    if (!a.value)
      continue;
    if (std::optional<NonDeterminism> nd = findNonDeterminism(*a.value)) {
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
      size_t writer = writtenFrom(read.table, col, opIndex);
      if (writer && !readsOther) {
        readsOther = true;
        otherLoc = ref.getLoc();
        otherReason = writer == opIndex + 1
                          ? col + " is read and written by this " + what.str() + ": " +
                                a.column + " = " + describe(*a.value) +
                                " sees the new value on a second run"
                          : col + " is read here and written by a later operation (#" +
                                std::to_string(writer) + "): a second run reads the new value";
      }
    });
    if (readsOther) {
      merge(v, Verdict::NotIdempotent, otherReason, otherLoc);
      continue;
    }
    if (!readsOwn)
      continue;
    SelfVerdict self = judgeSelfAssignment(*a.value, u.resolved, a.column);
    if (self.verdict == Verdict::Idempotent) {
      if (projection.empty())
        projection = a.column + " = " + describe(*a.value);
      continue;
    }
    merge(v, self.verdict, self.reason, a.value->getLoc());
  }
  if (guardable)
    v.guard = suggestGuard(u, [&](const std::string &table, llvm::StringRef column) {
      return writtenFrom(table, column, opIndex + 1) != 0;
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
          "WHERE reads " + later->name +
              ", which a later operation writes: a second run matches other rows",
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

IdempotencyVerdict Analyser::analyseCustomSql(CustomSqlOp &c, size_t opIndex) {
  IdempotencyVerdict v;
  if (!c.parsed) {
    merge(v, Verdict::Unknown,
          c.validate ? "customSQL could not be analysed"
                     : "customSQL with validate: false is not analysed",
          c.getLoc());
    return v;
  }
  for (SqlStatement &st : c.statements) {
    st.idempotency = st.analysed ? analyseStatement(st, opIndex) : opaqueStatement(st);
    merge(v, st.idempotency);
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
IdempotencyVerdict Analyser::analyseStatement(const SqlStatement &st, size_t opIndex) {
  IdempotencyVerdict v;
  const CommonTableExpr *moved = nullptr;
  for (const CommonTableExpr &cte : st.with) {
    IdempotencyVerdict q = analyseQuery(cte.query, opIndex);
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
  merge(v, analyseQuery(st.query, opIndex));
  return v;
}

IdempotencyVerdict Analyser::analyseQuery(const DmlQuery &q, size_t opIndex) {
  switch (q.kind) {
  case StatementKind::Update:
    return analyseUpdate(*q.update, opIndex, "UPDATE");
  case StatementKind::Delete:
    return analyseUpdate(*q.update, opIndex, "DELETE");
  case StatementKind::Select:
    return selectVerdict(*q.select);
  case StatementKind::Insert: {
    IdempotencyVerdict v = insertVerdict(*q.insert);
    if (v.verdict != Verdict::NotIdempotent && q.insert->conflictUpdate)
      merge(v, analyseUpdate(*q.insert->conflictUpdate, opIndex, "ON CONFLICT DO UPDATE",
                             /*excluded=*/true));
    return v;
  }
  default:
    return {};
  }
}

void Analyser::run(Migration &mig) {
  for (const OperationPtr &op : m.operations)
    effects.push_back(op ? computeEffects(*op) : OperationEffects());
  IdempotencyVerdict total;
  for (size_t i = 0; i < mig.operations.size(); ++i) {
    Operation *op = mig.operations[i].get();
    if (!op)
      continue;
    if (auto *u = llvm::dyn_cast<UpdateOp>(op))
      op->idempotency = analyseUpdate(*u, i, "update");
    else if (auto *c = llvm::dyn_cast<CustomSqlOp>(op))
      op->idempotency = analyseCustomSql(*c, i);
    // An opaque operation may write what an earlier one reads.
    if (op->idempotency.verdict == Verdict::Idempotent)
      for (size_t j = i + 1; j < effects.size(); ++j)
        if (effects[j].opaque) {
          op->idempotency.verdict = Verdict::Unknown;
          op->idempotency.reason = "a later customSQL (#" + std::to_string(j + 1) +
                                   ") is not analysed and may write what this reads";
          break;
        }
    merge(total, op->idempotency, "operation #" + std::to_string(i + 1) + ": ");
  }
  if (!total.computed)
    merge(total, Verdict::Idempotent, "no operations", mig.loc);
  mig.idempotency = total;
}

class IdempotencyPass : public Pass {
public:
  llvm::StringRef getName() const override { return "idempotency"; }
  LogicalResult run(Module &module, PassContext &ctx) override {
    unsigned errorsBefore = ctx.diags.getNumErrors();
    for (const auto &m : module.migrations) {
      Analyser(*m).run(*m);
      if (!m->declaredIdempotent)
        continue;
      const IdempotencyVerdict &v = m->idempotency;
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
