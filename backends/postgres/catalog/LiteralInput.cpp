//===- LiteralInput.cpp - PostgreSQL type input functions, numbers ---------===//
//
// Each function follows the PostgreSQL 15 input function of the same type
// (int4in, numeric_in, float8in, boolin, uuid_in, byteain, varchar_input) so
// that an unknown-typed literal is accepted or rejected exactly as the server
// would, with the server's wording. Date/time, interval, JSON and inet live in
// their own files.
//
//===----------------------------------------------------------------------===//

#include "backends/postgres/catalog/LiteralInput.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>

using namespace shc;
using namespace shc::pg;

static bool fail(LiteralInputError &error, std::string message, std::string detail = "") {
  error.message = std::move(message);
  error.detail = std::move(detail);
  error.hint.clear();
  return false;
}

static bool syntaxError(LiteralInputError &error, llvm::StringRef typeName, llvm::StringRef text) {
  return fail(error,
              "invalid input syntax for type " + typeName.str() + ": \"" + text.str() + "\"");
}

static bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
static bool isDigit(char c) { return c >= '0' && c <= '9'; }

// --- integers -------------------------------------------------------------

bool input::integer(const Type &type, llvm::StringRef text, LiteralInputError &error) {
  std::string name = type.withoutModifiers().str();
  int64_t max = type.is(TypeKind::Int2)   ? 32767
                : type.is(TypeKind::Int4) ? 2147483647
                                          : std::numeric_limits<int64_t>::max();
  size_t i = 0, n = text.size();
  while (i < n && isSpace(text[i]))
    ++i;
  bool neg = false;
  if (i < n && (text[i] == '-' || text[i] == '+'))
    neg = text[i++] == '-';
  if (i >= n || !isDigit(text[i]))
    return syntaxError(error, name, text);
  // Accumulate as a negative number, like pg_strtoint, so that the minimum
  // value of each type is representable.
  int64_t acc = 0, limit = -max - 1;
  for (; i < n && isDigit(text[i]); ++i) {
    int d = text[i] - '0';
    if (acc < (limit + d) / 10)
      return fail(error, "value \"" + text.str() + "\" is out of range for type " + name);
    acc = acc * 10 - d;
  }
  while (i < n && isSpace(text[i]))
    ++i;
  if (i != n)
    return syntaxError(error, name, text);
  if (!neg && acc < -max)
    return fail(error, "value \"" + text.str() + "\" is out of range for type " + name);
  return true;
}

// --- numeric --------------------------------------------------------------

static bool startsWithNoCase(llvm::StringRef s, llvm::StringRef prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()).equals_insensitive(prefix);
}

/// numeric(p,s) overflow after rounding to the scale, as apply_typmod.
/// `digits` has no leading zeros; the value is 0.digits * 10^weight.
static bool applyNumericTypmod(const Type &type, std::string digits, long weight,
                               LiteralInputError &error) {
  int p = type.getMod1();
  if (p < 0)
    return true;
  int s = type.getMod2() < 0 ? 0 : type.getMod2();
  // Keep weight + s digits, rounding half away from zero.
  long keep = weight + s;
  if (keep < 0)
    return true; // rounds to zero
  if (static_cast<size_t>(keep) < digits.size()) {
    bool up = digits[keep] >= '5';
    digits.resize(keep);
    if (up) {
      long j = keep - 1;
      for (; j >= 0 && digits[j] == '9'; --j)
        digits[j] = '0';
      if (j >= 0)
        ++digits[j];
      else {
        digits.insert(digits.begin(), '1');
        ++weight;
      }
    }
  }
  if (digits.find_first_not_of('0') == std::string::npos)
    return true;
  long maxDigits = p - s;
  if (weight > maxDigits) {
    std::string bound = maxDigits ? "10^" + std::to_string(maxDigits) : "1";
    return fail(error, "numeric field overflow",
                "A field with precision " + std::to_string(p) + ", scale " + std::to_string(s) +
                    " must round to an absolute value less than " + bound + ".");
  }
  return true;
}

bool input::numeric(const Type &type, llvm::StringRef text, LiteralInputError &error) {
  size_t i = 0, n = text.size();
  while (i < n && isSpace(text[i]))
    ++i;
  llvm::StringRef rest = text.substr(i);
  size_t special = 0;
  bool infinite = false;
  for (llvm::StringRef word : {"NaN", "Infinity", "+Infinity", "-Infinity", "inf", "+inf", "-inf"})
    if (startsWithNoCase(rest, word)) {
      special = word.size();
      infinite = word != "NaN";
      break;
    }
  if (special) {
    for (size_t j = i + special; j < n; ++j)
      if (!isSpace(text[j]))
        return syntaxError(error, "numeric", text);
    if (infinite && type.getMod1() >= 0)
      return fail(error, "numeric field overflow",
                  "A field with precision " + std::to_string(type.getMod1()) + ", scale " +
                      std::to_string(std::max(type.getMod2(), 0)) +
                      " cannot hold an infinite value.");
    return true;
  }
  if (i < n && (text[i] == '+' || text[i] == '-'))
    ++i;
  bool haveDot = false;
  if (i < n && text[i] == '.') {
    haveDot = true;
    ++i;
  }
  if (i >= n || !isDigit(text[i]))
    return syntaxError(error, "numeric", text);
  std::string digits;
  long weight = 0; // digits before the decimal point
  for (; i < n; ++i) {
    if (isDigit(text[i])) {
      digits += text[i];
      if (!haveDot)
        ++weight;
    } else if (text[i] == '.') {
      if (haveDot)
        return syntaxError(error, "numeric", text);
      haveDot = true;
    } else {
      break;
    }
  }
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    // strtol semantics: leading blanks and a sign are allowed.
    size_t j = i + 1;
    while (j < n && isSpace(text[j]))
      ++j;
    bool neg = false;
    if (j < n && (text[j] == '+' || text[j] == '-'))
      neg = text[j++] == '-';
    if (j >= n || !isDigit(text[j]))
      return syntaxError(error, "numeric", text);
    long exp = 0;
    for (; j < n && isDigit(text[j]); ++j) {
      if (exp > 1000000000L)
        return fail(error, "value overflows numeric format");
      exp = exp * 10 + (text[j] - '0');
    }
    if (exp >= std::numeric_limits<int>::max() / 2)
      return fail(error, "value overflows numeric format");
    weight += neg ? -exp : exp;
    i = j;
  }
  for (; i < n; ++i)
    if (!isSpace(text[i]))
      return syntaxError(error, "numeric", text);
  size_t lead = digits.find_first_not_of('0');
  if (lead == std::string::npos)
    return true; // zero
  weight -= static_cast<long>(lead);
  digits.erase(0, lead);
  return applyNumericTypmod(type, digits, weight, error);
}

// --- float4 / float8 ------------------------------------------------------

bool input::floating(const Type &type, llvm::StringRef text, LiteralInputError &error) {
  bool single = type.is(TypeKind::Float4);
  llvm::StringRef name = single ? "real" : "double precision";
  std::string buf = text.str(); // strtod needs a NUL-terminated string
  const char *orig = buf.c_str(), *num = orig;
  while (*num && isSpace(*num))
    ++num;
  if (!*num)
    return syntaxError(error, name, text);
  char *end = nullptr;
  errno = 0;
  double val = single ? static_cast<double>(std::strtof(num, &end)) : std::strtod(num, &end);
  if (end == num || errno != 0) {
    int saved = errno;
    llvm::StringRef rest(num);
    size_t len = 0;
    for (llvm::StringRef w : {"NaN", "Infinity", "+Infinity", "-Infinity", "inf", "+inf", "-inf"})
      if (startsWithNoCase(rest, w)) {
        len = w.size();
        break;
      }
    if (len) {
      end = const_cast<char *>(num) + len;
    } else if (saved == ERANGE) {
      double huge = single ? static_cast<double>(HUGE_VALF) : HUGE_VAL;
      if (val == 0.0 || val >= huge || val <= -huge)
        return fail(error, "\"" + std::string(orig, end - orig) + "\" is out of range for type " +
                               name.str());
    } else {
      return syntaxError(error, name, text);
    }
  }
  while (*end && isSpace(*end))
    ++end;
  if (static_cast<size_t>(end - orig) != buf.size())
    return syntaxError(error, name, text);
  return true;
}

// --- boolean, uuid, bytea ---------------------------------------------------

bool input::boolean(llvm::StringRef text, LiteralInputError &error) {
  llvm::StringRef v = text.trim(" \t\n\v\f\r");
  bool ok = false;
  if (!v.empty()) {
    auto prefixOf = [&](llvm::StringRef word, size_t minLen) {
      return v.size() >= minLen && v.size() <= word.size() &&
             word.substr(0, v.size()).equals_insensitive(v);
    };
    switch (std::tolower(static_cast<unsigned char>(v[0]))) {
    case 't':
      ok = prefixOf("true", 1);
      break;
    case 'f':
      ok = prefixOf("false", 1);
      break;
    case 'y':
      ok = prefixOf("yes", 1);
      break;
    case 'n':
      ok = prefixOf("no", 1);
      break;
    case 'o':
      ok = prefixOf("on", 2) || prefixOf("off", 2);
      break;
    case '1':
    case '0':
      ok = v.size() == 1;
      break;
    }
  }
  return ok || syntaxError(error, "boolean", text);
}

bool input::uuid(llvm::StringRef text, LiteralInputError &error) {
  size_t i = 0, n = text.size();
  bool braces = i < n && text[i] == '{';
  if (braces)
    ++i;
  for (int byte = 0; byte < 16; ++byte) {
    if (i + 1 >= n || !std::isxdigit(static_cast<unsigned char>(text[i])) ||
        !std::isxdigit(static_cast<unsigned char>(text[i + 1])))
      return syntaxError(error, "uuid", text);
    i += 2;
    if (i < n && text[i] == '-' && byte % 2 == 1 && byte < 15)
      ++i;
  }
  if (braces) {
    if (i >= n || text[i] != '}')
      return syntaxError(error, "uuid", text);
    ++i;
  }
  return i == n || syntaxError(error, "uuid", text);
}

bool input::bytea(llvm::StringRef text, LiteralInputError &error) {
  if (text.startswith("\\x")) {
    size_t digits = 0;
    for (char c : text.drop_front(2)) {
      if (digits % 2 == 0 && isSpace(c))
        continue;
      if (!std::isxdigit(static_cast<unsigned char>(c)))
        return fail(error, "invalid hexadecimal digit: \"" + std::string(1, c) + "\"");
      ++digits;
    }
    if (digits % 2)
      return fail(error, "invalid hexadecimal data: odd number of digits");
    return true;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\')
      continue;
    if (i + 1 < text.size() && text[i + 1] == '\\') {
      ++i;
    } else if (i + 3 < text.size() + 0 && text[i + 1] >= '0' && text[i + 1] <= '3' &&
               text[i + 2] >= '0' && text[i + 2] <= '7' && text[i + 3] >= '0' &&
               text[i + 3] <= '7') {
      i += 3;
    } else {
      return fail(error, "invalid input syntax for type bytea");
    }
  }
  return true;
}

// --- strings --------------------------------------------------------------

/// Number of characters (UTF-8 code points) in `s`.
static size_t charLength(llvm::StringRef s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++n;
  return n;
}

/// varchar_input / bpchar_input: too long is an error unless the excess
/// characters are all spaces.
static bool stringInput(const Type &type, llvm::StringRef text, LiteralInputError &error) {
  if (text.contains('\0'))
    return fail(error, "invalid byte sequence for encoding \"UTF8\": 0x00");
  int32_t max = type.getMod1();
  if (type.is(TypeKind::Text) || max < 0 || charLength(text) <= static_cast<size_t>(max))
    return true;
  size_t chars = 0, cut = 0;
  for (; cut < text.size(); ++cut) {
    if ((static_cast<unsigned char>(text[cut]) & 0xC0) != 0x80 && chars++ == size_t(max))
      break;
  }
  if (text.substr(cut).find_first_not_of(' ') == llvm::StringRef::npos)
    return true;
  return fail(error, "value too long for type " + type.str());
}

// --- dispatch ---------------------------------------------------------------

bool shc::pg::checkLiteralInput(const Type &type, llvm::StringRef text, LiteralInputError &error) {
  if (type.isArray())
    return input::array(type, text, error);
  switch (type.getKind()) {
  case TypeKind::Int2:
  case TypeKind::Int4:
  case TypeKind::Int8:
    return input::integer(type, text, error);
  case TypeKind::Numeric:
    return input::numeric(type, text, error);
  case TypeKind::Float4:
  case TypeKind::Float8:
    return input::floating(type, text, error);
  case TypeKind::Bool:
    return input::boolean(text, error);
  case TypeKind::Text:
  case TypeKind::Varchar:
  case TypeKind::Char:
  case TypeKind::Unknown:
    return stringInput(type, text, error);
  case TypeKind::Bytea:
    return input::bytea(text, error);
  case TypeKind::Uuid:
    return input::uuid(text, error);
  case TypeKind::Json:
    return input::json(text, /*binary=*/false, error);
  case TypeKind::Jsonb:
    return input::json(text, /*binary=*/true, error);
  case TypeKind::Inet:
    return input::inet(text, error);
  case TypeKind::Date:
  case TypeKind::Time:
  case TypeKind::TimeTz:
  case TypeKind::Timestamp:
  case TypeKind::TimestampTz:
    return input::dateTime(type, text, error);
  case TypeKind::Interval:
    return input::interval(text, error);
  case TypeKind::Other:
  case TypeKind::Any:
  case TypeKind::Error:
    return true;
  }
  return true;
}
