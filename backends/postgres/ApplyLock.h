//===- ApplyLock.h - one apply at a time per database -----------*- C++ -*-===//
//
// Two applies of the same migrations may start at once (two deploy jobs, a CI
// retry). Each migration must still run exactly once: apply takes a lock
// keyed on the ledger before the preamble, and checks the ledger for each
// step while it holds it (docs/apply.md).
//
// - PostgreSQL and TimescaleDB: a session-level advisory lock, held from
//   before the preamble to the end. The compiled file's DO blocks take the
//   same key as a transaction-level lock, so `psql -f` of the file waits too.
// - CockroachDB has no advisory locks: every step's serializable transaction
//   first locks the one row of schemahero_data_migrations_lock with SELECT
//   ... FOR UPDATE NOWAIT. When another apply holds it, apply waits for it in
//   a transaction of its own and starts the step's transaction again: one
//   that had waited would read the ledger as it was before the other apply
//   committed (its snapshot is taken when its first statement starts), run
//   the migration for nothing and fail with a serialization error. Such
//   errors (40001) are still retried; the retry finds the ledger row and
//   skips.
//
//===----------------------------------------------------------------------===//
#pragma once


#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <memory>

namespace shc {

class Connection;

class ApplyLock {
public:
  /// An advisory lock, or (for a server without them) a lock row.
  static std::unique_ptr<ApplyLock> create(bool advisoryLocks);
  virtual ~ApplyLock();

  /// Takes the database's apply lock, waiting for another apply to finish
  /// (`waiting` is called first when it must wait). A lock_timeout or
  /// statement_timeout that expires while waiting gives the server's error.
  virtual llvm::Error acquire(Connection &conn, const std::function<void()> &waiting) = 0;
  /// Runs the script's preamble (maybe empty) under the lock, with what the
  /// lock itself needs set up.
  virtual llvm::Error runPreamble(Connection &conn, llvm::StringRef preamble) = 0;
  /// The statement that opens each step's transaction.
  virtual llvm::StringRef beginStep() const = 0;
  /// Called first in each step's transaction, which it may roll back and
  /// begin again (not when `sharedTransaction`: a dry run's one
  /// transaction). Errors are the server's.
  virtual llvm::Error lockStep(Connection &, bool sharedTransaction) {
    return llvm::Error::success();
  }
  /// Gives the lock back (best effort: closing the connection also does).
  virtual void release(Connection &) {}
};

/// The SQLSTATE of a failed lock wait (lock_timeout) and of a cancelled
/// statement (statement_timeout, or a cancel request).
bool isLockWaitTimeout(llvm::StringRef sqlstate);
/// Serialization failures and deadlocks: the transaction may simply be run
/// again.
bool isRetryable(llvm::StringRef sqlstate);

} // namespace shc
