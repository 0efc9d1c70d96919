//===- LedgerText.cpp - the data-migration ledger, for every dialect ------===//

#include "backends/common/LedgerText.h"

#include "ir/AnalysisResults.h"
#include "ir/CompiledScript.h"
#include "ir/Module.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"

using namespace shc;

llvm::StringRef shc::ledgerTableName() { return "schemahero_data_migrations"; }

llvm::StringRef shc::changedMigrationMessage() {
  return "data migration % is not proved idempotent, was already applied, and has changed since "
         "(checksum % now)";
}

std::string shc::changedMigrationHint() {
  return "give the changed migration a new name, or delete its row from " +
         ledgerTableName().str() + " after checking the data";
}

std::string shc::changedMigrationError(const LedgerRecord &record) {
  std::string out;
  llvm::StringRef msg = changedMigrationMessage();
  const std::string *args[] = {&record.name, &record.checksum};
  size_t arg = 0;
  for (char c : msg) {
    if (c == '%' && arg < 2)
      out += *args[arg++];
    else
      out += c;
  }
  return out + "\nHINT:  " + changedMigrationHint();
}

std::string shc::outcomeUnknownHint(const LedgerRecord *record, llvm::StringRef quotedName) {
  if (!record)
    return "the outcome is unknown: the step records no ledger row, so check its data";
  return "the outcome is unknown: it was applied if this query returns a row with checksum " +
         record->checksum + ":\n  SELECT checksum, applied_at FROM " + ledgerTableName().str() +
         " WHERE name = " + quotedName.str() + ";";
}

std::string shc::migrationChecksum(const Migration &m, llvm::StringRef body) {
  llvm::SHA256 h;
  h.update(m.name);
  h.update(llvm::StringRef("\0", 1));
  h.update(phaseName(m.phase));
  h.update(llvm::StringRef("\0", 1));
  h.update(body);
  return llvm::toHex(h.final(), /*LowerCase=*/true);
}

/// `-- not idempotent (reason)` / `-- idempotency unknown (reason)`.
std::string shc::verdictComment(const IdempotencyVerdict &v) {
  std::string what = !v.computed                             ? "idempotency unknown"
                     : v.verdict == Verdict::Idempotent    ? "idempotent"
                     : v.verdict == Verdict::NotIdempotent ? "not idempotent"
                                                                       : "idempotency unknown";
  std::string reason = v.computed ? v.reason : "not analysed";
  return "-- " + what + " (" + commentSafe(reason) + ")";
}

