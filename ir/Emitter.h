//===- Emitter.h - what a dialect's SQL writer answers --------------*- C++ -*-===//
//
// An Emitter turns a checked module into the dialect's compiled script
// (ir/CompiledScript.h): the compiled file is rendered from it, and apply and
// plan use it as it is, never re-reading SQL text.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Location.h"

#include <string>

namespace shc {

class AnalysisResults;
class Expr;
class Module;
class UpdateOp;
struct CompiledScript;

struct EmitOptions {
  std::string toolVersion;
  /// Which phases to emit: before_schema, after_schema, or both.
  bool emitBefore = true;
  bool emitAfter = true;
  /// Record migrations in the dialect's ledger and guard them
  /// (docs/idempotency.md). Off only in layout tests.
  bool ledger = true;
};

class Emitter {
public:
  virtual ~Emitter();
  /// The module as a structured script, in the schedule's order (source
  /// order when `results` has none), each migration recorded in the ledger
  /// with its verdict. Reports (rule
  /// "unsupported-in-dialect") what the dialect cannot express; `out` must
  /// not be used after a failure. The same module gives the same script.
  virtual LogicalResult emit(const Module &module, const AnalysisResults &results,
                             const EmitOptions &opts, CompiledScript &out) = 0;
  /// One UPDATE (or DELETE) as the script spells it, for plan and for the
  /// server's estimate; empty after reporting an emission error.
  virtual std::string updateStatement(const UpdateOp &op) = 0;
  /// One expression as the dialect writes it (plan shows WHEREs so); empty
  /// after reporting an emission error.
  virtual std::string expression(const Expr &e) = 0;
};

} // namespace shc
