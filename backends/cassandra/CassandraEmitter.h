//===- CassandraEmitter.h - CQL emission ----------------------------*- C++ -*-===//
//
// A compiled file of CQL statements for cqlsh: no transactions (each
// statement is applied on its own, and a failure leaves the earlier ones
// applied), no ledger (a second run runs everything again). A staticUpdate
// is `UPDATE [ks.]table SET col = literal, ... WHERE key relations
// [IF conditions];` with each literal written for its column's CQL type
// (CassandraLiterals.h); the WHERE/IF split is CassandraKeys.h's.
// customSQL is written as given.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/DialectEmitter.h"
#include "backends/common/ExprEmitter.h"
#include "backends/common/SqlWriter.h"
#include "ir/Catalog.h"

namespace shc {

const SqlWriter &cqlWriter();

class CassandraExprEmitter : public ExprEmitter {
public:
  CassandraExprEmitter(const Catalog &catalog, DiagnosticEngine &diags)
      : ExprEmitter(cqlWriter(), diags), catalog(catalog) {}

protected:
  std::optional<std::string> typeName(const Type &type, llvm::StringRef spelling,
                                      SourceLoc loc) override;
  void emitTimezoneConvert(const TimezoneConvertExpr &tz) override;

private:
  const Catalog &catalog;
};

class CassandraEmitter : public DialectEmitter {
public:
  CassandraEmitter(const Catalog &catalog, DiagnosticEngine &diags)
      : DialectEmitter(diags), catalog(catalog) {}

protected:
  std::unique_ptr<ExprEmitter> makeExprEmitter() override {
    return std::make_unique<CassandraExprEmitter>(catalog, diags);
  }
  std::unique_ptr<ScriptEmitter> makeScriptEmitter(ExprEmitter &exprs,
                                                   const EmitOptions &opts) override;

private:
  const Catalog &catalog;
};

} // namespace shc
