//===- SqliteBatches.h - batched apply on SQLite ------------------*- C++ -*-===//
//
// The batched loop's session on SQLite (RangeBatches.h): batches over the
// rowid, or over the primary key of a WITHOUT ROWID table, each batch in
// its own BEGIN IMMEDIATE transaction, which is SQLite's apply lock. As
// that lock is held per transaction only, the loop reads the checkpoint
// again in each batch and stops when another apply moved it.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/BatchLoop.h"

#include <functional>
#include <memory>

namespace shc {

class LiteralBackups;
class SqliteDb;

/// What the session borrows from apply's runner, so that its statements
/// have the runner's timeouts and busy handling.
struct SqliteBatchHooks {
  /// BEGIN IMMEDIATE, waited for as apply waits.
  std::function<MaybeFailure()> begin;
  /// Runs every statement of `sql`, adding the rows changed to `rows`.
  std::function<MaybeFailure(llvm::StringRef sql, uint64_t *rows)> exec;
  /// Starts the statement timeout for a statement run directly.
  std::function<void()> arm;
  /// The ledger's checksum for a migration, none without a row.
  std::function<llvm::Expected<std::optional<std::string>>(const std::string &)> ledgerChecksum;
};

/// The rows of one SELECT (NULL as ""), under the runner's statement
/// timeout; for the batches and the row backups (SqliteBackups.h).
MaybeFailure sqliteSelect(SqliteDb &db, const SqliteBatchHooks &hooks, const std::string &sql,
                          std::vector<std::vector<std::string>> &rows);
/// Whether the database has a table `name`.
bool sqliteTableExists(SqliteDb &db, const SqliteBatchHooks &hooks, llvm::StringRef name);

/// `backups`: apply --backup's, or null.
std::unique_ptr<BatchSession> sqliteBatchSession(SqliteDb &db, SqliteBatchHooks hooks,
                                                 LiteralBackups *backups = nullptr);

} // namespace shc
