//===- SqliteApply.cpp - running a compiled script on a SQLite file -------===//

#include "backends/sqlite/SqliteApply.h"

#include "backends/common/LiteralBackups.h"
#include "backends/common/LiteralRehearse.h"
#include "backends/common/StepRunner.h"
#include "backends/sqlite/SqliteBackups.h"
#include "backends/sqlite/SqliteBatches.h"
#include "backends/sqlite/SqliteDb.h"

#include "llvm/ADT/StringExtras.h"

#include <sqlite3.h>

#include <chrono>
#include <csignal>
#include <thread>

using namespace shc;
using Clock = std::chrono::steady_clock;

namespace {

/// What the authorizer saw while a statement was prepared.
struct StatementFacts {
  bool writesLedger = false; ///< INSERT, UPDATE or DELETE on the ledger
  std::string transaction;   ///< "BEGIN", "COMMIT" or "ROLLBACK"
};

struct Failure {
  std::string message;
  int code = SQLITE_OK; ///< primary result code
};

class Runner : public StepRunner {
public:
  Runner(SqliteDb &conn, const CompiledScript &script, const ApplyOptions &opts)
      : StepRunner(script, opts), conn(conn), db(conn.get()) {}

  ApplyReport run() {
    sqlite3_busy_handler(db, &Runner::onBusy, this);
    sqlite3_set_authorizer(db, &Runner::onAuthorize, this);
    sqlite3_progress_handler(db, 1000, &Runner::onProgress, this);
    if (setUp()) {
      for (size_t i = 0; i < script.steps.size() && runStep(i); ++i)
        ;
      if (opts.dryRun)
        rollback();
    }
    sqlite3_progress_handler(db, 0, nullptr, nullptr);
    sqlite3_set_authorizer(db, nullptr, nullptr);
    sqlite3_busy_timeout(db, kReadBusyTimeoutMs);
    return report;
  }

private:
  bool inTransaction() const { return !sqlite3_get_autocommit(db); }
  void rollback() {
    if (inTransaction())
      execOwn("ROLLBACK");
  }

  // --- the callbacks ----------------------------------------------------------

  /// Another connection holds the lock: wait (saying so once), unless the
  /// lock timeout ran out or a signal came.
  static int onBusy(void *self, int count) {
    Runner &r = *static_cast<Runner *>(self);
    Clock::time_point now = Clock::now();
    if (count == 0)
      r.busySince = now;
    if (r.interrupted())
      return 0;
    auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(now - r.busySince);
    if (r.opts.lockTimeoutMs && waited.count() >= r.opts.lockTimeoutMs)
      return 0;
    if (!r.saidWaiting && r.opts.waiting) {
      r.saidWaiting = true;
      r.opts.waiting();
    }
    long pause = std::min(1 + count, 20);
    if (r.opts.lockTimeoutMs)
      pause = std::min<long>(pause, r.opts.lockTimeoutMs - waited.count());
    std::this_thread::sleep_for(std::chrono::milliseconds(pause));
    return 1;
  }

  static int onAuthorize(void *self, int action, const char *a1, const char *, const char *,
                         const char *) {
    Runner &r = *static_cast<Runner *>(self);
    llvm::StringRef arg = a1 ? a1 : "";
    if ((action == SQLITE_INSERT || action == SQLITE_UPDATE || action == SQLITE_DELETE) &&
        arg.equals_insensitive(sqliteLedgerTable()))
      r.facts.writesLedger = true;
    if (action == SQLITE_TRANSACTION)
      r.facts.transaction = arg.upper();
    return SQLITE_OK;
  }

  /// Stops the running statement on a signal or past its timeout.
  static int onProgress(void *self) {
    Runner &r = *static_cast<Runner *>(self);
    if (r.interrupted())
      return 1;
    if (r.opts.statementTimeoutMs && Clock::now() > r.deadline) {
      r.timedOut = true;
      return 1;
    }
    return 0;
  }

  // --- statements -------------------------------------------------------------

  std::optional<Failure> execOwn(llvm::StringRef sql) { return exec(sql, nullptr, false); }

  /// Runs every statement of `sql`; adds the rows they changed outside the
  /// ledger to `rows` (when given). In the script's text (`scriptText`), a
  /// BEGIN inside the transaction apply opened is skipped, as psql skips it
  /// with a warning; a COMMIT or ROLLBACK of the text's own runs, except in
  /// a dry run, which it would end.
  std::optional<Failure> exec(llvm::StringRef sql, uint64_t *rows, bool scriptText = true) {
    const char *p = sql.data(), *end = sql.data() + sql.size();
    while (p < end) {
      sqlite3_stmt *st = nullptr;
      const char *tail = nullptr;
      facts = StatementFacts();
      timedOut = false;
      if (sqlite3_prepare_v2(db, p, static_cast<int>(end - p), &st, &tail) != SQLITE_OK)
        return lastFailure();
      if (!st)
        break;
      p = tail;
      if (scriptText && facts.transaction == "BEGIN" && inTransaction()) {
        sqlite3_finalize(st);
        continue;
      }
      if (scriptText && opts.dryRun && !facts.transaction.empty() && facts.transaction != "BEGIN") {
        sqlite3_finalize(st);
        return Failure{"it holds a " + facts.transaction +
                           " of its own, which would end the dry run's transaction",
                       SQLITE_ERROR};
      }
      sqlite3_int64 before = sqlite3_total_changes64(db);
      deadline = Clock::now() + std::chrono::milliseconds(opts.statementTimeoutMs);
      int rc;
      while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        ;
      if (rc != SQLITE_DONE) {
        Failure f = lastFailure();
        sqlite3_finalize(st);
        return f;
      }
      sqlite3_finalize(st);
      if (rows && !facts.writesLedger)
        *rows += static_cast<uint64_t>(sqlite3_total_changes64(db) - before);
    }
    return std::nullopt;
  }

  Failure lastFailure() const {
    Failure f{sqlite3_errmsg(db), sqlite3_errcode(db) & 0xff};
    if (timedOut)
      f.message = "canceling statement due to statement timeout (" +
                  llvm::utostr(opts.statementTimeoutMs) + " ms)";
    return f;
  }

  /// BEGIN IMMEDIATE: apply's lock, taken or waited for.
  std::optional<Failure> begin() {
    std::optional<Failure> f = execOwn("BEGIN IMMEDIATE");
    if (f && f->code == SQLITE_BUSY && !interrupted()) {
      report.lockBusy = true;
      f->message = lockBusyMessage(f->message);
    }
    return f;
  }

  // --- the run ----------------------------------------------------------------

  /// The preamble, in a transaction of its own (in the dry run's). False
  /// (with setupError) when nothing may run.
  bool setUp() {
    if (opts.dryRun || !llvm::StringRef(script.preamble).trim().empty())
      if (std::optional<Failure> f = begin())
        return setupFailed(*f);
    if (std::optional<Failure> f = exec(script.preamble, nullptr)) {
      rollback();
      return setupFailed(*f);
    }
    if (!opts.dryRun && inTransaction())
      if (std::optional<Failure> f = execOwn("COMMIT")) {
        rollback();
        return setupFailed(*f);
      }
    if (!setUpRowHooks())
      return false;
    return opts.dryRun ||
           setUpBatches(sqliteBatchSession(conn, runnerHooks(), backups.get()),
                        [](llvm::Error e) { return llvm::toString(std::move(e)); });
  }

  /// --rehearse and --backup: the store their statements go through.
  bool setUpRowHooks() {
    if (!opts.rehearse && !opts.backup)
      return true;
    store = sqliteLiteralStore(conn, runnerHooks());
    if (opts.rehearse) {
      rehearsal = std::make_unique<LiteralRehearsal>(*store, opts.sampleRows);
      return true;
    }
    backups = std::make_unique<LiteralBackups>(*store);
    if (MaybeFailure f = backups->setUp(script, opts.dryRun)) {
      rollback();
      return StepRunner::setupFailed(f->message);
    }
    return true;
  }

  /// The runner's statements, for the batched session and the row hooks,
  /// so that they have its timeouts and busy handling.
  SqliteBatchHooks runnerHooks() {
    SqliteBatchHooks hooks;
    auto batchFailure = [](std::optional<Failure> f) -> MaybeFailure {
      if (!f)
        return std::nullopt;
      return BatchFailure{f->message};
    };
    hooks.begin = [this, batchFailure] { return batchFailure(begin()); };
    hooks.exec = [this, batchFailure](llvm::StringRef sql, uint64_t *rows) {
      return batchFailure(exec(sql, rows));
    };
    hooks.arm = [this] { arm(); };
    hooks.ledgerChecksum = [this](const std::string &name) { return ledgerChecksum(name); };
    return hooks;
  }

  /// Starts the statement timeout of a statement about to run.
  void arm() {
    deadline = Clock::now() + std::chrono::milliseconds(opts.statementTimeoutMs);
    timedOut = false;
  }

  bool setupFailed(const Failure &f) { return StepRunner::setupFailed(f.message); }

  /// False when apply stops after step `i`.
  bool runStep(size_t i) {
    if (StepStart start = startStep(i); start != StepStart::Run)
      return start == StepStart::Skipped;
    const ScriptStep &step = script.steps[i];
    StepOutcome &out = report.steps[i];
    if (isBatchedStep(step))
      return runBatches(step, out);
    if (!opts.dryRun)
      if (std::optional<Failure> f = begin())
        return failed(out, *f);
    if (step.ledger) {
      llvm::Expected<std::optional<std::string>> seen = ledgerChecksum(step.ledger->name);
      if (!seen)
        return failed(out, Failure{llvm::toString(seen.takeError()), SQLITE_ERROR});
      if (*seen && **seen == step.ledger->checksum) {
        out.status = StepStatus::Skipped;
        out.note = "already applied";
        if (!opts.dryRun)
          rollback(); // nothing written; ends the transaction
        return true;
      }
      if (*seen && !step.ledger->idempotent)
        return failed(out, Failure{sqliteChangedMigrationError(*step.ledger), SQLITE_ERROR});
    }
    uint64_t rows = 0;
    if (std::optional<Failure> f = runBody(step, out, rows))
      return failed(out, *f);
    if (interrupted())
      return failed(out, Failure{"", SQLITE_INTERRUPT});
    if (!opts.dryRun && inTransaction())
      if (std::optional<Failure> f = execOwn("COMMIT")) {
        if (f->code == SQLITE_BUSY)
          f->message = "another connection kept the database busy past the lock timeout, so "
                       "COMMIT failed (" +
                       f->message + ")";
        return failed(out, *f);
      }
    out.rows = rows;
    out.status = opts.dryRun ? StepStatus::DryRun : StepStatus::Applied;
    return true;
  }

  /// The step's statements: as they are, or through the row hooks.
  std::optional<Failure> runBody(const ScriptStep &step, StepOutcome &out, uint64_t &rows) {
    MaybeFailure f;
    if (backups)
      f = backups->runStep(step, rows);
    else if (rehearsal)
      f = rehearsal->runStep(step, out, rows);
    else
      return exec(step.sql, &rows);
    if (f)
      return Failure{f->message, SQLITE_ERROR};
    return std::nullopt;
  }

  /// The checksum the ledger holds for `name`, under the lock of the step's
  /// transaction; a missing ledger table (a --ddl file need not create it)
  /// is no row.
  llvm::Expected<std::optional<std::string>> ledgerChecksum(const std::string &name) {
    arm();
    auto exists = conn.queryOne("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                                {sqliteLedgerTable().str()});
    if (!exists || !*exists)
      return exists;
    return conn.queryOne("SELECT checksum FROM " + sqliteLedgerTable().str() + " WHERE name = ?1",
                         {name});
  }

  /// The step failed: roll it back and stop.
  bool failed(StepOutcome &out, const Failure &f) {
    rollback();
    out.status = StepStatus::RolledBack;
    if ((report.signal = interrupted())) {
      out.note = interruptedBy(report.signal);
      return false;
    }
    out.error = f.message;
    return false;
  }

  SqliteDb &conn;
  sqlite3 *db;
  std::unique_ptr<LiteralStore> store;
  std::unique_ptr<LiteralBackups> backups;
  std::unique_ptr<LiteralRehearsal> rehearsal;
  StatementFacts facts;
  Clock::time_point busySince, deadline;
  bool saidWaiting = false;
  bool timedOut = false;
};

} // namespace

ApplyReport shc::applySqliteScript(SqliteDb &db, const CompiledScript &script,
                                   const ApplyOptions &opts) {
  if (opts.rehearse) {
    ApplyOptions dry = opts;
    dry.dryRun = true;
    return Runner(db, script, dry).run();
  }
  return Runner(db, script, opts).run();
}
