//===- CockroachDialect.cpp - CockroachDB, a member of the postgres family ===//
//
// PostgreSQL's catalogue, emitter and runtime with three differences: no DO
// blocks (apply checks the ledger; docs/idempotency.md), no advisory locks
// (a lock row serialises applies; docs/apply.md), and its own type names:
// INT/INTEGER/SERIAL are 64-bit, STRING is text, BYTES is bytea, JSON is an
// alias of JSONB.
//
//===----------------------------------------------------------------------===//

#include "backends/cockroachdb/CockroachDialect.h"

#include "backends/common/TypeSpelling.h"
#include "backends/postgres/PostgresDialect.h"

using namespace shc;
using K = TypeKind;

namespace {

const NameEntry cockroachNames[] = {
    {"int", K::Int8, Mods::None},      {"integer", K::Int8, Mods::None},
    {"serial", K::Int8, Mods::None},   {"int64", K::Int8, Mods::None},
    {"int32", K::Int4, Mods::None},    {"int16", K::Int2, Mods::None},
    {"string", K::Text, Mods::Length}, {"bytes", K::Bytea, Mods::None},
    {"json", K::Jsonb, Mods::None},    {"float", K::Float8, Mods::None},
};
} // namespace

const Dialect &shc::cockroachDialect() {
  static const PostgresFlavor flavor{"cockroachdb", "CockroachDB", /*doBlocks=*/false,
                                     /*advisoryLocks=*/false, cockroachNames};
  static const PostgresDialect dialect(flavor);
  return dialect;
}
