//===- PostgresDialect.h - the postgres family as a Dialect ---------*- C++ -*-===//
#pragma once

#include "backends/postgres/PostgresCatalog.h"
#include "backends/postgres/PostgresFlavor.h"
#include "backends/postgres/PostgresRuntime.h"
#include "ir/Dialect.h"
#include "ir/Emitter.h"

namespace shc {

/// One member of the family: its flavor picks the ledger guard, the apply
/// lock and extra type names; everything else is shared.
class PostgresDialect : public Dialect {
public:
  explicit PostgresDialect(const PostgresFlavor &flavor)
      : flavor(flavor), catalogue(flavor), run(flavor) {}

  llvm::StringRef key() const override { return flavor.key; }
  llvm::StringRef displayName() const override { return flavor.displayName; }
  /// A member other than PostgreSQL also reads `postgres:` lists and schemas,
  /// as SchemaHero's own CockroachDB fixtures are written.
  std::vector<llvm::StringRef> specKeys() const override;
  const Catalog &catalog() const override { return catalogue; }
  std::unique_ptr<Emitter> createEmitter(DiagnosticEngine &diags) const override;
  const Runtime *runtime() const override { return &run; }

private:
  const PostgresFlavor &flavor;
  PostgresCatalog catalogue;
  PostgresRuntime run;
};

const Dialect &postgresDialect();

} // namespace shc
