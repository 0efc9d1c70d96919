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

#include <functional>
#include <string>

namespace shc {

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

  const CompiledScript &script;
  const ApplyOptions &opts;
  ApplyReport report;
};

} // namespace shc
