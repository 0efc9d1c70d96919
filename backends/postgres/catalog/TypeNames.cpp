//===- TypeNames.cpp - PostgreSQL's column type spellings -----------------===//
//
// `int`/`int4` -> integer, `varchar(n)` -> character varying(n),
// `decimal(p,s)` -> numeric(p,s), `timestamptz` -> timestamp with time zone,
// `text[]` -> array of text. A flavor of the family may add names looked up
// first (CockroachDB: INT/INTEGER/SERIAL are 64-bit, STRING is text, BYTES
// is bytea, JSON is an alias of JSONB).
//
//===----------------------------------------------------------------------===//

#include "backends/postgres/catalog/TypeNames.h"

#include "backends/common/TypeSpelling.h"
#include "ir/Suggest.h"

#include "llvm/ADT/STLExtras.h"

using namespace shc;
using K = TypeKind;

namespace {

const NameEntry postgresNames[] = {
    {"int", K::Int4, Mods::None},
    {"int4", K::Int4, Mods::None},
    {"integer", K::Int4, Mods::None},
    {"serial", K::Int4, Mods::None},
    {"serial4", K::Int4, Mods::None},
    {"int2", K::Int2, Mods::None},
    {"smallint", K::Int2, Mods::None},
    {"smallserial", K::Int2, Mods::None},
    {"serial2", K::Int2, Mods::None},
    {"int8", K::Int8, Mods::None},
    {"bigint", K::Int8, Mods::None},
    {"bigserial", K::Int8, Mods::None},
    {"serial8", K::Int8, Mods::None},
    {"real", K::Float4, Mods::None},
    {"float4", K::Float4, Mods::None},
    {"float8", K::Float8, Mods::None},
    {"double precision", K::Float8, Mods::None},
    {"float", K::Float8, Mods::FloatPrec},
    {"numeric", K::Numeric, Mods::Numeric},
    {"decimal", K::Numeric, Mods::Numeric},
    {"bool", K::Bool, Mods::None},
    {"boolean", K::Bool, Mods::None},
    {"text", K::Text, Mods::None},
    {"varchar", K::Varchar, Mods::Length},
    {"character varying", K::Varchar, Mods::Length},
    {"char varying", K::Varchar, Mods::Length},
    {"char", K::Char, Mods::Length, 1},
    {"character", K::Char, Mods::Length, 1},
    {"bpchar", K::Char, Mods::Length},
    {"bytea", K::Bytea, Mods::None},
    {"date", K::Date, Mods::None},
    {"time", K::Time, Mods::TimePrec},
    {"time without time zone", K::Time, Mods::TimePrec},
    {"timetz", K::TimeTz, Mods::TimePrec},
    {"time with time zone", K::TimeTz, Mods::TimePrec},
    {"timestamp", K::Timestamp, Mods::TimePrec},
    {"timestamp without time zone", K::Timestamp, Mods::TimePrec},
    {"timestamptz", K::TimestampTz, Mods::TimePrec},
    {"timestamp with time zone", K::TimestampTz, Mods::TimePrec},
    {"interval", K::Interval, Mods::TimePrec},
    {"uuid", K::Uuid, Mods::None},
    {"json", K::Json, Mods::None},
    {"jsonb", K::Jsonb, Mods::None},
    {"inet", K::Inet, Mods::None},
};

// PostgreSQL 15's built-in types the IR does not model (select typname from
// pg_type where typtype in ('b', 'r', 'm') and typname !~ '^(_|pg_|reg)'
// and typelem = 0, with the SQL spellings), and the types of extensions data
// migrations meet. A name outside these and the tables above is a typo or a
// user-defined type.
const char *const otherPostgresTypes[] = {
    "money",          "xml",          "cidr",           "macaddr",       "macaddr8",
    "point",          "line",         "lseg",           "box",           "path",
    "polygon",        "circle",       "tsvector",       "tsquery",       "bit",
    "bit varying",    "varbit",       "txid_snapshot",  "pg_lsn",        "pg_snapshot",
    "int4range",      "int8range",    "numrange",       "tsrange",       "tstzrange",
    "daterange",      "int4multirange", "int8multirange", "nummultirange", "tsmultirange",
    "tstzmultirange", "datemultirange", "oid",          "xid",           "xid8",
    "cid",            "tid",          "name",           "regclass",      "regtype",
    "regproc",        "regprocedure", "regoper",        "regoperator",   "regconfig",
    "regdictionary",  "regnamespace", "regrole",        "regcollation",  "aclitem",
    "refcursor",      "jsonpath",     "record",         "void",          "anyelement",
    "citext",         "hstore",       "ltree",          "lquery",        "ltxtquery",
    "geometry",       "geography",    "box2d",          "box3d",         "raster",
    "vector",         "halfvec",      "sparsevec",      "cube",          "seg",
    "isbn",           "isbn13",       "issn",           "issn13",        "ean13",
    "upc",            "ismn",         "ismn13",
};

} // namespace

std::optional<Type> shc::pg::parseColumnType(llvm::StringRef spelling,
                                              llvm::ArrayRef<NameEntry> extraNames) {
  if (spelling.trim().startswith("\""))
    if (std::optional<Type> quoted = parseQuotedTypeName(spelling))
      return quoted;
  TypeSpelling sp;
  if (!splitTypeSpelling(spelling, sp))
    return std::nullopt;
  llvm::StringRef name = sp.name;
  if (const NameEntry *e = findTypeName(extraNames, name))
    return buildType(*e, sp);
  if (const NameEntry *e = findTypeName(postgresNames, name))
    return buildType(*e, sp);
  // INTERVAL with a field restriction: "interval day to second".
  if (name.startswith("interval "))
    return Type(K::Interval, -1, -1, sp.array);
  return otherType(sp);
}

/// Every type name of the family: modelled, the flavor's, and the others.
static std::vector<llvm::StringRef> typeNames(llvm::ArrayRef<NameEntry> extraNames) {
  std::vector<llvm::StringRef> names;
  for (const NameEntry &e : postgresNames)
    names.push_back(e.name);
  for (const NameEntry &e : extraNames)
    names.push_back(e.name);
  for (const char *n : otherPostgresTypes)
    names.push_back(n);
  return names;
}

std::optional<std::string> shc::pg::unknownTypeName(llvm::StringRef spelling,
                                                     llvm::ArrayRef<NameEntry> extraNames) {
  if (spelling.trim().startswith("\""))
    return std::nullopt;
  TypeSpelling sp;
  if (!splitTypeSpelling(spelling, sp) || llvm::StringRef(sp.name).startswith("interval "))
    return std::nullopt;
  if (llvm::is_contained(typeNames(extraNames), sp.name))
    return std::nullopt;
  return sp.name;
}

std::string shc::pg::suggestTypeName(llvm::StringRef name, llvm::ArrayRef<NameEntry> extraNames) {
  return didYouMean(name, typeNames(extraNames));
}
