//===- ApplyLedger.h - apply's ledger check before each migration -*- C++ -*-===//
//
// apply checks the ledger itself before every migration, on every dialect:
// CockroachDB has no DO blocks, so its file records the row but cannot skip
// the migration, and on PostgreSQL the DO block would skip it silently. It
// takes the row the compiled migration will write (its name, checksum and
// verdict: the values the emitter computed with migrationChecksum) and,
// inside the migration's transaction and under the apply lock, locks and
// compares the ledger's row for it.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/CompiledScript.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>

namespace shc {

class Connection;

/// The row a ledger INSERT statement of a compiled file writes
/// (`INSERT INTO schemahero_data_migrations (...) VALUES ('name', 'checksum',
/// TRUE, 'after_schema')...`, as ledgerInsertHead() begins it); nullopt for
/// any other statement.
std::optional<LedgerRecord> parseLedgerInsert(llvm::StringRef statement);

enum class LedgerDecision : uint8_t {
  Run,  ///< no row, or a changed idempotent migration
  Skip, ///< the ledger has it with this checksum
  Fail, ///< changed, and not proved idempotent
};

struct LedgerCheck {
  LedgerDecision decision = LedgerDecision::Run;
  std::string error; ///< for Fail: the message and hint the DO block raises
};

/// For a step whose COMMIT lost the connection, so may or may not have
/// committed: the ledger query that tells (or, without a ledger row, that
/// only the data tells).
std::string outcomeUnknownHint(const std::optional<LedgerRecord> &record);

/// Reads the migration's ledger row with SELECT ... FOR UPDATE, in the
/// transaction the caller opened for the migration, so a concurrent apply
/// waits for it. A missing ledger table counts as no row. An error is the
/// server's.
llvm::Expected<LedgerCheck> checkLedger(Connection &conn, const LedgerRecord &record);

} // namespace shc
