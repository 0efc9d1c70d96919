#include "tools/driver/Session.h"

#include "ir/DiagnosticPrinter.h"
#include "ir/DiagnosticVerifier.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <unistd.h>

using namespace shc;

static bool wantColor(const std::string &mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char *noColor = std::getenv("NO_COLOR");
  if (noColor && *noColor) return false;
  return ::isatty(STDERR_FILENO);
}

Session::Session(const DiagnosticOptions &opts) : opts(opts), useColor(wantColor(opts.color)) {
  diags.setWarningsAsErrors(opts.werror);
  diags.setErrorLimit(opts.verify ? 0 : opts.errorLimit);
}

int Session::finish() {
  std::vector<Diagnostic> all = diags.takeSorted();
  llvm::raw_ostream &err = llvm::errs();
  if (opts.verify) {
    bool ok = verifyDiagnostics(sources, all, err);
    return ok ? 0 : 1;
  }
  for (const Diagnostic &d : all) printDiagnosticText(d, sources, err, useColor);
  printDiagnosticSummary(diags.getNumErrors(), diags.getNumWarnings(), err);
  return diags.hasErrors() ? 1 : 0;
}
