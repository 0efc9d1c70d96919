//===- Fuzzcompile.cpp - libFuzzer target: compile end to end -------------===//
//
// A fixed schema (test/lit/Inputs/schema.yaml, embedded at build time) plus
// the fuzzed bytes as a second file → lowering → the whole pass pipeline →
// PostgreSQL emission when the input is clean. This is what
// `schemahero-compile schema.yaml fuzz.yaml` does, without the process.
//
//===----------------------------------------------------------------------===//
#include "ir/AnalysisResults.h"
#include "test/unit/TestDialects.h"
#include "backends/postgres/PostgresCatalog.h"
#include "FuzzUtil.h"
#include "FuzzSchema.inc" // kFuzzSchema

#include "ir/Emitter.h"
#include "frontend/Frontend.h"
#include "frontend/SourceLoader.h"
#include "ir/Module.h"
#include "ir/Verifier.h"
#include "passes/Passes.h"

#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace shc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  SourceManager sm;
  DiagnosticEngine diags;
  diags.setErrorLimit(100);
  std::vector<uint32_t> files;
  files.push_back(addSourceBuffer("schema.yaml", kFuzzSchema, sm, diags));
  std::string contents(reinterpret_cast<const char *>(data), size);
  if (uint32_t f = addSourceBuffer("fuzz.yaml", std::move(contents), sm, diags))
    files.push_back(f);

  Module module(postgresDialect());
  (void)lowerToIR(sm, files, module, dialects(), diags);
  PassManager pm;
  buildDefaultPipeline(pm);
  AnalysisResults results;
  PassContext ctx{diags, sm, postgresCatalog(), results};
  bool ok = succeeded(pm.run(module, ctx)) && !diags.hasErrors();
  if (ok && succeeded(verifyModule(module, diags, /*typed=*/true))) {
    std::string sql;
    llvm::raw_string_ostream os(sql);
    EmitOptions eo;
    eo.toolVersion = "fuzz";
    (void)testutil::emitSQL(module, eo, os, diags, results);
  }
  fuzz::drainDiagnostics(diags, sm);
  return 0;
}
