#pragma once

#include "ir/Location.h"

#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace shc {

class DiagnosticEngine;
class Module;
struct CompiledScript;

struct EmitOptions {
  std::string toolVersion;
  /// Which phases to emit: before_schema, after_schema, or both.
  bool emitBefore = true;
  bool emitAfter = true;
  /// Record migrations in the schemahero_data_migrations ledger and guard
  /// them (postgres family, docs/idempotency.md). Off only in layout tests.
  bool ledger = true;
};

/// The module as a structured script for its target dialect: what the
/// compiled file holds and what apply runs. Reports (rule
/// "unsupported-in-dialect") what the dialect cannot express.
LogicalResult compileScript(const Module &module, const EmitOptions &opts, CompiledScript &script,
                            DiagnosticEngine &diags);

/// Emits the module as SQL for its target dialect (compileScript, rendered). Reports (rule
/// "unsupported-in-dialect") what the dialect cannot express. Output is
/// deterministic: the same module gives byte-identical text.
LogicalResult emitSQL(const Module &module, const EmitOptions &opts, llvm::raw_ostream &os,
                      DiagnosticEngine &diags);

} // namespace shc
