// apply checks each step's ledger row itself, in the step's transaction and
// under the apply lock, on every dialect: skip on the same checksum, fail a
// changed migration that is not proved idempotent, run otherwise.

#include "test/unit/TestDialects.h"
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

CompiledScript compiled(const Dialect &d, Verdict v, std::string name = "m1") {
  return compileWithLedger(*oneMigration(d, v, update("t", "a", num("1")), std::move(name)));
}

/// The compiled migration, then a plain step that must not run after a
/// failure.
CompiledScript withLaterStep(const Dialect &d, Verdict v) {
  CompiledScript s = compiled(d, v);
  ScriptStep later;
  later.name = "later";
  later.sql = "UPDATE b SET y = 2;\n";
  s.steps.push_back(later);
  return s;
}

const std::string Checksum =
    migrationChecksum(*migration("m1", Phase::AfterSchema), "UPDATE t SET a = 1;\n");

/// A fake whose ledger table exists and holds `checksum` for m1 (none when
/// empty).
FakeConnection ledgerWith(std::string checksum) {
  FakeConnection conn;
  conn.answers["to_regclass"] = Rows{{std::string("1")}};
  conn.answers["pg_try_advisory_lock"] = Rows{{std::string("t")}};
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

/// The position of the first trace entry that starts with `text`.
size_t traced(const FakeConnection &conn, llvm::StringRef text) {
  for (size_t i = 0; i < conn.trace.size(); ++i)
    if (llvm::StringRef(conn.trace[i]).startswith(text))
      return i;
  ADD_FAILURE() << "not sent: " << text.str();
  return conn.trace.size();
}

} // namespace

TEST(ApplyLedgerTest, TheScriptCarriesEachStepsLedgerRow) {
  for (const Dialect *dp : {&postgresDialect(), &cockroachDialect(), &timescaleDialect()}) {
    const Dialect &d = *dp;
    CompiledScript s = compiled(d, Verdict::NotIdempotent);
    ASSERT_EQ(s.steps.size(), 1u);
    ASSERT_TRUE(s.steps[0].ledger);
    EXPECT_EQ(s.steps[0].ledger->name, "m1");
    EXPECT_EQ(s.steps[0].ledger->checksum, Checksum); // what migrationChecksum computed
    EXPECT_FALSE(s.steps[0].ledger->idempotent);
    EXPECT_EQ(s.steps[0].ledger->phase, Phase::AfterSchema);
  }
  EXPECT_TRUE(compiled(cockroachDialect(), Verdict::Idempotent).steps[0].ledger->idempotent);
}

TEST(ApplyLedgerTest, ParsesTheLedgerInsertOfACompiledFile) {
  std::optional<LedgerRecord> r = parseLedgerInsert(ledgerInsertHead() + "E'it''s a\\\\b', '" +
                                                    Checksum + "', TRUE, 'before_schema');");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name, "it's a\\b");
  EXPECT_EQ(r->checksum, Checksum);
  EXPECT_TRUE(r->idempotent);
  EXPECT_EQ(r->phase, Phase::BeforeSchema);
  EXPECT_FALSE(parseLedgerInsert(ledgerInsertHead() + "'m', 'abc', TRUE, 'after_schema');"));
  EXPECT_FALSE(parseLedgerInsert("CREATE TABLE t (x int);"));
}

TEST(ApplyLedgerTest, SkipsWhenTheLedgerHasTheSameChecksum) {
  for (const Dialect *dp : {&postgresDialect(), &cockroachDialect()}) {
    const Dialect &d = *dp;
    FakeConnection conn = ledgerWith(Checksum);
    ApplyReport r = testutil::applyCompiled(conn, withLaterStep(d, Verdict::NotIdempotent), ApplyOptions());
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(r.steps[0].status, StepStatus::Skipped);
    EXPECT_EQ(r.steps[0].note, "already applied");
    EXPECT_EQ(r.steps[1].status, StepStatus::Applied);
    EXPECT_FALSE(ran(conn, "UPDATE t SET a = 1"));
    // Read and locked in the migration's own transaction, which then ends.
    size_t begin = traced(conn, "BEGIN");
    size_t check = traced(conn, "SELECT checksum FROM schemahero_data_migrations WHERE name = $1 "
                                "FOR UPDATE");
    EXPECT_LT(begin, check);
    EXPECT_EQ(conn.trace[check + 1], "ROLLBACK");
  }
}

TEST(ApplyLedgerTest, FailsAChangedMigrationThatIsNotProvedIdempotent) {
  for (Verdict v : {Verdict::NotIdempotent, Verdict::Unknown}) {
    FakeConnection conn = ledgerWith(std::string(64, '0'));
    ApplyReport r = testutil::applyCompiled(conn, withLaterStep(cockroachDialect(), v), ApplyOptions());
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
  ApplyReport r =
      testutil::applyCompiled(conn, withLaterStep(cockroachDialect(), Verdict::Idempotent), ApplyOptions());
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::Applied);
  EXPECT_TRUE(ran(conn, "UPDATE t SET a = 1"));
}

TEST(ApplyLedgerTest, RunsWhenTheLedgerHasNoRowOrNoTable) {
  FakeConnection noRow = ledgerWith("");
  ApplyReport r =
      testutil::applyCompiled(noRow, withLaterStep(postgresDialect(), Verdict::NotIdempotent), ApplyOptions());
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::Applied);
  EXPECT_TRUE(ran(noRow, "UPDATE t SET a = 1"));

  // to_regclass finds no table: the row is not even read (the SELECT would
  // fail and abort the transaction).
  FakeConnection noTable;
  r = testutil::applyCompiled(noTable, withLaterStep(cockroachDialect(), Verdict::NotIdempotent),
                  ApplyOptions());
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::Applied);
  EXPECT_TRUE(ran(noTable, "UPDATE t SET a = 1"));
  for (const FakeConnection::Query &q : noTable.queries)
    EXPECT_EQ(q.sql.find("FROM schemahero_data_migrations WHERE"), std::string::npos);
}

TEST(ApplyLedgerTest, DryRunReportsTheSkip) {
  FakeConnection conn = ledgerWith(Checksum);
  ApplyOptions opts;
  opts.dryRun = true;
  ApplyReport r = testutil::applyCompiled(conn, withLaterStep(postgresDialect(), Verdict::NotIdempotent), opts);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::Skipped);
  EXPECT_EQ(r.steps[1].status, StepStatus::DryRun);
  EXPECT_FALSE(ran(conn, "UPDATE t SET a = 1"));
  // One transaction for the whole run, rolled back once at the end.
  EXPECT_EQ(std::count(conn.executed.begin(), conn.executed.end(), "ROLLBACK"), 1);
  EXPECT_EQ(conn.executed.back(), "ROLLBACK");
}

TEST(ApplyLedgerTest, ConnectionLostDuringCommitIsAnUnknownOutcome) {
  FakeConnection conn = ledgerWith("");
  conn.failOn = "COMMIT";
  conn.failLosesConnection = true;
  ApplyReport r =
      testutil::applyCompiled(conn, withLaterStep(postgresDialect(), Verdict::NotIdempotent), ApplyOptions());
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.steps[0].status, StepStatus::Unknown);
  EXPECT_EQ(r.steps[0].note, "connection lost during COMMIT");
  EXPECT_NE(r.steps[0].error.find("it was applied if this query returns a row with checksum " +
                                  Checksum +
                                  ":\n  SELECT checksum, applied_at FROM "
                                  "schemahero_data_migrations WHERE name = 'm1';"),
            std::string::npos);
  EXPECT_EQ(r.steps[1].status, StepStatus::NotRun);
}
