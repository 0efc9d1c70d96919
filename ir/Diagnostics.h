#pragma once

#include "ir/Location.h"

#include "llvm/ADT/StringRef.h"

#include <functional>
#include <string>
#include <vector>

namespace shc {

enum class Severity { Error, Warning, Note, Remark };
llvm::StringRef severityName(Severity s);

struct DiagnosticNote {
  SourceLoc loc; ///< may be invalid: a note without a position ("hint")
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLoc loc;
  uint32_t length = 1; ///< bytes to underline at loc (1 = caret only)
  std::string rule;    ///< stable rule id, e.g. "unknown-column"
  std::string message;
  std::vector<DiagnosticNote> notes;
};

class DiagnosticEngine;

/// Builder returned by DiagnosticEngine::error() and friends. The diagnostic is
/// reported when the builder goes out of scope, so notes can be chained:
///   diags.error(loc, "unknown-column", msg).note(other, "defined here");
class InFlightDiagnostic {
public:
  InFlightDiagnostic(DiagnosticEngine *engine, Diagnostic d) : engine(engine), diag(std::move(d)) {}
  InFlightDiagnostic(InFlightDiagnostic &&other) noexcept
      : engine(other.engine), diag(std::move(other.diag)) {
    other.engine = nullptr;
  }
  InFlightDiagnostic(const InFlightDiagnostic &) = delete;
  InFlightDiagnostic &operator=(const InFlightDiagnostic &) = delete;
  ~InFlightDiagnostic() { report(); }

  InFlightDiagnostic &note(SourceLoc loc, std::string message);
  /// A note without a location, printed as "note: ..." (clang's fix-it hints).
  InFlightDiagnostic &hint(std::string message);
  InFlightDiagnostic &length(uint32_t n);
  /// Always a failed LogicalResult, so checkers can `return diags.error(...);`.
  operator LogicalResult() { report(); return failure(); }

  void report();

private:
  DiagnosticEngine *engine;
  Diagnostic diag;
};

/// The one diagnostics engine every layer reports through. It collects
/// diagnostics; flush() hands them, sorted by file, line and column, to the
/// installed handler (text printer, JSON, SARIF, or a test's collector).
class DiagnosticEngine {
public:
  using Handler = std::function<void(const Diagnostic &)>;

  InFlightDiagnostic error(SourceLoc loc, llvm::StringRef rule, std::string message);
  InFlightDiagnostic warning(SourceLoc loc, llvm::StringRef rule, std::string message);
  InFlightDiagnostic remark(SourceLoc loc, llvm::StringRef rule, std::string message);
  /// A standalone note (e.g. "skipping kind: Database").
  InFlightDiagnostic note(SourceLoc loc, llvm::StringRef rule, std::string message);

  void report(Diagnostic d);

  /// Overrides the severity of a rule; `enabled=false` drops it entirely.
  /// Errors that come from the compiler itself (rule ids without a config
  /// entry) keep their severity.
  void setRuleSeverity(llvm::StringRef rule, Severity s);
  void disableRule(llvm::StringRef rule);
  void setWarningsAsErrors(bool v) { werror = v; }

  /// After this many errors, one "too many errors" error is recorded and every
  /// later diagnostic is dropped. 0 means no limit.
  void setErrorLimit(unsigned n) { errorLimit = n; }
  bool reachedErrorLimit() const { return limitHit; }

  unsigned getNumErrors() const { return numErrors; }
  unsigned getNumWarnings() const { return numWarnings; }
  bool hasErrors() const { return numErrors != 0; }

  void setHandler(Handler h) { handler = std::move(h); }
  /// Sorts the pending diagnostics, passes each to the handler, and clears them.
  void flush();
  /// The pending (not yet flushed) diagnostics, in report order.
  const std::vector<Diagnostic> &pending() const { return diags; }
  /// Takes the pending diagnostics, sorted, without calling the handler.
  std::vector<Diagnostic> takeSorted();

private:
  struct Override {
    std::string rule;
    bool enabled;
    Severity severity;
  };
  std::vector<Diagnostic> diags;
  std::vector<Override> overrides;
  Handler handler;
  unsigned numErrors = 0, numWarnings = 0, errorLimit = 0;
  bool limitHit = false, werror = false;
};

} // namespace shc
