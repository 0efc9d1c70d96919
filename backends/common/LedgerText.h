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
struct Migration;

/// The ledger table's name.
llvm::StringRef ledgerTableName();

/// Why a changed migration that is not proved idempotent fails; each `%`
/// stands for the name, then the new checksum (RAISE's placeholders on
/// PostgreSQL; apply substitutes them elsewhere).
llvm::StringRef changedMigrationMessage();
/// The hint that goes with changedMigrationMessage().
std::string changedMigrationHint();

/// Hex SHA-256 of a migration's name, phase and emitted statements.
std::string migrationChecksum(const Migration &m, llvm::StringRef body);

/// `-- not idempotent (reason)` / `-- idempotency unknown (reason)` /
/// `-- idempotent (reason)`.
std::string verdictComment(const IdempotencyVerdict &v);

} // namespace shc
