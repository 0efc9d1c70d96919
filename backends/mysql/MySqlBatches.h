//===- MySqlBatches.h - batched apply on MySQL and MariaDB --------*- C++ -*-===//
//
// The batched loop's session on MySQL (RangeBatches.h): batches over the
// primary key, else a unique index over NOT NULL columns (no prefix
// index), read from information_schema; each batch in its own InnoDB
// transaction, under the GET_LOCK apply holds to the end. Integer and
// decimal keys are written back as numbers, everything else as a string
// literal, so a BIGINT key is never compared as a double.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/BatchLoop.h"
#include "ir/CompiledScript.h"

#include <functional>
#include <string>
#include <vector>
#include <memory>

namespace shc {

class LiteralBackups;
class MySqlDb;

/// `ledgerChecksum` reads a migration's ledger row with a locking read, as
/// apply's runner does (none without a row).
using MySqlLedgerRead =
    std::function<llvm::Expected<std::optional<std::string>>(const std::string &)>;

/// `backups`: apply --backup's, or null.
std::unique_ptr<BatchSession> mysqlBatchSession(MySqlDb &db, MySqlLedgerRead ledgerChecksum,
                                                LiteralBackups *backups = nullptr);

/// What the batches and the row backups (MySqlBackups.h) run through.
/// `e` as either reports it: retryable for a deadlock, and for a lock wait
/// timeout when `retryLockWaits` (a batch is tried again; a whole step,
/// as apply's runner does, only after a deadlock).
BatchFailure mysqlFailure(llvm::Error e, bool retryLockWaits);
/// Runs every statement of `sql`; adds the rows they changed, not the
/// ledger's, to `rows` when given.
MaybeFailure mysqlExecute(MySqlDb &db, llvm::StringRef sql, uint64_t *rows, bool retryLockWaits);
/// The rows of one SELECT, each value as text (NULL as "").
MaybeFailure mysqlSelect(MySqlDb &db, const std::string &sql,
                         std::vector<std::vector<std::string>> &rows, bool retryLockWaits);
/// The head of a DELETE of `w`'s rows: MySQL names an alias before FROM.
std::string mysqlDeleteFrom(const RowWrite &w);

/// A column of a table's key: its name, and its DATA_TYPE.
struct MySqlKeyColumn {
  std::string name, type;
};
/// The key of `table` (as a statement writes it): the primary key, else the
/// first unique index (by name) whose columns are all NOT NULL and whole;
/// none when it has neither. An error when there is no such table.
llvm::Expected<std::vector<MySqlKeyColumn>> mysqlTableKey(MySqlDb &db, const std::string &table);

} // namespace shc
