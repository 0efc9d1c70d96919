//===- MySqlBackups.h - row backups, revert and rehearsals on MySQL -*- C++ -*-===//
//
// MySQL's LiteralStore (backends/common/LiteralStore.h). Values are kept as
// literals the server reads back exactly:
//
// - numbers as CAST(x AS CHAR): integers and decimals whole, and FLOAT and
//   DOUBLE as the shortest text that reads back as the same value;
// - strings (also ENUM, SET and JSON) as `_charset X'hex'`, their bytes in
//   their own character set, so that a key compares under the column's
//   collation and can use its index;
// - bytes as X'hex', BIT as b'bits', dates and times as quoted text.
//
// The key is the one batches use (MySqlBatches.h). The rows a write
// changes are read with a locking read (FOR UPDATE), which in InnoDB also
// locks the gaps between them, so no row can join them before the write.
// revert runs under apply's GET_LOCK, in one transaction.
// docs/rehearse-backup-revert.md.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/LiteralStore.h"
#include "ir/RowBackup.h"

#include <memory>

namespace shc {

class MySqlDb;

std::unique_ptr<LiteralStore> mysqlLiteralStore(MySqlDb &db);

RevertReport revertMySql(MySqlDb &db, llvm::StringRef migration, const RevertOptions &opts);
llvm::Expected<std::vector<BackupSummary>> listMySqlBackups(MySqlDb &db);
llvm::Expected<uint64_t> pruneMySqlBackups(MySqlDb &db, uint64_t olderThanMs);

/// LiveDatabase::estimateBackupBytes, roughly: the table's AVG_ROW_LENGTH
/// shared out over its columns, each value's literal about twice its bytes
/// (hex), with its name in JSON; plus about 120 bytes for the backup row's
/// own columns and index entry.
llvm::Expected<double> estimateMySqlBackupBytes(MySqlDb &db, llvm::StringRef schema,
                                                llvm::StringRef table,
                                                const std::vector<std::string> &columns,
                                                double rows);

} // namespace shc
