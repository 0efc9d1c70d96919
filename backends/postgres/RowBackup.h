//===- RowBackup.h - row backups for apply --backup and revert --*- C++ -*-===//
//
// apply --backup saves, before each UPDATE or DELETE and in its transaction,
// the rows it changes into schemahero_data_backups: the key (the table's
// primary key, else a unique index over NOT NULL columns) and the changed
// columns as jsonb, the whole row for a DELETE; after an UPDATE, the values
// it wrote, so that revert (Revert.h) restores only rows that still hold
// them. The statements are built from the compiled script's RowWrite parts
// (ir/CompiledScript.h), never from SQL text. docs/rehearse-backup-revert.md.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/LiteralStore.h"
#include "backends/postgres/Apply.h"
#include "ir/CompiledScript.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace shc {

class Connection;

/// The statement that creates the backup table (backupTableName()) if
/// missing.
std::string createBackupTableSql();

/// The key columns of the table `table` (as a RowWrite names it): its
/// primary key, else its first unique, non-partial index over plain NOT
/// NULL columns; empty when it has none. An error when there is no such
/// table.
llvm::Expected<std::vector<std::string>> tableKey(Connection &conn, llvm::StringRef table);

/// The table's key, looked up once per table.
class TableKeys {
public:
  llvm::Expected<const std::vector<std::string> *> get(Connection &conn, llvm::StringRef table);

private:
  llvm::StringMap<std::vector<std::string>> keys;
};

/// `jsonb_build_object('a', q.a, ...)` over `columns`, each qualified by
/// `qualifier` when it is not empty; `'{}'::jsonb` for none.
std::string jsonObject(const std::vector<std::string> &columns, llvm::StringRef qualifier);
/// `q.a, q.b`, for ORDER BY.
std::string columnList(const std::vector<std::string> &columns, llvm::StringRef qualifier);
/// The name its columns are qualified by in the write's own statement: the
/// alias, else the table's name without its schema.
std::string rowName(const RowWrite &w);
/// `table [AS alias]`.
std::string fromItem(const RowWrite &w);
/// ` WHERE (condition)`, or "".
std::string whereClause(const RowWrite &w);
/// The write without its condition: `UPDATE table [AS alias] SET ...` or
/// `DELETE FROM table [AS alias]`.
std::string writeHead(const RowWrite &w);
/// What a write's sample and backup record: the columns it sets (jsonb), or
/// the whole row for a DELETE.
std::string changedValues(const RowWrite &w);

/// The row that says `migration` was applied with --backup (a migration
/// that changed no row was still backed up).
std::string backupMarkerSql(llvm::StringRef migration);

/// Operation `i` of `step`, in the open transaction, with the rows it
/// changes saved: before it, their key and pre-image (locked, FOR UPDATE);
/// after it, the values it wrote.
llvm::Expected<std::vector<StatementResult>> runWithBackup(Connection &conn, TableKeys &keys,
                                                           const ScriptStep &step, size_t i);

/// LiveDatabase::estimateBackupBytes: from pg_stats' average widths (the
/// type's length, or 32 bytes, for a column without statistics), each value
/// with its name in jsonb, plus the backup row's own columns and index
/// entry.
llvm::Expected<double> estimateBackupBytes(Connection &conn, llvm::StringRef schema,
                                           llvm::StringRef table,
                                           const std::vector<std::string> &columns, double rows);

/// Saves the rows of each UPDATE and DELETE before it runs; refuses, before
/// anything runs, a migration whose rows cannot be named or keyed.
class BackupHooks : public StepHooks {
public:
  explicit BackupHooks(const CompiledScript &script) : script(script) {}
  llvm::Error setUp(Connection &conn) override;
  llvm::Expected<std::vector<StatementResult>> runStep(Connection &conn, const ScriptStep &step,
                                                       StepOutcome &out) override;

private:
  const CompiledScript &script;
  TableKeys keys;
};

} // namespace shc
