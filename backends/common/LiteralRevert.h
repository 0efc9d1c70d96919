//===- LiteralRevert.h - revert on SQLite and MySQL -----------------*- C++ -*-===//
//
// What revert does on PostgreSQL (backends/postgres/Revert.h), for backups
// kept as literals (LiteralBackups.h): newest operation first, each backed
// up row is written back with one statement of literals,
//
//   UPDATE t SET c = <before> WHERE key = <key> AND <literal of c> = '<after>'
//
// so that only a row that still holds, byte for byte, what the migration
// wrote is restored; a DELETE's row is inserted again where no row has its
// key. Any other row is a conflict, left alone and reported; `force`
// restores an UPDATE's changed rows and replaces a DELETE's re-used keys.
// The runtime holds its apply lock and one transaction around the call.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/LiteralStore.h"
#include "ir/RowBackup.h"

namespace shc {

/// Reverts `migration` inside the open transaction: restores its rows, marks
/// them and its applies reverted, and removes its row from `ledgerTable`
/// (when that table exists). An error leaves the transaction to be rolled
/// back.
MaybeFailure revertLiteralBackups(LiteralStore &store, llvm::StringRef migration,
                                  const RevertOptions &opts, llvm::StringRef ledgerTable,
                                  RevertReport &report);

} // namespace shc
