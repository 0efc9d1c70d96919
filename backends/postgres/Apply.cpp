//===- Apply.cpp - running a compiled migration file on a live server -----===//

#include "backends/postgres/Apply.h"

#include "backends/common/ScriptEmitter.h"
#include "backends/postgres/ApplyLedger.h"
#include "backends/postgres/Connection.h"
#include "backends/postgres/PostgresBackend.h"

#include "llvm/ADT/StringExtras.h"

using namespace shc;

llvm::StringRef shc::stepStatusName(StepStatus s) {
  switch (s) {
  case StepStatus::Applied:
    return "applied";
  case StepStatus::DryRun:
    return "dry-run";
  case StepStatus::RolledBack:
    return "rolled back";
  case StepStatus::NotRun:
    return "not run";
  case StepStatus::Skipped:
    return "skipped";
  }
  return "?";
}

bool ApplyReport::ok() const {
  if (!setupError.empty())
    return false;
  for (const StepOutcome &s : steps)
    if (s.status == StepStatus::RolledBack || s.status == StepStatus::NotRun)
      return false;
  return true;
}

/// "-- migration: NAME (after_schema)" or "...(phase): no operations ...".
static std::optional<std::string> parseMarker(llvm::StringRef line) {
  if (!line.consume_front("-- migration: "))
    return std::nullopt;
  for (llvm::StringRef phase : {" (before_schema)", " (after_schema)"}) {
    size_t at = line.rfind(phase);
    if (at != llvm::StringRef::npos)
      return line.take_front(at).str();
  }
  return std::nullopt;
}

ApplyScript shc::splitScript(llvm::StringRef text, llvm::StringRef fallbackName) {
  ApplyScript script;
  std::string *cur = &script.preamble;
  while (!text.empty()) {
    auto [line, rest] = text.split('\n');
    text = rest;
    if (std::optional<std::string> name = parseMarker(line)) {
      script.steps.push_back({*name, ""});
      cur = &script.steps.back().sql;
    }
    // The compiler writes BEGIN;/COMMIT; on lines of their own around each
    // migration; apply opens and closes the transactions itself.
    llvm::StringRef t = line.trim();
    if (cur != &script.preamble && (t == "BEGIN;" || t == "COMMIT;"))
      continue;
    *cur += line;
    *cur += '\n';
  }
  if (script.steps.empty()) {
    script.steps.push_back({fallbackName.str(), script.preamble});
    script.preamble.clear();
  }
  return script;
}

/// The rows a step changed in the user's tables: the ledger's bookkeeping
/// INSERT (the last statement of a migration the backend records) is not
/// counted. Statements inside a DO block report no rows.
static uint64_t changedRows(const ApplyStep &step, const std::vector<StatementResult> &results) {
  size_t n = results.size();
  if (n && results.back().command == "INSERT" &&
      llvm::StringRef(step.sql).contains("INSERT INTO schemahero_data_migrations"))
    --n;
  uint64_t rows = 0;
  for (size_t i = 0; i < n; ++i)
    rows += results[i].rows;
  return rows;
}

static std::string message(llvm::Error e) { return llvm::toString(std::move(e)); }

/// Rows inserted, updated or deleted so far in the current transaction, over
/// every user table but the ledger. Unlike command tags this also sees the
/// statements the ledger wraps in DO blocks. It runs in a savepoint: on a
/// server without these statistics functions (CockroachDB) the failed query
/// must not abort the migration's transaction; the count then comes from the
/// command tags.
static std::optional<uint64_t> rowsTouched(Connection &conn) {
  static const char *sql =
      "SELECT COALESCE(sum(pg_stat_get_xact_tuples_inserted(c.oid) + "
      "pg_stat_get_xact_tuples_updated(c.oid) + pg_stat_get_xact_tuples_deleted(c.oid)), 0) "
      "FROM pg_catalog.pg_class c WHERE c.relkind IN ('r', 'p') "
      "AND c.relname <> 'schemahero_data_migrations' "
      "AND c.relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)";
  if (auto s = conn.exec("SAVEPOINT shc_rows_touched"); !s) {
    llvm::consumeError(s.takeError());
    return std::nullopt;
  }
  llvm::Expected<Rows> rows = conn.query(sql);
  if (!rows) {
    llvm::consumeError(rows.takeError());
    if (auto r = conn.exec("ROLLBACK TO SAVEPOINT shc_rows_touched"); !r)
      llvm::consumeError(r.takeError());
    return std::nullopt;
  }
  if (auto r = conn.exec("RELEASE SAVEPOINT shc_rows_touched"); !r)
    llvm::consumeError(r.takeError());
  uint64_t n = 0;
  if (rows->empty() || rows->front().empty() || !rows->front().front() ||
      llvm::StringRef(*rows->front().front()).getAsInteger(10, n))
    return std::nullopt;
  return n;
}

ApplyReport shc::applyScript(Connection &conn, const ApplyScript &script,
                             const ApplyOptions &opts) {
  ApplyReport report;
  for (const ApplyStep &s : script.steps)
    report.steps.push_back({s.name, StepStatus::NotRun, 0, ""});

  std::string setup;
  if (opts.lockTimeoutMs)
    setup += "SET lock_timeout = " + llvm::utostr(opts.lockTimeoutMs) + ";";
  if (opts.statementTimeoutMs)
    setup += "SET statement_timeout = " + llvm::utostr(opts.statementTimeoutMs) + ";";
  if (opts.dryRun)
    setup += "BEGIN;";
  setup += script.preamble;
  if (auto r = conn.exec(setup); !r) {
    report.setupError = message(r.takeError());
    if (opts.dryRun)
      (void)conn.exec("ROLLBACK");
    return report;
  }

  for (size_t i = 0; i < script.steps.size(); ++i) {
    const ApplyStep &step = script.steps[i];
    StepOutcome &out = report.steps[i];
    if (opts.progress)
      opts.progress(i, script.steps.size(), step.name);
    // Serializable: two applies that both find no ledger row cannot both
    // commit the migration.
    std::optional<LedgerRecord> record = unguardedLedgerRecord(step.sql);
    if (!opts.dryRun) {
      if (auto r = conn.exec(record ? "BEGIN ISOLATION LEVEL SERIALIZABLE" : "BEGIN"); !r) {
        out.status = StepStatus::RolledBack;
        out.error = message(r.takeError());
        return report;
      }
    }
    if (record) {
      llvm::Expected<LedgerCheck> check = checkLedger(conn, *record);
      if (!check || check->decision == LedgerDecision::Fail) {
        out.status = StepStatus::RolledBack;
        out.error = check ? check->error : message(check.takeError());
        (void)conn.exec("ROLLBACK");
        return report;
      }
      if (check->decision == LedgerDecision::Skip) {
        out.status = StepStatus::Skipped;
        if (!opts.dryRun)
          (void)conn.exec("ROLLBACK"); // nothing written; releases the row lock
        continue;
      }
    }
    std::optional<uint64_t> before = rowsTouched(conn);
    auto r = conn.exec(step.sql);
    std::optional<uint64_t> after = r ? rowsTouched(conn) : std::nullopt;
    if (r && !opts.dryRun) {
      if (auto c = conn.exec("COMMIT"); !c)
        r = c.takeError();
    }
    if (!r) {
      out.status = StepStatus::RolledBack;
      out.error = message(r.takeError());
      (void)conn.exec("ROLLBACK");
      return report;
    }
    out.rows = before && after && *after >= *before ? *after - *before : changedRows(step, *r);
    out.status = opts.dryRun ? StepStatus::DryRun : StepStatus::Applied;
  }
  if (opts.dryRun) {
    if (auto r = conn.exec("ROLLBACK"); !r)
      report.setupError = message(r.takeError());
  }
  return report;
}

namespace {
/// Exposes the script emitter's UPDATE statement, so EXPLAIN sees exactly
/// what apply runs.
class StatementEmitter : public ScriptEmitter {
public:
  using ScriptEmitter::ScriptEmitter;
  std::string update(const UpdateOp &op) {
    std::string s;
    out = &s;
    emitUpdate(op);
    out = nullptr;
    return hadError ? std::string() : llvm::StringRef(s).rtrim().str();
  }
};
} // namespace

std::string shc::postgresUpdateStatement(const UpdateOp &op, DiagnosticEngine &diags) {
  PostgresExprEmitter exprs(diags);
  EmitOptions eo;
  StatementEmitter emitter(exprs, diags, eo);
  return emitter.update(op);
}
