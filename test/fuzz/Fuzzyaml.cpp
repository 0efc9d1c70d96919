//===- Fuzzyaml.cpp - libFuzzer target: YAML frontend ---------------------===//
//
// Bytes → one source file → YAML documents → lowering to IR → diagnostics.
// Every input must give diagnostics, never a crash, a hang or a leak.
//
//===----------------------------------------------------------------------===//
#include "test/unit/TestDialects.h"
#include "FuzzUtil.h"

#include "frontend/Frontend.h"
#include "frontend/SourceLoader.h"
#include "ir/Module.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace shc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  SourceManager sm;
  DiagnosticEngine diags;
  diags.setErrorLimit(100);
  std::string contents(reinterpret_cast<const char *>(data), size);
  uint32_t file = addSourceBuffer("fuzz.yaml", std::move(contents), sm, diags);
  Module module(postgresDialect());
  if (file != 0) (void)lowerToIR(sm, {file}, module, dialects(), diags);
  fuzz::drainDiagnostics(diags, sm);
  return 0;
}
