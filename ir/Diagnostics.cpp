#include "ir/Diagnostics.h"

#include <algorithm>

using namespace shc;

llvm::StringRef shc::severityName(Severity s) {
  switch (s) {
  case Severity::Error: return "error";
  case Severity::Warning: return "warning";
  case Severity::Note: return "note";
  case Severity::Remark: return "remark";
  }
  return "error";
}

InFlightDiagnostic &InFlightDiagnostic::note(SourceLoc loc, std::string message) {
  diag.notes.push_back({loc, std::move(message)});
  return *this;
}

InFlightDiagnostic &InFlightDiagnostic::hint(std::string message) {
  diag.notes.push_back({SourceLoc(), std::move(message)});
  return *this;
}

InFlightDiagnostic &InFlightDiagnostic::length(uint32_t n) {
  diag.length = n ? n : 1;
  return *this;
}

void InFlightDiagnostic::report() {
  if (!engine) return;
  DiagnosticEngine *e = engine;
  engine = nullptr;
  e->report(std::move(diag));
}

static Diagnostic make(Severity s, SourceLoc loc, llvm::StringRef rule, std::string message) {
  Diagnostic d;
  d.severity = s;
  d.loc = loc;
  d.rule = rule.str();
  d.message = std::move(message);
  return d;
}

InFlightDiagnostic DiagnosticEngine::error(SourceLoc loc, llvm::StringRef rule, std::string m) {
  return InFlightDiagnostic(this, make(Severity::Error, loc, rule, std::move(m)));
}
InFlightDiagnostic DiagnosticEngine::warning(SourceLoc loc, llvm::StringRef rule, std::string m) {
  return InFlightDiagnostic(this, make(Severity::Warning, loc, rule, std::move(m)));
}
InFlightDiagnostic DiagnosticEngine::remark(SourceLoc loc, llvm::StringRef rule, std::string m) {
  return InFlightDiagnostic(this, make(Severity::Remark, loc, rule, std::move(m)));
}
InFlightDiagnostic DiagnosticEngine::note(SourceLoc loc, llvm::StringRef rule, std::string m) {
  return InFlightDiagnostic(this, make(Severity::Note, loc, rule, std::move(m)));
}

void DiagnosticEngine::setRuleSeverity(llvm::StringRef rule, Severity s) {
  overrides.push_back({rule.str(), true, s});
}

void DiagnosticEngine::disableRule(llvm::StringRef rule) {
  overrides.push_back({rule.str(), false, Severity::Note});
}

void DiagnosticEngine::report(Diagnostic d) {
  if (limitHit) return;
  // The last matching override wins, so a config file can refine a default.
  for (auto it = overrides.rbegin(); it != overrides.rend(); ++it) {
    if (it->rule != d.rule) continue;
    if (!it->enabled) return;
    d.severity = it->severity;
    break;
  }
  if (werror && d.severity == Severity::Warning) d.severity = Severity::Error;
  if (d.severity == Severity::Error) {
    if (errorLimit && numErrors >= errorLimit) {
      limitHit = true;
      Diagnostic stop = make(Severity::Error, SourceLoc(), "too-many-errors",
                             "too many errors emitted, stopping now");
      ++numErrors;
      diags.push_back(std::move(stop));
      return;
    }
    ++numErrors;
  } else if (d.severity == Severity::Warning) {
    ++numWarnings;
  }
  diags.push_back(std::move(d));
}

std::vector<Diagnostic> DiagnosticEngine::takeSorted() {
  std::vector<Diagnostic> out = std::move(diags);
  diags.clear();
  // Diagnostics without a location (I/O, the error limit) go last; the rest by
  // position. stable_sort keeps report order for equal positions.
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic &a, const Diagnostic &b) {
    if (a.loc.isValid() != b.loc.isValid()) return a.loc.isValid();
    return a.loc < b.loc;
  });
  return out;
}

void DiagnosticEngine::flush() {
  std::vector<Diagnostic> out = takeSorted();
  if (!handler) return;
  for (const Diagnostic &d : out) handler(d);
}
