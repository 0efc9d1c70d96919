//===- Backend.cpp - emitSQL: dispatch on the target dialect --------------===//

#include "backends/Backend.h"

#include "backends/postgres/PostgresBackend.h"
#include "backends/postgres/PostgresCatalog.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"

using namespace shc;

LogicalResult shc::emitSQL(const Module &module, const EmitOptions &opts, llvm::raw_ostream &os,
                           DiagnosticEngine &diags) {
  if (isPostgresFamily(module.getTarget()))
    return emitPostgresFamily(module, opts, os, diags);
  return diags.error(SourceLoc(), "unsupported-in-dialect",
                     "dialect '" + dialectKey(module.getTarget()).str() +
                         "' is not implemented yet");
}

const Catalog &shc::catalogFor(Dialect) { return postgresCatalog(); }
