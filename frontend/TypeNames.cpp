//===- TypeNames.cpp - column type spellings per dialect -------------------===//
//
// Table-driven: each dialect family has a list of (name, kind, modifier rule)
// rows. A spelling is lower-cased, its whitespace collapsed, and split into
// the words of the name, one optional parenthesised modifier list, and an
// array suffix (`[]`, `[3]`, ` array`). Decisions worth knowing (see
// docs/typing.md):
//   - MySQL DATETIME is Timestamp (wall-clock), TIMESTAMP is TimestampTz
//     (MySQL stores it as UTC and converts through the session zone);
//     TINYINT(1) and BOOL are Bool.
//   - SQLite follows its affinity rules (INT -> Int8, CHAR/CLOB/TEXT -> Text,
//     BLOB -> Bytea, REAL/FLOA/DOUB -> Float8, else Numeric), except that the
//     conventional BOOLEAN, DATE, DATETIME/TIMESTAMP, JSON and UUID keep
//     their meaning so that literals are checked against it.
//   - CockroachDB: INT/INTEGER/SERIAL are 64-bit, STRING is text, BYTES is
//     bytea, JSON is an alias of JSONB.
//   - Cassandra: TIMESTAMP is TimestampTz, TIMEUUID is Uuid, collections
//     (map/set/list/frozen/tuple) are Other.
//
//===----------------------------------------------------------------------===//

#include "frontend/TypeNames.h"
#include "ir/Suggest.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <string>

using namespace shc;

namespace {

/// How the parenthesised modifiers of a type name are read.
enum class Mods : uint8_t {
  None,      ///< no modifiers allowed
  Length,    ///< (n), n >= 1: varchar, char
  Numeric,   ///< (p) or (p,s)
  TimePrec,  ///< (p), 0 <= p (values above 6 are reduced to 6)
  FloatPrec, ///< float(p): 1-24 real, 25-53 double precision
  Ignore,    ///< any modifiers accepted and dropped (MySQL int(11))
  TinyInt,   ///< MySQL tinyint: (1) means boolean
};

struct NameEntry {
  const char *name;
  TypeKind kind;
  Mods mods;
  int32_t defaultMod = -1; ///< mod1 when none is written (char -> char(1))
};

using K = TypeKind;

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

// Looked up before postgresNames for CockroachDB.
const NameEntry cockroachNames[] = {
    {"int", K::Int8, Mods::None},      {"integer", K::Int8, Mods::None},
    {"serial", K::Int8, Mods::None},   {"int64", K::Int8, Mods::None},
    {"int32", K::Int4, Mods::None},    {"int16", K::Int2, Mods::None},
    {"string", K::Text, Mods::Length}, {"bytes", K::Bytea, Mods::None},
    {"json", K::Jsonb, Mods::None},    {"float", K::Float8, Mods::None},
};

// MySQL's own names and the synonyms it accepts (INT1..INT8, CHARACTER
// [VARYING], FIXED, NCHAR ...), which SchemaHero passes through.
const NameEntry mysqlNames[] = {
    {"tinyint", K::Int2, Mods::TinyInt},
    {"int1", K::Int2, Mods::TinyInt},
    {"int2", K::Int2, Mods::Ignore},
    {"int3", K::Int4, Mods::Ignore},
    {"middleint", K::Int4, Mods::Ignore},
    {"int4", K::Int4, Mods::Ignore},
    {"int8", K::Int8, Mods::Ignore},
    {"fixed", K::Numeric, Mods::Numeric},
    {"character", K::Char, Mods::Length, 1},
    {"nchar", K::Char, Mods::Length, 1},
    {"national char", K::Char, Mods::Length, 1},
    {"national character", K::Char, Mods::Length, 1},
    {"character varying", K::Varchar, Mods::Length},
    {"char varying", K::Varchar, Mods::Length},
    {"nvarchar", K::Varchar, Mods::Length},
    {"national varchar", K::Varchar, Mods::Length},
    {"national character varying", K::Varchar, Mods::Length},
    {"bool", K::Bool, Mods::None},
    {"boolean", K::Bool, Mods::None},
    {"smallint", K::Int2, Mods::Ignore},
    {"mediumint", K::Int4, Mods::Ignore},
    {"int", K::Int4, Mods::Ignore},
    {"integer", K::Int4, Mods::Ignore},
    {"bigint", K::Int8, Mods::Ignore},
    {"year", K::Int2, Mods::Ignore},
    {"float", K::Float4, Mods::Ignore},
    {"double", K::Float8, Mods::Ignore},
    {"double precision", K::Float8, Mods::Ignore},
    {"real", K::Float8, Mods::Ignore},
    {"decimal", K::Numeric, Mods::Numeric},
    {"numeric", K::Numeric, Mods::Numeric},
    {"dec", K::Numeric, Mods::Numeric},
    {"char", K::Char, Mods::Length, 1},
    {"varchar", K::Varchar, Mods::Length},
    {"tinytext", K::Text, Mods::None},
    {"text", K::Text, Mods::Ignore},
    {"mediumtext", K::Text, Mods::None},
    {"longtext", K::Text, Mods::None},
    {"binary", K::Bytea, Mods::Ignore},
    {"varbinary", K::Bytea, Mods::Ignore},
    {"tinyblob", K::Bytea, Mods::None},
    {"blob", K::Bytea, Mods::Ignore},
    {"mediumblob", K::Bytea, Mods::None},
    {"longblob", K::Bytea, Mods::None},
    {"date", K::Date, Mods::None},
    {"datetime", K::Timestamp, Mods::TimePrec},
    {"timestamp", K::TimestampTz, Mods::TimePrec},
    {"time", K::Time, Mods::TimePrec},
    {"json", K::Json, Mods::None},
};

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

/// A spelling split into its parts.
struct Spelling {
  std::string name;     ///< words joined by single spaces
  bool hasMods = false; ///< a (...) group was written
  llvm::SmallVector<std::string, 2> mods;
  bool array = false;
};

/// Splits `s` (already lower-cased) into name words, one modifier group and
/// an array suffix. False if the text is not a type name at all.
bool split(llvm::StringRef s, Spelling &out) {
  s = s.trim();
  // Array suffixes: "[]", "[3]", repeated; or a trailing "array" / "array[3]".
  while (s.endswith("]")) {
    size_t open = s.rfind('[');
    if (open == llvm::StringRef::npos)
      return false;
    llvm::StringRef dim = s.slice(open + 1, s.size() - 1).trim();
    if (!dim.empty() && !llvm::all_of(dim, llvm::isDigit))
      return false;
    out.array = true;
    s = s.substr(0, open).rtrim();
    if (s.endswith(" array"))
      s = s.drop_back(6).rtrim();
  }
  if (s.endswith(" array")) {
    out.array = true;
    s = s.drop_back(6).rtrim();
  }
  llvm::SmallVector<std::string, 4> words;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (llvm::isSpace(c)) {
      ++i;
      continue;
    }
    if (c == '(') {
      if (out.hasMods)
        return false;
      size_t close = s.find(')', i);
      if (close == llvm::StringRef::npos)
        return false;
      out.hasMods = true;
      llvm::SmallVector<llvm::StringRef, 3> parts;
      s.slice(i + 1, close).split(parts, ',');
      for (llvm::StringRef p : parts)
        out.mods.push_back(p.trim().str());
      i = close + 1;
      continue;
    }
    size_t start = i;
    while (i < s.size() && !llvm::isSpace(s[i]) && s[i] != '(')
      ++i;
    words.push_back(s.slice(start, i).str());
  }
  if (words.empty())
    return false;
  out.name = llvm::join(words, " ");
  return true;
}

bool parseInt(const std::string &text, int32_t &value) {
  llvm::StringRef t(text);
  if (t.startswith("+"))
    t = t.drop_front();
  long long v;
  if (t.empty() || t.getAsInteger(10, v) || v < -100000000 || v > 100000000)
    return false;
  value = static_cast<int32_t>(v);
  return true;
}

/// Applies the modifier rule of `e` to `sp`; nullopt for bad modifiers.
std::optional<Type> build(const NameEntry &e, const Spelling &sp) {
  int32_t m1 = -1, m2 = -1;
  const auto &mods = sp.mods;
  TypeKind kind = e.kind;
  if (sp.hasMods) {
    switch (e.mods) {
    case Mods::None:
      return std::nullopt;
    case Mods::Ignore:
      break;
    case Mods::Length:
      if (mods.size() != 1 || !parseInt(mods[0], m1) || m1 < 1 || m1 > 10485760)
        return std::nullopt;
      break;
    case Mods::Numeric:
      if (mods.empty() || mods.size() > 2 || !parseInt(mods[0], m1) || m1 < 1 || m1 > 1000)
        return std::nullopt;
      m2 = 0;
      if (mods.size() == 2 && (!parseInt(mods[1], m2) || m2 < -1000 || m2 > 1000))
        return std::nullopt;
      break;
    case Mods::TimePrec:
      if (mods.size() != 1 || !parseInt(mods[0], m1) || m1 < 0)
        return std::nullopt;
      if (m1 > 6)
        m1 = 6;
      break;
    case Mods::FloatPrec: {
      int32_t p;
      if (mods.size() != 1 || !parseInt(mods[0], p) || p < 1 || p > 53)
        return std::nullopt;
      kind = p <= 24 ? K::Float4 : K::Float8;
      break;
    }
    case Mods::TinyInt: {
      // A display width, as MySQL writes it (`tinyint(1)`), or as
      // SchemaHero's introspection spells it (`tinyint (3, 0)`): only a
      // width of exactly 1 means boolean.
      int32_t w, scale = 0;
      if (mods.empty() || mods.size() > 2 || !parseInt(mods[0], w) ||
          (mods.size() == 2 && !parseInt(mods[1], scale)))
        return std::nullopt;
      if (w == 1 && mods.size() == 1)
        kind = K::Bool;
      break;
    }
    }
  } else {
    m1 = e.defaultMod;
  }
  if (kind == K::Bool || e.mods == Mods::Ignore || e.mods == Mods::TinyInt)
    m1 = m2 = -1;
  if (kind == K::Text && m1 >= 0)
    kind = K::Varchar; // CockroachDB STRING(n)
  return Type(kind, m1, m2, sp.array);
}

template <size_t N> const NameEntry *find(const NameEntry (&table)[N], llvm::StringRef name) {
  for (const NameEntry &e : table)
    if (name == e.name)
      return &e;
  return nullptr;
}

/// An unmodelled type keeps its normalised spelling, modifiers included.
Type otherType(const Spelling &sp) {
  std::string name = sp.name;
  if (sp.hasMods)
    name += "(" + llvm::join(sp.mods, ",") + ")";
  return Type::other(name, sp.array);
}

std::optional<Type> parsePostgres(const Spelling &sp, bool cockroach) {
  llvm::StringRef name = sp.name;
  if (cockroach)
    if (const NameEntry *e = find(cockroachNames, name))
      return build(*e, sp);
  if (const NameEntry *e = find(postgresNames, name))
    return build(*e, sp);
  // INTERVAL with a field restriction: "interval day to second".
  if (name.startswith("interval "))
    return Type(K::Interval, -1, -1, sp.array);
  return otherType(sp);
}

std::optional<Type> parseMySql(Spelling sp) {
  llvm::StringRef name = sp.name;
  bool isUnsigned = false;
  for (llvm::StringRef suffix : {" zerofill", " unsigned", " signed"})
    if (name.endswith(suffix)) {
      isUnsigned |= suffix == " unsigned";
      name = name.drop_back(suffix.size());
    }
  sp.name = name.str();
  name = sp.name; // the old text is gone
  if (name.startswith("enum") || name.startswith("set"))
    return otherType(sp);
  const NameEntry *e = find(mysqlNames, name);
  if (!e)
    return otherType(sp);
  std::optional<Type> t = build(*e, sp);
  if (t && isUnsigned) { // widen so every unsigned value fits
    if (t->is(K::Int2))
      return Type(K::Int4);
    if (t->is(K::Int4))
      return Type(K::Int8);
    if (t->is(K::Int8))
      return Type(K::Numeric, 20, 0);
  }
  return t;
}

std::optional<Type> parseSqlite(const Spelling &sp) {
  llvm::StringRef n = sp.name;
  bool array = sp.array;
  if (n == "bool" || n == "boolean")
    return Type(K::Bool, -1, -1, array);
  if (n == "date")
    return Type(K::Date, -1, -1, array);
  if (n == "datetime" || n.startswith("timestamp"))
    return Type(K::Timestamp, -1, -1, array);
  if (n == "json")
    return Type(K::Json, -1, -1, array);
  if (n == "uuid")
    return Type(K::Uuid, -1, -1, array);
  if (n.contains("int"))
    return Type(K::Int8, -1, -1, array);
  if (n.contains("char") || n.contains("clob") || n.contains("text"))
    return Type(K::Text, -1, -1, array);
  if (n.contains("blob"))
    return Type(K::Bytea, -1, -1, array);
  if (n.contains("real") || n.contains("floa") || n.contains("doub"))
    return Type(K::Float8, -1, -1, array);
  return Type(K::Numeric, -1, -1, array);
}

std::optional<Type> parseCassandra(const Spelling &sp) {
  if (const NameEntry *e = find(cassandraNames, sp.name))
    return build(*e, sp);
  return otherType(sp);
}

} // namespace

/// A double-quoted type name ("char", "MyType"), optionally an array: it names
/// exactly that catalog type, case kept, never a built-in keyword type
/// ("char" is PostgreSQL's one-byte type, not character(1)).
static std::optional<Type> parseQuotedTypeName(llvm::StringRef s) {
  s = s.trim();
  bool array = false;
  if (s.endswith("[]")) {
    array = true;
    s = s.drop_back(2).rtrim();
  }
  if (s.size() < 3 || !s.startswith("\"") || !s.endswith("\""))
    return std::nullopt;
  llvm::StringRef body = s.drop_front().drop_back();
  std::string name;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '"') {
      if (i + 1 >= body.size() || body[i + 1] != '"')
        return std::nullopt; // not one quoted identifier
      ++i;
    }
    name += body[i];
  }
  return Type::other(name, array);
}

std::optional<Type> shc::parseTypeName(llvm::StringRef spelling, Dialect dialect) {
  if (spelling.trim().startswith("\""))
    if (std::optional<Type> quoted = parseQuotedTypeName(spelling))
      return quoted;
  std::string lowered = spelling.trim().lower();
  llvm::StringRef whole(lowered);
  if (dialect == Dialect::Cassandra && whole.contains('<')) {
    // Collapse whitespace so "map<text, int>" and "map<text,int>" agree.
    std::string compact;
    for (char c : whole)
      if (!llvm::isSpace(c))
        compact += c;
    return Type::other(compact);
  }
  Spelling sp;
  if (!split(whole, sp))
    return std::nullopt;
  switch (dialect) {
  case Dialect::Postgres:
  case Dialect::TimescaleDB:
    return parsePostgres(sp, /*cockroach=*/false);
  case Dialect::CockroachDB:
    return parsePostgres(sp, /*cockroach=*/true);
  case Dialect::MySQL:
    return parseMySql(sp);
  case Dialect::SQLite:
  case Dialect::RQLite:
    return parseSqlite(sp);
  case Dialect::Cassandra:
    return parseCassandra(sp);
  }
  return std::nullopt;
}

/// Every postgres-family type name: modelled, CockroachDB's, and the others.
static std::vector<llvm::StringRef> postgresTypeNames(bool cockroach) {
  std::vector<llvm::StringRef> names;
  for (const NameEntry &e : postgresNames)
    names.push_back(e.name);
  if (cockroach)
    for (const NameEntry &e : cockroachNames)
      names.push_back(e.name);
  for (const char *n : otherPostgresTypes)
    names.push_back(n);
  return names;
}

std::optional<std::string> shc::unknownTypeName(llvm::StringRef spelling, Dialect dialect) {
  if (!isPostgresFamily(dialect) || spelling.trim().startswith("\""))
    return std::nullopt;
  std::string lowered = spelling.trim().lower();
  Spelling sp;
  if (!split(lowered, sp) || llvm::StringRef(sp.name).startswith("interval "))
    return std::nullopt;
  if (llvm::is_contained(postgresTypeNames(dialect == Dialect::CockroachDB), sp.name))
    return std::nullopt;
  return sp.name;
}

std::string shc::suggestTypeName(llvm::StringRef name, Dialect dialect) {
  return didYouMean(name, postgresTypeNames(dialect == Dialect::CockroachDB));
}
