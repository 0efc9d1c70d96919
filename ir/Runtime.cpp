//===- Runtime.cpp - what a dialect answers about a live database ---------===//

#include "ir/Runtime.h"

#include "llvm/Support/Error.h"

#include <csignal>

using namespace shc;

LiveDatabase::~LiveDatabase() = default;
Runtime::~Runtime() = default;

llvm::StringRef shc::stepStatusName(StepStatus s) {
  switch (s) {
  case StepStatus::Applied:
    return "applied";
  case StepStatus::DryRun:
    return "dry-run";
  case StepStatus::RolledBack:
    return "rolled back";
  case StepStatus::NotRun:
    return "not run";
  case StepStatus::Skipped:
    return "skipped";
  case StepStatus::Unknown:
    return "unknown";
  }
  return "?";
}

bool ApplyReport::ok() const {
  if (!setupError.empty() || signal)
    return false;
  for (const StepOutcome &s : steps)
    if (s.status == StepStatus::RolledBack || s.status == StepStatus::NotRun ||
        s.status == StepStatus::Unknown)
      return false;
  return true;
}

std::string shc::interruptedBy(int sig) {
  return "interrupted by " + std::string(sig == SIGINT    ? "SIGINT"
                                         : sig == SIGTERM ? "SIGTERM"
                                                          : "signal " + std::to_string(sig));
}

std::string shc::lockBusyMessage(llvm::StringRef detail) {
  return "another apply holds the lock on this database; gave up waiting (" + detail.str() + ")";
}

static llvm::Error rowBackupsUnsupported() {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "row backups are not supported for this dialect");
}

RevertReport LiveDatabase::revert(llvm::StringRef, const RevertOptions &) {
  RevertReport r;
  r.error = llvm::toString(rowBackupsUnsupported());
  return r;
}

llvm::Expected<std::vector<BackupSummary>> LiveDatabase::backups() {
  return rowBackupsUnsupported();
}

llvm::Expected<uint64_t> LiveDatabase::pruneBackups(uint64_t) { return rowBackupsUnsupported(); }

llvm::Expected<double> LiveDatabase::estimateBackupBytes(llvm::StringRef, llvm::StringRef,
                                                         const std::vector<std::string> &,
                                                         double) {
  return rowBackupsUnsupported();
}

ParsedScript shc::wholeFileScript(CompiledScript script, llvm::StringRef text,
                                  llvm::StringRef name, llvm::StringRef problem) {
  ParsedScript r;
  r.script = std::move(script);
  if (!problem.empty())
    r.warning = "cannot split it at its migration markers: " + problem.str() +
                "; it runs as one step";
  r.script.preamble.clear();
  r.script.steps.clear();
  ScriptStep step;
  step.name = name.str();
  step.sql = text.str();
  r.script.steps.push_back(std::move(step));
  return r;
}
