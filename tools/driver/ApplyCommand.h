#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>

namespace shc {

struct ApplyCommandOptions {
  std::string uri;
  bool dryRun = false;
  unsigned lockTimeoutMs = 0;
  unsigned statementTimeoutMs = 0;
};

/// Applies compiled SQL (what `compile` writes, or any SQL file) and prints
/// the report: one line per migration, then a summary. Shared by `apply` and
/// kubectl-schemahero. Returns the exit code: 0 all applied, 1 a migration
/// failed, 2 the database could not be reached.
int applyCompiledSql(llvm::StringRef sql, llvm::StringRef name, const ApplyCommandOptions &opts,
                     llvm::StringRef tool);

} // namespace shc
