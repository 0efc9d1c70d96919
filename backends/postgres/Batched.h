//===- Batched.h - apply an UPDATE or DELETE in keyset batches -----*- C++ -*-===//
//
// `batchSize` (an operation's or its migration's) or `apply --batch-size`:
// the operation's write (RowWrite) runs as batches over the table's key
// (its primary key, else a unique NOT NULL key), in key order, each batch
// its own short transaction:
//
//   WITH shc_batch AS (SELECT key FROM t WHERE key > last AND (where)
//                      ORDER BY key LIMIT n),
//        shc_done AS (UPDATE t SET ... FROM shc_batch WHERE t.key = shc_batch.key
//                     AND (where) RETURNING 1)
//   SELECT count(*) of shc_done, rows of shc_batch, the batch's last key
//
// The checkpoint (the operation and the last key done) is written to
// schemahero_data_batches in the same transaction as its batch, so each row
// is changed exactly once even when apply is killed and run again: a new
// run resumes after the checkpoint, and refuses a migration that changed
// since. The ledger row is written, and the checkpoint removed, once every
// operation is done. docs/batching.md.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/CompiledScript.h"
#include "ir/Runtime.h"

#include "llvm/Support/Error.h"

#include <functional>
#include <string>

namespace shc {

class ApplyLock;
class Connection;

/// The batch size of `op` in this apply: its own, else --batch-size when
/// the operation has a write to batch; 0: not batched.
unsigned batchSizeOf(const ScriptOp &op, const ApplyOptions &opts);
/// The migrations a batched apply left half done (their checkpoints); none
/// when the checkpoint table does not exist.
llvm::Expected<std::vector<std::string>> interruptedMigrations(Connection &conn);
/// Whether step `step` runs in batches: one of its operations does, or an
/// earlier apply left it half done (`interrupted`), which only the batched
/// runner resumes.
bool isBatched(const ScriptStep &step, const ApplyOptions &opts,
               const std::vector<std::string> &interrupted);

/// The checkpoint table's name.
llvm::StringRef batchTableName();

/// Before anything runs: every batched operation names a table with a key.
/// The message of the first that does not, or "".
std::string checkBatchedTables(Connection &conn, const CompiledScript &script,
                               const ApplyOptions &opts);

/// How a batched step ended.
struct BatchedResult {
  enum class End { Done, Skipped, Failed, Interrupted } end = End::Done;
  std::string error;
  uint64_t rows = 0;
  uint64_t batches = 0;
  bool resumed = false;
};

/// Runs `step` in batches. `lock` brackets each transaction as the apply
/// lock wants; `interrupted` is polled between batches.
BatchedResult runBatchedStep(Connection &conn, ApplyLock &lock, const ScriptStep &step,
                             const ApplyOptions &opts, const std::function<int()> &interrupted);

} // namespace shc
