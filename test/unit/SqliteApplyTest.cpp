// The SQLite runtime's apply: one BEGIN IMMEDIATE transaction per step with
// the ledger checked under its lock, dry runs that leave nothing, a failure
// that rolls its step back and stops, and a busy database reported as
// another apply holding the lock.

#include "SqliteTestUtil.h"

#include "backends/postgres/Ledger.h"

#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <thread>

using namespace shc;
using namespace shc::sqlitetest;

namespace {

const char *kTable = "CREATE TABLE t (id INTEGER PRIMARY KEY, counter INTEGER NOT NULL);"
                     "INSERT INTO t VALUES (1, 0), (2, 0), (3, 0);";
const char *kBump = "UPDATE t SET counter = counter + 1;\n";

TEST(SqliteApply, AppliesCountsRowsAndRecords) {
  TempDb db;
  ASSERT_EQ(db.exec(kTable), "");
  ApplyReport r = apply(db, script({{"bump", kBump}, {"one", "DELETE FROM t WHERE id = 3;\n"}}));
  ASSERT_TRUE(r.ok()) << r.setupError;
  EXPECT_EQ(r.steps[0].status, StepStatus::Applied);
  EXPECT_EQ(r.steps[0].rows, 3u); // the ledger's own row is not counted
  EXPECT_EQ(r.steps[1].rows, 1u);
  EXPECT_EQ(db.query("SELECT id, counter FROM t"), "1,1,2,1");
  EXPECT_EQ(db.query("SELECT name, idempotent, phase FROM schemahero_data_migrations ORDER BY "
                     "name"),
            "bump,0,after_schema,one,0,after_schema");
}

TEST(SqliteApply, LedgerHitIsSkipped) {
  TempDb db;
  ASSERT_EQ(db.exec(kTable), "");
  CompiledScript s = script({{"bump", kBump}});
  ASSERT_TRUE(apply(db, s).ok());
  ApplyReport again = apply(db, s);
  ASSERT_TRUE(again.ok()) << again.setupError;
  EXPECT_EQ(again.steps[0].status, StepStatus::Skipped);
  EXPECT_EQ(again.steps[0].note, "already applied");
  EXPECT_EQ(db.query("SELECT sum(counter) FROM t"), "3");
}

TEST(SqliteApply, ChangedMigrationIsRefusedInPostgresWords) {
  TempDb db;
  ASSERT_EQ(db.exec(kTable), "");
  ASSERT_TRUE(apply(db, script({{"bump", kBump}})).ok());
  ApplyReport r = apply(db, script({{"bump", "UPDATE t SET counter = 7;\n", checksum('b')}}));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::RolledBack);
  std::string expected = changedMigrationMessage().str();
  expected.replace(expected.find('%'), 1, "bump");
  expected.replace(expected.find('%'), 1, checksum('b'));
  EXPECT_EQ(r.steps[0].error, expected + "\nHINT:  " + changedMigrationHint());
  EXPECT_EQ(db.query("SELECT sum(counter) FROM t"), "3");
  EXPECT_EQ(db.query("SELECT checksum FROM schemahero_data_migrations"), checksum('a'));
}

TEST(SqliteApply, ChangedIdempotentMigrationRunsAgain) {
  TempDb db;
  ASSERT_EQ(db.exec(kTable), "");
  ASSERT_TRUE(
      apply(db, script({{"set", "UPDATE t SET counter = 5;\n", checksum('a'), true}})).ok());
  ApplyReport r = apply(db, script({{"set", "UPDATE t SET counter = 6;\n", checksum('b'), true}}));
  ASSERT_TRUE(r.ok()) << r.steps[0].error;
  EXPECT_EQ(r.steps[0].status, StepStatus::Applied);
  EXPECT_EQ(r.steps[0].rows, 3u); // neither the ledger's DELETE nor its INSERT
  EXPECT_EQ(db.query("SELECT DISTINCT counter FROM t"), "6");
  EXPECT_EQ(db.query("SELECT checksum FROM schemahero_data_migrations"), checksum('b'));
}

TEST(SqliteApply, DryRunLeavesNothing) {
  TempDb db;
  ASSERT_EQ(db.exec(kTable), "");
  ApplyOptions o;
  o.dryRun = true;
  ApplyReport r = apply(db, script({{"bump", kBump}, {"again", kBump}}), o);
  ASSERT_TRUE(r.ok()) << r.setupError;
  EXPECT_EQ(r.steps[0].status, StepStatus::DryRun);
  EXPECT_EQ(r.steps[1].status, StepStatus::DryRun);
  EXPECT_EQ(r.steps[0].rows + r.steps[1].rows, 6u);
  EXPECT_EQ(db.query("SELECT sum(counter) FROM t"), "0");
  // Not even the ledger table the preamble created.
  EXPECT_EQ(db.query("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'schemahero%'"), "0");
  // A dry run sees the ledger: an applied migration is skipped in it.
  ASSERT_TRUE(apply(db, script({{"bump", kBump}})).ok());
  r = apply(db, script({{"bump", kBump}, {"again", kBump}}), o);
  EXPECT_EQ(r.steps[0].status, StepStatus::Skipped);
  EXPECT_EQ(r.steps[1].status, StepStatus::DryRun);
  EXPECT_EQ(db.query("SELECT sum(counter) FROM t"), "3");
}

TEST(SqliteApply, FailureRollsBackItsStepAndStops) {
  TempDb db;
  ASSERT_EQ(db.exec(kTable), "");
  ApplyReport r =
      apply(db, script({{"first", kBump},
                        {"second", std::string(kBump) + "INSERT INTO missing VALUES (1);\n"},
                        {"third", kBump}}));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::Applied);
  EXPECT_EQ(r.steps[1].status, StepStatus::RolledBack);
  EXPECT_EQ(r.steps[1].error, "no such table: missing");
  EXPECT_EQ(r.steps[2].status, StepStatus::NotRun);
  EXPECT_EQ(db.query("SELECT sum(counter) FROM t"), "3"); // the first one's only
  EXPECT_EQ(db.query("SELECT name FROM schemahero_data_migrations"), "first");
}

TEST(SqliteApply, FailureInDryRunRollsEverythingBack) {
  TempDb db;
  ASSERT_EQ(db.exec(kTable), "");
  ApplyOptions o;
  o.dryRun = true;
  ApplyReport r = apply(db, script({{"first", kBump}, {"second", "SELECT * FROM missing;\n"}}), o);
  EXPECT_EQ(r.steps[1].status, StepStatus::RolledBack);
  EXPECT_EQ(db.query("SELECT sum(counter) FROM t"), "0");
}

TEST(SqliteApply, BusyPastTheLockTimeoutIsAnotherApply) {
  TempDb db;
  ASSERT_EQ(db.exec(kTable), "");
  sqlite3 *holder = nullptr;
  ASSERT_EQ(sqlite3_open(db.path.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  ApplyOptions o;
  o.lockTimeoutMs = 150;
  unsigned said = 0;
  o.waiting = [&] { ++said; };
  auto start = std::chrono::steady_clock::now();
  ApplyReport r = apply(db, script({{"bump", kBump}}), o);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  start)
                .count();
  EXPECT_TRUE(r.lockBusy);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.setupError, "another apply holds the lock on this database; gave up waiting "
                          "(database is locked)");
  EXPECT_EQ(said, 1u);
  EXPECT_GE(ms, 150);
  EXPECT_LT(ms, 2000);
  // Without a timeout apply waits, and goes on once the lock is free.
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    sqlite3_exec(holder, "COMMIT", nullptr, nullptr, nullptr);
  });
  r = apply(db, script({{"bump", kBump}}));
  release.join();
  sqlite3_close(holder);
  EXPECT_TRUE(r.ok()) << r.setupError;
  EXPECT_FALSE(r.lockBusy);
  EXPECT_EQ(db.query("SELECT sum(counter) FROM t"), "3");
}

TEST(SqliteApply, BusyAtAStepStopsBeforeIt) {
  TempDb db;
  ASSERT_EQ(db.exec(kTable), "");
  ASSERT_TRUE(apply(db, script({{"first", kBump}})).ok()); // the ledger is there
  sqlite3 *holder = nullptr;
  ASSERT_EQ(sqlite3_open(db.path.c_str(), &holder), SQLITE_OK);
  ApplyOptions o;
  o.lockTimeoutMs = 50;
  CompiledScript s = script({{"first", kBump}, {"second", kBump}});
  s.preamble.clear(); // as a --ddl file without one: the first step takes the lock
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  ApplyReport r = apply(db, s, o);
  sqlite3_exec(holder, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  EXPECT_TRUE(r.lockBusy);
  EXPECT_EQ(r.steps[0].status, StepStatus::RolledBack);
  EXPECT_NE(r.steps[0].error.find("another apply holds the lock"), std::string::npos);
  EXPECT_EQ(r.steps[1].status, StepStatus::NotRun);
}

TEST(SqliteApply, InterruptRollsTheStepBack) {
  TempDb db;
  ASSERT_EQ(db.exec(kTable), "");
  auto conn = sqliteRuntime().connect(db.uri());
  ASSERT_TRUE(static_cast<bool>(conn));
  static std::atomic<int> caught{0};
  caught = 0;
  ApplyOptions o;
  o.interrupted = [] { return caught.load(); };
  std::thread signaller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    caught = SIGTERM;
    (*conn)->cancelFromSignal();
  });
  ApplyReport r = (*conn)->apply(
      script({{"slow", std::string(kBump) + slowStatement(100)}, {"after", kBump}}), o);
  signaller.join();
  EXPECT_EQ(r.signal, SIGTERM);
  EXPECT_EQ(r.steps[0].status, StepStatus::RolledBack);
  EXPECT_EQ(r.steps[0].note, "interrupted by SIGTERM");
  EXPECT_EQ(r.steps[1].status, StepStatus::NotRun);
  EXPECT_EQ(db.query("SELECT sum(counter) FROM t"), "0");
  EXPECT_EQ(db.query("SELECT count(*) FROM schemahero_data_migrations"), "0");
}

TEST(SqliteApply, SignalStopsTheWaitForTheLock) {
  TempDb db;
  ASSERT_EQ(db.exec(kTable), "");
  sqlite3 *holder = nullptr;
  ASSERT_EQ(sqlite3_open(db.path.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  static std::atomic<int> caught{0};
  caught = 0;
  ApplyOptions o; // no lock timeout: it would wait as long as the holder
  o.interrupted = [] { return caught.load(); };
  std::thread signaller([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    caught = SIGINT;
  });
  ApplyReport r = apply(db, script({{"bump", kBump}}), o);
  signaller.join();
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  EXPECT_EQ(r.signal, SIGINT);
  EXPECT_FALSE(r.lockBusy);
  EXPECT_EQ(r.setupError, "interrupted by SIGINT (database is locked)");
  EXPECT_EQ(r.steps[0].status, StepStatus::NotRun);
}

TEST(SqliteApply, StatementTimeout) {
  TempDb db;
  ASSERT_EQ(db.exec(kTable), "");
  ApplyOptions o;
  o.statementTimeoutMs = 50;
  ApplyReport r = apply(db, script({{"slow", std::string(kBump) + slowStatement(100)}}), o);
  EXPECT_EQ(r.steps[0].status, StepStatus::RolledBack);
  EXPECT_EQ(r.steps[0].error, "canceling statement due to statement timeout (50 ms)");
  EXPECT_EQ(db.query("SELECT sum(counter) FROM t"), "0");
}

TEST(SqliteApply, FileWithItsOwnTransactionsRunsAsPsqlWould) {
  TempDb db;
  ASSERT_EQ(db.exec(kTable), "");
  CompiledScript s;
  s.dialect = "sqlite";
  ScriptStep step;
  step.name = "hand.sql";
  step.sql = "BEGIN;\nUPDATE t SET counter = 1;\nCOMMIT;\nBEGIN IMMEDIATE;\nDELETE FROM t WHERE "
             "id = 1;\nCOMMIT;\n";
  s.steps.push_back(step);
  ApplyReport r = apply(db, s);
  ASSERT_TRUE(r.ok()) << r.steps[0].error;
  EXPECT_EQ(r.steps[0].rows, 4u);
  EXPECT_EQ(db.query("SELECT sum(counter) FROM t"), "2");
  ApplyOptions o;
  o.dryRun = true;
  r = apply(db, s, o); // its COMMIT would end the dry run
  EXPECT_EQ(r.steps[0].status, StepStatus::RolledBack);
  EXPECT_EQ(r.steps[0].error,
            "it holds a COMMIT of its own, which would end the dry run's transaction");
  EXPECT_EQ(db.query("SELECT sum(counter) FROM t"), "2");
}

TEST(SqliteApply, EmptyStepIsSkipped) {
  TempDb db;
  ASSERT_EQ(db.exec(kTable), "");
  CompiledScript s = script({{"nothing", ""}});
  s.steps[0].empty = true;
  s.steps[0].sql.clear();
  s.steps[0].ledger.reset();
  ApplyReport r = apply(db, s);
  EXPECT_EQ(r.steps[0].status, StepStatus::Skipped);
  EXPECT_EQ(r.steps[0].note, "no operations for this dialect");
}

} // namespace
