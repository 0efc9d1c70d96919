// The dialects the unit tests build modules for (backends/Registry.h lists
// them all).
#pragma once

#include "backends/Registry.h"
#include "backends/cassandra/CassandraDialect.h"
#include "backends/cockroachdb/CockroachDialect.h"
#include "backends/mysql/MySqlDialect.h"
#include "backends/postgres/PostgresCatalog.h"
#include "backends/postgres/PostgresDialect.h"
#include "backends/rqlite/RqliteDialect.h"
#include "backends/sqlite/SqliteDialect.h"
#include "backends/timescaledb/TimescaleDialect.h"
#include "ir/Dialect.h"
#include "ir/Diagnostics.h"
#include "ir/AnalysisResults.h"
#include "ir/CompiledScript.h"
#include "ir/Emitter.h"
#include "ir/Module.h"

#include "llvm/Support/raw_ostream.h"

namespace shc::testutil {

/// A module with the analysis results a test gives it (verdicts it sets).
struct TestModule : Module {
  using Module::Module;
  AnalysisResults results;
};

/// The module's script, from its target's emitter (what compile runs).
inline LogicalResult compileScript(const Module &m, const EmitOptions &opts,
                                   CompiledScript &script, DiagnosticEngine &diags,
                                   const AnalysisResults &results = AnalysisResults()) {
  std::unique_ptr<Emitter> emitter = m.getTarget().createEmitter(diags);
  if (!emitter)
    return failure();
  return emitter->emit(m, results, opts, script);
}

/// The compiled file's text.
inline LogicalResult emitSQL(const Module &m, const EmitOptions &opts, llvm::raw_ostream &os,
                             DiagnosticEngine &diags,
                             const AnalysisResults &results = AnalysisResults()) {
  CompiledScript script;
  if (failed(compileScript(m, opts, script, diags, results)))
    return failure();
  os << renderScript(script);
  return success();
}

} // namespace shc::testutil

#include "backends/postgres/Apply.h"

namespace shc::testutil {

/// applyScript with the lock the script's dialect uses (CockroachDB has no
/// advisory locks).
inline ApplyReport applyCompiled(Connection &conn, const CompiledScript &script,
                                 const ApplyOptions &opts) {
  return applyScript(conn, script, opts, script.dialect != "cockroachdb");
}

} // namespace shc::testutil
