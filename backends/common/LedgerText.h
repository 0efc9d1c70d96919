//===- LedgerText.h - the data-migration ledger, for every dialect -*- C++ -*-===//
//
// Each dialect with a ledger records applied migrations in one table,
// schemahero_data_migrations, with the checksum of the statements it ran
// (docs/idempotency.md). The name, the checksum and the wording of a refusal
// are the same in every dialect; how a dialect guards a step is its own.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>

namespace shc {

struct IdempotencyVerdict;
struct LedgerRecord;
struct Migration;

/// The ledger table's name.
llvm::StringRef ledgerTableName();

/// Why a changed migration that is not proved idempotent fails; each `%`
/// stands for the name, then the new checksum (RAISE's placeholders on
/// PostgreSQL; apply substitutes them elsewhere).
llvm::StringRef changedMigrationMessage();
/// The hint that goes with changedMigrationMessage().
std::string changedMigrationHint();

/// changedMigrationMessage() for `record` (its name and new checksum), then
/// `\nHINT:  ` and the hint: what apply reports where no server raises it.
std::string changedMigrationError(const LedgerRecord &record);

/// For a step whose COMMIT lost the connection, so may or may not have
/// committed: the ledger query that tells (`quotedName` is the migration's
/// name as a string literal of the dialect), or, without a ledger row, that
/// only the data tells.
std::string outcomeUnknownHint(const LedgerRecord *record, llvm::StringRef quotedName);

/// Hex SHA-256 of a migration's name, phase and emitted statements.
std::string migrationChecksum(const Migration &m, llvm::StringRef body);

/// `-- not idempotent (reason)` / `-- idempotency unknown (reason)` /
/// `-- idempotent (reason)`.
std::string verdictComment(const IdempotencyVerdict &v);

} // namespace shc
