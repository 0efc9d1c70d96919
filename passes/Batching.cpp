//===- Batching.cpp - what batchSize can batch ----------------------------===//
//
// apply runs an operation with `batchSize` as keyset batches over the
// table's key (docs/batching.md). That needs one UPDATE or DELETE of one
// table whose rows a condition names: every staticUpdate, calculatedUpdate
// and transformUpdate, and a validated customSQL of exactly that shape; and
// an UPDATE must not change the key it is ordered by. customSQL is never
// batched silently: what cannot be is an error here, not a surprise at
// apply. Whether the table has a key is the server's to say: apply checks
// every batched table before it runs anything.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "ir/Diagnostics.h"
#include "ir/Module.h"

using namespace shc;

namespace {

/// Why a validated customSQL cannot be batched, or "".
std::string customSqlRefusal(const CustomSqlOp &c) {
  if (!c.validate)
    return "it has validate: false, so its statements are not analysed";
  if (c.statements.size() != 1)
    return "it has " + std::to_string(c.statements.size()) + " statements";
  const SqlStatement &st = c.statements.front();
  if (st.kind != StatementKind::Update && st.kind != StatementKind::Delete)
    return "it is not an UPDATE or DELETE";
  if (!st.analysed || !st.query.update)
    return "its statement is not analysed" +
           (st.notAnalysedReason.empty() ? std::string() : " (" + st.notAnalysedReason + ")");
  if (!st.with.empty())
    return "it has a WITH list";
  const UpdateOp &u = *st.query.update;
  if (!u.from.empty())
    return std::string("it reads other tables (") + (st.kind == StatementKind::Delete ? "USING" : "FROM") + ")";
  if (!u.returning.empty())
    return "it has a RETURNING list";
  return "";
}

class BatchingPass : public Pass {
public:
  llvm::StringRef getName() const override { return "batching"; }
  LogicalResult run(Module &module, PassContext &ctx) override {
    bool ok = true;
    for (const auto &m : module.migrations)
      for (const OperationPtr &op : m->operations)
        if (op && op->batchSize && !op->hasErrors)
          ok &= check(*op, ctx.diags);
    return ok ? success() : failure();
  }

private:
  bool check(const Operation &op, DiagnosticEngine &diags) {
    const UpdateOp *u = llvm::dyn_cast<UpdateOp>(&op);
    if (auto *c = llvm::dyn_cast<CustomSqlOp>(&op)) {
      if (std::string why = customSqlRefusal(*c); !why.empty()) {
        diags
            .error(op.batchSizeLoc, "batch-not-possible",
                   "this customSQL cannot be run in batches: " + why)
            .note(op.getLoc(), "the customSQL is here")
            .hint("batchSize needs one UPDATE or DELETE of one table, with validate: true; "
                  "split the statements, or leave batchSize out");
        return false;
      }
      u = c->statements.front().query.update.get();
    }
    if (!u || !u->resolved)
      return true;
    for (const Assignment &a : u->assignments)
      for (const std::string &key : u->resolved->primaryKey)
        if (a.column == key) {
          diags
              .error(a.loc, "batch-not-possible",
                     "the UPDATE sets key column \"" + key +
                         "\", which its batches are ordered by: a row could be met twice")
              .note(op.batchSizeLoc, "batchSize is set here")
              .hint("leave batchSize out for this operation");
          return false;
        }
    return true;
  }
};

} // namespace

std::unique_ptr<Pass> shc::createBatchingPass() { return std::make_unique<BatchingPass>(); }
