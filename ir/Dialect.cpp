#include "ir/Dialect.h"

#include "llvm/ADT/ArrayRef.h"

using namespace shc;

static const llvm::StringRef kKeys[] = {"postgres", "cockroachdb", "timescaledb", "mysql",
                                        "sqlite",   "rqlite",      "cassandra"};

llvm::StringRef shc::dialectKey(Dialect d) { return kKeys[static_cast<int>(d)]; }

std::optional<Dialect> shc::parseDialect(llvm::StringRef key) {
  for (size_t i = 0; i < std::size(kKeys); ++i)
    if (kKeys[i] == key) return static_cast<Dialect>(i);
  return std::nullopt;
}

bool shc::isPostgresFamily(Dialect d) {
  return d == Dialect::Postgres || d == Dialect::CockroachDB || d == Dialect::TimescaleDB;
}

llvm::ArrayRef<llvm::StringRef> shc::allDialectKeys() { return kKeys; }
