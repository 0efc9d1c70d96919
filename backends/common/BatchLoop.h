//===- BatchLoop.h - a migration's writes in keyset batches -------*- C++ -*-===//
//
// `batchSize` (an operation's or its migration's) or `apply --batch-size`:
// each UPDATE or DELETE of the migration (ScriptOp::write) runs as batches
// over its table's key, in key order, each batch its own short transaction
// holding the batch and its checkpoint (the operation and the last key
// done). Killed and run again, apply resumes after the checkpoint; a
// migration changed since is refused. Once every operation is done, the
// ledger row is written and the checkpoint removed, in one transaction.
// docs/batching.md.
//
// The loop (resume, retries with backoff, --batch-target, --batch-delay,
// progress) is the same for every runtime; a BatchSession gives the
// runtime's side: its transactions, ledger, checkpoint table and the SQL
// of one batch.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/CompiledScript.h"
#include "ir/Runtime.h"

#include "llvm/Support/Error.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace shc {

/// The batch size of `op` in this apply: its own, else --batch-size when
/// the operation has a write to batch; 0: not batched.
unsigned batchSizeOf(const ScriptOp &op, const ApplyOptions &opts);
/// Whether step `step` runs in batches: one of its operations does, or an
/// earlier apply left it half done (`interrupted`), which only the batched
/// runner resumes.
bool isBatched(const ScriptStep &step, const ApplyOptions &opts,
               const std::vector<std::string> &interrupted);

/// The checkpoint table's name.
llvm::StringRef batchTableName();

/// Where a migration stands: its row in the checkpoint table.
struct BatchCheckpoint {
  std::string checksum;
  size_t op = 0;
  /// The last key done, each column as the session wrote it; empty: the
  /// operation has not started.
  std::vector<std::string> lastKey;
  uint64_t rows = 0, batches = 0;
  unsigned batchSize = 0; ///< of the operation `op`, as it last ran

  bool samePlace(const BatchCheckpoint &o) const {
    return checksum == o.checksum && op == o.op && lastKey == o.lastKey;
  }
};

/// What a batch did.
struct BatchOutcome {
  uint64_t changed = 0; ///< rows updated or deleted
  uint64_t scanned = 0; ///< keys in the batch; fewer than its size: the last
  std::vector<std::string> last; ///< the batch's last key
};

struct BatchFailure {
  std::string message;
  /// A lock timeout, a deadlock or a serialization failure: worth a retry.
  bool retryable = false;
};
using MaybeFailure = std::optional<BatchFailure>;

/// One runtime's side of the batched loop. Every call but begin() runs in
/// the transaction begin() opened, except where it says otherwise.
class BatchSession {
public:
  virtual ~BatchSession() = default;

  /// A transaction, under apply's lock.
  virtual MaybeFailure begin() = 0;
  virtual MaybeFailure commit() = 0;
  virtual void rollback() = 0;

  /// The ledger's verdict on `r`: `skip` when it is applied already; a
  /// failure when it changed and may not run again.
  virtual MaybeFailure decide(const LedgerRecord &r, bool &skip) = 0;
  /// Outside a transaction: creates the checkpoint table when missing.
  virtual MaybeFailure prepareCheckpoints() = 0;
  /// `name`'s checkpoint, or none.
  virtual MaybeFailure readCheckpoint(const std::string &name,
                                      std::optional<BatchCheckpoint> &out) = 0;
  virtual MaybeFailure writeCheckpoint(const std::string &name, const BatchCheckpoint &cp) = 0;
  /// The ledger row of `r` written and its checkpoint removed.
  virtual MaybeFailure finish(const LedgerRecord &r) = 0;

  /// Operation `op` of `step`, not batched, whole; adds the rows it
  /// changed.
  virtual MaybeFailure runWhole(const ScriptStep &step, size_t op, uint64_t &rows) = 0;
  /// One batch of the write of operation `op` of `step`: at most `size`
  /// keys after `last` (empty: from the start), in key order.
  virtual MaybeFailure runBatch(const ScriptStep &step, size_t op,
                                const std::vector<std::string> &last, unsigned size,
                                BatchOutcome &out) = 0;
  /// Outside a transaction: the rows `w` would change, as the planner
  /// guesses; -1: no guess.
  virtual double estimate(const RowWrite &) { return -1; }

  /// Outside a transaction: the columns batches of `table` are ordered by;
  /// none when it has no key to order by.
  virtual llvm::Expected<std::vector<std::string>> keyOf(const std::string &table) = 0;
  /// Outside a transaction: the migrations an earlier apply left half done.
  virtual llvm::Expected<std::vector<std::string>> interruptedMigrations() = 0;
};

/// Before anything runs: every batched operation names a table with a key.
/// The message of the first that does not, or "".
std::string checkBatchedTables(BatchSession &s, const CompiledScript &script,
                               const ApplyOptions &opts);

/// How a batched step ended.
struct BatchedResult {
  enum class End { Done, Skipped, Failed, Interrupted } end = End::Done;
  std::string error;
  uint64_t rows = 0;
  uint64_t batches = 0;
  bool resumed = false;
};

/// Runs `step` in batches; `interrupted` is polled between batches.
BatchedResult runBatchedStep(BatchSession &s, const ScriptStep &step, const ApplyOptions &opts,
                             const std::function<int()> &interrupted);

/// How a runtime reports a batched step: `out` from `r`. Returns whether
/// apply goes on.
bool reportBatchedStep(const BatchedResult &r, StepOutcome &out);

} // namespace shc
