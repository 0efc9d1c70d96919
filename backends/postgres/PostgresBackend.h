//===- PostgresBackend.h - PostgreSQL-family SQL emission -------*- C++ -*-===//
//
// PostgreSQL, and CockroachDB/TimescaleDB which accept the same statements.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/DialectEmitter.h"
#include "backends/common/ExprEmitter.h"
#include "backends/common/SqlWriter.h"
#include "backends/postgres/PostgresFlavor.h"
#include "ir/Emitter.h"

namespace shc {

/// PostgreSQL 15's non-unreserved keywords (plus the bare EXTRACT fields),
/// sorted.
llvm::ArrayRef<Keyword> postgresKeywords();
/// Double-quoted identifiers folded to lower case, E'' strings for
/// backslashes, TRUE/FALSE, no NUL bytes in text.
const SqlPolicy &postgresPolicy();
/// The SqlWriter for the postgres family.
const SqlWriter &postgresWriter();

/// PostgreSQL spellings of the dialect hooks: format_type()-style type names
/// and `(x AT TIME ZONE 'from') AT TIME ZONE 'to'`.
class PostgresExprEmitter : public ExprEmitter {
public:
  explicit PostgresExprEmitter(DiagnosticEngine &diags) : ExprEmitter(postgresWriter(), diags) {}

protected:
  std::optional<std::string> typeName(const Type &type, llvm::StringRef spelling,
                                      SourceLoc loc) override;
  void emitTimezoneConvert(const TimezoneConvertExpr &tz) override;
};

/// The family's Emitter: statements from PostgresExprEmitter, laid out and
/// guarded by the ledger (Ledger.h) as the flavor allows.
class PostgresEmitter : public DialectEmitter {
public:
  PostgresEmitter(const PostgresFlavor &flavor, DiagnosticEngine &diags)
      : DialectEmitter(diags), flavor(flavor) {}

protected:
  std::unique_ptr<ExprEmitter> makeExprEmitter() override {
    return std::make_unique<PostgresExprEmitter>(diags);
  }
  std::unique_ptr<ScriptEmitter> makeScriptEmitter(ExprEmitter &exprs,
                                                   const EmitOptions &opts) override;

private:
  const PostgresFlavor &flavor;
};

} // namespace shc
