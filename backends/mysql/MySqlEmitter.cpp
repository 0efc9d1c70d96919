//===- MySqlEmitter.cpp - MySQL's compiled file ----------------------------===//

#include "backends/mysql/MySqlEmitter.h"

#include "backends/common/LedgerGuardEmitter.h"
#include "backends/common/LedgerText.h"

using namespace shc;

namespace {

class MySqlScriptEmitter : public LedgerGuardEmitter {
public:
  MySqlScriptEmitter(ExprEmitter &exprs, DiagnosticEngine &diags, const EmitOptions &opts)
      : LedgerGuardEmitter(exprs, diags, opts, mysqlWriter(),
                           "CREATE TABLE IF NOT EXISTS " + ledgerTableName().str() +
                               " (name VARCHAR(255) NOT NULL PRIMARY KEY, checksum CHAR(64) NOT "
                               "NULL, idempotent TINYINT(1) NOT NULL, phase VARCHAR(16) NOT NULL, "
                               "applied_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)) "
                               "ENGINE=InnoDB;") {}

protected:
  void emitHeader(const Module &module) override {
    ScriptEmitter::emitHeader(module);
    line("-- apply with `schemahero-compile apply --uri mysql://USER@HOST/DB`, or `mariadb DB < "
         "FILE`");
  }
  llvm::StringRef beginTransaction() const override { return "START TRANSACTION;"; }
};

} // namespace

std::unique_ptr<ScriptEmitter> MySqlEmitter::makeScriptEmitter(ExprEmitter &exprs,
                                                               const EmitOptions &opts) {
  return std::make_unique<MySqlScriptEmitter>(exprs, diags, opts);
}
