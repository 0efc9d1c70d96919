// One apply at a time per database: the advisory lock (PostgreSQL) around
// the whole run, the lock row (CockroachDB) in each step's serializable
// transaction with retries of serialization failures, and what apply says
// when it cannot get the lock or is interrupted.

#include "test/unit/TestDialects.h"
#include "FakeConnection.h"
#include "LedgerTestUtil.h"
#include "backends/postgres/Apply.h"
#include "backends/postgres/Ledger.h"

#include <gtest/gtest.h>

#include <csignal>

using namespace shc;
using namespace shc::testutil;

namespace {

CompiledScript twoSteps(const Dialect &d) {
  auto m = oneMigration(d, Verdict::NotIdempotent, update("t", "a", num("1")), "m1");
  auto second = migration("m2", Phase::AfterSchema);
  second->operations.push_back(update("u", "b", num("2")));
  m->migrations.push_back(std::move(second));
  return compileWithLedger(*m);
}

size_t traced(const FakeConnection &conn, llvm::StringRef text) {
  for (size_t i = 0; i < conn.trace.size(); ++i)
    if (llvm::StringRef(conn.trace[i]).startswith(text))
      return i;
  return conn.trace.size();
}

size_t count(const FakeConnection &conn, llvm::StringRef text) {
  size_t n = 0;
  for (const std::string &s : conn.trace)
    n += llvm::StringRef(s).startswith(text);
  return n;
}

} // namespace

TEST(ApplyLockTest, PostgresHoldsTheAdvisoryLockFromThePreambleToTheEnd) {
  FakeConnection conn;
  conn.answers["pg_try_advisory_lock"] = Rows{{std::string("t")}};
  bool waited = false;
  ApplyOptions opts;
  opts.waiting = [&] { waited = true; };
  ApplyReport r = testutil::applyCompiled(conn, twoSteps(postgresDialect()), opts);
  EXPECT_TRUE(r.ok());
  EXPECT_FALSE(waited);
  size_t lock = traced(conn, "SELECT pg_try_advisory_lock($1::bigint)");
  size_t preamble = traced(conn, "-- ledger");
  EXPECT_LT(lock, preamble);
  EXPECT_EQ(conn.queries[0].params, std::vector<std::string>{std::to_string(ledgerLockKey())});
  EXPECT_EQ(conn.trace.back(), "SELECT pg_advisory_unlock($1::bigint)");
  EXPECT_EQ(count(conn, "BEGIN"), 2u);
}

TEST(ApplyLockTest, WaitsForAnotherApply) {
  FakeConnection conn; // pg_try_advisory_lock answers no row: taken
  bool waited = false;
  ApplyOptions opts;
  opts.waiting = [&] { waited = true; };
  ApplyReport r = testutil::applyCompiled(conn, twoSteps(postgresDialect()), opts);
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(waited);
  EXPECT_LT(traced(conn, "SELECT pg_advisory_lock($1::bigint)"), traced(conn, "-- ledger"));
}

TEST(ApplyLockTest, LockTimeoutSaysAnotherApplyHoldsTheLock) {
  FakeConnection conn;
  conn.failQueryOn = "SELECT pg_advisory_lock(";
  conn.failState = "55P03";
  ApplyOptions opts;
  opts.lockTimeoutMs = 200;
  ApplyReport r = testutil::applyCompiled(conn, twoSteps(postgresDialect()), opts);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.lockBusy);
  EXPECT_NE(r.setupError.find("another apply holds the lock on this database"), std::string::npos);
  EXPECT_EQ(traced(conn, "-- ledger"), conn.trace.size()); // nothing ran
  EXPECT_EQ(r.steps[0].status, StepStatus::NotRun);
}

TEST(ApplyLockTest, CockroachLocksTheLockRowInEachSerializableStep) {
  FakeConnection conn;
  ApplyReport r = testutil::applyCompiled(conn, twoSteps(cockroachDialect()), ApplyOptions());
  EXPECT_TRUE(r.ok());
  EXPECT_LT(traced(conn, "CREATE TABLE IF NOT EXISTS schemahero_data_migrations_lock"),
            traced(conn, "-- ledger"));
  EXPECT_EQ(count(conn, "BEGIN ISOLATION LEVEL SERIALIZABLE"), 2u);
  EXPECT_EQ(count(conn, "SELECT id FROM schemahero_data_migrations_lock WHERE id = 1 FOR UPDATE"),
            2u);
  EXPECT_EQ(count(conn, "SELECT pg_"), 0u); // no advisory locks
}

TEST(ApplyLockTest, ACockroachDryRunLeavesNoLockTable) {
  FakeConnection conn;
  ApplyOptions opts;
  opts.dryRun = true;
  ApplyReport r = testutil::applyCompiled(conn, twoSteps(cockroachDialect()), opts);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(conn.executed[0], "BEGIN"); // the table is created in the rolled-back transaction
  EXPECT_LT(0u, traced(conn, "CREATE TABLE IF NOT EXISTS schemahero_data_migrations_lock"));
  EXPECT_EQ(conn.executed.back(), "ROLLBACK");
}

// Waiting for the lock row inside the step's transaction would leave it with
// a snapshot from before the other apply committed: apply waits in a
// transaction of its own, then starts the step's again.
TEST(ApplyLockTest, CockroachWaitsForTheLockRowOutsideTheStep) {
  FakeConnection conn;
  conn.failQueryOn = "FOR UPDATE NOWAIT";
  conn.failState = "55P03";
  conn.failTimes = 1;
  unsigned waited = 0;
  ApplyOptions opts;
  opts.waiting = [&] { ++waited; };
  ApplyReport r = testutil::applyCompiled(conn, twoSteps(cockroachDialect()), opts);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(waited, 1u);
  size_t first = traced(conn, "BEGIN ISOLATION LEVEL SERIALIZABLE");
  ASSERT_LT(first + 7, conn.trace.size());
  std::string lock = "SELECT id FROM schemahero_data_migrations_lock WHERE id = 1 FOR UPDATE";
  EXPECT_EQ(
      std::vector<std::string>(conn.trace.begin() + first, conn.trace.begin() + first + 8),
      (std::vector<std::string>{"BEGIN ISOLATION LEVEL SERIALIZABLE", lock + " NOWAIT", "ROLLBACK",
                                "BEGIN ISOLATION LEVEL SERIALIZABLE", lock, "ROLLBACK",
                                "BEGIN ISOLATION LEVEL SERIALIZABLE", lock + " NOWAIT"}));
}

TEST(ApplyLockTest, CockroachLockTimeoutSaysAnotherApplyHoldsTheLock) {
  FakeConnection conn;
  conn.failQueryOn = "FOR UPDATE";
  conn.failState = "55P03";
  ApplyReport r = testutil::applyCompiled(conn, twoSteps(cockroachDialect()), ApplyOptions());
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.lockBusy);
  EXPECT_EQ(r.steps[0].status, StepStatus::RolledBack);
  EXPECT_NE(r.steps[0].error.find("another apply holds the lock on this database"),
            std::string::npos);
  EXPECT_EQ(r.steps[1].status, StepStatus::NotRun);
}

TEST(ApplyLockTest, CockroachRetriesASerializationFailure) {
  FakeConnection conn;
  conn.failOn = "UPDATE t SET a = 1";
  conn.failState = "40001";
  conn.failTimes = 1;
  ApplyReport r = testutil::applyCompiled(conn, twoSteps(cockroachDialect()), ApplyOptions());
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::Applied);
  EXPECT_EQ(r.steps[1].status, StepStatus::Applied);
  EXPECT_EQ(count(conn, "BEGIN ISOLATION LEVEL SERIALIZABLE"), 3u);
}

TEST(ApplyLockTest, OtherFailuresAreNotRetried) {
  FakeConnection conn;
  conn.failOn = "UPDATE t SET a = 1";
  conn.failState = "22012";
  ApplyReport r = testutil::applyCompiled(conn, twoSteps(cockroachDialect()), ApplyOptions());
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::RolledBack);
  EXPECT_EQ(count(conn, "BEGIN ISOLATION LEVEL SERIALIZABLE"), 1u);
}

/// twoSteps(Postgres) with `sig` arriving while the first migration's
/// statements run. `cancelled`: the handler's cancel came in time and the
/// server reports them cancelled; otherwise they complete.
static ApplyReport applyInterrupted(FakeConnection &conn, int sig, bool cancelled) {
  conn.answers["pg_try_advisory_lock"] = Rows{{std::string("t")}};
  int signal = 0;
  conn.onExec = [&](llvm::StringRef sql) {
    if (!sql.contains("EXECUTE $shc1$"))
      return;
    signal = sig;
    if (cancelled) {
      conn.failOn = "EXECUTE $shc1$";
      conn.failState = "57014";
    }
  };
  ApplyOptions opts;
  opts.interrupted = [&] { return signal; };
  return testutil::applyCompiled(conn, twoSteps(postgresDialect()), opts);
}

TEST(ApplyLockTest, AnInterruptRollsTheStepBackAndStops) {
  for (bool cancelled : {true, false}) {
    FakeConnection conn;
    ApplyReport r = applyInterrupted(conn, cancelled ? SIGTERM : SIGINT, cancelled);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.signal, cancelled ? SIGTERM : SIGINT);
    EXPECT_EQ(r.steps[0].status, StepStatus::RolledBack);
    EXPECT_EQ(r.steps[0].note, cancelled ? "interrupted by SIGTERM" : "interrupted by SIGINT");
    EXPECT_EQ(r.steps[1].status, StepStatus::NotRun);
    // Never a COMMIT after a signal, even when the statements completed.
    EXPECT_EQ(count(conn, "COMMIT"), 0u);
    EXPECT_EQ(count(conn, "ROLLBACK"), 1u);
  }
}
