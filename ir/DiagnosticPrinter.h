#pragma once

namespace llvm {
class raw_ostream;
}

namespace shc {

struct Diagnostic;
class SourceManager;

/// Renders a diagnostic the way gcc and clang do:
///   path:line:col: error: message [rule]
///     <source line>
///         ^~~~
/// followed by its notes. Colour is used only when `color` is set (the caller
/// decides: a terminal, and NO_COLOR unset).
void printDiagnosticText(const Diagnostic &diag, const SourceManager &sm, llvm::raw_ostream &os,
                         bool color);

/// "2 errors, 1 warning generated." style summary; nothing when both are 0.
void printDiagnosticSummary(unsigned errors, unsigned warnings, llvm::raw_ostream &os);

} // namespace shc
