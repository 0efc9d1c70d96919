// Concurrent applies on one SQLite file, from 8 connections at once (threads
// here; test/lit/integration/apply-concurrency-sqlite.test runs processes):
// every migration runs once, every apply succeeds or reports another apply
// holding the lock, the ledger has one row per migration. The migration
// keeps SQLite busy after its ledger check, so that applies started together
// would all pass the check before the first one commits unless BEGIN
// IMMEDIATE serialised them.

#include "SqliteTestUtil.h"

#include <gtest/gtest.h>

#include <thread>

using namespace shc;
using namespace shc::sqlitetest;

namespace {

struct Round {
  unsigned ok = 0, busy = 0, failed = 0;
  std::string errors;
};

Round race(const TempDb &db, const CompiledScript &s) {
  constexpr unsigned kApplies = 8;
  std::vector<ApplyReport> reports(kApplies);
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < kApplies; ++i)
    threads.emplace_back([&, i] {
      ApplyOptions o;
      if (i < 2) // two of them give up soon
        o.lockTimeoutMs = 50;
      reports[i] = apply(db, s, o);
    });
  for (std::thread &t : threads)
    t.join();
  Round r;
  for (const ApplyReport &rep : reports) {
    if (rep.ok()) {
      ++r.ok;
    } else if (rep.lockBusy) {
      ++r.busy;
    } else {
      ++r.failed;
      r.errors += rep.setupError;
      for (const StepOutcome &o : rep.steps)
        r.errors += o.error.empty() ? "" : o.name + ": " + o.error + "\n";
    }
  }
  return r;
}

void expectOnce(bool withLedger, bool wal = false) {
  for (unsigned round = 0; round < 3; ++round) {
    TempDb db;
    if (wal)
      ASSERT_EQ(db.exec("PRAGMA journal_mode = WAL;"), "");
    ASSERT_EQ(db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, counter INTEGER NOT NULL);"
                      "INSERT INTO t VALUES (1, 0), (2, 0), (3, 0), (4, 0);"),
              "");
    if (withLedger)
      ASSERT_TRUE(apply(db, script({{"earlier", "SELECT 1;\n"}})).ok());
    CompiledScript s = script({{"bump", slowStatement(2) + "UPDATE t SET counter = counter + 1;\n"},
                               {"bump-again", "UPDATE t SET counter = counter + 10;\n"}});
    Round r = race(db, s);
    SCOPED_TRACE("round " + std::to_string(round) + (withLedger ? " with a ledger" : " fresh") +
                 (wal ? ", WAL" : ""));
    EXPECT_EQ(r.failed, 0u) << r.errors;
    EXPECT_EQ(r.ok + r.busy, 8u);
    EXPECT_GE(r.ok, 6u); // the ones that wait without a bound
    EXPECT_EQ(db.query("SELECT group_concat(counter) FROM t"), "11,11,11,11");
    EXPECT_EQ(db.query("SELECT group_concat(name) FROM (SELECT name FROM "
                       "schemahero_data_migrations ORDER BY name)"),
              withLedger ? "bump,bump-again,earlier" : "bump,bump-again");
  }
}

TEST(SqliteConcurrency, FreshDatabase) { expectOnce(false); }
TEST(SqliteConcurrency, DatabaseWithALedger) { expectOnce(true); }
TEST(SqliteConcurrency, WalMode) {
  expectOnce(false, true);
  expectOnce(true, true);
}

} // namespace
