//===- Apply.cpp - running a compiled script on a live server -------------===//

#include "backends/postgres/Apply.h"

#include "backends/common/ScriptEmitter.h"
#include "backends/common/StepRunner.h"
#include "backends/postgres/ApplyLedger.h"
#include "backends/postgres/ApplyLock.h"
#include "backends/postgres/Batched.h"
#include "backends/postgres/Connection.h"
#include "backends/postgres/PostgresBackend.h"
#include "ir/CompiledScript.h"

#include "llvm/ADT/StringExtras.h"

#include <csignal>

using namespace shc;

/// The rows a step changed in the user's tables, from the command tags: the
/// ledger's bookkeeping INSERT (the last statement of a migration recorded
/// without a DO block) is not counted. Statements inside a DO block report
/// no rows.
static uint64_t changedRows(const ScriptStep &step, const std::vector<StatementResult> &results) {
  size_t n = results.size();
  if (n && results.back().command == "INSERT" && step.ledger)
    --n;
  uint64_t rows = 0;
  for (size_t i = 0; i < n; ++i)
    rows += results[i].rows;
  return rows;
}

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
      "AND c.relname NOT IN ('schemahero_data_migrations', 'schemahero_data_backups') "
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

namespace {

class Runner : public StepRunner {
public:
  Runner(Connection &conn, const CompiledScript &script, const ApplyOptions &opts,
         bool advisoryLocks, StepHooks *hooks)
      : StepRunner(script, opts), conn(conn), lock(ApplyLock::create(advisoryLocks)),
        hooks(hooks) {}

  ApplyReport run() {
    if (setUp()) {
      for (size_t i = 0; i < script.steps.size() && runStep(i); ++i)
        ;
      if (opts.dryRun)
        if (auto r = conn.exec("ROLLBACK"); !r)
          report.setupError = describeFailure(r.takeError()).message;
    }
    lock->release(conn);
    return report;
  }

private:

  void rollback() {
    if (auto r = conn.exec("ROLLBACK"); !r)
      llvm::consumeError(r.takeError());
  }

  /// Timeouts, the lock, the preamble. False (with setupError) when
  /// nothing may run.
  bool setUp() {
    std::string set;
    if (opts.lockTimeoutMs)
      set += "SET lock_timeout = " + llvm::utostr(opts.lockTimeoutMs) + ";";
    if (opts.statementTimeoutMs)
      set += "SET statement_timeout = " + llvm::utostr(opts.statementTimeoutMs) + ";";
    if (!set.empty())
      if (auto r = conn.exec(set); !r)
        return setupFailed(describeFailure(r.takeError()));
    if (llvm::Error e = lock->acquire(conn, opts.waiting)) {
      Failure f = describeFailure(std::move(e));
      if (!interrupted() && isLockWaitTimeout(f.sqlstate)) {
        report.lockBusy = true;
        f.message = lockBusyMessage(f.message);
      }
      return setupFailed(f);
    }
    // Batches commit as they go: a dry run or a rehearsal (rolled back
    // whole) runs each operation as one statement instead.
    if (!opts.dryRun &&
        !setUpBatches(postgresBatchSession(conn, *lock, opts.backup),
                      [](llvm::Error e) { return describeFailure(std::move(e)).message; }))
      return false;
    if (opts.dryRun)
      if (auto r = conn.exec("BEGIN"); !r)
        return setupFailed(describeFailure(r.takeError()));
    if (llvm::Error e = lock->runPreamble(conn, script.preamble)) {
      if (opts.dryRun)
        rollback();
      return setupFailed(describeFailure(std::move(e)));
    }
    if (hooks)
      if (llvm::Error e = hooks->setUp(conn)) {
        if (opts.dryRun)
          rollback();
        return setupFailed(describeFailure(std::move(e)));
      }
    return true;
  }

  bool setupFailed(const Failure &f) { return StepRunner::setupFailed(f.message); }

  /// False when apply stops after step `i`.
  bool runStep(size_t i) {
    return runWithRetries(i, [this](const ScriptStep &step, StepOutcome &out, unsigned attempt) {
      return attemptStep(step, out, attempt);
    });
  }

  Attempt attemptStep(const ScriptStep &step, StepOutcome &out, unsigned attempt) {
    // --backup's hooks back each batch up (Batched.h); a rehearsal is a
    // dry run, rolled back whole.
    if ((!hooks || opts.backup) && isBatchedStep(step))
      return runBatched(step, out);
    if (!opts.dryRun)
      if (auto r = conn.exec(lock->beginStep()); !r)
        return failed(out, describeFailure(r.takeError()), attempt);
    if (llvm::Error e = lock->lockStep(conn, opts.dryRun))
      return failed(out, describeFailure(std::move(e)), attempt, /*lockWait=*/true);
    if (step.ledger) {
      llvm::Expected<LedgerCheck> check = checkLedger(conn, *step.ledger);
      if (!check)
        return failed(out, describeFailure(check.takeError()), attempt);
      if (check->decision == LedgerDecision::Fail)
        return failed(out, Failure{check->error, "", false}, attempt);
      if (check->decision == LedgerDecision::Skip) {
        out.status = StepStatus::Skipped;
        out.note = "already applied";
        if (!opts.dryRun)
          rollback(); // nothing written; ends the transaction
        return Attempt::Done;
      }
    }
    std::optional<uint64_t> before = rowsTouched(conn);
    auto r = hooks ? hooks->runStep(conn, step, out) : conn.exec(step.sql);
    if (!r)
      return failed(out, describeFailure(r.takeError()), attempt);
    std::optional<uint64_t> after = rowsTouched(conn);
    if (interrupted())
      return failed(out, Failure{"", "", false}, attempt);
    if (!opts.dryRun)
      if (auto c = conn.exec("COMMIT"); !c) {
        Failure f = describeFailure(c.takeError());
        if (!f.connectionLost)
          return failed(out, f, attempt);
        out.status = StepStatus::Unknown;
        out.note = "connection lost during COMMIT";
        out.error = f.message + "\n" + outcomeUnknownHint(step.ledger);
        return Attempt::Stop;
      }
    out.rows = before && after && *after >= *before ? *after - *before : changedRows(step, *r);
    out.status = opts.dryRun ? StepStatus::DryRun : StepStatus::Applied;
    return runAfterCommit(step, out);
  }

  /// A batched step (Batched.h): batches commit as they go, so a failure
  /// is not retried whole; apply again resumes it.
  Attempt runBatched(const ScriptStep &step, StepOutcome &out) {
    if (!runBatches(step, out))
      return Attempt::Stop;
    if (out.status == StepStatus::Skipped)
      return Attempt::Done;
    return runAfterCommit(step, out);
  }

  /// What follows the step's COMMIT (ScriptStep::afterCommit), once it is in.
  Attempt runAfterCommit(const ScriptStep &step, StepOutcome &out) {
    if (step.afterCommit.empty())
      return Attempt::Done;
    if (opts.dryRun) {
      out.note = "not run in a dry run: what follows its COMMIT";
      return Attempt::Done;
    }
    if (auto a = conn.exec(step.afterCommit); !a) {
      // The migration is in: only what follows it failed, and may run again.
      out.error = "applied, but what follows its COMMIT failed: " +
                  describeFailure(a.takeError()).message + "\nrun it by hand:\n" +
                  step.afterCommit;
      return Attempt::Stop;
    }
    return Attempt::Done;
  }

  /// The step failed: roll it back, and retry it when the server says that
  /// may help (a serialization failure: on CockroachDB, the transaction that
  /// waited for another apply's lock row), or stop.
  Attempt failed(StepOutcome &out, const Failure &f, unsigned attempt, bool lockWait = false) {
    rollback();
    out.status = StepStatus::RolledBack;
    if ((report.signal = interrupted())) {
      out.note = interruptedBy(report.signal);
      return Attempt::Stop;
    }
    if (!opts.dryRun && isRetryable(f.sqlstate) && attempt < kMaxAttempts)
      return Attempt::Retry;
    out.error = f.message;
    if (lockWait && isLockWaitTimeout(f.sqlstate)) {
      report.lockBusy = true;
      out.error = lockBusyMessage(f.message);
    }
    return Attempt::Stop;
  }

  Connection &conn;
  std::unique_ptr<ApplyLock> lock;
  StepHooks *hooks;
};

} // namespace

ApplyReport shc::applyScript(Connection &conn, const CompiledScript &script,
                             const ApplyOptions &opts, bool advisoryLocks, StepHooks *hooks) {
  return Runner(conn, script, opts, advisoryLocks, hooks).run();
}

StepHooks::~StepHooks() = default;
