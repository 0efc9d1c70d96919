//===- ScriptEmitter.h - Layout of a compiled migration file ----*- C++ -*-===//
//
// The script around the statements: header, phase order, one transaction
// per migration, UPDATE and customSQL statements, built as a CompiledScript
// (ir/CompiledScript.h) that renderScript turns into the file and apply runs
// as it is. Dialects share this layout and override what differs
// (transaction syntax, statement forms, the ledger).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Emitter.h"
#include "ir/CompiledScript.h"
#include "ir/Location.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace shc {

class AnalysisResults;
class CustomSqlOp;
class DiagnosticEngine;
class ExprEmitter;
class Module;
class SqlWriter;
class UpdateOp;
struct Migration;

class ScriptEmitter {
public:
  ScriptEmitter(ExprEmitter &exprs, DiagnosticEngine &diags, const EmitOptions &opts)
      : exprs(exprs), diags(diags), opts(opts) {}
  virtual ~ScriptEmitter();

  /// The whole script for `module`. On failure `script` is partial and must
  /// not be rendered or run.
  LogicalResult emitModule(const Module &module, const AnalysisResults &results,
                           CompiledScript &script);
  /// One UPDATE as the script spells it, on one line without its newline
  /// (plan and the server's estimate use it); empty after an error.
  std::string updateStatement(const UpdateOp &op);

protected:
  /// The header's comment lines.
  virtual void emitHeader(const Module &module);
  ScriptStep emitMigration(const Migration &m);
  /// The preamble, when there is a migration (the postgres family creates
  /// its ledger table here). Nothing by default.
  virtual void emitPrologue(const Module &) {}
  /// The step's sql from the migration's statements (`body`, whole lines); a
  /// ledger-keeping dialect guards them and sets the step's ledger record.
  virtual void emitMigrationBody(const Migration &, llvm::StringRef body, ScriptStep &) {
    *out += body;
  }
  /// `UPDATE t SET c = e, ... [WHERE w];` on one line.
  virtual void emitUpdate(const UpdateOp &op);
  /// A condition every UPDATE of the current migration also needs (a
  /// dialect without procedural blocks guards statements by the ledger);
  /// none by default.
  virtual std::string updateGuard() const { return ""; }
  /// The text as written, trailing whitespace trimmed, `;` appended if needed.
  virtual void emitCustomSql(const CustomSqlOp &op);
  /// Empty for a dialect without transactions (Cassandra).
  virtual llvm::StringRef beginTransaction() const { return "BEGIN;"; }
  virtual llvm::StringRef commitTransaction() const { return "COMMIT;"; }

  void line(llvm::StringRef text);
  /// `op` in parts (CompiledScript.h RowWrite); nullopt when a part cannot
  /// be written.
  std::optional<RowWrite> describeWrite(const UpdateOp &op, bool isDelete);
  /// A customSQL's write when it is one analysed UPDATE or DELETE of one
  /// table; otherwise why not.
  void describeCustomSql(const CustomSqlOp &op, ScriptOp &out);

  ExprEmitter &exprs;
  DiagnosticEngine &diags;
  const EmitOptions &opts;
  /// The schedule and the verdicts, during emitModule.
  const AnalysisResults *results = nullptr;
  /// Where line() writes: the header, the preamble or the current step.
  std::string *out = nullptr;
  /// The migration being emitted, in emitMigration.
  const Migration *current = nullptr;
  bool hadError = false;
};

} // namespace shc
