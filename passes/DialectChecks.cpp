//===- DialectChecks.cpp - the target dialect's own checks ----------------===//
//
// What is valid SQL everywhere but costly, unsafe or not expressible on one
// server (a write that touches every chunk of a time-partitioned table, a
// write whose WHERE does not fix a partition) is that dialect's knowledge:
// it lives in its backend, behind Dialect::check. This pass only runs it,
// after the analyses whose results such checks read (verdicts, schedule).
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "ir/Dialect.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"

using namespace shc;

namespace {

class DialectChecksPass : public Pass {
public:
  llvm::StringRef getName() const override { return "dialect-checks"; }
  LogicalResult run(Module &module, PassContext &ctx) override {
    unsigned before = ctx.diags.getNumErrors();
    module.getTarget().check(module, ctx.results, ctx.diags);
    return ctx.diags.getNumErrors() == before ? success() : failure();
  }
};

} // namespace

std::unique_ptr<Pass> shc::createDialectChecksPass() {
  return std::make_unique<DialectChecksPass>();
}
