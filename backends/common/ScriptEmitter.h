//===- ScriptEmitter.h - Layout of a compiled migration file ----*- C++ -*-===//
//
// The file around the statements: header, phase order, one transaction per
// migration, UPDATE and customSQL statements. Dialects share this layout and
// override what differs (transaction syntax, statement forms).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/Backend.h"
#include "ir/Location.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace shc {

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

  /// Appends the whole file for `module` to `out`. On failure `out` holds a
  /// partial file that must not be written anywhere.
  LogicalResult emitModule(const Module &module, std::string &out);

protected:
  virtual void emitHeader(const Module &module);
  virtual void emitMigration(const Migration &m);
  /// Once before the first migration (the postgres family creates its
  /// ledger table here). Nothing by default.
  virtual void emitPrologue(const Module &) {}
  /// The migration's statements (`body`, whole lines) between BEGIN and
  /// COMMIT; a ledger-keeping dialect guards them and records the migration.
  virtual void emitMigrationBody(const Migration &, llvm::StringRef body) { *out += body; }
  /// `UPDATE t SET c = e, ... [WHERE w];` on one line.
  virtual void emitUpdate(const UpdateOp &op);
  /// The text as written, trailing whitespace trimmed, `;` appended if needed.
  virtual void emitCustomSql(const CustomSqlOp &op);
  /// Empty for a dialect without transactions (Cassandra).
  virtual llvm::StringRef beginTransaction() const { return "BEGIN;"; }
  virtual llvm::StringRef commitTransaction() const { return "COMMIT;"; }

  void line(llvm::StringRef text);
  /// Writes text as a `-- ` comment, one line, whatever it contains.
  static std::string commentSafe(llvm::StringRef text);

  ExprEmitter &exprs;
  DiagnosticEngine &diags;
  const EmitOptions &opts;
  std::string *out = nullptr;
  bool hadError = false;
};

} // namespace shc
