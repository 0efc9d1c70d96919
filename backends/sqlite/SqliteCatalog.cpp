//===- SqliteCatalog.cpp - SQLite's storage classes and conversions -------===//

#include "backends/sqlite/SqliteCatalog.h"

#include "backends/common/BasicCatalog.h"

#include "backends/sqlite/SqliteDialect.h"

#include "ir/TimeZones.h"

#include "llvm/ADT/StringExtras.h"

using namespace shc;
using K = TypeKind;

SqliteCatalog::SqliteCatalog(llvm::StringRef displayName) : name(displayName) {
  exprSyntax.dialectName = displayName;
  exprSyntax.doubleColonCast = false;
  exprSyntax.ilike = false;
  exprSyntax.escapeStrings = false;
  exprSyntax.dollarQuotes = false;
  exprSyntax.keywordArgumentForms = false;
  exprSyntax.doubleEquals = true;
  exprSyntax.glob = true;
  exprSyntax.isAnyExpr = true;
}

std::optional<Type> SqliteCatalog::parseColumnType(llvm::StringRef spelling) const {
  return parseSqliteColumnType(spelling);
}

std::string SqliteCatalog::typeName(const Type &t) const {
  std::string base;
  switch (t.getKind()) {
  case K::Int2:
  case K::Int4:
  case K::Int8:
    base = "integer";
    break;
  case K::Float4:
  case K::Float8:
    base = "real";
    break;
  case K::Numeric:
    base = "numeric";
    break;
  case K::Text:
  case K::Varchar:
  case K::Char:
    base = "text";
    break;
  case K::Bytea:
    base = "blob";
    break;
  case K::Bool:
    base = "boolean";
    break;
  case K::Date:
    base = "date";
    break;
  case K::Timestamp:
  case K::TimestampTz:
    base = "datetime";
    break;
  case K::Json:
  case K::Jsonb:
    base = "json";
    break;
  case K::Uuid:
    base = "uuid";
    break;
  default:
    return t.str();
  }
  return t.isArray() ? base + "[]" : base;
}

TypeCategory SqliteCatalog::category(const Type &t) const {
  return textualCategory(t); // json and uuid are text here
}

bool SqliteCatalog::isPreferred(const Type &t) const {
  return t.is(K::Float8) || t.is(K::Text) || t.is(K::Bool) || t.is(K::Timestamp);
}

static bool isInteger(const Type &t) { return t.is(K::Int2) || t.is(K::Int4) || t.is(K::Int8); }

std::optional<CastContext> SqliteCatalog::findCast(const Type &from, const Type &to) const {
  if (from.isUnknown() || from.isIndeterminate() || to.isIndeterminate() || from.sameBase(to))
    return CastContext::Implicit;
  if (from.isArray() || to.isArray())
    return std::nullopt;
  // Anything reads as text (||, the string functions) and as a truth value.
  if (to.is(K::Text) || to.is(K::Bool))
    return CastContext::Implicit;
  if (from.is(K::Bool) && to.isNumeric())
    return CastContext::Implicit;
  // Arithmetic widens integer to real; text used as a number is integer or
  // real by its value: numeric.
  if (isInteger(from) && (isInteger(to) || to.is(K::Float8) || to.is(K::Numeric)))
    return CastContext::Implicit;
  if ((from.is(K::Float4) || from.is(K::Float8)) && (to.is(K::Float8) || to.is(K::Numeric)))
    return CastContext::Implicit;
  if (from.is(K::Numeric) && to.is(K::Float8))
    return CastContext::Implicit;
  if (category(from) == TypeCategory::String && to.is(K::Numeric))
    return CastContext::Implicit;
  // Any value may be stored in any column of an ordinary table.
  return CastContext::Assignment;
}

std::optional<Type> SqliteCatalog::numberLiteralType(llvm::StringRef text, bool integer) const {
  if (!integer)
    return Type(K::Float8);
  // An integer literal too large for 64 bits is read as a real.
  bool neg = text.consume_front("-");
  text = text.ltrim('0');
  unsigned long long v = 0;
  if (text.size() > 19 || (!text.empty() && text.getAsInteger(10, v)))
    return Type(K::Float8);
  if (v <= 9223372036854775807ULL || (neg && v == 9223372036854775808ULL))
    return Type(K::Int8);
  return Type(K::Float8);
}

bool shc::parseSqliteOffset(llvm::StringRef zone, int &minutes) {
  if (zone.equals_insensitive("UTC") || zone.equals_insensitive("Z")) {
    minutes = 0;
    return true;
  }
  return parseUtcOffset(zone, minutes); // the time zone suffix of SQLite's date functions
}

bool SqliteCatalog::acceptsTimeZone(llvm::StringRef zone) const {
  int minutes;
  return parseSqliteOffset(zone, minutes);
}

std::string SqliteCatalog::timeZoneHint() const {
  return name.str() + " has no time zone database: only UTC and fixed offsets such as "
                      "'+05:30' convert; convert zone names in the application, or store UTC";
}

/// Whether SQLite's numeric affinity converts `text`: a well-formed integer
/// or real literal, blanks around it allowed.
static bool looksNumeric(llvm::StringRef text) {
  text = text.trim(" \t\n\r");
  text.consume_front("+") || text.consume_front("-");
  size_t digits = 0, i = 0;
  for (; i < text.size() && llvm::isDigit(text[i]); ++i)
    ++digits;
  if (i < text.size() && text[i] == '.')
    for (++i; i < text.size() && llvm::isDigit(text[i]); ++i)
      ++digits;
  if (!digits)
    return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
      ++i;
    size_t start = i;
    while (i < text.size() && llvm::isDigit(text[i]))
      ++i;
    if (i == start)
      return false;
  }
  return i == text.size();
}

std::string SqliteCatalog::literalStorageWarning(const Type &type, llvm::StringRef text) const {
  bool numericAffinity = type.isNumeric() || type.is(K::Bool);
  if (type.isArray() || !numericAffinity || looksNumeric(text))
    return "";
  std::string hint = type.is(K::Bool) ? " (write 1 or 0, or true/false without quotes)" : "";
  return "'" + text.str() + "' is not a number, so " + name.str() +
         " stores it as text in a column of type " + typeName(type) + hint;
}
