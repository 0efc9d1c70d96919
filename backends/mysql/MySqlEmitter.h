//===- MySqlEmitter.h - MySQL and MariaDB SQL emission --------------*- C++ -*-===//
//
// MySQL's spellings (backtick-quoted reserved words, backslash-escaped
// strings, CAST(x AS SIGNED|DECIMAL|CHAR|DATETIME), CONVERT_TZ, `<=>` for IS
// NOT DISTINCT FROM, INTERVAL n UNIT) and its file layout: one transaction
// per migration, the ledger in the database itself, each UPDATE of a
// migration not proved idempotent guarded by its ledger row
// (backends/common/LedgerGuardEmitter.h), since MySQL has no anonymous
// procedural blocks.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/DialectEmitter.h"
#include "backends/common/ExprEmitter.h"
#include "backends/common/SqlWriter.h"
#include "ir/Catalog.h"
#include "ir/Emitter.h"

namespace shc {

const SqlWriter &mysqlWriter();

class MySqlExprEmitter : public ExprEmitter {
public:
  MySqlExprEmitter(const Catalog &catalog, DiagnosticEngine &diags)
      : ExprEmitter(mysqlWriter(), diags), catalog(catalog) {}

protected:
  Prec precedenceOf(const Expr &e) const override;
  std::optional<std::string> typeName(const Type &type, llvm::StringRef spelling,
                                      SourceLoc loc) override;
  void emitTimezoneConvert(const TimezoneConvertExpr &tz) override;
  void emitFuncCall(const FuncCallExpr &f) override;
  void emitBinary(const BinaryExpr &b) override;
  void emitIsDistinct(const IsDistinctExpr &d) override;

private:
  const Catalog &catalog;
};

class MySqlEmitter : public DialectEmitter {
public:
  MySqlEmitter(const Catalog &catalog, DiagnosticEngine &diags)
      : DialectEmitter(diags), catalog(catalog) {}

protected:
  std::unique_ptr<ExprEmitter> makeExprEmitter() override {
    return std::make_unique<MySqlExprEmitter>(catalog, diags);
  }
  std::unique_ptr<ScriptEmitter> makeScriptEmitter(ExprEmitter &exprs,
                                                   const EmitOptions &opts) override;

private:
  const Catalog &catalog;
};

} // namespace shc
