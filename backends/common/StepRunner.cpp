//===- StepRunner.cpp - what every runtime's apply loop shares -----------===//

#include "backends/common/StepRunner.h"

#include "backends/common/BatchLoop.h"

#include <chrono>
#include <thread>

using namespace shc;

StepRunner::StepRunner(const CompiledScript &script, const ApplyOptions &opts)
    : script(script), opts(opts) {
  for (const ScriptStep &s : script.steps)
    report.steps.push_back({s.name, StepStatus::NotRun, 0, "", ""});
}

bool StepRunner::setupFailed(const std::string &message) {
  report.signal = interrupted();
  report.setupError =
      report.signal ? interruptedBy(report.signal) + " (" + message + ")" : message;
  return false;
}

StepRunner::StepStart StepRunner::startStep(size_t i) {
  const ScriptStep &step = script.steps[i];
  if ((report.signal = interrupted()))
    return StepStart::Stop;
  if (opts.progress)
    opts.progress(i, script.steps.size(), step.name);
  if (!step.empty)
    return StepStart::Run;
  StepOutcome &out = report.steps[i];
  out.status = StepStatus::Skipped;
  out.note = "no operations for this dialect";
  return StepStart::Skipped;
}

bool StepRunner::runWithRetries(size_t i, const TryStep &tryStep) {
  if (StepStart start = startStep(i); start != StepStart::Run)
    return start == StepStart::Skipped;
  for (unsigned attempt = 1;; ++attempt) {
    Attempt a = tryStep(script.steps[i], report.steps[i], attempt);
    if (a != Attempt::Retry)
      return a == Attempt::Done;
    std::this_thread::sleep_for(std::chrono::milliseconds(10 * attempt));
  }
}

bool StepRunner::setUpBatches(std::unique_ptr<BatchSession> session,
                              const std::function<std::string(llvm::Error)> &describe) {
  batches = std::move(session);
  llvm::Expected<std::vector<std::string>> left = batches->interruptedMigrations();
  if (!left)
    return setupFailed(describe(left.takeError()));
  interruptedSteps = std::move(*left);
  if (std::string why = checkBatchedTables(*batches, script, opts); !why.empty())
    return setupFailed(why);
  return true;
}

bool StepRunner::isBatchedStep(const ScriptStep &step) const {
  return batches && !opts.dryRun && isBatched(step, opts, interruptedSteps);
}

bool StepRunner::runBatches(const ScriptStep &step, StepOutcome &out) {
  BatchedResult r = runBatchedStep(*batches, step, opts, opts.interrupted);
  if (r.end == BatchedResult::End::Interrupted)
    report.signal = interrupted();
  return reportBatchedStep(r, out);
}
