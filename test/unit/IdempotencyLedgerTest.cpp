// The ledger the postgres family emits around each migration: the guard, the
// checksum (deterministic, changes with the statements), the verdict it
// records, dollar-quote tags that never clash with the text, and the
// CockroachDB form without DO blocks.
#include "test/unit/TestDialects.h"
#include "LedgerTestUtil.h"
#include "backends/postgres/Ledger.h"

#include <gtest/gtest.h>

using namespace shc;
using namespace shc::testutil;

namespace {

TEST(IdempotencyLedgerTest, CreatesTheTableOnceAndGuardsEachMigration) {
  std::string s = emitWithLedger(
      *oneMigration(postgresDialect(), Verdict::Idempotent, update("t", "a", num("1"))));
  EXPECT_NE(s.find("CREATE TABLE IF NOT EXISTS schemahero_data_migrations ("), std::string::npos);
  EXPECT_NE(s.find("-- idempotent (why): runs unless the ledger has it with this checksum"),
            std::string::npos);
  EXPECT_NE(s.find("EXECUTE $shc1$\nUPDATE t SET a = 1;\n$shc1$;\n"), std::string::npos);
  // Under the ledger's lock; an idempotent migration replaces its row, with
  // a plain INSERT.
  EXPECT_NE(s.find("DO $shc$\nBEGIN\n  PERFORM pg_advisory_xact_lock(" +
                   std::to_string(ledgerLockKey()) + ");"),
            std::string::npos);
  EXPECT_NE(s.find("  DELETE FROM schemahero_data_migrations WHERE name = 'm1';\n  INSERT INTO "
                   "schemahero_data_migrations (name, checksum, idempotent, phase) VALUES ('m1', '"),
            std::string::npos);
  EXPECT_NE(s.find("', TRUE, 'after_schema');\nEND\n"), std::string::npos);
  EXPECT_EQ(s.find("ON CONFLICT"), std::string::npos);
  // An idempotent migration that changed runs again: no RAISE.
  EXPECT_EQ(s.find("RAISE EXCEPTION"), std::string::npos);
}

TEST(IdempotencyLedgerTest, NotIdempotentFailsWhenChanged) {
  std::string s = emitWithLedger(
      *oneMigration(postgresDialect(), Verdict::NotIdempotent, update("t", "a", num("1"))));
  EXPECT_NE(s.find("-- not idempotent (why): runs only when the ledger has no row for it"),
            std::string::npos);
  EXPECT_NE(s.find("RAISE EXCEPTION 'data migration % is not proved idempotent"),
            std::string::npos);
  EXPECT_NE(s.find("', FALSE, 'after_schema');\nEND\n"), std::string::npos);
  EXPECT_EQ(s.find("DELETE FROM"), std::string::npos);
}

TEST(IdempotencyLedgerTest, ChecksumIsDeterministicAndFollowsTheStatements) {
  auto m = migration("m1", Phase::AfterSchema);
  std::string a = migrationChecksum(*m, "UPDATE t SET a = 1;\n");
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a, migrationChecksum(*m, "UPDATE t SET a = 1;\n"));
  EXPECT_NE(a, migrationChecksum(*m, "UPDATE t SET a = 2;\n"));
  auto before = migration("m1", Phase::BeforeSchema);
  EXPECT_NE(a, migrationChecksum(*before, "UPDATE t SET a = 1;\n"));
}

TEST(IdempotencyLedgerTest, DollarTagsAvoidTheText) {
  std::string s = emitWithLedger(*oneMigration(
      postgresDialect(), Verdict::Unknown, customSql("SELECT '$shc$ $shc1$ $shc2$'")));
  EXPECT_NE(s.find("EXECUTE $shc3$\nSELECT '$shc$ $shc1$ $shc2$';\n$shc3$;"), std::string::npos);
  EXPECT_NE(s.find("DO $shc4$\n"), std::string::npos); // $shc$ occurs in the block
  EXPECT_NE(s.find("\n$shc4$;\n"), std::string::npos);
}

TEST(IdempotencyLedgerTest, CockroachHasNoDoBlocks) {
  std::string s = emitWithLedger(
      *oneMigration(cockroachDialect(), Verdict::NotIdempotent, update("t", "a", num("1"))));
  EXPECT_EQ(s.find("DO $"), std::string::npos);
  EXPECT_NE(s.find("SELECT CAST('data migration ' || name"), std::string::npos);
  EXPECT_NE(s.find("CockroachDB has no DO blocks; use schemahero-compile apply to skip it"),
            std::string::npos);
  EXPECT_NE(s.find("\nUPDATE t SET a = 1;\n"), std::string::npos);
  // A plain INSERT: a plain client running the file twice fails the second
  // time, and its transaction rolls back, instead of applying it twice.
  EXPECT_NE(s.find("', FALSE, 'after_schema');\nCOMMIT;\n"), std::string::npos);
  EXPECT_EQ(s.find("pg_advisory"), std::string::npos);
}

} // namespace
