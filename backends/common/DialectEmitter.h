//===- DialectEmitter.h - an Emitter from two emitters -------------*- C++ -*-===//
//
// Every dialect's Emitter (ir/Emitter.h) is the same plumbing: compile
// builds its ExprEmitter and ScriptEmitter and emits the module; plan asks
// for one UPDATE as the script spells it, and for one expression. A
// dialect says only how to build its two emitters.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/ExprEmitter.h"
#include "backends/common/ScriptEmitter.h"
#include "ir/Emitter.h"

#include <memory>

namespace shc {

class DialectEmitter : public Emitter {
public:
  explicit DialectEmitter(DiagnosticEngine &diags) : diags(diags) {}

  LogicalResult emit(const Module &module, const AnalysisResults &results, const EmitOptions &opts,
                     CompiledScript &out) override {
    std::unique_ptr<ExprEmitter> exprs = makeExprEmitter();
    return makeScriptEmitter(*exprs, opts)->emitModule(module, results, out);
  }

  std::string updateStatement(const UpdateOp &op) override {
    std::unique_ptr<ExprEmitter> exprs = makeExprEmitter();
    EmitOptions eo;
    eo.ledger = false;
    return makeScriptEmitter(*exprs, eo)->updateStatement(op);
  }

  std::string expression(const Expr &e) override {
    std::string out;
    if (failed(makeExprEmitter()->emit(e, out)))
      return std::string();
    return out;
  }

protected:
  virtual std::unique_ptr<ExprEmitter> makeExprEmitter() = 0;
  /// The file layout; `opts` outlives it.
  virtual std::unique_ptr<ScriptEmitter> makeScriptEmitter(ExprEmitter &exprs,
                                                           const EmitOptions &opts) = 0;

  DiagnosticEngine &diags;
};

} // namespace shc
