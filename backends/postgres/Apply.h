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

struct ApplyOptions {
  bool dryRun = false;
  unsigned lockTimeoutMs = 0;      ///< 0: the server's default
  unsigned statementTimeoutMs = 0; ///< 0: the server's default
  /// Called before each step (index, count, name); for progress output.
  std::function<void(size_t, size_t, llvm::StringRef)> progress;
  /// Called once when another apply holds the lock and this one waits.
  std::function<void()> waiting;
  /// The signal (SIGINT, SIGTERM) that asked apply to stop, or 0. Polled
  /// around every statement; the handler also cancels the running one.
  std::function<int()> interrupted;
};

enum class StepStatus : uint8_t {
  Applied,    ///< committed
  DryRun,     ///< ran, then rolled back with the whole dry run
  RolledBack, ///< failed (or was interrupted) and rolled back
  NotRun,     ///< after a failure
  Skipped,    ///< already applied, or nothing to run
  Unknown,    ///< the connection was lost during COMMIT
};
llvm::StringRef stepStatusName(StepStatus s); ///< "applied", "dry-run", ...

struct StepOutcome {
  std::string name;
  StepStatus status = StepStatus::NotRun;
  uint64_t rows = 0; ///< rows changed by the step's INSERT/UPDATE/DELETE
  std::string note;  ///< why it was skipped or rolled back, for the report
  std::string error;
};

struct ApplyReport {
  std::vector<StepOutcome> steps;
  std::string setupError; ///< the lock, timeouts or preamble failed; nothing ran
  bool lockBusy = false;  ///< another apply held the lock past the timeout
  int signal = 0;         ///< the signal that stopped apply
  bool ok() const;
};

/// Each step in its own transaction; stops at the first failure, rolling that
/// step back and keeping the earlier ones. With dryRun, everything runs in one
/// transaction that is rolled back at the end. A step with a ledger row is
/// checked against the ledger first, in its transaction and under the apply
/// lock: skipped when the ledger has it with the same checksum, failed when it
/// changed and is not proved idempotent (ApplyLedger.h).
ApplyReport applyScript(Connection &conn, const CompiledScript &script, const ApplyOptions &opts);

/// One UPDATE statement of the postgres family, as the compiled file spells
/// it (for EXPLAIN in plan --uri). Empty on an emission error (reported).
std::string postgresUpdateStatement(const UpdateOp &op, DiagnosticEngine &diags);

} // namespace shc
