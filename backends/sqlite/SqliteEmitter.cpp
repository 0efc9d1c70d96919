//===- SqliteEmitter.cpp - SQLite's compiled file ---------------------------===//

#include "backends/sqlite/SqliteEmitter.h"

#include "backends/common/LedgerText.h"
#include "backends/common/ScriptEmitter.h"
#include "ir/AnalysisResults.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"

using namespace shc;

namespace {

class SqliteScriptEmitter : public ScriptEmitter {
public:
  SqliteScriptEmitter(ExprEmitter &exprs, DiagnosticEngine &diags, const EmitOptions &opts,
                      const SqliteFlavor &flavor)
      : ScriptEmitter(exprs, diags, opts), flavor(flavor) {}

protected:
  void emitHeader(const Module &module) override {
    ScriptEmitter::emitHeader(module);
    if (flavor.replicatesStatements)
      line("-- rqlite: send each migration's statements as one request with transaction=true");
    else
      line("-- apply with `schemahero-compile apply --uri sqlite:///PATH`, or `sqlite3 -bail PATH`");
  }

  void emitPrologue(const Module &) override {
    if (!opts.ledger)
      return;
    line("-- ledger: one row per applied data migration (docs/idempotency.md)");
    line("CREATE TABLE IF NOT EXISTS " + ledgerTableName().str() +
         " (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, idempotent INTEGER NOT NULL, phase "
         "TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', "
         "'now')));");
  }

  bool idempotent(const Migration &m) const {
    const IdempotencyVerdict &v = results->verdict(m);
    return v.computed && v.verdict == Verdict::Idempotent;
  }

  /// A migration not proved idempotent changes nothing once the ledger has
  /// it, also when the file is run again by a plain client.
  std::string updateGuard() const override {
    if (!opts.ledger || !current || idempotent(*current))
      return "";
    return "NOT EXISTS (SELECT 1 FROM " + ledgerTableName().str() +
           " WHERE name = " + sqliteWriter().stringLiteral(current->name) + ")";
  }

  void emitMigrationBody(const Migration &m, llvm::StringRef body, ScriptStep &step) override {
    if (!opts.ledger) {
      *out += body;
      return;
    }
    std::string checksum = migrationChecksum(m, body);
    bool isIdempotent = idempotent(m);
    step.ledger = LedgerRecord{m.name, checksum, isIdempotent, m.phase};
    std::string name = sqliteWriter().stringLiteral(m.name);
    line(verdictComment(results->verdict(m)) +
         (isIdempotent ? ": runs again when its checksum changed"
                       : ": its UPDATEs run only when the ledger has no row for it; apply "
                         "also refuses it when changed"));
    if (isIdempotent) // it may have changed since: its old row goes
      line("DELETE FROM " + ledgerTableName().str() + " WHERE name = " + name + ";");
    *out += body;
    // A plain INSERT: a second run by a plain client fails here.
    line("INSERT INTO " + ledgerTableName().str() +
         " (name, checksum, idempotent, phase) VALUES (" + name + ", '" + checksum + "', " +
         (isIdempotent ? "1" : "0") + ", '" + phaseName(m.phase).str() + "');");
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

LogicalResult SqliteEmitter::emit(const Module &module, const AnalysisResults &results,
                                  const EmitOptions &opts, CompiledScript &out) {
  SqliteExprEmitter exprs(flavor, catalog, diags);
  SqliteScriptEmitter emitter(exprs, diags, opts, flavor);
  return emitter.emitModule(module, results, out);
}

std::string SqliteEmitter::updateStatement(const UpdateOp &op) {
  SqliteExprEmitter exprs(flavor, catalog, diags);
  EmitOptions eo;
  eo.ledger = false;
  SqliteScriptEmitter emitter(exprs, diags, eo, flavor);
  return emitter.updateStatement(op);
}

std::string SqliteEmitter::expression(const Expr &e) {
  SqliteExprEmitter exprs(flavor, catalog, diags);
  std::string out;
  if (failed(exprs.emit(e, out)))
    return std::string();
  return out;
}
