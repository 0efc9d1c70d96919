#pragma once

#include "llvm/Support/JSON.h"

namespace shc {

struct Diagnostic;
class SourceManager;

/// A diagnostic as the stable JSON object used by `lint --format json` and the
/// `diagnostics` array of `plan --format json`:
///   {"file", "line", "column", "severity", "rule", "message",
///    "notes": [{"file"?, "line"?, "column"?, "message"}]}
/// line and column are 1-based; file/line/column are omitted when the
/// diagnostic has no location.
llvm::json::Value diagnosticToJson(const Diagnostic &d, const SourceManager &sm);

} // namespace shc
