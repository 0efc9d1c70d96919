//===- Apply.h - running a compiled script on a live server -----*- C++ -*-===//
//
// apply runs a CompiledScript: the one the backend built from the specs, or
// the one parseCompiledFile recovered from a --ddl file. It holds the
// database's apply lock (ApplyLock.h) from before the preamble to the end,
// runs each step in its own transaction, and checks the step's ledger row
// first, so a migration the ledger has is reported as skipped on every
// dialect.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Runtime.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace shc {

class Connection;
class DiagnosticEngine;
class UpdateOp;
struct CompiledScript;
struct ScriptStep;
struct StatementResult;

/// Each step in its own transaction; stops at the first failure, rolling that
/// step back and keeping the earlier ones. With dryRun, everything runs in one
/// transaction that is rolled back at the end. A step with a ledger row is
/// checked against the ledger first, in its transaction and under the apply
/// lock: skipped when the ledger has it with the same checksum, failed when it
/// changed and is not proved idempotent (ApplyLedger.h).
/// `advisoryLocks` picks the lock that serialises applies (ApplyLock.h).
/// `hooks` (optional) change how apply runs: rehearsals and row backups
/// (RowBackup.h) run each operation on their own.
struct StepHooks;
ApplyReport applyScript(Connection &conn, const CompiledScript &script, const ApplyOptions &opts,
                        bool advisoryLocks, StepHooks *hooks = nullptr);

struct StepHooks {
  virtual ~StepHooks();
  /// After the lock and the preamble, before the first step (in the dry
  /// run's transaction, if any); an error stops apply with nothing run.
  virtual llvm::Error setUp(Connection &conn) = 0;
  /// Runs the step's statements in its transaction, after the ledger check,
  /// instead of its sql; returns their results as Connection::exec does.
  virtual llvm::Expected<std::vector<StatementResult>>
  runStep(Connection &conn, const ScriptStep &step, StepOutcome &out) = 0;
};


} // namespace shc
