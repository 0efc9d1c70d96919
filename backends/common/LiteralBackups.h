//===- LiteralBackups.h - apply --backup on SQLite and MySQL ------*- C++ -*-===//
//
// What PostgreSQL's row backups do (backends/postgres/RowBackup.h), with
// values kept as literals (LiteralStore.h). Each UPDATE or DELETE of a step
// runs on its own, in the step's transaction:
//
//   CREATE TEMPORARY TABLE shc_backup_keys AS
//     SELECT key, key as JSON FROM t WHERE (cond) [FOR UPDATE]
//   INSERT INTO schemahero_data_backups ... SELECT key, values before
//     FROM shc_backup_keys JOIN t ON key
//   the operation
//   UPDATE schemahero_data_backups SET after = (SELECT values after
//     FROM shc_backup_keys JOIN t ON key WHERE shc_kj = key)
//   DROP the temporary table
//
// The keys are read once, so the rows saved are the rows the operation
// changes: SQLite's transaction holds the database, and MySQL's locking
// read locks the rows and the gaps between them. One id (`txid`) marks the
// backup rows of one step; a marker row says the migration was applied with
// --backup even when it changed no row.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/LiteralStore.h"
#include "ir/RowBackup.h"

namespace shc {

class LiteralBackups {
public:
  explicit LiteralBackups(LiteralStore &store) : store(store) {}

  /// Before any step: refuses (naming each operation and why) a script
  /// whose rows cannot all be backed up; creates the backup table.
  MaybeFailure setUp(const CompiledScript &script, bool dryRun);
  /// Runs `step`'s operations with their rows saved, then its ledger row,
  /// in the open transaction; adds the rows changed to `rows`.
  MaybeFailure runStep(const ScriptStep &step, uint64_t &rows);

  // --- for batches (RangeBatches.h), each in a transaction of its own ----------

  /// A new id for the backup rows of one transaction: the time and random
  /// bits, so that two applies never share one.
  static std::string newTxid();
  /// Runs `sql`, which writes the rows `w` names (operation `op`, from 0,
  /// of `migration`), with those rows saved under `txid` (which the
  /// batches of one apply of a migration share, so that it is one backup).
  MaybeFailure runWrite(const std::string &migration, size_t op, const RowWrite &w,
                        const std::string &sql, const std::string &txid, uint64_t &rows);
  /// The row that says `migration` was applied with --backup.
  MaybeFailure mark(const std::string &migration, const std::string &txid);

private:
  LiteralStore &store;
};

/// `backups list` and `backups prune`, on any LiteralStore.
llvm::Expected<std::vector<BackupSummary>> listLiteralBackups(LiteralStore &store);
/// Deletes the backups older than `olderThanMs`; `pruned`: their rows.
/// Within the runtime's lock and transaction.
MaybeFailure pruneLiteralBackups(LiteralStore &store, uint64_t olderThanMs, uint64_t &pruned);

} // namespace shc
