// The MySQL runtime's apply on the MariaDB server scripts/test starts
// ($SHC_MYSQL_SOCKET; without it skipped, or failed when SHC_REQUIRE_MARIADB
// is set, as scripts/test sets it): one transaction per step with the
// ledger checked under GET_LOCK, dry runs that leave nothing, DDL refused
// before anything runs, the lock and statement timeouts, and a cancel from a
// signal handler. The scripts are built by hand in the emitter's layout.

#include "backends/mysql/MySqlApply.h"
#include "backends/mysql/MySqlCatalog.h"
#include "backends/mysql/MySqlDb.h"
#include "backends/mysql/MySqlRuntime.h"
#include "ir/CompiledScript.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <thread>

using namespace shc;

namespace {

const char *kPreamble =
    "CREATE TABLE IF NOT EXISTS schemahero_data_migrations (name VARCHAR(255) NOT NULL PRIMARY "
    "KEY, checksum CHAR(64) NOT NULL, idempotent BOOLEAN NOT NULL, phase VARCHAR(16) NOT NULL, "
    "applied_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)) ENGINE=InnoDB;\n";

std::string checksum(char c) { return std::string(64, c); }

struct StepSpec {
  std::string name, body;
  std::string sum = checksum('a');
  bool idempotent = false;
};

CompiledScript script(const std::vector<StepSpec> &steps) {
  CompiledScript s;
  s.dialect = "mysql";
  s.preamble = kPreamble;
  for (const StepSpec &spec : steps) {
    ScriptStep &st = s.steps.emplace_back();
    st.name = spec.name;
    st.ledger = LedgerRecord{spec.name, spec.sum, spec.idempotent, Phase::AfterSchema};
    if (spec.idempotent)
      st.sql += "DELETE FROM schemahero_data_migrations WHERE name = '" + spec.name + "';\n";
    st.sql += spec.body +
              "INSERT INTO schemahero_data_migrations (name, checksum, idempotent, "
              "phase) VALUES ('" +
              spec.name + "', '" + spec.sum + "', " + (spec.idempotent ? "1" : "0") +
              ", 'after_schema');\n";
  }
  return s;
}

/// A fresh database on the test server, dropped afterwards.
class MySqlApply : public ::testing::Test {
protected:
  void SetUp() override {
    const char *sock = std::getenv("SHC_MYSQL_SOCKET");
    if (!sock && std::getenv("SHC_REQUIRE_MARIADB"))
      FAIL() << "SHC_MYSQL_SOCKET is not set: the MariaDB server scripts/test starts is down";
    if (!sock)
      GTEST_SKIP() << "SHC_MYSQL_SOCKET is not set (scripts/test starts MariaDB)";
    socket = sock;
    name = "shc_unit_" + std::to_string(::getpid());
    admin = open("mysql");
    ASSERT_TRUE(admin);
    run(*admin, "DROP DATABASE IF EXISTS " + name);
    run(*admin, "CREATE DATABASE " + name);
    db = open(name);
    ASSERT_TRUE(db);
    run(*db, "CREATE TABLE t (id INT PRIMARY KEY, counter INT NOT NULL) ENGINE=InnoDB");
    run(*db, "INSERT INTO t VALUES (1, 0), (2, 0), (3, 0)");
  }
  void TearDown() override {
    db.reset();
    if (admin)
      run(*admin, "DROP DATABASE IF EXISTS " + name);
  }

  std::string uri(const std::string &database) const {
    return "mysql://root@/" + database + "?socket=" + socket;
  }
  std::unique_ptr<MySqlDb> open(const std::string &database) {
    auto c = connectMySql(uri(database));
    if (!c) {
      ADD_FAILURE() << llvm::toString(c.takeError());
      return nullptr;
    }
    return std::move(*c);
  }
  static void run(MySqlDb &c, const std::string &sql) {
    auto r = c.exec(sql);
    if (!r)
      ADD_FAILURE() << sql << ": " << llvm::toString(r.takeError());
  }
  /// The rows of `sql`, values joined by `,`.
  std::string query(const std::string &sql) {
    auto c = open(name);
    auto rows = c->query(sql);
    if (!rows)
      return llvm::toString(rows.takeError());
    std::string out;
    for (const auto &r : *rows)
      for (const auto &v : r)
        out += (out.empty() ? "" : ",") + v.value_or("NULL");
    return out;
  }
  ApplyReport apply(const CompiledScript &s, ApplyOptions opts = {}) {
    return applyMySqlScript(*db, s, opts);
  }

  /// Applies `s` while another thread, 300 ms in, does what the signal
  /// handler does for `sig`; `ms` is how long apply took.
  ApplyReport applyInterrupted(const CompiledScript &s, int sig, long &ms) {
    std::atomic<int> signal{0};
    ApplyOptions opts;
    opts.interrupted = [&] { return signal.load(); };
    std::thread canceller([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      signal = sig;
      db->cancelFromSignal();
    });
    auto start = std::chrono::steady_clock::now();
    ApplyReport r = apply(s, opts);
    canceller.join();
    ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               start)
             .count();
    return r;
  }

  std::string socket, name;
  std::unique_ptr<MySqlDb> admin, db;
};

const char *kBump = "UPDATE t SET counter = counter + 1;\n";

TEST_F(MySqlApply, AppliesCountsRowsRecordsAndSkips) {
  CompiledScript s = script({{"bump", kBump}, {"one", "DELETE FROM t WHERE id = 3;\n"}});
  ApplyReport r = apply(s);
  ASSERT_TRUE(r.ok()) << r.setupError << r.steps[0].error;
  EXPECT_EQ(r.steps[0].status, StepStatus::Applied);
  EXPECT_EQ(r.steps[0].rows, 3u); // the ledger's own row is not counted
  EXPECT_EQ(r.steps[1].rows, 1u);
  EXPECT_EQ(query("SELECT id, counter FROM t ORDER BY id"), "1,1,2,1");
  EXPECT_EQ(query("SELECT name, idempotent, phase FROM schemahero_data_migrations ORDER BY name"),
            "bump,0,after_schema,one,0,after_schema");
  ApplyReport again = apply(s);
  ASSERT_TRUE(again.ok()) << again.setupError;
  EXPECT_EQ(again.steps[0].status, StepStatus::Skipped);
  EXPECT_EQ(again.steps[0].note, "already applied");
  EXPECT_EQ(query("SELECT sum(counter) FROM t"), "2");
  // The lock was given back.
  EXPECT_EQ(query("SELECT IS_USED_LOCK(CONCAT('schemahero_data_migrations.', DATABASE()))"),
            "NULL");
}

TEST_F(MySqlApply, ChangedMigrationIsRefusedIdempotentOneRunsAgain) {
  ASSERT_TRUE(
      apply(script({{"bump", kBump}, {"set", "UPDATE t SET id = id;\n", checksum('a'), true}}))
          .ok());
  ApplyReport r = apply(script({{"bump", "UPDATE t SET counter = 7;\n", checksum('b')}}));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::RolledBack);
  EXPECT_EQ(r.steps[0].error,
            "data migration bump is not proved idempotent, was already applied, and has changed "
            "since (checksum " +
                checksum('b') +
                " now)\nHINT:  give the changed migration a new name, or delete its row from "
                "schemahero_data_migrations after checking the data");
  EXPECT_EQ(query("SELECT sum(counter) FROM t"), "3");
  ApplyReport idem = apply(script({{"set", "UPDATE t SET counter = 6;\n", checksum('c'), true}}));
  ASSERT_TRUE(idem.ok()) << idem.steps[0].error;
  EXPECT_EQ(idem.steps[0].rows, 3u);
  EXPECT_EQ(query("SELECT checksum FROM schemahero_data_migrations WHERE name = 'set'"),
            checksum('c'));
}

TEST_F(MySqlApply, FailureRollsItsStepBackAndStops) {
  ApplyReport r = apply(script({{"ok", kBump},
                                {"bad", "UPDATE t SET counter = counter + 1;\nUPDATE t SET "
                                        "counter = 'not a number';\n"},
                                {"later", kBump}}));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::Applied);
  EXPECT_EQ(r.steps[1].status, StepStatus::RolledBack);
  EXPECT_NE(r.steps[1].error.find("ERROR 1366 (22007)"), std::string::npos) << r.steps[1].error;
  EXPECT_EQ(r.steps[2].status, StepStatus::NotRun);
  EXPECT_EQ(query("SELECT sum(counter) FROM t"), "3");
  EXPECT_EQ(query("SELECT name FROM schemahero_data_migrations"), "ok");
}

TEST_F(MySqlApply, DryRunLeavesNothingNotEvenTheLedger) {
  ApplyOptions dry;
  dry.dryRun = true;
  ApplyReport r = apply(script({{"bump", kBump}}), dry);
  ASSERT_TRUE(r.ok()) << r.setupError << r.steps[0].error;
  EXPECT_EQ(r.steps[0].status, StepStatus::DryRun);
  EXPECT_EQ(r.steps[0].rows, 3u);
  EXPECT_EQ(query("SELECT sum(counter) FROM t"), "0");
  EXPECT_EQ(query("SELECT count(*) FROM information_schema.tables WHERE table_schema = "
                  "DATABASE() AND table_name = 'schemahero_data_migrations'"),
            "0");
  // With the ledger there, an applied migration reads skipped.
  ASSERT_TRUE(apply(script({{"bump", kBump}})).ok());
  ApplyReport again = apply(script({{"bump", kBump}, {"next", kBump}}), dry);
  ASSERT_TRUE(again.ok()) << again.setupError;
  EXPECT_EQ(again.steps[0].status, StepStatus::Skipped);
  EXPECT_EQ(again.steps[1].status, StepStatus::DryRun);
  EXPECT_EQ(query("SELECT sum(counter) FROM t"), "3");
  EXPECT_EQ(query("SELECT count(*) FROM schemahero_data_migrations"), "1");
}

TEST_F(MySqlApply, DdlInAStepIsRefusedBeforeAnythingRuns) {
  ApplyReport r = apply(script({{"ok", kBump}, {"ddl", "ALTER TABLE t ADD COLUMN c INT;\n"}}));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.setupError,
            "migration ddl cannot run in one MySQL transaction, so nothing was applied: `ALTER "
            "TABLE t ADD COLUMN c INT;`: ALTER is DDL, which MySQL commits implicitly\nHINT:  "
            "change tables through their Table specs; customSQL in a data migration must not "
            "commit");
  EXPECT_EQ(r.steps[0].status, StepStatus::NotRun);
  EXPECT_EQ(query("SELECT sum(counter) FROM t"), "0");
  EXPECT_EQ(query("SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                  "DATABASE() AND table_name = 't'"),
            "2");
}

TEST_F(MySqlApply, AHeldLockIsWaitedForThenReportedPastTheTimeout) {
  auto other = open(name);
  auto got = other->query("SELECT GET_LOCK(CONCAT('schemahero_data_migrations.', DATABASE()), 0)");
  ASSERT_TRUE(bool(got));
  ApplyOptions opts;
  opts.lockTimeoutMs = 300;
  bool saidWaiting = false;
  opts.waiting = [&] { saidWaiting = true; };
  auto start = std::chrono::steady_clock::now();
  ApplyReport r = apply(script({{"bump", kBump}}), opts);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  start)
                .count();
  EXPECT_TRUE(saidWaiting);
  EXPECT_TRUE(r.lockBusy);
  EXPECT_EQ(r.setupError, "another apply holds the lock on this database; gave up waiting "
                          "(GET_LOCK timed out after 300 ms)");
  EXPECT_GE(ms, 250);
  EXPECT_LT(ms, 3000);
  EXPECT_EQ(query("SELECT sum(counter) FROM t"), "0");
  // Once it is free, apply goes on.
  ASSERT_TRUE(bool(other->query("SELECT RELEASE_LOCK(CONCAT('schemahero_data_migrations.', "
                                "DATABASE()))")));
  EXPECT_TRUE(apply(script({{"bump", kBump}}), opts).ok());
}

TEST_F(MySqlApply, StatementTimeoutAlsoBoundsTheWaitForTheLock) {
  auto other = open(name);
  ASSERT_TRUE(
      bool(other->query("SELECT GET_LOCK(CONCAT('schemahero_data_migrations.', DATABASE()), 0)")));
  ApplyOptions opts;
  opts.statementTimeoutMs = 300;
  ApplyReport r = apply(script({{"bump", kBump}}), opts);
  EXPECT_TRUE(r.lockBusy);
  EXPECT_EQ(r.setupError, "another apply holds the lock on this database; gave up waiting "
                          "(GET_LOCK stopped at the statement timeout, 300 ms)");
  EXPECT_EQ(query("SELECT sum(counter) FROM t"), "0");
}

TEST_F(MySqlApply, StatementTimeoutStopsTheStep) {
  ApplyOptions opts;
  opts.statementTimeoutMs = 200;
  ApplyReport r = apply(script({{"slow", "UPDATE t SET counter = counter + 1;\nSELECT SLEEP(5);\n"
                                         "UPDATE t SET counter = counter + 1;\n"}}),
                        opts);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::RolledBack);
  EXPECT_NE(r.steps[0].error.find("max_statement_time"), std::string::npos) << r.steps[0].error;
  EXPECT_EQ(query("SELECT sum(counter) FROM t"), "0");
}

TEST_F(MySqlApply, ACancelFromASignalHandlerStopsTheRunningStatement) {
  long ms = 0;
  ApplyReport r =
      applyInterrupted(script({{"slow", "UPDATE t SET counter = counter + 1;\nSELECT SLEEP(20);\n"},
                               {"after", kBump}}),
                       SIGINT, ms);
  EXPECT_LT(ms, 5000);
  EXPECT_EQ(r.signal, SIGINT);
  EXPECT_EQ(r.steps[0].status, StepStatus::RolledBack);
  EXPECT_EQ(r.steps[0].note, "interrupted by SIGINT");
  EXPECT_EQ(r.steps[1].status, StepStatus::NotRun);
  EXPECT_EQ(query("SELECT sum(counter) FROM t"), "0");
}

TEST_F(MySqlApply, ACancelStopsTheWaitForTheLock) {
  auto other = open(name);
  ASSERT_TRUE(
      bool(other->query("SELECT GET_LOCK(CONCAT('schemahero_data_migrations.', DATABASE()), 0)")));
  long ms = 0; // no --lock-timeout: it would wait as long as the other holds the lock
  ApplyReport r = applyInterrupted(script({{"bump", kBump}}), SIGTERM, ms);
  EXPECT_LT(ms, 5000);
  EXPECT_EQ(r.signal, SIGTERM);
  EXPECT_FALSE(r.lockBusy);
  EXPECT_EQ(r.setupError.rfind("interrupted by SIGTERM (", 0), 0u) << r.setupError;
  EXPECT_EQ(r.steps[0].status, StepStatus::NotRun);
  EXPECT_EQ(query("SELECT sum(counter) FROM t"), "0");
}

TEST_F(MySqlApply, IntrospectsTablesAndEstimatesRows) {
  MySqlRuntime rt(nullptr);
  auto live = rt.connect(uri(name));
  ASSERT_TRUE(bool(live)) << llvm::toString(live.takeError());
  auto tables = (*live)->tables();
  ASSERT_TRUE(bool(tables));
  ASSERT_EQ(tables->size(), 1u);
  EXPECT_EQ((*tables)[0].name, "t");
  ASSERT_EQ((*tables)[0].columns.size(), 2u);
  EXPECT_EQ((*tables)[0].columns[0].name, "id");
  EXPECT_EQ((*tables)[0].columns[0].type, "int(11)");
  EXPECT_TRUE((*tables)[0].columns[0].primaryKey);
  EXPECT_TRUE((*tables)[0].columns[1].notNull);
  run(*db, "CREATE FUNCTION add_tax(price DECIMAL(10,2), pct INT) RETURNS DECIMAL(12,2) "
           "DETERMINISTIC RETURN price * (100 + pct) / 100");
  run(*db, "CREATE FUNCTION now_text() RETURNS VARCHAR(32) RETURN NOW()");
  MySqlRuntime typed(parseMySqlColumnType);
  auto live2 = typed.connect(uri(name));
  ASSERT_TRUE(bool(live2));
  auto fns = (*live2)->functions({"ADD_TAX", "now_text", "missing"});
  ASSERT_TRUE(bool(fns)) << llvm::toString(fns.takeError());
  ASSERT_EQ(fns->size(), 2u);
  EXPECT_EQ((*fns)[0].name, "add_tax");
  ASSERT_EQ((*fns)[0].params.size(), 2u);
  EXPECT_EQ((*fns)[0].params[0].str(), "numeric(10,2)");
  EXPECT_EQ((*fns)[0].result.str(), "numeric(12,2)");
  EXPECT_EQ((*fns)[1].name, "now_text");
  EXPECT_TRUE((*fns)[1].params.empty());
  auto n = (*live)->estimateRows("UPDATE t SET counter = 1");
  ASSERT_TRUE(bool(n)) << llvm::toString(n.takeError());
  EXPECT_GE(*n, 1.0);
}

} // namespace
