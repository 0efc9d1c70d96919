//===- LedgerGuardEmitter.h - a ledger without procedural blocks ---*- C++ -*-===//
//
// The file layout of a dialect that has no procedural blocks to check its
// ledger with (SQLite, MySQL): apply checks the ledger before each step
// (docs/apply.md); in the file, a migration that is not proved idempotent
// guards each UPDATE by its ledger row, so that running the file twice with
// the database's own client changes nothing twice, and its plain INSERT of
// the ledger row fails loudly on a second run. A dialect gives the ledger's
// CREATE TABLE and its string writer.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/ScriptEmitter.h"

namespace shc {

/// The statements that record `r` in the ledger: for an idempotent
/// migration, the DELETE of its old row, then a plain INSERT.
std::vector<std::string> ledgerGuardRowWrites(const LedgerRecord &r, const SqlWriter &writer);

class LedgerGuardEmitter : public ScriptEmitter {
public:
  LedgerGuardEmitter(ExprEmitter &exprs, DiagnosticEngine &diags, const EmitOptions &opts,
                     const SqlWriter &writer, std::string createLedger)
      : ScriptEmitter(exprs, diags, opts), writer(writer), createLedger(std::move(createLedger)) {}

protected:
  void emitPrologue(const Module &) override;
  std::string updateGuard() const override;
  void emitMigrationBody(const Migration &m, llvm::StringRef body, ScriptStep &step) override;
  bool idempotent(const Migration &m) const;

  const SqlWriter &writer;
  std::string createLedger;
};

} // namespace shc
