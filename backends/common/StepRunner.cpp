//===- StepRunner.cpp - what every runtime's apply loop shares -----------===//

#include "backends/common/StepRunner.h"

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
