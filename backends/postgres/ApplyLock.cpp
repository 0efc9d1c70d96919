//===- ApplyLock.cpp - one apply at a time per database -------------------===//

#include "backends/postgres/ApplyLock.h"

#include "backends/postgres/Connection.h"
#include "backends/postgres/Ledger.h"

#include <chrono>
#include <thread>

using namespace shc;

ApplyLock::~ApplyLock() = default;

bool shc::isLockWaitTimeout(llvm::StringRef sqlstate) {
  return sqlstate == "55P03" || sqlstate == "57014";
}

bool shc::isRetryable(llvm::StringRef sqlstate) {
  return sqlstate == "40001" || sqlstate == "40P01";
}

namespace {

/// PostgreSQL, TimescaleDB: pg_advisory_lock for the whole apply.
class AdvisoryLock : public ApplyLock {
public:
  llvm::Error acquire(Connection &conn, const std::function<void()> &waiting) override {
    std::string key = std::to_string(ledgerLockKey());
    llvm::Expected<Rows> got = conn.query("SELECT pg_try_advisory_lock($1::bigint)", {key});
    if (!got)
      return got.takeError();
    if (!got->empty() && !got->front().empty() && got->front().front() == std::string("t"))
      return llvm::Error::success();
    if (waiting)
      waiting();
    llvm::Expected<Rows> wait = conn.query("SELECT pg_advisory_lock($1::bigint)", {key});
    return wait ? llvm::Error::success() : wait.takeError();
  }

  llvm::Error runPreamble(Connection &conn, llvm::StringRef preamble) override {
    if (preamble.empty())
      return llvm::Error::success();
    auto r = conn.exec(preamble);
    return r ? llvm::Error::success() : r.takeError();
  }

  llvm::StringRef beginStep() const override { return "BEGIN"; }

  void release(Connection &conn) override {
    if (auto r =
            conn.query("SELECT pg_advisory_unlock($1::bigint)", {std::to_string(ledgerLockKey())});
        !r)
      llvm::consumeError(r.takeError());
  }
};

/// CockroachDB: a row lock in each step's serializable transaction.
class LockRow : public ApplyLock {
public:
  llvm::Error acquire(Connection &, const std::function<void()> &waiting) override {
    onWait = waiting; // the lock is taken per step
    return llvm::Error::success();
  }

  /// The lock row's table first (in a dry run inside its transaction, so it
  /// leaves nothing behind), then the preamble.
  llvm::Error runPreamble(Connection &conn, llvm::StringRef preamble) override {
    std::string table = ledgerLockTableName().str();
    if (llvm::Error e = retrySetup(conn, "CREATE TABLE IF NOT EXISTS " + table +
                                             " (id INT PRIMARY KEY); INSERT INTO " + table +
                                             " (id) VALUES (1) ON CONFLICT (id) DO NOTHING;"))
      return e;
    return preamble.empty() ? llvm::Error::success() : retrySetup(conn, preamble);
  }

  llvm::StringRef beginStep() const override { return "BEGIN ISOLATION LEVEL SERIALIZABLE"; }

  llvm::Error lockStep(Connection &conn, bool sharedTransaction) override {
    std::string lock = "SELECT id FROM " + ledgerLockTableName().str() + " WHERE id = 1 FOR UPDATE";
    if (sharedTransaction)
      return check(conn.query(lock));
    for (unsigned round = 0;; ++round) {
      llvm::Expected<Rows> got = conn.query(lock + " NOWAIT");
      if (got)
        return llvm::Error::success();
      Failure f = describeFailure(got.takeError());
      if (f.sqlstate != "55P03" || round == 100)
        return llvm::make_error<DatabaseError>(f.message, f.sqlstate, f.connectionLost);
      // Another apply holds it: wait for it, then start afresh.
      if (onWait && !round)
        onWait();
      for (llvm::StringRef sql : {llvm::StringRef("ROLLBACK"), beginStep()})
        if (llvm::Error e = check(conn.exec(sql)))
          return e;
      if (llvm::Error e = check(conn.query(lock)))
        return e; // lock_timeout: another apply held it too long
      for (llvm::StringRef sql : {llvm::StringRef("ROLLBACK"), beginStep()})
        if (llvm::Error e = check(conn.exec(sql)))
          return e;
    }
  }

private:
  template <typename T> static llvm::Error check(llvm::Expected<T> r) {
    return r ? llvm::Error::success() : r.takeError();
  }

  std::function<void()> onWait;

  /// `CREATE TABLE IF NOT EXISTS` run by two sessions at once can fail in
  /// the one that loses (a serialization error, or a duplicate catalogue
  /// row); run again, it finds the table.
  static llvm::Error retrySetup(Connection &conn, llvm::StringRef sql) {
    for (unsigned attempt = 1;; ++attempt) {
      auto r = conn.exec(sql);
      if (r)
        return llvm::Error::success();
      Failure f = describeFailure(r.takeError());
      bool race = isRetryable(f.sqlstate) || f.sqlstate == "23505" || f.sqlstate == "42P07" ||
                  f.sqlstate == "42710";
      if (!race || attempt == 5)
        return llvm::make_error<DatabaseError>(f.message, f.sqlstate, f.connectionLost);
      std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
    }
  }
};

} // namespace

std::unique_ptr<ApplyLock> ApplyLock::create(bool advisoryLocks) {
  if (!advisoryLocks)
    return std::make_unique<LockRow>();
  return std::make_unique<AdvisoryLock>();
}
