//===- PlanModel.cpp - what `plan` shows, independent of the format -------===//

#include "tools/driver/PlanModel.h"

#include "ir/AnalysisResults.h"
#include "ir/Dialect.h"
#include "ir/Emitter.h"
#include "ir/Runtime.h"
#include "ir/Module.h"
#include "ir/Statement.h"
#include "ir/SourceManager.h"
#include "passes/Effects.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>

using namespace shc;

std::string shc::diagnosticOneLine(const Diagnostic &d, const SourceManager &sm) {
  std::string s;
  if (d.loc.isValid())
    s = sm.getName(d.loc.file).str() + ":" + llvm::utostr(d.loc.line) + ":" +
        llvm::utostr(d.loc.col) + ": ";
  s += severityName(d.severity).str() + ": " + d.message;
  if (!d.rule.empty())
    s += " [" + d.rule + "]";
  return s;
}

std::string shc::formatRows(double rows) {
  if (rows == std::floor(rows) && rows < 1e15)
    return llvm::utostr(static_cast<uint64_t>(rows));
  return llvm::formatv("{0:F1}", rows).str();
}

std::string shc::formatBytes(double bytes) {
  static const char *units[] = {"kB", "MB", "GB", "TB"};
  if (bytes < 1000)
    return llvm::utostr(static_cast<uint64_t>(bytes)) + " B";
  int u = -1;
  while (bytes >= 1000 && u < 3) {
    bytes /= 1000;
    ++u;
  }
  return llvm::formatv("{0:F1} {1}", bytes, units[u]).str();
}

/// What apply --backup would store for `rows` rows of the write `u` (a
/// DELETE when `isDelete`), where the database keeps backups.
static void estimateBackup(LiveDatabase *conn, const UpdateOp &u, bool isDelete, double rows,
                           const std::string &migration, PlanOperation &p, Plan &plan) {
  if (!conn || !conn->supportsRowBackups())
    return;
  std::vector<std::string> columns;
  if (!isDelete)
    for (const Assignment &a : u.assignments)
      columns.push_back(a.resolved ? a.resolved->name : a.column);
  llvm::Expected<double> bytes = conn->estimateBackupBytes(u.schema, u.table, columns, rows);
  if (!bytes) {
    plan.estimateErrors.push_back(migration + ": backup size: " + llvm::toString(bytes.takeError()));
    return;
  }
  p.backupBytes = p.backupBytes.value_or(0) + *bytes;
  plan.totalBackupBytes = plan.totalBackupBytes.value_or(0) + *bytes;
}

static void addUnique(std::vector<std::string> &v, std::string s) {
  if (!llvm::is_contained(v, s))
    v.push_back(std::move(s));
}

static void fillAccesses(PlanOperation &p, const OperationEffects &fx) {
  auto name = [&](const ColumnAccess &a) {
    return a.table == p.table || p.table.empty() ? a.column : a.table + "." + a.column;
  };
  if (p.table.empty() && !fx.writes.empty())
    p.table = fx.writes.front().table;
  for (const ColumnAccess &a : fx.writes)
    addUnique(p.writes, name(a));
  for (const ColumnAccess &a : fx.reads)
    addUnique(p.reads, name(a));
  p.opaque = fx.opaque;
}

static void verdictOf(const IdempotencyVerdict &v, std::string &verdict, std::string &reason) {
  verdict = v.computed ? verdictName(v.verdict).str() : "unknown";
  reason = v.computed ? v.reason : "not analysed";
}

std::string shc::statementSummary(llvm::StringRef sql, size_t max) {
  std::string out;
  for (char c : sql.trim()) {
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && (out.empty() || out.back() == ' '))
      continue;
    out += space ? ' ' : c;
  }
  if (out.size() > max)
    out = out.substr(0, max - 3) + "...";
  return out;
}

static PlanStatement planStatement(const CustomSqlOp &c, const SqlStatement &st,
                                   const AnalysisResults &results, Emitter *emitter) {
  PlanStatement ps;
  ps.kind = statementKindName(st.kind).str();
  ps.table = st.table;
  ps.sql = llvm::StringRef(c.sql).substr(st.offset, st.length).trim().str();
  ps.opaque = !st.analysed;
  if (const UpdateOp *u = st.analysed ? st.query.update.get() : nullptr) {
    ps.rowFilter = true;
    if (u->where && emitter)
      ps.where = emitter->expression(*u->where);
  }
  verdictOf(results.verdict(st), ps.verdict, ps.reason);
  ps.begin = c.sqlLocator.locate(st.offset);
  ps.end = c.sqlLocator.locate(st.offset + st.length);
  return ps;
}

/// A diagnostic inside the text of a customSQL statement goes with it.
static bool moveToStatement(PlanStep &step, Diagnostic &d) {
  for (PlanOperation &op : step.operations)
    for (PlanStatement &st : op.statements)
      if (st.begin.isValid() && d.loc.isValid() && !(d.loc < st.begin) && !(st.end < d.loc)) {
        st.diagnostics.push_back(std::move(d));
        return true;
      }
  return false;
}

/// Where a migration starts in its file: the smallest location it holds.
static SourceLoc startOf(const Migration &m) {
  SourceLoc s = m.loc;
  for (const Requirement &r : m.requires)
    if (r.loc.isValid() && r.loc < s)
      s = r.loc;
  for (const OperationPtr &op : m.operations)
    if (op && op->getLoc().isValid() && op->getLoc() < s)
      s = op->getLoc();
  return s;
}

/// The table a batched operation's batches run over.
static const Table *batchedTable(const Operation &op) {
  if (auto *u = llvm::dyn_cast<UpdateOp>(&op))
    return u->resolved;
  auto *c = llvm::dyn_cast<CustomSqlOp>(&op);
  if (c && c->statements.size() == 1 && c->statements.front().query.update)
    return c->statements.front().query.update->resolved;
  return nullptr;
}

Plan shc::buildPlan(const Module &module, const AnalysisResults &results,
                    std::vector<Diagnostic> diags, const SourceManager &sm, LiveDatabase *conn,
                    DiagnosticEngine &engine) {
  Plan plan;
  plan.allDiagnostics = diags;
  std::vector<const Migration *> order = results.executionOrder;
  if (order.empty()) {
    // The schedule failed: source order, before_schema first.
    for (const auto &m : module.migrations)
      order.push_back(m.get());
    std::stable_sort(order.begin(), order.end(),
                     [](const Migration *a, const Migration *b) { return a->phase < b->phase; });
  }
  // The target's own spelling; a dialect without an emitter shows WHEREs as
  // written.
  std::unique_ptr<Emitter> emitter = module.getTarget().createEmitter(engine);
  for (const Migration *m : order) {
    PlanStep step{m, "", "", {}, {}};
    verdictOf(results.verdict(*m), step.verdict, step.reason);
    for (const OperationPtr &op : m->operations) {
      if (!op)
        continue;
      PlanOperation p;
      verdictOf(results.verdict(*op), p.verdict, p.reason);
      std::string shownTable; // schema-qualified when the spec places it in one
      if (auto *u = llvm::dyn_cast<UpdateOp>(op.get())) {
        p.kind = updateOriginName(u->origin).str();
        p.table = u->table;
        shownTable = u->resolved ? u->resolved->displayName() : qualifiedName(u->schema, u->table);
        if (u->where && emitter)
          p.where = emitter->expression(*u->where);
        else
          p.where = u->uncheckedWhere; // as written: not checked for this dialect
        if (conn && emitter && u->resolved) {
          std::string sql = emitter->updateStatement(*u);
          auto rows = sql.empty() ? llvm::Expected<double>(0.0) : conn->estimateRows(sql);
          if (rows) {
            p.estimatedRows = *rows;
            plan.totalEstimatedRows = plan.totalEstimatedRows.value_or(0) + *rows;
            estimateBackup(conn, *u, false, *rows, m->name, p, plan);
          } else {
            plan.estimateErrors.push_back(m->name + ": " + llvm::toString(rows.takeError()));
          }
        }
      } else if (auto *c = llvm::dyn_cast<CustomSqlOp>(op.get())) {
        p.kind = "customSQL";
        for (const SqlStatement &st : c->statements) {
          if (p.table.empty()) {
            p.table = st.table;
            shownTable = qualifiedName(st.schema, st.table);
          }
          const UpdateOp *u = st.query.update.get();
          if (p.where.empty() && u && u->where && emitter)
            p.where = emitter->expression(*u->where);
          PlanStatement &ps = p.statements.emplace_back(planStatement(*c, st, results, emitter.get()));
          bool dml = st.kind == StatementKind::Update || st.kind == StatementKind::Delete ||
                     st.kind == StatementKind::Insert;
          if (!conn || !dml)
            continue;
          // EXPLAIN (no ANALYZE) plans the user's own statement text: nothing runs.
          auto rows = conn->estimateRows(llvm::StringRef(c->sql).substr(st.offset, st.length));
          if (rows) {
            ps.estimatedRows = *rows;
            p.estimatedRows = p.estimatedRows.value_or(0) + *rows;
            plan.totalEstimatedRows = plan.totalEstimatedRows.value_or(0) + *rows;
            if (u && st.kind != StatementKind::Insert)
              estimateBackup(conn, *u, st.kind == StatementKind::Delete, *rows, m->name, p, plan);
          } else {
            plan.estimateErrors.push_back(m->name + ": " + llvm::toString(rows.takeError()));
          }
        }
      }
      fillAccesses(p, computeEffects(*op));
      if ((p.batchSize = op->batchSize))
        if (const Table *t = batchedTable(*op))
          p.batchKey = module.getTarget().batchKey(*t);
      if (!shownTable.empty())
        p.table = shownTable;
      step.operations.push_back(std::move(p));
    }
    plan.steps.push_back(std::move(step));
  }
  if (conn && !plan.totalEstimatedRows)
    plan.totalEstimatedRows = 0;

  // Each diagnostic goes to the migration that starts last before it in the
  // same file: a binary search over the sorted starts (a scan of every step
  // per diagnostic took 8 s for 10,000 warnings over 10,000 migrations).
  // Among equal starts the first step wins, so it sorts last.
  std::vector<std::pair<SourceLoc, size_t>> starts;
  for (size_t i = 0; i < plan.steps.size(); ++i)
    starts.push_back({startOf(*plan.steps[i].migration), i});
  llvm::sort(starts, [](const auto &a, const auto &b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  });
  for (Diagnostic &d : diags) {
    PlanStep *best = nullptr;
    auto it = std::upper_bound(starts.begin(), starts.end(), d.loc,
                               [](const SourceLoc &l, const auto &s) { return l < s.first; });
    if (d.loc.isValid() && it != starts.begin() && std::prev(it)->first.file == d.loc.file)
      best = &plan.steps[std::prev(it)->second];
    if (best && moveToStatement(*best, d))
      continue;
    (best ? best->diagnostics : plan.otherDiagnostics).push_back(std::move(d));
  }
  return plan;
}
