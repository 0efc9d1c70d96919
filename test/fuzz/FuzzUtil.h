//===- FuzzUtil.h - Shared helpers of the libFuzzer targets -----*- C++ -*-===//
#pragma once

#include "ir/Diagnostics.h"
#include "ir/SourceManager.h"

namespace shc::fuzz {

/// Renders every pending diagnostic as text and as JSON (so the printers see
/// fuzzed positions too) into a scratch buffer, then drops them.
void drainDiagnostics(DiagnosticEngine &diags, const SourceManager &sm);

} // namespace shc::fuzz
