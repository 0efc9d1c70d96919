#pragma once

#include "llvm/ADT/ArrayRef.h"

#include <vector>

namespace llvm {
class raw_ostream;
}

namespace shc {

struct Diagnostic;
class SourceManager;

/// The --verify-diagnostics mode (MLIR's -verify-diagnostics, clang's -verify).
/// Source files carry the diagnostics they expect as comments:
///   # expected-error@+1 {{unknown column}}
///   # expected-warning@-2:14 {{not type-checked}}
///   # expected-note {{first defined here}}     (same line as the comment)
/// `@+N`/`@-N` are relative lines, `@N` an absolute line, and an optional
/// `:COL` also checks the column. The text must be a substring of the message.
/// Every expected diagnostic must be produced and every produced error,
/// warning or note (attached notes included) must be expected; remarks are
/// checked only when expected. Mismatches are printed to `os`; returns true if
/// everything matched.
bool verifyDiagnostics(const SourceManager &sm, llvm::ArrayRef<Diagnostic> produced,
                       llvm::raw_ostream &os);

} // namespace shc
