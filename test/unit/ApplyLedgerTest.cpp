// apply's ledger check for CockroachDB migrations (no DO block in the file):
// the row is read back from the compiled text, then locked and compared in
// the migration's transaction: skip on the same checksum, fail a changed
// migration that is not proved idempotent, run otherwise.

#include "backends/postgres/ApplyLedger.h"
#include "FakeConnection.h"
#include "LedgerTestUtil.h"
#include "backends/postgres/Apply.h"
#include "backends/postgres/Ledger.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace shc;
using namespace shc::testutil;

namespace {

std::string compiled(Dialect d, Verdict v, std::string name = "m1") {
  return emitWithLedger(*oneMigration(d, v, update("t", "a", num("1")), std::move(name)));
}

/// The compiled migration, then a plain step that must not run after a
/// failure.
ApplyScript cockroachScript(Verdict v) {
  ApplyScript s = splitScript(compiled(Dialect::CockroachDB, v), "f");
  s.steps.push_back({"later", "UPDATE b SET y = 2;\n"});
  return s;
}

const std::string Checksum =
    migrationChecksum(*migration("m1", Phase::AfterSchema), "UPDATE t SET a = 1;\n");

/// A fake whose ledger table exists and holds `checksum` for m1 (none when
/// empty).
FakeConnection ledgerWith(std::string checksum) {
  FakeConnection conn;
  conn.answers["to_regclass"] = Rows{{std::string("1")}};
  if (!checksum.empty())
    conn.answers["SELECT checksum FROM schemahero_data_migrations"] = Rows{{checksum}};
  return conn;
}

bool ran(const FakeConnection &conn, llvm::StringRef text) {
  for (const std::string &s : conn.executed)
    if (llvm::StringRef(s).contains(text))
      return true;
  return false;
}

} // namespace

TEST(ApplyLedgerTest, ReadsTheRowACockroachMigrationWrites) {
  ApplyScript s = splitScript(compiled(Dialect::CockroachDB, Verdict::NotIdempotent), "f");
  ASSERT_EQ(s.steps.size(), 1u);
  std::optional<LedgerRecord> r = unguardedLedgerRecord(s.steps[0].sql);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name, "m1");
  EXPECT_EQ(r->checksum, Checksum); // what migrationChecksum computed
  EXPECT_FALSE(r->idempotent);

  s = splitScript(compiled(Dialect::CockroachDB, Verdict::Idempotent), "f");
  r = unguardedLedgerRecord(s.steps[0].sql);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->idempotent);

  // Quotes and backslashes in the name come back as written.
  s = splitScript(compiled(Dialect::CockroachDB, Verdict::Unknown, "it's a\\b"), "f");
  r = unguardedLedgerRecord(s.steps[0].sql);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name, "it's a\\b");
  EXPECT_FALSE(r->idempotent);

  // The server guards PostgreSQL's; plain DDL writes no row.
  s = splitScript(compiled(Dialect::Postgres, Verdict::NotIdempotent), "f");
  EXPECT_FALSE(unguardedLedgerRecord(s.steps[0].sql));
  EXPECT_FALSE(unguardedLedgerRecord("CREATE TABLE t (x int);\n"));
}

TEST(ApplyLedgerTest, SkipsWhenTheLedgerHasTheSameChecksum) {
  FakeConnection conn = ledgerWith(Checksum);
  ApplyReport r = applyScript(conn, cockroachScript(Verdict::NotIdempotent), ApplyOptions());
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::Skipped);
  EXPECT_EQ(r.steps[1].status, StepStatus::Applied);
  EXPECT_FALSE(ran(conn, "UPDATE t SET a = 1"));
  // Read and locked in the migration's own transaction, which then ends.
  ASSERT_GE(conn.trace.size(), 5u);
  EXPECT_EQ(conn.trace[1], "BEGIN ISOLATION LEVEL SERIALIZABLE");
  EXPECT_NE(conn.trace[2].find("to_regclass"), std::string::npos);
  EXPECT_EQ(conn.trace[3],
            "SELECT checksum FROM schemahero_data_migrations WHERE name = $1 FOR UPDATE");
  EXPECT_EQ(conn.queries[1].params, std::vector<std::string>{"m1"});
  EXPECT_EQ(conn.trace[4], "ROLLBACK");
  EXPECT_EQ(conn.trace[5], "BEGIN"); // the next step, which has no ledger row
}

TEST(ApplyLedgerTest, FailsAChangedMigrationThatIsNotProvedIdempotent) {
  for (Verdict v : {Verdict::NotIdempotent, Verdict::Unknown}) {
    FakeConnection conn = ledgerWith(std::string(64, '0'));
    ApplyReport r = applyScript(conn, cockroachScript(v), ApplyOptions());
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.steps[0].status, StepStatus::RolledBack);
    EXPECT_EQ(r.steps[0].error,
              "data migration m1 is not proved idempotent, was already applied, and has changed "
              "since (checksum " +
                  Checksum +
                  " now)\nHINT:  give the changed migration a new name, or delete its row from "
                  "schemahero_data_migrations after checking the data");
    EXPECT_EQ(r.steps[1].status, StepStatus::NotRun);
    EXPECT_FALSE(ran(conn, "UPDATE"));
    EXPECT_EQ(conn.executed.back(), "ROLLBACK");
  }
}

TEST(ApplyLedgerTest, RunsAChangedIdempotentMigration) {
  FakeConnection conn = ledgerWith(std::string(64, '0'));
  ApplyReport r = applyScript(conn, cockroachScript(Verdict::Idempotent), ApplyOptions());
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::Applied);
  EXPECT_TRUE(ran(conn, "UPDATE t SET a = 1"));
}

TEST(ApplyLedgerTest, RunsWhenTheLedgerHasNoRowOrNoTable) {
  FakeConnection noRow = ledgerWith("");
  ApplyReport r = applyScript(noRow, cockroachScript(Verdict::NotIdempotent), ApplyOptions());
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::Applied);
  EXPECT_TRUE(ran(noRow, "UPDATE t SET a = 1"));

  // to_regclass finds no table: the row is not even read (the SELECT would
  // fail and abort the transaction).
  FakeConnection noTable;
  r = applyScript(noTable, cockroachScript(Verdict::NotIdempotent), ApplyOptions());
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::Applied);
  EXPECT_TRUE(ran(noTable, "UPDATE t SET a = 1"));
  for (const FakeConnection::Query &q : noTable.queries)
    EXPECT_EQ(q.sql.find("FOR UPDATE"), std::string::npos);
}

TEST(ApplyLedgerTest, DryRunReportsTheSkip) {
  FakeConnection conn = ledgerWith(Checksum);
  ApplyOptions opts;
  opts.dryRun = true;
  ApplyReport r = applyScript(conn, cockroachScript(Verdict::NotIdempotent), opts);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::Skipped);
  EXPECT_EQ(r.steps[1].status, StepStatus::DryRun);
  EXPECT_FALSE(ran(conn, "UPDATE t SET a = 1"));
  // One transaction for the whole run, rolled back once at the end.
  EXPECT_EQ(std::count(conn.executed.begin(), conn.executed.end(), "ROLLBACK"), 1);
  EXPECT_EQ(conn.executed.back(), "ROLLBACK");
}

TEST(ApplyLedgerTest, LeavesPostgresMigrationsToTheirDoBlock) {
  FakeConnection conn = ledgerWith(Checksum);
  ApplyScript s = splitScript(compiled(Dialect::Postgres, Verdict::NotIdempotent), "f");
  ApplyReport r = applyScript(conn, s, ApplyOptions());
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::Applied);
  EXPECT_TRUE(ran(conn, "DO $shc$"));
  EXPECT_EQ(conn.executed[1], "BEGIN");
  for (const FakeConnection::Query &q : conn.queries)
    EXPECT_EQ(q.sql.find("to_regclass"), std::string::npos);
}
