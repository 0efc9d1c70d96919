//===- MySqlCatalog.cpp - MariaDB's types and conversions -----------------===//

#include "backends/mysql/MySqlCatalog.h"

#include "backends/common/BasicCatalog.h"
#include "ir/TimeZones.h"

using namespace shc;
using K = TypeKind;

MySqlCatalog::MySqlCatalog() {
  exprSyntax.dialectName = "MySQL";
  exprSyntax.doubleColonCast = false;
  exprSyntax.ilike = false;
  exprSyntax.ilikeInstead = "LIKE, which ignores case under a case-insensitive collation "
                            "(the default, utf8mb4_general_ci)";
  exprSyntax.escapeStrings = false;
  exprSyntax.dollarQuotes = false;
  exprSyntax.keywordArgumentForms = true; // EXTRACT(DAY FROM x), TRIM(... FROM x)
  exprSyntax.backslashStrings = true;
  exprSyntax.logicalPipes = true;
  exprSyntax.wordOperators = true;
  exprSyntax.intervalExprUnit = true;
}

SemanticTraits MySqlCatalog::semantics() const {
  SemanticTraits t;
  t.concatNullIsNull = true;
  t.nullSkippingConcat = "concat_ws";
  t.equalsIgnoresCase = true; // utf8mb4_general_ci, the default collation
  t.likeIgnoresCase = true;
  t.binaryCastComparesExactly = true;
  t.sequentialAssignments = true;
  t.integerDivisionTruncates = false;
  t.zoneNamesNeedTables = true;
  t.ddlCommitsImplicitly = true;
  return t;
}

std::optional<Type> MySqlCatalog::parseColumnType(llvm::StringRef spelling) const {
  return parseMySqlColumnType(spelling);
}

std::string MySqlCatalog::typeName(const Type &t) const {
  if (t.isArray())
    return t.str();
  switch (t.getKind()) {
  case K::Bool:
    return "tinyint(1)";
  case K::Int2:
  case K::Int4:
  case K::Int8: {
    static const char *const names[] = {"", "tinyint", "smallint", "mediumint", "int",
                                        "", "",        "",         "bigint"};
    int width = t.getMod1();
    std::string name = width > 0 && width <= 8 && *names[width]
                           ? names[width]
                           : (t.is(K::Int8) ? "bigint" : "int");
    return t.getMod2() == 1 ? name + " unsigned" : name;
  }
  case K::Numeric:
    return t.getMod1() >= 0 ? "decimal(" + std::to_string(t.getMod1()) + "," +
                                  std::to_string(std::max(t.getMod2(), 0)) + ")"
                            : "decimal";
  case K::Float4:
    return "float";
  case K::Float8:
    return "double";
  case K::Varchar:
    return t.getMod1() >= 0 ? "varchar(" + std::to_string(t.getMod1()) + ")" : "varchar";
  case K::Char:
    return "char(" + std::to_string(std::max(t.getMod1(), 1)) + ")";
  case K::Text:
    return "text";
  case K::Bytea:
    return "blob";
  case K::Date:
    return "date";
  case K::Time:
    return "time";
  case K::Timestamp:
    return "datetime";
  case K::TimestampTz:
    return "timestamp";
  case K::Interval:
    return "interval";
  case K::Json:
  case K::Jsonb:
    return "json";
  default:
    return t.str();
  }
}

TypeCategory MySqlCatalog::category(const Type &t) const {
  return textualCategory(t); // json and uuid are text here
}

bool MySqlCatalog::isPreferred(const Type &t) const {
  // A string used as a number is a DOUBLE; CONCAT and the string functions
  // take anything as text; temporal values meet as DATETIME.
  return t.is(K::Float8) || t.is(K::Text) || t.is(K::Bool) || t.is(K::Timestamp);
}

std::optional<CastContext> MySqlCatalog::findCast(const Type &from, const Type &to) const {
  if (from.isUnknown() || from.isIndeterminate() || to.isIndeterminate() || from.sameBase(to))
    return CastContext::Implicit;
  if (from.isArray() || to.isArray())
    return std::nullopt;
  // An interval exists only as an argument of DATE_ADD and temporal +/-.
  if (from.is(K::Interval) || to.is(K::Interval))
    return std::nullopt;
  // Every scalar converts to every other where an expression needs it; a
  // value that does not convert is a warning in a read and an error when
  // written under strict mode, which only the data can tell. A string used
  // as a number is a DOUBLE: only that conversion is implicit, so that
  // `v + 1` and `i = v` resolve to the DOUBLE operators, as MySQL computes
  // them; into an integer or DECIMAL column it converts on assignment.
  if (category(from) == TypeCategory::String && to.isNumeric() && !to.is(K::Float8))
    return CastContext::Assignment;
  // Numbers widen BIGINT -> DECIMAL -> DOUBLE, as MySQL mixes them.
  auto rank = [](const Type &t) {
    return t.isInteger() ? 1 : t.is(K::Numeric) ? 2 : t.isNumeric() ? 3 : 0;
  };
  if (rank(from) && rank(to) && rank(from) > rank(to))
    return CastContext::Assignment;
  return CastContext::Implicit;
}

std::optional<Type> MySqlCatalog::numberLiteralType(llvm::StringRef text, bool integer) const {
  if (!integer) // 1.5 is DECIMAL, 1e3 is DOUBLE
    return text.find_insensitive('e') == llvm::StringRef::npos ? Type(K::Numeric) : Type(K::Float8);
  bool neg = text.consume_front("-");
  text = text.ltrim('0');
  unsigned long long v = 0;
  if (text.size() > 20 || (!text.empty() && text.getAsInteger(10, v)))
    return Type(K::Numeric); // beyond BIGINT UNSIGNED: DECIMAL
  if (neg ? v <= 9223372036854775808ULL : v <= 9223372036854775807ULL)
    return Type(K::Int8);
  return neg ? Type(K::Numeric) : Type(K::Int8, 8, 1);
}


bool MySqlCatalog::acceptsTimeZone(llvm::StringRef zone) const {
  int minutes;
  if (parseUtcOffset(zone, minutes) || zone.equals_insensitive("SYSTEM"))
    return true;
  // A zone name works once the server's zone tables are loaded from the
  // IANA database (mariadb-tzinfo-to-sql reads the same tzdata).
  return !canonicalTimeZone(zone).empty();
}

std::string MySqlCatalog::timeZoneHint() const {
  return "MySQL takes fixed offsets such as '+05:30', and zone names only once the server's "
         "zone tables are loaded (mysql_tzinfo_to_sql); CONVERT_TZ returns NULL otherwise";
}
