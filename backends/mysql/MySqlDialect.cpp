//===- MySqlDialect.cpp - MySQL and MariaDB --------------------------------===//
//
// Type names as MySQL and SchemaHero write them: DATETIME is Timestamp
// (wall-clock), TIMESTAMP is TimestampTz (stored as UTC, converted through
// the session zone), TINYINT(1) and BOOL are Bool; unsigned integers widen so
// every value fits.
//
//===----------------------------------------------------------------------===//

#include "backends/mysql/MySqlDialect.h"

#include "backends/common/TypeSpelling.h"
#include "backends/common/UncheckedDialect.h"

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

std::optional<Type> parseMySqlType(llvm::StringRef spelling) {
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
  if (name.startswith("enum") || name.startswith("set"))
    return otherType(sp);
  const NameEntry *e = findTypeName(mysqlNames, name);
  if (!e)
    return otherType(sp);
  std::optional<Type> t = buildType(*e, sp);
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


} // namespace

const Dialect &shc::mysqlDialect() {
  static const UncheckedDialect dialect("mysql", "MySQL", parseMySqlType);
  return dialect;
}
