//===- AnalysisResults.h - what the analyses found, beside the IR -*- C++ -*-===//
//
// The schedule and the idempotency analysis keep their answers here, not in
// the IR nodes: the passes fill it once, and lint, plan, the IR printer and
// the emitters only read it (Souffle's analyses are kept the same way). A
// module and its results travel together from the front half to emission.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Verdict.h"

#include "llvm/ADT/DenseMap.h"

#include <vector>

namespace shc {

class Operation;
struct Migration;
struct SqlStatement;

class AnalysisResults {
public:
  /// The schedule: every migration in execution order (before_schema first,
  /// `requires` respected, ties by name). Empty when the schedule did not
  /// run or failed; emitters then use source order.
  std::vector<const Migration *> executionOrder;

  /// The idempotency analysis' verdict for a migration, an operation or a
  /// statement of a validated customSQL; a verdict with `computed` false
  /// when the analysis did not run (or did not judge it).
  const IdempotencyVerdict &verdict(const Migration &m) const { return find(&m); }
  const IdempotencyVerdict &verdict(const Operation &op) const { return find(&op); }
  const IdempotencyVerdict &verdict(const SqlStatement &st) const { return find(&st); }

  /// For the analysis: the slot of a node, created empty.
  IdempotencyVerdict &verdictSlot(const Migration &m) { return verdicts[&m]; }
  IdempotencyVerdict &verdictSlot(const Operation &op) { return verdicts[&op]; }
  IdempotencyVerdict &verdictSlot(const SqlStatement &st) { return verdicts[&st]; }

private:
  const IdempotencyVerdict &find(const void *node) const {
    static const IdempotencyVerdict none;
    auto it = verdicts.find(node);
    return it == verdicts.end() ? none : it->second;
  }
  llvm::DenseMap<const void *, IdempotencyVerdict> verdicts;
};

} // namespace shc
