//===- SqliteEmitter.h - SQLite SQL emission ------------------------*- C++ -*-===//
//
// SQLite's spellings (double-quoted identifiers where needed, CAST only,
// time zone conversion by fixed offsets) and its file layout: one
// `BEGIN IMMEDIATE` transaction per migration, the ledger in the database
// itself. SQLite has no procedural blocks, so apply checks the ledger
// before each step (docs/apply.md); in the file, a migration that is not
// proved idempotent guards each UPDATE by its ledger row, so that running
// the file twice with the sqlite3 shell changes nothing twice. rqlite is
// the same language sent as one request, without the clock and random
// functions (every node would compute its own value).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/DialectEmitter.h"
#include "backends/common/ExprEmitter.h"
#include "backends/common/SqlWriter.h"
#include "ir/Catalog.h"
#include "ir/Emitter.h"

namespace shc {

struct SqliteFlavor {
  llvm::StringRef key;         ///< "sqlite", "rqlite"
  llvm::StringRef displayName; ///< "SQLite", "rqlite"
  /// Statements are replicated as text (rqlite): functions whose value
  /// differs between runs are refused.
  bool replicatesStatements = false;
};

const SqlWriter &sqliteWriter();

class SqliteExprEmitter : public ExprEmitter {
public:
  SqliteExprEmitter(const SqliteFlavor &flavor, const Catalog &catalog, DiagnosticEngine &diags)
      : ExprEmitter(sqliteWriter(), diags), flavor(flavor), catalog(catalog) {}

protected:
  std::optional<std::string> typeName(const Type &type, llvm::StringRef spelling,
                                      SourceLoc loc) override;
  void emitTimezoneConvert(const TimezoneConvertExpr &tz) override;
  void emitFuncCall(const FuncCallExpr &f) override;

private:
  const SqliteFlavor &flavor;
  const Catalog &catalog;
};

class SqliteEmitter : public DialectEmitter {
public:
  SqliteEmitter(const SqliteFlavor &flavor, const Catalog &catalog, DiagnosticEngine &diags)
      : DialectEmitter(diags), flavor(flavor), catalog(catalog) {}

protected:
  std::unique_ptr<ExprEmitter> makeExprEmitter() override {
    return std::make_unique<SqliteExprEmitter>(flavor, catalog, diags);
  }
  std::unique_ptr<ScriptEmitter> makeScriptEmitter(ExprEmitter &exprs,
                                                   const EmitOptions &opts) override;

private:
  const SqliteFlavor &flavor;
  const Catalog &catalog;
};

} // namespace shc
