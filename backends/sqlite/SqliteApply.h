//===- SqliteApply.h - running a compiled script on a SQLite file -*- C++ -*-===//
//
// SQLite allows one writer per database file, and `BEGIN IMMEDIATE` takes
// the write lock when the transaction begins rather than at its first
// write. That lock is apply's lock: the preamble runs in a transaction of
// its own, then each step begins with `BEGIN IMMEDIATE`, checks its ledger
// row under the lock (a deferred BEGIN would read the ledger before another
// apply's commit and then fail, or, in WAL mode, read a stale snapshot), runs,
// and commits. While another connection holds the lock, a busy handler waits
// (`--lock-timeout` bounds the wait; by default it waits as long as the
// other apply runs, as PostgreSQL does) and says so once.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Runtime.h"

namespace shc {

class SqliteDb;

/// Each step in its own `BEGIN IMMEDIATE` transaction; stops at the first
/// failure, rolling that step back and keeping the earlier ones. With
/// dryRun, everything runs in one transaction that is rolled back at the
/// end. `lockTimeoutMs` bounds each wait for the write lock (0: no bound),
/// `statementTimeoutMs` each statement; `interrupted` is polled while
/// statements run and while apply waits.
ApplyReport applySqliteScript(SqliteDb &db, const CompiledScript &script, const ApplyOptions &opts);

} // namespace shc
