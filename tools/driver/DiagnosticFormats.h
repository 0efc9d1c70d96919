#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace llvm {
class raw_ostream;
}

namespace shc {

struct Diagnostic;
class SourceManager;

/// What `lint` reports: the final (configured, suppressed, sorted)
/// diagnostics of one run over `numFiles` input files.
struct LintReport {
  const SourceManager &sources;
  llvm::ArrayRef<Diagnostic> diags;
  unsigned numFiles = 0;
  /// Prefix for file paths in SARIF and GitHub output (--uri), so paths can be
  /// made relative to the repository root.
  std::string uriPrefix;
  std::string toolVersion;
};

struct LintCounts {
  unsigned errors = 0, warnings = 0, notes = 0;
};
LintCounts countDiagnostics(llvm::ArrayRef<Diagnostic> diags);

/// gcc/clang style with source line and caret, then
/// "2 errors, 1 warning in 3 files".
void printLintText(const LintReport &r, llvm::raw_ostream &os, bool color);
/// {"diagnostics": [diagnosticToJson...], "summary": {...}}
void printLintJson(const LintReport &r, llvm::raw_ostream &os);
/// SARIF 2.1.0 as GitHub code scanning accepts it.
void printLintSarif(const LintReport &r, llvm::raw_ostream &os);
/// GitHub Actions workflow commands (::error file=...,line=...::message).
void printLintGithub(const LintReport &r, llvm::raw_ostream &os);

/// Escaping of workflow commands: `data` escapes %, CR and LF; a `property`
/// value also escapes ':' and ','.
std::string escapeGithubData(llvm::StringRef s);
std::string escapeGithubProperty(llvm::StringRef s);

} // namespace shc
