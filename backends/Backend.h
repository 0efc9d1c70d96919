#pragma once

#include "ir/Dialect.h"
#include "ir/Location.h"

#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace shc {

class Catalog;
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

/// What the compiler checks and generates for a dialect. Only the postgres
/// family (postgres, cockroachdb, timescaledb) has an SQL grammar, a type
/// catalogue and an emitter today; for the other dialects the YAML, the
/// tables and columns named, `requires` and the phases are checked, and the
/// rest is said to be unchecked, never checked by PostgreSQL's rules
/// (docs/dialects.md).
struct DialectSupport {
  bool sqlChecks = false; ///< where/expression/customSQL and values are checked
  bool emits = false;     ///< compile writes SQL
  /// Passes that need SQL checks: switched off without them.
  std::vector<std::string> skippedPasses;
  /// What is not checked, for the "dialect-unchecked" warning.
  std::string unchecked;
};
DialectSupport dialectSupport(Dialect d);

/// Emits the module as SQL for its target dialect (compileScript, rendered). Reports (rule
/// "unsupported-in-dialect") what the dialect cannot express. Output is
/// deterministic: the same module gives byte-identical text.
LogicalResult emitSQL(const Module &module, const EmitOptions &opts, llvm::raw_ostream &os,
                      DiagnosticEngine &diags);

/// The catalogue the passes check `target`'s expressions against.
const Catalog &catalogFor(Dialect target);

} // namespace shc
