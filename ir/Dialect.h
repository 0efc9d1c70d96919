#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace shc {

/// A compilation target. The IR itself is dialect-neutral; the frontend uses the
/// target to pick the spec's operation list and normalise column types, and a
/// backend emits for it.
enum class Dialect : uint8_t { Postgres, CockroachDB, TimescaleDB, MySQL, SQLite, RQLite, Cassandra };

/// The key used in `spec.schema.<key>`: "postgres", "cockroachdb", ...
llvm::StringRef dialectKey(Dialect d);
std::optional<Dialect> parseDialect(llvm::StringRef key);
/// PostgreSQL, CockroachDB and TimescaleDB share the postgres operation list
/// and type system.
bool isPostgresFamily(Dialect d);
/// All dialect keys, for "did you mean" and help text.
llvm::ArrayRef<llvm::StringRef> allDialectKeys();

} // namespace shc
