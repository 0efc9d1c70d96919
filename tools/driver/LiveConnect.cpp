//===- LiveConnect.cpp - --uri on compile, lint and plan ------------------===//

#include "tools/driver/LiveConnect.h"

#include "frontend/LiveSchema.h"
#include "ir/Diagnostics.h"
#include "ir/Dialect.h"
#include "ir/Module.h"
#include "ir/Runtime.h"

using namespace shc;

LogicalResult shc::addLiveTables(const std::string &uri, Module &module, SourceManager &sources,
                                 DiagnosticEngine &diags) {
  const Dialect &target = module.getTarget();
  const Runtime *runtime = target.runtime();
  if (!runtime)
    return diags.error(SourceLoc(), "connection",
                       "--uri is not supported for " + target.key().str() + " yet");
  auto db = runtime->connect(uri);
  if (!db)
    return diags.error(SourceLoc(), "connection", llvm::toString(db.takeError()));
  auto tables = (*db)->tables();
  if (!tables)
    return diags.error(SourceLoc(), "connection",
                       "cannot read the schema of '" + runtime->redact(uri) +
                           "': " + llvm::toString(tables.takeError()));
  lowerLiveSchema(*tables, runtime->redact(uri), module, sources);
  auto functions = (*db)->functions(calledFunctionNames(module));
  if (!functions)
    return diags.error(SourceLoc(), "connection",
                       "cannot read the functions of '" + runtime->redact(uri) +
                           "': " + llvm::toString(functions.takeError()));
  module.liveFunctions = std::move(*functions);
  module.liveFunctionsLoaded = true;
  return success();
}
