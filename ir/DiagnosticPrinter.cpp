#include "ir/DiagnosticPrinter.h"

#include "ir/Diagnostics.h"
#include "ir/SourceManager.h"

#include "llvm/Support/raw_ostream.h"

using namespace shc;

static llvm::raw_ostream::Colors colorFor(Severity s) {
  switch (s) {
  case Severity::Error: return llvm::raw_ostream::RED;
  case Severity::Warning: return llvm::raw_ostream::MAGENTA;
  case Severity::Note: return llvm::raw_ostream::CYAN;
  case Severity::Remark: return llvm::raw_ostream::BLUE;
  }
  return llvm::raw_ostream::RED;
}

static void printLocation(SourceLoc loc, const SourceManager &sm, llvm::raw_ostream &os) {
  if (!loc.isValid()) return;
  os << sm.getName(loc.file) << ':' << loc.line << ':' << loc.col << ": ";
}

/// The source line and a caret under `loc`. Tabs in the line are kept in the
/// caret line so the caret lines up whatever the terminal's tab width.
static void printSnippet(SourceLoc loc, uint32_t length, const SourceManager &sm,
                         llvm::raw_ostream &os, bool color) {
  if (!loc.isValid()) return;
  llvm::StringRef line = sm.getLineText(loc.file, loc.line);
  // Do not echo binary garbage or enormous lines back to the terminal.
  if (line.size() > 400 || line.find('\0') != llvm::StringRef::npos) return;
  os << "  " << line << "\n  ";
  size_t col = loc.col ? loc.col - 1 : 0;
  for (size_t i = 0; i < col && i < line.size(); ++i) os << (line[i] == '\t' ? '\t' : ' ');
  if (color) os.changeColor(llvm::raw_ostream::GREEN, true);
  os << '^';
  size_t maxLen = line.size() > col ? line.size() - col : 1;
  for (size_t i = 1; i < length && i < maxLen; ++i) os << '~';
  if (color) os.resetColor();
  os << '\n';
}

static void printHeader(Severity s, llvm::StringRef message, llvm::raw_ostream &os, bool color) {
  if (color) os.changeColor(colorFor(s), true);
  os << severityName(s) << ": ";
  if (color) {
    os.resetColor();
    os.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
  }
  os << message;
  if (color) os.resetColor();
}

void shc::printDiagnosticText(const Diagnostic &d, const SourceManager &sm, llvm::raw_ostream &os,
                              bool color) {
  if (color) os.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
  printLocation(d.loc, sm, os);
  if (color) os.resetColor();
  printHeader(d.severity, d.message, os, color);
  if (!d.rule.empty()) os << " [" << d.rule << "]";
  os << '\n';
  printSnippet(d.loc, d.length, sm, os, color);
  for (const DiagnosticNote &n : d.notes) {
    printLocation(n.loc, sm, os);
    printHeader(Severity::Note, n.message, os, color);
    os << '\n';
    printSnippet(n.loc, 1, sm, os, color);
  }
}

void shc::printDiagnosticSummary(unsigned errors, unsigned warnings, llvm::raw_ostream &os) {
  if (!errors && !warnings) return;
  auto plural = [](unsigned n, const char *word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  if (errors) os << plural(errors, "error");
  if (errors && warnings) os << ", ";
  if (warnings) os << plural(warnings, "warning");
  os << " generated.\n";
}
