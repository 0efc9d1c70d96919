//===- Ledger.cpp - the schemahero_data_migrations ledger -----------------===//

#include "backends/postgres/Ledger.h"

#include "backends/postgres/PostgresBackend.h"
#include "ir/AnalysisResults.h"
#include "ir/Module.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"

using namespace shc;

int64_t shc::ledgerLockKey() {
  std::array<uint8_t, 32> digest =
      llvm::SHA256::hash(llvm::arrayRefFromStringRef(ledgerTableName()));
  uint64_t key = 0;
  for (size_t i = 0; i < 8; ++i)
    key = key << 8 | digest[i];
  return static_cast<int64_t>(key);
}

llvm::StringRef shc::ledgerLockTableName() { return "schemahero_data_migrations_lock"; }

std::string shc::ledgerInsertHead() {
  return "INSERT INTO " + ledgerTableName().str() + " (name, checksum, idempotent, phase) VALUES (";
}

/// A dollar-quote tag `$shcN$` that occurs nowhere in `text`.
static std::string freshTag(llvm::StringRef text, unsigned from) {
  for (unsigned n = from;; ++n) {
    std::string tag = n ? "$shc" + std::to_string(n) + "$" : std::string("$shc$");
    if (!text.contains(tag))
      return tag;
  }
}

void LedgerScriptEmitter::emitPrologue(const Module &) {
  if (!opts.ledger)
    return;
  line("-- ledger: one row per applied data migration (docs/idempotency.md)");
  std::string create = "CREATE TABLE IF NOT EXISTS " + ledgerTableName().str() +
                       " (name text PRIMARY KEY, checksum text NOT NULL, idempotent boolean NOT "
                       "NULL, phase text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());";
  if (!flavor.doBlocks)
    return line(create);
  // Two sessions creating the table at once: one fails on a duplicate
  // catalogue row. Under the ledger's lock the second finds the table.
  line("DO $shc$");
  line("BEGIN");
  line("  " + ledgerLockStatement());
  line("  " + create);
  line("END");
  line("$shc$;");
}

std::string LedgerScriptEmitter::ledgerLockStatement() {
  return "PERFORM pg_advisory_xact_lock(" + std::to_string(ledgerLockKey()) +
         "); -- the ledger's lock: one writer at a time (docs/apply.md)";
}

std::string shc::ledgerInsert(const LedgerRecord &r) {
  const SqlWriter &w = postgresWriter();
  return ledgerInsertHead() + w.stringLiteral(r.name) + ", '" + r.checksum + "', " +
         (r.idempotent ? "TRUE" : "FALSE") + ", '" + phaseName(r.phase).str() + "')";
}

std::string shc::ledgerWriteStatements(const LedgerRecord &r) {
  return "DELETE FROM " + ledgerTableName().str() +
         " WHERE name = " + postgresWriter().stringLiteral(r.name) + ";\n" + ledgerInsert(r) + ";";
}

std::string LedgerScriptEmitter::ledgerRow(const Migration &m, llvm::StringRef checksum,
                                           bool idempotent) const {
  return ledgerInsert(LedgerRecord{m.name, checksum.str(), idempotent, m.phase});
}

void LedgerScriptEmitter::emitMigrationBody(const Migration &m, llvm::StringRef body,
                                            ScriptStep &step) {
  if (!opts.ledger) {
    *out += body;
    return;
  }
  std::string checksum = migrationChecksum(m, body);
  const IdempotencyVerdict &v = results->verdict(m);
  bool idempotent = v.computed && v.verdict == Verdict::Idempotent;
  step.ledger = LedgerRecord{m.name, checksum, idempotent, m.phase};
  if (flavor.doBlocks)
    return emitGuardedPostgres(m, body, checksum, idempotent);
  if (!idempotent)
    return emitGuardedCockroach(m, body, checksum);
  *out += body;
  line(ledgerRow(m, checksum, true) + " " + upsertTail() + ";");
}

std::string LedgerScriptEmitter::upsertTail() {
  return "ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, idempotent = "
         "EXCLUDED.idempotent, phase = EXCLUDED.phase, applied_at = now()";
}

void LedgerScriptEmitter::emitGuardedPostgres(const Migration &m, llvm::StringRef body,
                                              llvm::StringRef checksum, bool idempotent) {
  const SqlWriter &w = postgresWriter();
  std::string name = w.stringLiteral(m.name);
  std::string table = ledgerTableName().str();
  std::string exec = freshTag(body, 1);
  std::string block;
  block += "BEGIN\n";
  block += "  " + ledgerLockStatement() + "\n";
  block += "  IF EXISTS (SELECT 1 FROM " + table + " WHERE name = " + name +
           " AND checksum = '" + checksum.str() + "') THEN\n";
  block += "    RETURN; -- applied before, unchanged\n";
  block += "  END IF;\n";
  if (!idempotent) {
    block += "  IF EXISTS (SELECT 1 FROM " + table + " WHERE name = " + name + ") THEN\n";
    block += "    RAISE EXCEPTION '" + changedMigrationMessage().str() + "', " + name + ", '" +
             checksum.str() + "' USING HINT = '" + changedMigrationHint() + "';\n";
    block += "  END IF;\n";
  }
  block += "  EXECUTE " + exec + "\n" + body.str() + exec + ";\n";
  if (idempotent) // it may have changed since: its old row goes
    block += "  DELETE FROM " + table + " WHERE name = " + name + ";\n";
  // A plain INSERT: a row that is there after all fails loudly.
  block += "  " + ledgerRow(m, checksum, idempotent) + ";\n";
  block += "END\n";
  std::string tag = freshTag(block, 0);
  line(verdictComment(results->verdict(m)) + (idempotent ? ": runs unless the ledger has it with this checksum"
                                       : ": runs only when the ledger has no row for it"));
  *out += "DO " + tag + "\n" + block + tag + ";\n";
}

void LedgerScriptEmitter::emitGuardedCockroach(const Migration &m, llvm::StringRef body,
                                               llvm::StringRef checksum) {
  const SqlWriter &w = postgresWriter();
  std::string name = w.stringLiteral(m.name);
  // A changed checksum fails: the cast of the message to INT8 raises it.
  line("SELECT CAST('data migration ' || name || ' is not proved idempotent, was already applied, "
       "and has changed since: ' || checksum AS INT8) FROM " +
       ledgerTableName().str() + " WHERE name = " + name + " AND checksum <> '" +
       checksum.str() + "';");
  line(verdictComment(results->verdict(m)) +
       ": CockroachDB has no DO blocks; use schemahero-compile apply to skip it when the "
       "ledger has its row (docs/idempotency.md)");
  *out += body;
  // A plain INSERT: a second run by a plain client fails here and rolls back.
  line(ledgerRow(m, checksum, false) + ";");
}
