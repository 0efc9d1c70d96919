#pragma once


#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace shc {

struct CompiledScript;

struct ApplyCommandOptions {
  std::string uri;
  bool dryRun = false;
  unsigned lockTimeoutMs = 0;
  unsigned statementTimeoutMs = 0;
  /// The dialect key: the target of specs; for a --ddl file whose header
  /// names no dialect, the dialect it was compiled for.
  std::string dialect;
  /// --rehearse (one transaction, rolled back, reported per operation in
  /// `format`: text, json, markdown) and --backup (ir/RowBackup.h).
  bool rehearse = false;
  unsigned sampleRows = 5;
  std::string format = "text";
  bool backup = false;
  /// --batch-size, --batch-delay, --batch-target (ms) and --progress
  /// (auto, text, json, none) for batched migrations (docs/batching.md).
  unsigned batchSize = 0;
  unsigned batchDelayMs = 0;
  unsigned batchTargetMs = 0;
  std::string progress = "auto";
};

/// The dialects with a runtime, which apply, revert and backups can reach.
std::vector<std::string> runtimeDialectKeys();

/// --lock-timeout / --statement-timeout into milliseconds, unchanged when
/// `text` is empty; false (reported) when the value is not a duration.
bool parseTimeout(const std::string &flag, const std::string &text, unsigned &ms);

/// Applies `script` and prints the report: one line per migration, then a
/// summary. Returns the exit code: 0 every migration applied or skipped, 1 a
/// migration failed (or another apply held the lock past --lock-timeout), 2
/// the database could not be reached, 128 + N when signal N stopped it.
int applyCompiledScript(const CompiledScript &script, const ApplyCommandOptions &opts,
                        llvm::StringRef tool);

/// Applies a compiled SQL file (--ddl, and kubectl-schemahero apply): split
/// at the migration markers that can be proved to be the file's own
/// (ScriptParse.h), else one step with a warning.
int applyCompiledFile(llvm::StringRef sql, llvm::StringRef name, const ApplyCommandOptions &opts,
                      llvm::StringRef tool);

} // namespace shc
