//===- Backend.cpp - emitSQL: dispatch on the target dialect --------------===//

#include "backends/Backend.h"

#include "backends/postgres/PostgresBackend.h"
#include "backends/postgres/PostgresCatalog.h"
#include "ir/CompiledScript.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"

#include "llvm/Support/raw_ostream.h"

using namespace shc;

DialectSupport shc::dialectSupport(Dialect d) {
  if (isPostgresFamily(d))
    return {true, true, {}, ""};
  return {false,
          false,
          {"typecheck", "idempotency", "dependence"},
          "where/expression and customSQL text, values against column types, idempotency and "
          "unordered writes"};
}

LogicalResult shc::compileScript(const Module &module, const EmitOptions &opts,
                                 CompiledScript &script, DiagnosticEngine &diags) {
  if (isPostgresFamily(module.getTarget()))
    return compilePostgresFamily(module, opts, script, diags);
  return diags.error(SourceLoc(), "unsupported-in-dialect",
                     "dialect '" + dialectKey(module.getTarget()).str() +
                         "' is not implemented yet");
}

LogicalResult shc::emitSQL(const Module &module, const EmitOptions &opts, llvm::raw_ostream &os,
                           DiagnosticEngine &diags) {
  CompiledScript script;
  if (failed(compileScript(module, opts, script, diags)))
    return failure();
  os << renderScript(script);
  return success();
}

const Catalog &shc::catalogFor(Dialect) { return postgresCatalog(); }
