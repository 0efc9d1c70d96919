//===- PostgresDialect.cpp - the postgres family as a Dialect -------------===//

#include "backends/postgres/PostgresDialect.h"

#include "backends/postgres/PostgresBackend.h"

using namespace shc;

const PostgresFlavor &shc::postgresFlavor() {
  static const PostgresFlavor flavor{"postgres", "PostgreSQL", true, true, {}};
  return flavor;
}

std::vector<llvm::StringRef> PostgresDialect::specKeys() const {
  if (flavor.key == postgresFlavor().key)
    return {flavor.key};
  return {flavor.key, postgresFlavor().key};
}

std::unique_ptr<Emitter> PostgresDialect::createEmitter(DiagnosticEngine &diags) const {
  return std::make_unique<PostgresEmitter>(flavor, diags);
}

const Dialect &shc::postgresDialect() {
  static const PostgresDialect dialect(postgresFlavor());
  return dialect;
}
