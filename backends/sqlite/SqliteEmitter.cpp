//===- SqliteEmitter.cpp - SQLite's compiled file ---------------------------===//

#include "backends/sqlite/SqliteEmitter.h"

#include "backends/common/LedgerText.h"
#include "backends/common/LedgerGuardEmitter.h"
#include "ir/AnalysisResults.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"

using namespace shc;

namespace {

class SqliteScriptEmitter : public LedgerGuardEmitter {
public:
  SqliteScriptEmitter(ExprEmitter &exprs, DiagnosticEngine &diags, const EmitOptions &opts,
                      const SqliteFlavor &flavor)
      : LedgerGuardEmitter(exprs, diags, opts, sqliteWriter(),
                           "CREATE TABLE IF NOT EXISTS " + ledgerTableName().str() +
                               " (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, idempotent "
                               "INTEGER NOT NULL, phase TEXT NOT NULL, applied_at TEXT NOT NULL "
                               "DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));"),
        flavor(flavor) {}

protected:
  void emitHeader(const Module &module) override {
    ScriptEmitter::emitHeader(module);
    if (flavor.replicatesStatements)
      line("-- rqlite: send each migration's statements as one request with transaction=true");
    else
      line("-- apply with `schemahero-compile apply --uri sqlite:///PATH`, or `sqlite3 -bail PATH`");
  }

  llvm::StringRef beginTransaction() const override {
    return flavor.replicatesStatements ? "" : "BEGIN IMMEDIATE;";
  }
  llvm::StringRef commitTransaction() const override {
    return flavor.replicatesStatements ? "" : "COMMIT;";
  }

private:
  const SqliteFlavor &flavor;
};

} // namespace

std::unique_ptr<ScriptEmitter> SqliteEmitter::makeScriptEmitter(ExprEmitter &exprs,
                                                                const EmitOptions &opts) {
  return std::make_unique<SqliteScriptEmitter>(exprs, diags, opts, flavor);
}
