//===- Fuzzexpr.cpp - libFuzzer target: SQL expression parser -------------===//
//
// Bytes → parseExpression → (when it parses) PostgreSQL re-emission, both
// minimal and fully parenthesised. Diagnostics are rendered against a buffer
// holding the same text, so their positions are checked too.
//
//===----------------------------------------------------------------------===//
#include "test/unit/TestDialects.h"
#include "FuzzUtil.h"

#include "backends/postgres/PostgresBackend.h"
#include "frontend/ExprParser.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace shc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  SourceManager sm;
  DiagnosticEngine diags;
  std::string text(reinterpret_cast<const char *>(data), size);
  uint32_t file = sm.addBuffer("fuzz.sql", text);
  ScalarLocator locator(SourceLoc{file, 1, 1});
  if (ExprPtr e = parseExpression(text, locator, postgresCatalog(), diags)) {
    for (bool full : {false, true}) {
      PostgresExprEmitter emitter(diags);
      emitter.setFullyParenthesized(full);
      std::string out;
      (void)emitter.emit(*e, out);
    }
  }
  fuzz::drainDiagnostics(diags, sm);
  return 0;
}
