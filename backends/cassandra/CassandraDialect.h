//===- CassandraDialect.h - Cassandra (CQL) -------------------------*- C++ -*-===//
#pragma once

#include "backends/cassandra/CassandraCatalog.h"
#include "ir/Dialect.h"
#include "ir/Location.h"

#include <string>

namespace shc {

class CustomSqlOp;
struct Migration;

/// Cassandra: CQL types and the writes CQL can express; everything else is
/// refused with the reason (CassandraKeys.h). No runtime: apply is refused.
class CassandraDialect : public Dialect {
public:
  llvm::StringRef key() const override { return "cassandra"; }
  llvm::StringRef displayName() const override { return "Cassandra"; }
  const Catalog &catalog() const override { return catalogue; }
  std::unique_ptr<Emitter> createEmitter(DiagnosticEngine &diags) const override;
  void check(const Module &module, const AnalysisResults &results,
             DiagnosticEngine &diags) const override;

private:
  CassandraCatalog catalogue;
};

/// A customSQL's statements checked against the Table specs
/// (CassandraStatements.cpp); `rerun` receives why running it again is
/// unsafe, or stays empty when every statement is idempotent.
void checkCqlCustomSql(const CustomSqlOp &op, const Module &module, const Migration &m,
                       std::string &rerun, SourceLoc &rerunLoc, DiagnosticEngine &diags);

const Dialect &cassandraDialect();

} // namespace shc
