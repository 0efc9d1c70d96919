//===- Fuzzsql.cpp - libFuzzer target: customSQL statement analysis -------===//
//
// A fixed schema (test/lit/customsql/Inputs/shop.yaml, embedded at build
// time) and one DataMigration whose customSQL (`validate: true`) is the
// fuzzed bytes: PostgreSQL's parser, our statement rules, and the whole pass
// pipeline (resolve, typecheck, custom-sql, idempotency, ...) over what they
// build, then the IR printer. The bytes are the SQL text itself, not YAML,
// so every run reaches the statement analysis.
//
//===----------------------------------------------------------------------===//
#include "ir/AnalysisResults.h"
#include "test/unit/TestDialects.h"
#include "backends/postgres/PostgresCatalog.h"
#include "FuzzShopSchema.inc" // kFuzzShopSchema
#include "FuzzUtil.h"

#include "frontend/CustomSql.h"
#include "frontend/Frontend.h"
#include "frontend/SourceLoader.h"
#include "ir/Module.h"
#include "ir/Printer.h"
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
  std::vector<uint32_t> files{addSourceBuffer("shop.yaml", kFuzzShopSchema, sm, diags)};
  Module module(postgresDialect());
  (void)lowerToIR(sm, files, module, dialects(), diags);

  std::string text(reinterpret_cast<const char *>(data), size);
  uint32_t file = sm.addBuffer("fuzz.sql", text);
  auto migration = std::make_unique<Migration>();
  migration->name = "fuzz";
  migration->database = "shop";
  migration->declaredIdempotent = true;
  auto op = std::make_unique<CustomSqlOp>(SourceLoc{file, 1, 1});
  op->sql = text;
  op->validate = true;
  // Like a block scalar: each line starts a run at column 1.
  uint32_t line = 1;
  op->sqlLocator.addRun(0, SourceLoc{file, line, 1});
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n')
      op->sqlLocator.addRun(i + 1, SourceLoc{file, ++line, 1});
  (void)analyseCustomSql(*op, postgresCatalog(), diags);
  migration->operations.push_back(std::move(op));
  module.migrations.push_back(std::move(migration));

  PassManager pm;
  buildDefaultPipeline(pm);
  AnalysisResults results;
  PassContext ctx{diags, sm, postgresCatalog(), results};
  (void)pm.run(module, ctx);
  std::string ir;
  llvm::raw_string_ostream os(ir);
  printModule(module, os, &sm, &results);
  fuzz::drainDiagnostics(diags, sm);
  return 0;
}
