#pragma once

#include "ir/Location.h"

#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace shc {

class AnalysisResults;
class Catalog;
class DiagnosticEngine;
class DialectRegistry;
class Module;
class SourceManager;

struct PassContext {
  DiagnosticEngine &diags;
  const SourceManager &sources;
  /// The target dialect's types, casts, functions and operators.
  const Catalog &catalog;
  /// Where the analyses keep what they found (the schedule, the verdicts).
  AnalysisResults &results;
  /// Every dialect, for the portability pass (null: no portability checks).
  const DialectRegistry *dialects = nullptr;
};

/// A named step over the module. Checkers (resolve, typecheck) report and fill
/// in resolution/type slots; analyses are read-only.
class Pass {
public:
  virtual ~Pass();
  virtual llvm::StringRef getName() const = 0;
  /// Failure means errors were reported; later passes still run so that every
  /// error is reported in one go.
  virtual LogicalResult run(Module &module, PassContext &ctx) = 0;
};

/// resolve: tables and columns exist (with "did you mean"); fills
/// UpdateOp::resolved, Assignment::resolved, ColumnRefExpr::table/column.
std::unique_ptr<Pass> createResolvePass();
/// typecheck: types every expression, coerces literals with their input
/// validated, checks assignments against column types and that WHERE is
/// boolean.
std::unique_ptr<Pass> createTypeCheckPass();
/// custom-sql: warnings for customSQL statements kept opaque ("not analysed")
/// and for DDL; unknown INSERT targets (parse-check and statement analysis
/// happen in the frontend, see frontend/CustomSql.h).
std::unique_ptr<Pass> createCustomSqlPass();
/// idempotency: a verdict and a reason per operation and migration
/// (AnalysisResults::verdict); errors for a migration
/// declared idempotent that is not, warnings when it cannot be proved.
std::unique_ptr<Pass> createIdempotencyPass();
/// schedule: the `requires` graph across files (unknown names, duplicates,
/// phases, cycles with their path); fills AnalysisResults::executionOrder.
std::unique_ptr<Pass> createSchedulePass();
/// dependence: warns about migrations that `requires` does not order but that
/// write what the other reads or writes.
std::unique_ptr<Pass> createDependencePass();
/// lint: reviewer warnings (update-without-where, nondeterministic-in-idempotent,
/// custom-sql-ddl, custom-sql-no-validate, value-too-long); see docs/rules.md.
std::unique_ptr<Pass> createLintPass();
/// portability: an operation list shared with other dialects (one anchor,
/// or the same text) must give the same data there; rewrites what has an
/// exact equivalent, reports what has none (docs/portability.md).
std::unique_ptr<Pass> createPortabilityPass();
/// batching: an operation with batchSize is one UPDATE or DELETE of one
/// table that does not change its key (docs/batching.md).
std::unique_ptr<Pass> createBatchingPass();
/// dialect-checks: the target dialect's own checks (Dialect::check), after
/// the analyses.
std::unique_ptr<Pass> createDialectChecksPass();

/// Runs passes in order, honouring --disable=NAME and --print-after=NAME.
class PassManager {
public:
  void addPass(std::unique_ptr<Pass> pass);
  void disable(llvm::StringRef name);
  void printAfter(llvm::StringRef name, llvm::raw_ostream *os);
  /// Names of all registered passes, in order.
  std::vector<std::string> passNames() const;
  LogicalResult run(Module &module, PassContext &ctx);

private:
  std::vector<std::unique_ptr<Pass>> passes;
  std::vector<std::string> disabled;
  std::vector<std::string> printed;
  llvm::raw_ostream *printStream = nullptr;
};

/// The default pipeline, in DESIGN.md order.
void buildDefaultPipeline(PassManager &pm);

} // namespace shc
