//===- FuzzUtil.cpp - Shared helpers of the libFuzzer targets -------------===//
#include "FuzzUtil.h"

#include "ir/DiagnosticJson.h"
#include "ir/DiagnosticPrinter.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

using namespace shc;

void fuzz::drainDiagnostics(DiagnosticEngine &diags, const SourceManager &sm) {
  std::string text;
  llvm::raw_string_ostream os(text);
  for (const Diagnostic &d : diags.takeSorted()) {
    printDiagnosticText(d, sm, os, /*color=*/false);
    os << diagnosticToJson(d, sm);
  }
}
