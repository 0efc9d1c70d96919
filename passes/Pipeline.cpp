//===- Pipeline.cpp - the default pass pipeline -----------------------------===//

#include "passes/Passes.h"

using namespace shc;

void shc::buildDefaultPipeline(PassManager &pm) {
  // Resolve and typecheck first; the analyses read what they bound.
  pm.addPass(createResolvePass());
  pm.addPass(createTypeCheckPass());
  pm.addPass(createCustomSqlPass());
  pm.addPass(createPortabilityPass());
  pm.addPass(createIdempotencyPass());
  pm.addPass(createSchedulePass());
  pm.addPass(createDependencePass());
  pm.addPass(createBatchingPass());
  pm.addPass(createDialectChecksPass());
  pm.addPass(createLintPass());
}
