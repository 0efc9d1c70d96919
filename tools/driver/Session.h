#pragma once

#include "ir/Diagnostics.h"
#include "ir/SourceManager.h"

#include <string>
#include <vector>

namespace shc {

/// Options every subcommand shares: how diagnostics are shown and checked.
struct DiagnosticOptions {
  std::string color = "auto"; ///< auto | always | never
  bool werror = false;
  bool verify = false; ///< --verify-diagnostics
  unsigned errorLimit = 100;
};

/// The sources and the diagnostics engine of one run, wired to stderr (or to
/// the verifier). finish() flushes diagnostics and turns them into the exit
/// code: 0 ok (warnings allowed), 1 input errors.
class Session {
public:
  explicit Session(const DiagnosticOptions &opts);
  SourceManager sources;
  DiagnosticEngine diags;

  /// Prints (or verifies) every collected diagnostic, sorted. Returns the exit
  /// code for the input: 0 or 1.
  int finish();

private:
  DiagnosticOptions opts;
  bool useColor = false;
};

} // namespace shc
