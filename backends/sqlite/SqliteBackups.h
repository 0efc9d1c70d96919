//===- SqliteBackups.h - row backups, revert and rehearsals on SQLite -*- C++ -*-===//
//
// SQLite's LiteralStore (backends/common/LiteralStore.h): values kept as
// quote() writes them (exact for every storage class: a REAL with as many
// digits as it needs, a BLOB as X'hex'), the key a table's primary key, else
// a unique index over NOT NULL columns (not the rowid, which VACUUM may
// renumber). The transaction holds the database, so no row lock is taken.
// revert and `backups prune` run in a BEGIN IMMEDIATE transaction of their
// own, which is apply's lock on SQLite. docs/rehearse-backup-revert.md.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/LiteralStore.h"
#include "backends/sqlite/SqliteBatches.h"
#include "ir/RowBackup.h"

#include <memory>

namespace shc {

class SqliteDb;

/// A store whose statements run through apply's runner (`hooks`).
std::unique_ptr<LiteralStore> sqliteLiteralStore(SqliteDb &db, SqliteBatchHooks hooks);

RevertReport revertSqlite(SqliteDb &db, llvm::StringRef migration, const RevertOptions &opts);
llvm::Expected<std::vector<BackupSummary>> listSqliteBackups(SqliteDb &db);
llvm::Expected<uint64_t> pruneSqliteBackups(SqliteDb &db, uint64_t olderThanMs);

} // namespace shc
