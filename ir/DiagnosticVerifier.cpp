#include "ir/DiagnosticVerifier.h"

#include "ir/Diagnostics.h"
#include "ir/SourceManager.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace shc;

namespace {

struct Expectation {
  Severity severity;
  SourceLoc loc; ///< line (and col if `checkCol`) the diagnostic must have
  bool checkCol = false;
  std::string text;
  uint32_t directiveLine;
  bool matched = false;
};

/// One produced diagnostic or attached note, flattened for matching.
struct Produced {
  Severity severity;
  SourceLoc loc;
  std::string message;
  bool matched = false;
};

} // namespace

static bool parseSeverity(llvm::StringRef &s, Severity &out) {
  static const std::pair<const char *, Severity> kinds[] = {
      {"expected-error", Severity::Error},
      {"expected-warning", Severity::Warning},
      {"expected-note", Severity::Note},
      {"expected-remark", Severity::Remark}};
  for (auto &[name, sev] : kinds) {
    if (s.consume_front(name)) {
      out = sev;
      return true;
    }
  }
  return false;
}

/// Parses the directives on one line; reports malformed ones to `os`.
static void parseLine(const SourceManager &sm, uint32_t file, uint32_t lineNo,
                      llvm::StringRef line, std::vector<Expectation> &out, llvm::raw_ostream &os,
                      bool &ok) {
  size_t pos;
  while ((pos = line.find("expected-")) != llvm::StringRef::npos) {
    line = line.drop_front(pos);
    Expectation e;
    e.directiveLine = lineNo;
    if (!parseSeverity(line, e.severity)) {
      line = line.drop_front(9);
      continue;
    }
    e.loc = SourceLoc{file, lineNo, 0};
    if (line.consume_front("@")) {
      bool rel = line.startswith("+") || line.startswith("-");
      bool neg = line.startswith("-");
      if (rel) line = line.drop_front(1);
      unsigned n = 0;
      size_t digits = line.find_first_not_of("0123456789");
      if (digits == 0 || line.substr(0, digits).getAsInteger(10, n)) {
        os << sm.getName(file) << ':' << lineNo << ": error: malformed expected-* line offset\n";
        ok = false;
        return;
      }
      line = line.drop_front(digits == llvm::StringRef::npos ? line.size() : digits);
      e.loc.line = rel ? (neg ? lineNo - n : lineNo + n) : n;
      if (line.consume_front(":")) {
        size_t d2 = line.find_first_not_of("0123456789");
        unsigned col = 0;
        if (line.substr(0, d2).getAsInteger(10, col)) {
          os << sm.getName(file) << ':' << lineNo << ": error: malformed expected-* column\n";
          ok = false;
          return;
        }
        line = line.drop_front(d2 == llvm::StringRef::npos ? line.size() : d2);
        e.loc.col = col;
        e.checkCol = true;
      }
    }
    line = line.ltrim();
    size_t open = line.find("{{");
    size_t close = line.find("}}");
    if (!line.startswith("{{") || close == llvm::StringRef::npos || close < open) {
      os << sm.getName(file) << ':' << lineNo << ": error: expected '{{text}}' after expected-*\n";
      ok = false;
      return;
    }
    e.text = line.slice(2, close).str();
    line = line.drop_front(close + 2);
    out.push_back(std::move(e));
  }
}

static std::string describe(const SourceManager &sm, SourceLoc loc) {
  std::string s = sm.getName(loc.file).str() + ":" + std::to_string(loc.line);
  if (loc.col) s += ":" + std::to_string(loc.col);
  return s;
}

bool shc::verifyDiagnostics(const SourceManager &sm, llvm::ArrayRef<Diagnostic> produced,
                            llvm::raw_ostream &os) {
  bool ok = true;
  std::vector<Expectation> expected;
  for (uint32_t f = 1; f <= sm.getNumBuffers(); ++f) {
    llvm::StringRef buf = sm.getBuffer(f);
    if (buf.find("expected-") == llvm::StringRef::npos) continue;
    uint32_t lineNo = 0;
    while (!buf.empty()) {
      auto [line, rest] = buf.split('\n');
      ++lineNo;
      if (line.find("expected-") != llvm::StringRef::npos)
        parseLine(sm, f, lineNo, line, expected, os, ok);
      buf = rest;
    }
  }

  std::vector<Produced> got;
  for (const Diagnostic &d : produced) {
    got.push_back({d.severity, d.loc, d.message});
    for (const DiagnosticNote &n : d.notes)
      if (n.loc.isValid()) got.push_back({Severity::Note, n.loc, n.message});
  }

  for (Expectation &e : expected) {
    for (Produced &p : got) {
      if (p.matched || p.severity != e.severity || p.loc.file != e.loc.file ||
          p.loc.line != e.loc.line || (e.checkCol && p.loc.col != e.loc.col) ||
          p.message.find(e.text) == std::string::npos)
        continue;
      p.matched = e.matched = true;
      break;
    }
    if (!e.matched) {
      ok = false;
      os << describe(sm, e.loc) << ": error: expected " << severityName(e.severity) << " \""
         << e.text << "\" was not produced (directive on line " << e.directiveLine << ")\n";
    }
  }
  for (const Produced &p : got) {
    if (p.matched || p.severity == Severity::Remark) continue;
    ok = false;
    os << (p.loc.isValid() ? describe(sm, p.loc) : std::string("<no location>"))
       << ": error: unexpected " << severityName(p.severity) << ": " << p.message << "\n";
  }
  return ok;
}
