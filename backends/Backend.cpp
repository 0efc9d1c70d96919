//===- Backend.cpp - emitSQL: dispatch on the target dialect --------------===//

#include "backends/Backend.h"

#include "backends/postgres/PostgresBackend.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"

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

LogicalResult shc::emitSQL(const Module &module, const EmitOptions &opts, llvm::raw_ostream &os,
                           DiagnosticEngine &diags) {
  if (isPostgresFamily(module.getTarget()))
    return emitPostgresFamily(module, opts, os, diags);
  return diags.error(SourceLoc(), "unsupported-in-dialect",
                     "dialect '" + dialectKey(module.getTarget()).str() +
                         "' is not implemented yet");
}
