//===- RehearseReport.h - apply --rehearse's report -------------*- C++ -*-===//
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>

namespace shc {

struct ApplyReport;

struct RehearsalSettings {
  unsigned lockTimeoutMs = 0;
  unsigned statementTimeoutMs = 0;
  unsigned sampleRows = 0;
};

/// Prints the rehearsal on stdout as text, json or markdown (a PR comment):
/// each migration with its rows, time, locks, each operation's sample and
/// error. Returns the exit code: 1 when a migration would fail (or nothing
/// could run), else 0.
int printRehearsal(const ApplyReport &report, const RehearsalSettings &settings,
                   llvm::StringRef format);

/// "1s", "250ms", or "off".
std::string timeoutText(unsigned ms);

} // namespace shc
