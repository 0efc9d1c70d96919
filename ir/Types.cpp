//===- Types.cpp - SQL types: predicates and the IR's spelling ------------===//
//
// str() is the IR's own spelling of a type (the SQL standard's names where it
// has one); catalogues decide categories, casts and how a server spells it.
//
//===----------------------------------------------------------------------===//

#include "ir/Types.h"

#include <string>

using namespace shc;

bool Type::isNumeric() const {
  if (array)
    return false;
  switch (kind) {
  case TypeKind::Int2:
  case TypeKind::Int4:
  case TypeKind::Int8:
  case TypeKind::Numeric:
  case TypeKind::Float4:
  case TypeKind::Float8:
    return true;
  default:
    return false;
  }
}

bool Type::isInteger() const {
  return !array && (kind == TypeKind::Int2 || kind == TypeKind::Int4 || kind == TypeKind::Int8);
}

bool Type::isString() const {
  return !array && (kind == TypeKind::Text || kind == TypeKind::Varchar || kind == TypeKind::Char);
}

bool Type::isDateTime() const {
  if (array)
    return false;
  switch (kind) {
  case TypeKind::Date:
  case TypeKind::Time:
  case TypeKind::TimeTz:
  case TypeKind::Timestamp:
  case TypeKind::TimestampTz:
    return true;
  default:
    return false;
  }
}

/// format_type's spelling of a time type with an optional precision, e.g.
/// "timestamp(3) with time zone".
static std::string timeName(const char *base, int32_t prec, const char *suffix) {
  std::string s = base;
  if (prec >= 0)
    s += "(" + std::to_string(prec) + ")";
  return s + suffix;
}

std::string Type::str() const {
  std::string s;
  switch (kind) {
  case TypeKind::Unknown:
    s = "unknown";
    break;
  case TypeKind::Bool:
    s = "boolean";
    break;
  case TypeKind::Int2:
    s = "smallint";
    break;
  case TypeKind::Int4:
    s = "integer";
    break;
  case TypeKind::Int8:
    s = "bigint";
    break;
  case TypeKind::Numeric:
    s = "numeric";
    if (mod1 >= 0)
      s += "(" + std::to_string(mod1) + "," + std::to_string(mod2 >= 0 ? mod2 : 0) + ")";
    break;
  case TypeKind::Float4:
    s = "real";
    break;
  case TypeKind::Float8:
    s = "double precision";
    break;
  case TypeKind::Text:
    s = "text";
    break;
  case TypeKind::Varchar:
    s = "character varying";
    if (mod1 >= 0)
      s += "(" + std::to_string(mod1) + ")";
    break;
  case TypeKind::Char:
    // format_type prints a length-less bpchar as "bpchar".
    s = mod1 >= 0 ? "character(" + std::to_string(mod1) + ")" : "bpchar";
    break;
  case TypeKind::Bytea:
    s = "bytea";
    break;
  case TypeKind::Date:
    s = "date";
    break;
  case TypeKind::Time:
    s = timeName("time", mod1, " without time zone");
    break;
  case TypeKind::TimeTz:
    s = timeName("time", mod1, " with time zone");
    break;
  case TypeKind::Timestamp:
    s = timeName("timestamp", mod1, " without time zone");
    break;
  case TypeKind::TimestampTz:
    s = timeName("timestamp", mod1, " with time zone");
    break;
  case TypeKind::Interval:
    s = "interval";
    if (mod1 >= 0)
      s += "(" + std::to_string(mod1) + ")";
    break;
  case TypeKind::Uuid:
    s = "uuid";
    break;
  case TypeKind::Json:
    s = "json";
    break;
  case TypeKind::Jsonb:
    s = "jsonb";
    break;
  case TypeKind::Inet:
    s = "inet";
    break;
  case TypeKind::Other:
    s = otherName;
    break;
  case TypeKind::Any:
    s = "any";
    break;
  case TypeKind::Error:
    s = "<error>";
    break;
  }
  if (array)
    s += "[]";
  return s;
}
