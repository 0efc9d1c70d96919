//===- CassandraDialect.cpp - Cassandra (CQL) ------------------------------===//
//
// Type names: TIMESTAMP is TimestampTz, TIMEUUID is Uuid, collections
// (map/set/list/frozen/tuple) are Other, spelled without blanks.
//
//===----------------------------------------------------------------------===//

#include "backends/cassandra/CassandraDialect.h"

#include "backends/common/TypeSpelling.h"
#include "backends/common/UncheckedDialect.h"

#include "llvm/ADT/StringExtras.h"

using namespace shc;
using K = TypeKind;

namespace {

const NameEntry cassandraNames[] = {
    {"text", K::Text, Mods::None},         {"varchar", K::Text, Mods::None},
    {"ascii", K::Text, Mods::None},        {"int", K::Int4, Mods::None},
    {"bigint", K::Int8, Mods::None},       {"counter", K::Int8, Mods::None},
    {"smallint", K::Int2, Mods::None},     {"tinyint", K::Int2, Mods::None},
    {"varint", K::Numeric, Mods::None},    {"decimal", K::Numeric, Mods::None},
    {"double", K::Float8, Mods::None},     {"float", K::Float4, Mods::None},
    {"boolean", K::Bool, Mods::None},      {"uuid", K::Uuid, Mods::None},
    {"timeuuid", K::Uuid, Mods::None},     {"timestamp", K::TimestampTz, Mods::None},
    {"date", K::Date, Mods::None},         {"time", K::Time, Mods::None},
    {"duration", K::Interval, Mods::None}, {"blob", K::Bytea, Mods::None},
    {"inet", K::Inet, Mods::None},
};

std::optional<Type> parseCassandraType(llvm::StringRef spelling) {
  if (spelling.contains('<')) {
    // Collapse whitespace so "map<text, int>" and "map<text,int>" agree.
    std::string compact;
    for (char c : spelling.trim().lower())
      if (!llvm::isSpace(c))
        compact += c;
    return Type::other(compact);
  }
  TypeSpelling sp;
  if (!splitTypeSpelling(spelling, sp))
    return std::nullopt;
  if (const NameEntry *e = findTypeName(cassandraNames, sp.name))
    return buildType(*e, sp);
  return otherType(sp);
}

} // namespace

const Dialect &shc::cassandraDialect() {
  static const UncheckedDialect dialect("cassandra", "Cassandra", parseCassandraType);
  return dialect;
}
