//===- Pipeline.cpp - the default pass pipeline -----------------------------===//

#include "passes/Passes.h"

using namespace shc;

void shc::buildDefaultPipeline(PassManager &pm) {
  // DESIGN.md order; later issues append custom-sql, idempotency, schedule,
  // dependence and the lint rules.
  pm.addPass(createResolvePass());
  pm.addPass(createTypeCheckPass());
  pm.addPass(createCustomSqlPass());
  pm.addPass(createIdempotencyPass());
  pm.addPass(createSchedulePass());
  pm.addPass(createDependencePass());
  pm.addPass(createLintPass());
}
