//===- StepRunner.h - what every runtime's apply loop shares -------*- C++ -*-===//
//
// Each runtime (PostgreSQL, SQLite, MySQL) applies a CompiledScript step by
// step in its own way (docs/apply.md); the bookkeeping around the steps is
// the same everywhere: one NotRun outcome per step to start with, the
// signal check, how a failure before any step reads, and how a step starts.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/CompiledScript.h"
#include "ir/Runtime.h"

#include "llvm/Support/Error.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace shc {

class BatchSession;

class StepRunner {
protected:
  StepRunner(const CompiledScript &script, const ApplyOptions &opts);

  /// The signal that asked apply to stop, or 0.
  int interrupted() const { return opts.interrupted ? opts.interrupted() : 0; }
  /// Apply stopped before any step: `message`, after the signal when one
  /// stopped it. Returns false.
  bool setupFailed(const std::string &message);

  enum class StepStart { Run, Skipped, Stop };
  /// A signal stops apply before step `i`; otherwise progress is reported,
  /// and a step with no operations for the dialect is skipped.
  StepStart startStep(size_t i);

  /// One try at a step: done (go on), retry (the server gave up on the
  /// transaction, a deadlock), or stop apply.
  enum class Attempt { Done, Retry, Stop };
  static constexpr unsigned kMaxAttempts = 8;
  using TryStep = std::function<Attempt(const ScriptStep &, StepOutcome &, unsigned attempt)>;
  /// Starts step `i`, then tries it until it is done or stops, waiting
  /// 10 ms times the attempt number between tries. False when apply stops.
  bool runWithRetries(size_t i, const TryStep &tryStep);

  /// Before any step, outside a dry run (batches commit as they go, so a
  /// dry run runs each operation whole): `session` is what batched steps
  /// run through (BatchLoop.h); reads the migrations an earlier apply left
  /// half done and checks every batched operation's table has a key.
  /// False (with setupError, errors worded by `describe`) when apply may
  /// not start.
  bool setUpBatches(std::unique_ptr<BatchSession> session,
                    const std::function<std::string(llvm::Error)> &describe);
  /// Whether `step` runs in batches in this apply.
  bool isBatchedStep(const ScriptStep &step) const;
  /// Runs `step` in batches, reports it in `out` (and the signal that
  /// stopped it); true when apply goes on. A failure is not retried whole:
  /// apply again resumes it.
  bool runBatches(const ScriptStep &step, StepOutcome &out);

  const CompiledScript &script;
  const ApplyOptions &opts;
  ApplyReport report;

private:
  std::unique_ptr<BatchSession> batches;
  /// Migrations an earlier batched apply left half done.
  std::vector<std::string> interruptedSteps;
};

} // namespace shc
