//===- MySqlLiteralInput.cpp - what strict mode lets into a column --------===//
//
// MariaDB under STRICT_TRANS_TABLES refuses a string that is not a value of
// the column's type, a number out of the column's range and a string longer
// than the column; it only notes (and truncates) trailing blanks, extra
// decimal places and a time part written into a DATE. The messages are the
// server's, without the column and row it appends. Measured on MariaDB
// 10.11 (test/typing/mysql/).
//
//===----------------------------------------------------------------------===//

#include "backends/mysql/MySqlCatalog.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"

#include <cctype>
#include <cfloat>
#include <cmath>

using namespace shc;
using K = TypeKind;

namespace {

/// A number as MySQL reads the front of a string: blanks, a sign, digits,
/// a fraction, an exponent. `rest` is what follows it.
struct NumberPrefix {
  bool digits = false;
  long double value = 0;
  llvm::StringRef rest;
  unsigned fractionDigits = 0;
};

NumberPrefix readNumber(llvm::StringRef text) {
  NumberPrefix n;
  llvm::StringRef s = text.ltrim(" \t\n\r");
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-'))
    ++i;
  size_t start = i;
  while (i < s.size() && llvm::isDigit(s[i]))
    ++i;
  n.digits = i > start;
  if (i < s.size() && s[i] == '.') {
    size_t f = ++i;
    while (i < s.size() && llvm::isDigit(s[i]))
      ++i;
    n.fractionDigits = static_cast<unsigned>(i - f);
    n.digits |= i > f;
  }
  if (n.digits && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t e = i + 1;
    if (e < s.size() && (s[e] == '+' || s[e] == '-'))
      ++e;
    if (e < s.size() && llvm::isDigit(s[e])) {
      while (e < s.size() && llvm::isDigit(s[e]))
        ++e;
      i = e;
      n.fractionDigits = 0; // a double: no exact scale
    }
  }
  if (n.digits)
    n.value = std::strtold(s.substr(0, i).str().c_str(), nullptr);
  n.rest = s.substr(i);
  return n;
}

bool onlyBlanks(llvm::StringRef s) { return s.find_first_not_of(" \t\n\r") == llvm::StringRef::npos; }

size_t codePoints(llvm::StringRef s) {
  size_t n = 0;
  for (char c : s)
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool fail(LiteralInputError &error, std::string message, std::string hint = "") {
  error.message = std::move(message);
  error.hint = std::move(hint);
  return false;
}

const char *numberWord(const Type &t) {
  if (t.isInteger() || t.is(K::Bool))
    return "integer";
  if (t.is(K::Numeric))
    return "decimal";
  return "double";
}

bool checkNumber(const Type &type, llvm::StringRef text, const std::string &name,
                 LiteralInputError &error) {
  NumberPrefix n = readNumber(text);
  std::string quoted = "'" + text.str() + "'";
  if (!n.digits)
    return fail(error, std::string("Incorrect ") + numberWord(type) + " value: " + quoted,
                "strict mode refuses a string that is not a number");
  if (!onlyBlanks(n.rest))
    return fail(error, "Data truncated: " + quoted + " is not a number",
                "strict mode refuses a string with anything after the number");
  long double v = n.value;
  if (type.isInteger() || type.is(K::Bool)) {
    v = std::round(v); // half away from zero, as the server rounds
    IntegerRange r = mysqlIntegerRange(type);
    if (v < r.min || v > r.max)
      return fail(error, "Out of range value: " + quoted + " for " + name);
    return true;
  }
  if (type.is(K::Numeric) && type.getMod1() > 0) {
    int scale = std::max(type.getMod2(), 0);
    long double rounded = std::round(v * std::pow(10.0L, scale)) / std::pow(10.0L, scale);
    if (std::fabs(rounded) >= std::pow(10.0L, type.getMod1() - scale))
      return fail(error, "Out of range value: " + quoted + " for " + name);
    return true;
  }
  long double max = type.is(K::Float4) ? FLT_MAX : DBL_MAX;
  if (std::fabs(v) > max)
    return fail(error, "Out of range value: " + quoted + " for " + name);
  return true;
}

bool leapYear(unsigned y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/// Reads `count` digits of `s` at `i`.
bool digitsAt(llvm::StringRef s, size_t &i, size_t count, unsigned &out) {
  if (i + count > s.size())
    return false;
  out = 0;
  for (size_t k = 0; k < count; ++k) {
    if (!llvm::isDigit(s[i + k]))
      return false;
    out = out * 10 + static_cast<unsigned>(s[i + k] - '0');
  }
  i += count;
  return true;
}

/// Up to `max` digits (at least one).
bool someDigits(llvm::StringRef s, size_t &i, size_t max, unsigned &out) {
  size_t start = i;
  out = 0;
  while (i < s.size() && i - start < max && llvm::isDigit(s[i]))
    out = out * 10 + static_cast<unsigned>(s[i++] - '0');
  return i > start;
}

/// An optional `.ffffff` (1 to 6 digits) at `i`; false when the dot has no
/// digits after it.
bool fraction(llvm::StringRef s, size_t &i) {
  if (i >= s.size() || s[i] != '.')
    return true;
  unsigned frac;
  ++i;
  return someDigits(s, i, 6, frac);
}

struct DateTimeParts {
  unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  bool hasTime = false;
};

/// 'YYYY-MM-DD[( |T)HH:MM[:SS[.ffffff]]]' with any punctuation between the
/// parts, or 'YYYYMMDD[HHMMSS]'.
bool readDateTime(llvm::StringRef s, DateTimeParts &p) {
  s = s.trim(" \t\n\r");
  size_t i = 0;
  if (s.size() >= 8 && s.find_first_not_of("0123456789") == llvm::StringRef::npos) {
    if (!digitsAt(s, i, 4, p.year) || !digitsAt(s, i, 2, p.month) || !digitsAt(s, i, 2, p.day))
      return false;
    if (i == s.size())
      return true;
    p.hasTime = true;
    return s.size() == 14 && digitsAt(s, i, 2, p.hour) && digitsAt(s, i, 2, p.minute) &&
           digitsAt(s, i, 2, p.second);
  }
  auto punct = [&](size_t &at) {
    if (at < s.size() && std::ispunct(static_cast<unsigned char>(s[at]))) {
      ++at;
      return true;
    }
    return false;
  };
  if (!someDigits(s, i, 4, p.year) || !punct(i) || !someDigits(s, i, 2, p.month) || !punct(i) ||
      !someDigits(s, i, 2, p.day))
    return false;
  if (i == s.size())
    return true;
  if (s[i] != ' ' && s[i] != 'T')
    return false;
  ++i;
  p.hasTime = true;
  if (!someDigits(s, i, 2, p.hour) || !punct(i) || !someDigits(s, i, 2, p.minute))
    return false;
  if (i < s.size() && punct(i) && !someDigits(s, i, 2, p.second))
    return false;
  if (!fraction(s, i))
    return false;
  return i == s.size();
}

bool validDate(const DateTimeParts &p) {
  static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (p.year == 0 && p.month == 0 && p.day == 0)
    return true; // the zero date: NO_ZERO_DATE is not in the default mode
  if (p.month > 12)
    return false;
  if (p.month == 0 || p.day == 0)
    return true; // NO_ZERO_IN_DATE is not either
  unsigned last = days[p.month - 1] + (p.month == 2 && leapYear(p.year));
  return p.day <= last;
}

bool checkTime(llvm::StringRef text) {
  llvm::StringRef s = text.trim(" \t\n\r");
  s.consume_front("-");
  size_t i = 0;
  unsigned h = 0, m = 0, sec = 0;
  if (!someDigits(s, i, 3, h))
    return false;
  if (i == s.size())
    return true; // seconds, or HHMMSS: a number
  if (s[i] != ':')
    return false;
  ++i;
  if (!someDigits(s, i, 2, m) || m > 59)
    return false;
  if (i < s.size() && s[i] == ':') {
    ++i;
    if (!someDigits(s, i, 2, sec) || sec > 59)
      return false;
  }
  if (!fraction(s, i))
    return false;
  return i == s.size() && h <= 838;
}

} // namespace

bool MySqlCatalog::checkLiteralInput(const Type &type, llvm::StringRef text,
                                     LiteralInputError &error) const {
  if (type.isArray())
    return true;
  std::string quoted = "'" + text.str() + "'";
  switch (type.getKind()) {
  case K::Bool:
  case K::Int2:
  case K::Int4:
  case K::Int8:
  case K::Numeric:
  case K::Float4:
  case K::Float8:
    return checkNumber(type, text, typeName(type), error);
  case K::Varchar:
  case K::Char: {
    int max = type.getMod1() >= 0 ? type.getMod1() : (type.is(K::Char) ? 1 : -1);
    if (max >= 0 && codePoints(text.rtrim(' ')) > static_cast<size_t>(max))
      return fail(error, "Data too long: " + std::to_string(codePoints(text)) +
                             " characters for " + typeName(type));
    return true;
  }
  case K::Text:
    if (text.size() > 65535)
      return fail(error, "Data too long: " + std::to_string(text.size()) +
                             " bytes for text (at most 65535)");
    return true;
  case K::Date:
  case K::Timestamp:
  case K::TimestampTz: {
    DateTimeParts p;
    const char *what = type.is(K::Date) ? "date" : "datetime";
    bool ok = readDateTime(text, p) && validDate(p) && p.hour < 24 && p.minute < 60 &&
              p.second < 60;
    if (ok && type.is(K::TimestampTz) && !(p.year == 0 && p.month == 0 && p.day == 0))
      ok = p.year >= 1970 && p.year <= 2038;
    if (!ok)
      return fail(error, std::string("Incorrect ") + what + " value: " + quoted);
    return true;
  }
  case K::Time:
    if (!checkTime(text))
      return fail(error, "Incorrect time value: " + quoted);
    return true;
  case K::Json:
  case K::Jsonb: {
    llvm::Expected<llvm::json::Value> v = llvm::json::parse(text);
    if (!v) {
      llvm::consumeError(v.takeError());
      return fail(error, "Invalid JSON text: " + quoted,
                  "MariaDB's json columns carry a JSON_VALID check, which refuses it");
    }
    return true;
  }
  default:
    return true;
  }
}

std::string MySqlCatalog::literalStorageWarning(const Type &type, llvm::StringRef text) const {
  if (type.isArray())
    return "";
  if (type.isNumeric() || type.is(K::Bool)) {
    NumberPrefix n = readNumber(text);
    if (!n.digits || !onlyBlanks(n.rest))
      return "";
    if (type.is(K::Numeric) && type.getMod1() > 0 &&
        n.fractionDigits > static_cast<unsigned>(std::max(type.getMod2(), 0)))
      return "'" + text.str() + "' is rounded to " + std::to_string(std::max(type.getMod2(), 0)) +
             " decimal places in a column of type " + typeName(type);
    if (!n.rest.empty() || text.front() == ' ')
      return "MySQL drops the blanks around '" + text.str() + "' (a note, not an error)";
    return "";
  }
  if ((type.is(K::Varchar) || type.is(K::Char)) && type.getMod1() >= 0 &&
      codePoints(text) > static_cast<size_t>(type.getMod1()) &&
      codePoints(text.rtrim(' ')) <= static_cast<size_t>(type.getMod1()))
    return "MySQL cuts the trailing blanks of '" + text.str() + "' to fit " + typeName(type);
  if (type.is(K::Date)) {
    DateTimeParts p;
    if (readDateTime(text, p) && p.hasTime)
      return "a date column keeps only the date of '" + text.str() + "'";
  }
  return "";
}
