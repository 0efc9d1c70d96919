//===- Ledger.h - the schemahero_data_migrations ledger ---------*- C++ -*-===//
//
// Every compiled postgres-family file records its migrations in the table
// schemahero_data_migrations (created if missing), with the checksum of its
// statements. On PostgreSQL each migration runs inside a DO block that takes
// the ledger's advisory lock, then checks the ledger: a migration applied with
// the same checksum is skipped (so re-running a file is a no-op, even when
// migrations interact, and two runs at once do not both apply it); a changed
// idempotent migration runs again; a changed migration that is not proved
// idempotent fails with a clear message. The row is written with a plain
// INSERT, which fails loudly should a row be there after all. CockroachDB has
// no DO blocks: apply reads the ledger before such a migration
// (ApplyLedger.h); see docs/idempotency.md and docs/apply.md.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/LedgerText.h"
#include "backends/common/ScriptEmitter.h"
#include "backends/postgres/PostgresFlavor.h"

namespace shc {

/// The advisory lock key that apply (for its whole run) and the compiled
/// file's DO blocks (for each transaction) take: the first 8 bytes of the
/// SHA-256 of the ledger table's name, as a signed 64-bit number.
int64_t ledgerLockKey();

/// The one-row table whose row apply locks on CockroachDB, which has no
/// advisory locks (ApplyLock.h).
llvm::StringRef ledgerLockTableName();

/// `INSERT INTO schemahero_data_migrations (name, checksum, idempotent,
/// phase) VALUES (`: how every ledger row the file writes begins, so apply can
/// read a row back from a compiled migration.
std::string ledgerInsertHead();

/// `INSERT INTO schemahero_data_migrations (...) VALUES (...)` for `record`,
/// without a `;`.
std::string ledgerInsert(const LedgerRecord &record);
/// What apply runs to record a migration it ran operation by operation
/// (--rehearse, --backup) after its ledger check said run: the old row of a
/// changed idempotent migration goes, the new one is inserted.
std::string ledgerWriteStatements(const LedgerRecord &record);

class LedgerScriptEmitter : public ScriptEmitter {
public:
  LedgerScriptEmitter(ExprEmitter &exprs, DiagnosticEngine &diags, const EmitOptions &opts,
                      const PostgresFlavor &flavor)
      : ScriptEmitter(exprs, diags, opts), flavor(flavor) {}

protected:
  void emitPrologue(const Module &module) override;
  void emitMigrationBody(const Migration &m, llvm::StringRef body, ScriptStep &step) override;

private:
  void emitGuardedPostgres(const Migration &m, llvm::StringRef body, llvm::StringRef checksum,
                           bool idempotent);
  /// `ON CONFLICT (name) DO UPDATE SET ...` for the ledger row.
  static std::string upsertTail();
  /// PERFORM pg_advisory_xact_lock(ledgerLockKey()), with a comment.
  static std::string ledgerLockStatement();
  void emitGuardedCockroach(const Migration &m, llvm::StringRef body, llvm::StringRef checksum);
  std::string ledgerRow(const Migration &m, llvm::StringRef checksum, bool idempotent) const;
  const PostgresFlavor &flavor;
};

} // namespace shc
