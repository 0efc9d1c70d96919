//===- MySqlApply.h - running a compiled script on MySQL or MariaDB -*- C++ -*-===//
//
// apply's guarantees (docs/apply.md) on MySQL:
//
// - The lock: GET_LOCK on `schemahero_data_migrations.<database>` (a
//   session-level lock, server-wide by name) before the preamble, held to the
//   end, then RELEASE_LOCK (closing the connection also releases it).
//   `--lock-timeout` bounds the wait for it.
// - One transaction per step: START TRANSACTION, the ledger row read with
//   SELECT ... FOR UPDATE (a locking read sees the latest committed row, not
//   the transaction's snapshot), the step's statements one by one, COMMIT.
// - MySQL commits implicitly before and after DDL, and at transaction
//   control, LOCK TABLES and the like. A step holding such a statement would
//   be half applied and its ledger row written apart from its data, so apply
//   refuses the whole script before it takes the lock: nothing runs. The
//   preamble (the ledger's CREATE TABLE) runs before the first step, outside
//   any step's transaction.
// - A dry run: one transaction rolled back at the end; the preamble's
//   CREATE TABLE IF NOT EXISTS of a table that does not exist runs as
//   CREATE TEMPORARY TABLE (which commits nothing and is gone with the
//   connection), and is skipped for one that exists.
// - Timeouts: innodb_lock_wait_timeout and lock_wait_timeout (whole seconds,
//   rounded up) for --lock-timeout, which is also GET_LOCK's timeout;
//   MariaDB's max_statement_time (seconds, fractional) or MySQL's
//   max_execution_time (milliseconds, SELECT only) for --statement-timeout.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Runtime.h"

namespace shc {

class MySqlDb;

/// Runs `script` under apply's lock, each step in its own transaction; stops
/// at the first failure, rolling that step back and keeping the earlier ones.
ApplyReport applyMySqlScript(MySqlDb &db, const CompiledScript &script, const ApplyOptions &opts);

/// Why `sql` (one step's statements) cannot run in one MySQL transaction:
/// the first statement that would commit implicitly or that apply cannot
/// run on its own, and why; "" when every statement can.
std::string mysqlStepProblem(llvm::StringRef sql);

/// The statements of `sql`, as apply runs them one at a time, each with
/// whether it writes the ledger (an INSERT, REPLACE or DELETE of
/// schemahero_data_migrations, whose rows are not counted).
struct MySqlStatement {
  std::string text;
  bool writesLedger = false;
};
std::vector<MySqlStatement> splitMySqlStatements(llvm::StringRef sql);

} // namespace shc
