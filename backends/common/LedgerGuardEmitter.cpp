//===- LedgerGuardEmitter.cpp - a ledger without procedural blocks -------===//

#include "backends/common/LedgerGuardEmitter.h"

#include "backends/common/LedgerText.h"
#include "backends/common/SqlWriter.h"
#include "ir/AnalysisResults.h"
#include "ir/Module.h"

using namespace shc;

void LedgerGuardEmitter::emitPrologue(const Module &) {
  if (!opts.ledger)
    return;
  line("-- ledger: one row per applied data migration (docs/idempotency.md)");
  line(createLedger);
}

bool LedgerGuardEmitter::idempotent(const Migration &m) const {
  const IdempotencyVerdict &v = results->verdict(m);
  return v.computed && v.verdict == Verdict::Idempotent;
}

std::string LedgerGuardEmitter::updateGuard() const {
  if (!opts.ledger || !current || idempotent(*current))
    return "";
  return "NOT EXISTS (SELECT 1 FROM " + ledgerTableName().str() +
         " WHERE name = " + writer.stringLiteral(current->name) + ")";
}

void LedgerGuardEmitter::emitMigrationBody(const Migration &m, llvm::StringRef body,
                                           ScriptStep &step) {
  if (!opts.ledger) {
    *out += body;
    return;
  }
  std::string checksum = migrationChecksum(m, body);
  bool isIdempotent = idempotent(m);
  step.ledger = LedgerRecord{m.name, checksum, isIdempotent, m.phase};
  std::string name = writer.stringLiteral(m.name);
  line(verdictComment(results->verdict(m)) +
       (isIdempotent ? ": runs again when its checksum changed"
                     : ": its UPDATEs run only when the ledger has no row for it; apply "
                       "also refuses it when changed"));
  if (isIdempotent) // it may have changed since: its old row goes
    line("DELETE FROM " + ledgerTableName().str() + " WHERE name = " + name + ";");
  *out += body;
  // A plain INSERT: a second run by a plain client fails here.
  line("INSERT INTO " + ledgerTableName().str() + " (name, checksum, idempotent, phase) VALUES (" +
       name + ", '" + checksum + "', " + (isIdempotent ? "1" : "0") + ", '" +
       phaseName(m.phase).str() + "');");
}
