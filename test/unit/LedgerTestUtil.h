//===- LedgerTestUtil.h - compiled files with the ledger, for tests -*- C++ -*-===//
#pragma once

#include "test/unit/TestDialects.h"
#include "EmitTestUtil.h"
#include "ir/Emitter.h"
#include "ir/CompiledScript.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

namespace shc::testutil {

/// The compiled file for `m`, with its ledger.
inline std::string emitWithLedger(const TestModule &m) {
  EmitOptions opts;
  opts.toolVersion = "1";
  DiagnosticEngine diags;
  std::string out;
  llvm::raw_string_ostream os(out);
  EXPECT_TRUE(succeeded(emitSQL(m, opts, os, diags, m.results)));
  os.flush();
  return out;
}

/// The structured script for `m`, with its ledger: what apply runs.
inline CompiledScript compileWithLedger(const TestModule &m) {
  EmitOptions opts;
  opts.toolVersion = "1";
  DiagnosticEngine diags;
  CompiledScript script;
  EXPECT_TRUE(succeeded(compileScript(m, opts, script, diags, m.results)));
  return script;
}

/// A module of one after_schema migration `name` with one operation and the
/// verdict `v`.
inline std::unique_ptr<TestModule> oneMigration(const Dialect &d, Verdict v, OperationPtr op,
                                                std::string name = "m1") {
  auto m = std::make_unique<TestModule>(d);
  auto mig = migration(std::move(name), Phase::AfterSchema);
  mig->operations.push_back(std::move(op));
  IdempotencyVerdict &verdict = m->results.verdictSlot(*mig);
  verdict.computed = true;
  verdict.verdict = v;
  verdict.reason = "why";
  m->migrations.push_back(std::move(mig));
  return m;
}

} // namespace shc::testutil
