//===- MySqlTypes.cpp - MySQL's type names ---------------------------------===//
//
// Type names as MySQL and SchemaHero write them: DATETIME is Timestamp
// (wall-clock), TIMESTAMP is TimestampTz (stored as UTC, converted through
// the session zone), TINYINT(1) and BOOL are Bool; every other integer type
// is a BIGINT, as MySQL computes with it, keeping its exact range (width in
// bytes, signedness) for the strict-mode range checks.
//
//===----------------------------------------------------------------------===//

#include "backends/common/TypeSpelling.h"
#include "backends/mysql/MySqlCatalog.h"

using namespace shc;
using K = TypeKind;

namespace {

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

/// Bytes of each integer type (TINYINT 1 ... BIGINT 8), kept in mod1.
int integerWidth(llvm::StringRef name) {
  if (name == "tinyint" || name == "int1" || name == "bool" || name == "boolean")
    return 1;
  if (name == "smallint" || name == "int2" || name == "year")
    return 2;
  if (name == "mediumint" || name == "middleint" || name == "int3")
    return 3;
  if (name == "bigint" || name == "int8")
    return 8;
  return 4;
}

} // namespace

std::optional<Type> shc::parseMySqlColumnType(llvm::StringRef spelling) {
  TypeSpelling sp;
  if (!splitTypeSpelling(spelling, sp))
    return std::nullopt;
  llvm::StringRef name = sp.name;
  bool isUnsigned = false;
  for (llvm::StringRef suffix : {" zerofill", " unsigned", " signed"})
    if (name.endswith(suffix)) {
      isUnsigned |= suffix == " unsigned";
      name = name.drop_back(suffix.size());
    }
  sp.name = name.str();
  name = sp.name; // the old text is gone
  // CAST(x AS SIGNED [INTEGER]) and UNSIGNED: BIGINT.
  if (name == "signed" || name == "signed int" || name == "signed integer" || name == "unsigned" ||
      name == "unsigned int" || name == "unsigned integer")
    return Type(K::Int8, 8, name.startswith("unsigned") ? 1 : 0);
  if (name.startswith("enum") || name.startswith("set"))
    return otherType(sp);
  const NameEntry *e = findTypeName(mysqlNames, name);
  if (!e)
    return otherType(sp);
  std::optional<Type> t = buildType(*e, sp);
  if (!t || !t->isInteger() || t->isArray())
    return t;
  // MySQL computes every integer as a BIGINT: one kind, with the column's
  // exact range in the mods.
  return Type(K::Int8, integerWidth(name), isUnsigned ? 1 : 0);
}

IntegerRange shc::mysqlIntegerRange(const Type &t) {
  int width = t.getMod1() > 0 ? t.getMod1() : (t.is(K::Int2) ? 2 : t.is(K::Int4) ? 4 : 8);
  if (t.is(K::Bool))
    width = 1; // tinyint(1)
  long double span = 1;
  for (int i = 0; i < width * 8; ++i)
    span *= 2;
  if (t.getMod2() == 1)
    return {0, span - 1};
  return {-span / 2, span / 2 - 1};
}
