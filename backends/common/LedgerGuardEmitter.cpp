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
  line(verdictComment(results->verdict(m)) +
       (isIdempotent ? ": runs again when its checksum changed"
                     : ": its UPDATEs run only when the ledger has no row for it; apply "
                       "also refuses it when changed"));
  std::vector<std::string> writes = ledgerGuardRowWrites(*step.ledger, writer);
  // An idempotent migration may have changed since: its old row goes first.
  for (size_t i = 0; i + 1 < writes.size(); ++i)
    line(writes[i] + ";");
  *out += body;
  line(writes.back() + ";");
}

std::vector<std::string> shc::ledgerGuardRowWrites(const LedgerRecord &r,
                                                   const SqlWriter &writer) {
  std::string name = writer.stringLiteral(r.name);
  std::vector<std::string> out;
  if (r.idempotent)
    out.push_back("DELETE FROM " + ledgerTableName().str() + " WHERE name = " + name);
  // A plain INSERT: a second run by a plain client fails here.
  out.push_back("INSERT INTO " + ledgerTableName().str() +
                " (name, checksum, idempotent, phase) VALUES (" + name + ", '" + r.checksum +
                "', " + (r.idempotent ? "1" : "0") + ", '" + phaseName(r.phase).str() + "')");
  return out;
}
