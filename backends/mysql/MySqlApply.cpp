//===- MySqlApply.cpp - running a compiled script on MySQL or MariaDB -----===//

#include "backends/mysql/MySqlApply.h"

#include "backends/mysql/MySqlBatches.h"

#include "backends/common/LedgerText.h"
#include "backends/common/LiteralBackups.h"
#include "backends/common/LiteralRehearse.h"
#include "backends/common/StepRunner.h"
#include "backends/mysql/MySqlBackups.h"
#include "backends/mysql/MySqlDb.h"
#include "backends/mysql/MySqlLex.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <cstdio>

using namespace shc;

// --- statements ------------------------------------------------------------------

std::vector<MySqlStatement> shc::splitMySqlStatements(llvm::StringRef sql) {
  std::vector<MyToken> tokens = lexMySql(sql);
  std::vector<MySqlStatement> out;
  for (const MyStatement &s : splitMySql(tokens)) {
    MySqlStatement st;
    st.text = sql.slice(s.begin, s.end).str();
    if (st.text == ";")
      continue;
    std::vector<std::string> w = leadingWords(sql, tokens, s, 1);
    if (!w.empty() && isOneOf(w.front(), {"INSERT", "REPLACE", "DELETE"}))
      st.writesLedger =
          llvm::StringRef(tableWritten(sql, tokens, s)).equals_insensitive(ledgerTableName());
    out.push_back(std::move(st));
  }
  return out;
}

std::string shc::mysqlStepProblem(llvm::StringRef sql) {
  bool open = false;
  std::vector<MyToken> tokens = lexMySql(sql, &open);
  if (open)
    return "it ends inside a quoted string, quoted name or comment";
  for (const MyStatement &s : splitMySql(tokens)) {
    std::string why = implicitCommitReason(leadingWords(sql, tokens, s));
    if (!why.empty()) {
      llvm::StringRef text = sql.slice(s.begin, s.end);
      std::string head = text.take_front(60).str();
      std::replace(head.begin(), head.end(), '\n', ' ');
      return "`" + head + (text.size() > 60 ? "...`" : "`") + ": " + why;
    }
  }
  return "";
}

// --- the run ---------------------------------------------------------------------

namespace {

class Runner : public StepRunner {
public:
  Runner(MySqlDb &db, const CompiledScript &script, const ApplyOptions &opts)
      : StepRunner(script, opts), db(db) {}

  ApplyReport run() {
    if (refuseImplicitCommits() && setUp()) {
      for (size_t i = 0; i < script.steps.size() && runStep(i); ++i)
        ;
      if (opts.dryRun)
        rollback();
    }
    for (const std::string &t : temporaryTables)
      ignore(db.exec("DROP TEMPORARY TABLE IF EXISTS " + t));
    if (lockHeld)
      ignore(db.query("SELECT RELEASE_LOCK(" + mysqlLockNameSql() + ")"));
    return report;
  }

private:

  template <typename T> static void ignore(llvm::Expected<T> r) {
    if (!r)
      llvm::consumeError(r.takeError());
  }
  void rollback() { ignore(db.exec("ROLLBACK")); }

  /// A step that MySQL would commit in pieces is refused before anything
  /// runs.
  bool refuseImplicitCommits() {
    for (const ScriptStep &step : script.steps) {
      if (step.empty)
        continue;
      std::string why = mysqlStepProblem(step.sql);
      if (!why.empty()) {
        report.setupError = "migration " + step.name +
                            " cannot run in one MySQL transaction, so nothing was applied: " + why +
                            "\nHINT:  change tables through their Table specs; customSQL " +
                            "in a data migration must not commit";
        return false;
      }
    }
    return true;
  }

  bool setupFailed(const MySqlFailure &f) { return StepRunner::setupFailed(f.message); }

  /// Timeouts, the lock, the preamble. False (with setupError) when
  /// nothing may run.
  bool setUp() {
    if (opts.lockTimeoutMs) {
      std::string secs = llvm::utostr((opts.lockTimeoutMs + 999) / 1000);
      if (auto r = db.exec("SET SESSION innodb_lock_wait_timeout = " + secs +
                           ", lock_wait_timeout = " + secs);
          !r)
        return setupFailed(describeMySqlFailure(r.takeError()));
    }
    if (opts.statementTimeoutMs) {
      char secs[32];
      std::snprintf(secs, sizeof secs, "%.3f", opts.statementTimeoutMs / 1000.0);
      std::string set = db.isMariaDb() ? "SET SESSION max_statement_time = " + std::string(secs)
                                       : "SET SESSION max_execution_time = " +
                                             llvm::utostr(opts.statementTimeoutMs);
      if (auto r = db.exec(set); !r)
        return setupFailed(describeMySqlFailure(r.takeError()));
    }
    if (!takeLock())
      return false;
    if (opts.dryRun)
      return dryRunPreamble() && begin() && setUpRowHooks();
    for (const MySqlStatement &st : splitMySqlStatements(script.preamble))
      if (auto r = db.exec(st.text); !r)
        return setupFailed(describeMySqlFailure(r.takeError()));
    return setUpRowHooks() &&
           setUpBatches(
               mysqlBatchSession(
                   db, [this](const std::string &name) { return ledgerChecksum(name); },
                   backups.get()),
               [](llvm::Error e) { return describeMySqlFailure(std::move(e)).message; });
  }

  /// --rehearse and --backup: the store their statements go through.
  bool setUpRowHooks() {
    if (!opts.rehearse && !opts.backup)
      return true;
    store = mysqlLiteralStore(db);
    if (opts.rehearse) {
      rehearsal = std::make_unique<LiteralRehearsal>(*store, opts.sampleRows);
      return true;
    }
    backups = std::make_unique<LiteralBackups>(*store);
    if (MaybeFailure f = backups->setUp(script, opts.dryRun))
      return StepRunner::setupFailed(f->message);
    return true;
  }

  /// The step's statements: as they are, or through the row hooks. An
  /// error, or nullopt.
  std::optional<MySqlFailure> runBody(const ScriptStep &step, StepOutcome &out, uint64_t &rows) {
    MaybeFailure f;
    if (backups) {
      f = backups->runStep(step, rows);
    } else if (rehearsal) {
      f = rehearsal->runStep(step, out, rows);
    } else {
      for (const MySqlStatement &st : splitMySqlStatements(step.sql)) {
        if (interrupted())
          return MySqlFailure{"", 0, false};
        auto r = db.exec(st.text);
        if (!r)
          return describeMySqlFailure(r.takeError());
        if (!st.writesLedger)
          rows += *r;
      }
    }
    if (f)
      return MySqlFailure{f->message, f->retryable ? myerr::Deadlock : 0, false};
    return std::nullopt;
  }

  bool begin() {
    if (auto r = db.exec("START TRANSACTION"); !r)
      return setupFailed(describeMySqlFailure(r.takeError()));
    return true;
  }

  /// GET_LOCK, at once or after saying that apply waits.
  bool takeLock() {
    std::string name = mysqlLockNameSql();
    auto got = db.query("SELECT GET_LOCK(" + name + ", 0)");
    if (!got)
      return setupFailed(describeMySqlFailure(got.takeError()));
    if (firstValue(*got) != "1") {
      if (opts.waiting)
        opts.waiting();
      char secs[32];
      std::snprintf(secs, sizeof secs, "%.3f",
                    opts.lockTimeoutMs ? opts.lockTimeoutMs / 1000.0 : 31536000.0);
      got = db.query("SELECT GET_LOCK(" + name + ", " + secs + ")");
      if (!got) {
        // --statement-timeout also bounds the wait, as on PostgreSQL.
        MySqlFailure f = describeMySqlFailure(got.takeError());
        if (!interrupted() &&
            (f.code == myerr::StatementTimeout || f.code == myerr::ExecutionTimeout)) {
          report.lockBusy = true;
          f.message = lockBusyMessage(f.message);
        }
        return setupFailed(f);
      }
      if (firstValue(*got) != "1") {
        if (!interrupted())
          report.lockBusy = true;
        // MariaDB's GET_LOCK gives up at max_statement_time without an error.
        bool byLockTimeout = opts.lockTimeoutMs && (!opts.statementTimeoutMs ||
                                                    opts.lockTimeoutMs <= opts.statementTimeoutMs);
        std::string why =
            byLockTimeout ? "GET_LOCK timed out after " + llvm::utostr(opts.lockTimeoutMs) + " ms"
                          : "GET_LOCK stopped at the statement timeout, " +
                                llvm::utostr(opts.statementTimeoutMs) + " ms";
        return setupFailed(
            {interrupted() ? "GET_LOCK was interrupted" : lockBusyMessage(why), 0, false});
      }
    }
    lockHeld = true;
    return true;
  }

  /// The name the `k`th significant token of `s` stands for.
  static std::string significantToken(llvm::StringRef text, const std::vector<MyToken> &tokens,
                                      const MyStatement &s, size_t k) {
    for (size_t i = s.firstToken; i <= s.lastToken; ++i)
      if (tokens[i].significant() && k-- == 0)
        return unquoteMySqlName(text.slice(tokens[i].begin, tokens[i].end));
    return "";
  }

  static std::string firstValue(const MySqlRows &rows) {
    return rows.empty() || rows.front().empty() || !rows.front().front() ? std::string()
                                                                         : *rows.front().front();
  }

  bool tableExists(const std::string &name) {
    auto r = db.query("SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() "
                      "AND table_name = " +
                      db.quote(name));
    return r && !r->empty();
  }

  /// The preamble in a dry run: nothing may commit.
  bool dryRunPreamble() {
    std::vector<MyToken> tokens = lexMySql(script.preamble);
    for (const MyStatement &s : splitMySql(tokens)) {
      std::string text = llvm::StringRef(script.preamble).slice(s.begin, s.end).str();
      std::vector<std::string> w = leadingWords(script.preamble, tokens, s, 6);
      if (w.size() >= 3 && w[0] == "CREATE" && w[1] == "TABLE") {
        bool ifNotExists = w.size() >= 5 && w[2] == "IF" && w[3] == "NOT" && w[4] == "EXISTS";
        std::string table = significantToken(script.preamble, tokens, s, ifNotExists ? 5 : 2);
        if (ifNotExists && tableExists(table))
          continue;
        text.insert(llvm::StringRef(text).find_insensitive("TABLE"), "TEMPORARY ");
        temporaryTables.push_back("`" + table + "`");
      } else if (std::string why = implicitCommitReason(w); !why.empty()) {
        return setupFailed(
            {"a dry run cannot run the preamble without committing: " + why, 0, false});
      }
      if (auto r = db.exec(text); !r)
        return setupFailed(describeMySqlFailure(r.takeError()));
    }
    return true;
  }

  /// False when apply stops after step `i`.
  bool runStep(size_t i) {
    return runWithRetries(i, [this](const ScriptStep &step, StepOutcome &out, unsigned attempt) {
      return attemptStep(step, out, attempt);
    });
  }

  Attempt attemptStep(const ScriptStep &step, StepOutcome &out, unsigned attempt) {
    if (isBatchedStep(step))
      return runBatches(step, out) ? Attempt::Done : Attempt::Stop;
    if (!opts.dryRun)
      if (auto r = db.exec("START TRANSACTION"); !r)
        return failed(out, describeMySqlFailure(r.takeError()), attempt);
    if (step.ledger) {
      llvm::Expected<std::optional<std::string>> seen = ledgerChecksum(step.ledger->name);
      if (!seen)
        return failed(out, describeMySqlFailure(seen.takeError()), attempt);
      if (*seen && **seen == step.ledger->checksum) {
        out.status = StepStatus::Skipped;
        out.note = "already applied";
        if (!opts.dryRun)
          rollback(); // nothing written; ends the transaction
        return Attempt::Done;
      }
      if (*seen && !step.ledger->idempotent)
        return failed(out, {changedMigrationError(*step.ledger), 0, false}, attempt);
    }
    uint64_t rows = 0;
    if (std::optional<MySqlFailure> f = runBody(step, out, rows))
      return failed(out, *f, attempt);
    if (interrupted())
      return failed(out, {"", 0, false}, attempt);
    if (!opts.dryRun)
      if (auto c = db.exec("COMMIT"); !c) {
        MySqlFailure f = describeMySqlFailure(c.takeError());
        if (!f.connectionLost)
          return failed(out, f, attempt);
        out.status = StepStatus::Unknown;
        out.note = "connection lost during COMMIT";
        out.error = f.message + "\n" +
                    outcomeUnknownHint(step.ledger ? &*step.ledger : nullptr,
                                       step.ledger ? db.quote(step.ledger->name) : "");
        return Attempt::Stop;
      }
    out.rows = rows;
    out.status = opts.dryRun ? StepStatus::DryRun : StepStatus::Applied;
    return Attempt::Done;
  }

  /// The ledger's checksum for `name`, read with a locking read in the
  /// step's transaction; a missing ledger table is no row.
  llvm::Expected<std::optional<std::string>> ledgerChecksum(const std::string &name) {
    auto rows = db.query("SELECT checksum FROM " + ledgerTableName().str() +
                         " WHERE name = " + db.quote(name) + " FOR UPDATE");
    if (!rows) {
      MySqlFailure f = describeMySqlFailure(rows.takeError());
      if (f.code == myerr::NoSuchTable)
        return std::nullopt;
      return llvm::make_error<MySqlError>(f.message, f.code, "", f.connectionLost);
    }
    if (rows->empty() || rows->front().empty() || !rows->front().front())
      return std::nullopt;
    return *rows->front().front();
  }

  /// The step failed: roll it back; run it again after a deadlock (InnoDB
  /// rolled the transaction back), or stop.
  Attempt failed(StepOutcome &out, const MySqlFailure &f, unsigned attempt) {
    rollback();
    out.status = StepStatus::RolledBack;
    if ((report.signal = interrupted())) {
      out.note = interruptedBy(report.signal);
      return Attempt::Stop;
    }
    if (!opts.dryRun && f.code == myerr::Deadlock && attempt < kMaxAttempts)
      return Attempt::Retry;
    out.error = f.message;
    return Attempt::Stop;
  }

  MySqlDb &db;
  bool lockHeld = false;
  std::vector<std::string> temporaryTables;
  std::unique_ptr<LiteralStore> store;
  std::unique_ptr<LiteralBackups> backups;
  std::unique_ptr<LiteralRehearsal> rehearsal;
};

} // namespace

ApplyReport shc::applyMySqlScript(MySqlDb &db, const CompiledScript &script,
                                  const ApplyOptions &opts) {
  if (opts.rehearse) {
    ApplyOptions dry = opts;
    dry.dryRun = true;
    return Runner(db, script, dry).run();
  }
  return Runner(db, script, opts).run();
}
