//===- Revert.h - revert and the backups commands on PostgreSQL -*- C++ -*-===//
//
// revert restores what apply --backup saved (RowBackup.h), newest operation
// first, in one transaction under the apply lock: an UPDATE's rows where the
// changed columns still hold what it wrote, a DELETE's rows where no row has
// their key. Any other row is a conflict, left alone and reported (`force`
// restores an UPDATE's changed rows and replaces a DELETE's re-used keys).
// Restored backup rows are marked reverted; conflicts stay pending, so a
// later revert --force can take them. The migration's ledger row goes, so
// that the next apply runs it again. docs/rehearse-backup-revert.md.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/RowBackup.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace shc {

class Connection;

RevertReport revertMigration(Connection &conn, llvm::StringRef migration,
                             const RevertOptions &opts);
llvm::Expected<std::vector<BackupSummary>> listBackups(Connection &conn);
llvm::Expected<uint64_t> pruneBackups(Connection &conn, uint64_t olderThanMs);

} // namespace shc
