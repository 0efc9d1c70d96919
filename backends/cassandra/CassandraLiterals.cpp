//===- CassandraLiterals.cpp - values written as CQL literals -------------===//
//
// Each type's accepted text follows Cassandra 4's literal rules
// (cql3/Constants.java, the types' fromString): integers in their width,
// uuid as 8-4-4-4-12 hex (a timeuuid is version 1), timestamp as
// yyyy-mm-dd[( |T)hh:mm[:ss[.fff]]][Z|+hh[:]mm] or milliseconds since the
// epoch, blob as 0x and an even number of hex digits.
//
//===----------------------------------------------------------------------===//

#include "backends/cassandra/CassandraLiterals.h"

#include "ir/Expr.h"
#include "ir/Module.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"

#include <algorithm>
#include <climits>
#include <cstdint>

using namespace shc;

namespace {

/// "map<text,int>" -> name "map", args {"text", "int"}.
struct TypeShape {
  std::string name;
  std::vector<std::string> args;
};

TypeShape shapeOf(llvm::StringRef spelling) {
  std::string compact;
  for (char c : spelling.lower())
    if (!llvm::isSpace(c))
      compact += c;
  TypeShape s;
  llvm::StringRef t = compact;
  size_t open = t.find('<');
  if (open == llvm::StringRef::npos || !t.endswith(">")) {
    s.name = t.str();
    return s;
  }
  s.name = t.take_front(open).str();
  llvm::StringRef inner = t.slice(open + 1, t.size() - 1);
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i <= inner.size(); ++i) {
    if (i == inner.size() || (inner[i] == ',' && depth == 0)) {
      s.args.push_back(inner.slice(start, i).str());
      start = i + 1;
    } else if (inner[i] == '<') {
      ++depth;
    } else if (inner[i] == '>') {
      --depth;
    }
  }
  return s;
}

bool allOf(llvm::StringRef s, bool (*pred)(char)) {
  return !s.empty() && llvm::all_of(s, pred);
}
bool isDigit(char c) { return llvm::isDigit(c); }
bool isHex(char c) { return llvm::isHexDigit(c); }

/// Digits with an optional sign.
bool isInteger(llvm::StringRef s) {
  s.consume_front("-") || s.consume_front("+");
  return allOf(s, isDigit);
}

bool isDecimal(llvm::StringRef s) {
  s.consume_front("-") || s.consume_front("+");
  llvm::StringRef mantissa = s.take_until([](char c) { return c == 'e' || c == 'E'; });
  llvm::StringRef exponent = s.drop_front(mantissa.size());
  auto [whole, frac] = mantissa.split('.');
  if (whole.empty() && frac.empty())
    return false;
  if ((!whole.empty() && !allOf(whole, isDigit)) || (!frac.empty() && !allOf(frac, isDigit)))
    return false;
  if (exponent.empty())
    return true;
  exponent = exponent.drop_front();
  exponent.consume_front("-") || exponent.consume_front("+");
  return allOf(exponent, isDigit);
}

bool isUuid(llvm::StringRef s) {
  static const size_t groups[] = {8, 4, 4, 4, 12};
  llvm::SmallVector<llvm::StringRef, 5> parts;
  s.split(parts, '-');
  if (parts.size() != 5)
    return false;
  for (size_t i = 0; i < 5; ++i)
    if (parts[i].size() != groups[i] || !allOf(parts[i], isHex))
      return false;
  return true;
}

/// `n` digits at the front of `s` with a value from `lo` to `hi`, consumed.
bool digits(llvm::StringRef &s, size_t n, unsigned lo = 0, unsigned hi = 9999) {
  unsigned v;
  if (s.size() < n || !allOf(s.take_front(n), isDigit) || s.take_front(n).getAsInteger(10, v) ||
      v < lo || v > hi)
    return false;
  s = s.drop_front(n);
  return true;
}

bool isDate(llvm::StringRef &s) {
  return digits(s, 4) && s.consume_front("-") && digits(s, 2, 1, 12) && s.consume_front("-") &&
         digits(s, 2, 1, 31);
}

/// hh:mm[:ss[.f...]] with at most `maxFraction` fraction digits.
bool isTime(llvm::StringRef &s, size_t maxFraction, bool secondsRequired) {
  if (!(digits(s, 2, 0, 23) && s.consume_front(":") && digits(s, 2, 0, 59)))
    return false;
  if (!s.consume_front(":"))
    return !secondsRequired;
  if (!digits(s, 2, 0, 59))
    return false;
  if (!s.consume_front("."))
    return true;
  size_t n = s.find_if_not(isDigit);
  n = n == llvm::StringRef::npos ? s.size() : n;
  if (n == 0 || n > maxFraction)
    return false;
  s = s.drop_front(n);
  return true;
}

bool isTimestamp(llvm::StringRef s) {
  if (!isDate(s))
    return false;
  if (s.empty())
    return true;
  if (s.front() == ' ' || s.front() == 'T') {
    s = s.drop_front();
    if (!isTime(s, 3, false))
      return false;
  }
  if (s.empty() || s == "Z")
    return true;
  if (s.front() != '+' && s.front() != '-')
    return false;
  s = s.drop_front();
  if (!digits(s, 2))
    return false;
  s.consume_front(":");
  return digits(s, 2) && s.empty();
}

bool isDuration(llvm::StringRef s) {
  static const char *const units[] = {"ms", "us", "ns", "mo", "y", "w", "d", "h", "m", "s"};
  s.consume_front("-");
  if (s.empty())
    return false;
  while (!s.empty()) {
    size_t n = s.find_if_not(isDigit);
    if (n == 0 || n == llvm::StringRef::npos)
      return false;
    s = s.drop_front(n);
    bool matched = false;
    for (const char *u : units)
      if (s.consume_front(u)) {
        matched = true;
        break;
      }
    if (!matched)
      return false;
  }
  return true;
}

bool inRange(llvm::StringRef text, int64_t lo, int64_t hi) {
  int64_t v;
  return !text.getAsInteger(10, v) && v >= lo && v <= hi;
}

bool formatScalar(const TypeShape &t, CqlValueKind kind, llvm::StringRef v, std::string &out,
                  std::string &error) {
  const std::string &n = t.name;
  auto bad = [&](llvm::StringRef expected) {
    error = "'" + v.str() + "' is not a valid " + n + ": expected " + expected.str();
    return false;
  };
  if (n == "text" || n == "varchar" || n == "ascii") {
    if (kind != CqlValueKind::String)
      return bad("a string (quote it in the YAML)");
    if (n == "ascii" && llvm::any_of(v, [](char c) { return static_cast<unsigned char>(c) > 127; }))
      return bad("ASCII characters only");
    out += cqlString(v);
    return true;
  }
  if (n == "boolean") {
    std::string lower = v.lower();
    if (lower != "true" && lower != "false")
      return bad("true or false");
    out += lower;
    return true;
  }
  if (kind == CqlValueKind::Bool)
    return bad("not a boolean");
  struct IntRange {
    const char *name;
    int64_t lo, hi;
  };
  static const IntRange ints[] = {{"tinyint", INT8_MIN, INT8_MAX},
                                  {"smallint", INT16_MIN, INT16_MAX},
                                  {"int", INT32_MIN, INT32_MAX},
                                  {"bigint", INT64_MIN, INT64_MAX},
                                  {"counter", INT64_MIN, INT64_MAX}};
  for (const IntRange &r : ints)
    if (n == r.name) {
      if (!isInteger(v) || !inRange(v, r.lo, r.hi))
        return bad("an integer from " + std::to_string(r.lo) + " to " + std::to_string(r.hi));
      out += v.ltrim('+');
      return true;
    }
  if (n == "varint") {
    if (!isInteger(v))
      return bad("an integer");
    out += v.ltrim('+');
    return true;
  }
  if (n == "decimal" || n == "float" || n == "double") {
    if (!isDecimal(v) && !(n != "decimal" && (v == "NaN" || v == "Infinity" || v == "-Infinity")))
      return bad("a number");
    out += v.ltrim('+');
    return true;
  }
  if (n == "uuid" || n == "timeuuid") {
    if (!isUuid(v))
      return bad("8-4-4-4-12 hexadecimal digits");
    if (n == "timeuuid" && v[14] != '1')
      return bad("a version 1 (time-based) uuid; its 13th digit is 1");
    out += v.lower();
    return true;
  }
  if (n == "timestamp") {
    if (kind == CqlValueKind::Number && isInteger(v)) {
      out += v; // milliseconds since the epoch
      return true;
    }
    if (!isTimestamp(v))
      return bad("yyyy-mm-dd[ hh:mm[:ss[.fff]]][Z|+hhmm], or milliseconds since the epoch");
    out += cqlString(v);
    return true;
  }
  if (n == "date") {
    llvm::StringRef s = v;
    if (!isDate(s) || !s.empty())
      return bad("yyyy-mm-dd");
    out += cqlString(v);
    return true;
  }
  if (n == "time") {
    llvm::StringRef s = v;
    if (!isTime(s, 9, true) || !s.empty())
      return bad("hh:mm:ss[.fffffffff]");
    out += cqlString(v);
    return true;
  }
  if (n == "blob") {
    llvm::StringRef hex = v;
    if (!(hex.consume_front("0x") || hex.consume_front("0X")) || hex.size() % 2 ||
        (!hex.empty() && !allOf(hex, isHex)))
      return bad("0x and an even number of hexadecimal digits");
    out += "0x" + hex.lower();
    return true;
  }
  if (n == "inet") {
    if (v.empty() || !llvm::all_of(v, [](char c) { return llvm::isHexDigit(c) || c == '.' || c == ':'; }))
      return bad("an IPv4 or IPv6 address");
    out += cqlString(v);
    return true;
  }
  if (n == "duration") {
    if (!isDuration(v))
      return bad("a duration such as 1h30m or 2d (units y mo w d h m s ms us ns)");
    out += v;
    return true;
  }
  error = "values of type " + (t.args.empty() ? n : n + "<...>") +
          " cannot be written by a staticUpdate";
  return false;
}

bool formatJson(const TypeShape &t, const llvm::json::Value &v, std::string &out,
                std::string &error);

bool formatCollection(const TypeShape &t, const llvm::json::Value &v, std::string &out,
                      std::string &error) {
  if (t.name == "frozen" && t.args.size() == 1)
    return formatJson(shapeOf(t.args[0]), v, out, error);
  bool isMap = t.name == "map" && t.args.size() == 2;
  if (isMap) {
    const llvm::json::Object *obj = v.getAsObject();
    if (!obj) {
      error = "a map value is a JSON object: {\"key\": value, ...}";
      return false;
    }
    std::vector<std::string> keys;
    for (const auto &kv : *obj)
      keys.push_back(kv.first.str());
    std::sort(keys.begin(), keys.end());
    out += '{';
    TypeShape keyType = shapeOf(t.args[0]), valueType = shapeOf(t.args[1]);
    for (size_t i = 0; i < keys.size(); ++i) {
      if (i)
        out += ", ";
      // JSON keys are strings: a number key is given as its text.
      bool numeric = keyType.name != "text" && keyType.name != "varchar" &&
                     keyType.name != "ascii";
      if (!formatScalar(keyType, numeric ? CqlValueKind::Number : CqlValueKind::String, keys[i],
                        out, error))
        return false;
      out += ": ";
      if (!formatJson(valueType, *obj->get(keys[i]), out, error))
        return false;
    }
    out += '}';
    return true;
  }
  bool isSet = t.name == "set", isList = t.name == "list";
  if ((!isSet && !isList) || t.args.size() != 1) {
    error = "values of type " + t.name + " cannot be written by a staticUpdate";
    return false;
  }
  const llvm::json::Array *arr = v.getAsArray();
  if (!arr) {
    error = std::string("a ") + t.name + " value is a JSON array: [item, ...]";
    return false;
  }
  TypeShape item = shapeOf(t.args[0]);
  out += isSet ? '{' : '[';
  for (size_t i = 0; i < arr->size(); ++i) {
    if (i)
      out += ", ";
    if (!formatJson(item, (*arr)[i], out, error))
      return false;
  }
  out += isSet ? '}' : ']';
  return true;
}

bool formatJson(const TypeShape &t, const llvm::json::Value &v, std::string &out,
                std::string &error) {
  if (t.name == "set" || t.name == "list" || t.name == "map" || t.name == "frozen")
    return formatCollection(t, v, out, error);
  if (v.kind() == llvm::json::Value::Null) {
    error = "a collection cannot hold null";
    return false;
  }
  if (auto s = v.getAsString())
    return formatScalar(t, CqlValueKind::String, *s, out, error);
  if (auto b = v.getAsBoolean())
    return formatScalar(t, CqlValueKind::Bool, *b ? "true" : "false", out, error);
  if (auto i = v.getAsInteger())
    return formatScalar(t, CqlValueKind::Number, std::to_string(*i), out, error);
  if (auto d = v.getAsNumber()) {
    std::string text;
    llvm::raw_string_ostream(text) << llvm::format("%.17g", *d);
    return formatScalar(t, CqlValueKind::Number, text, out, error);
  }
  error = "a collection's items are strings, numbers or booleans, or collections themselves";
  return false;
}

/// The deepest nesting of [ and { in `text`, outside JSON strings.
size_t maxBracketDepth(llvm::StringRef text) {
  size_t depth = 0, deepest = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth) {
      --depth;
    }
  }
  return deepest;
}

} // namespace

std::string shc::cqlString(llvm::StringRef text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += '\'';
    out += c;
  }
  return out + "'";
}

bool shc::formatCqlLiteral(llvm::StringRef typeSpelling, CqlValueKind kind,
                           llvm::StringRef value, std::string &out, std::string &error) {
  if (kind == CqlValueKind::Null) {
    out += "NULL";
    return true;
  }
  // Nesting is bounded before anything recurses over it (hostile input).
  constexpr size_t kMaxNesting = 32;
  if (std::count(typeSpelling.begin(), typeSpelling.end(), '<') > kMaxNesting ||
      maxBracketDepth(value) > kMaxNesting) {
    error = "collections nested more than " + std::to_string(kMaxNesting) + " deep";
    return false;
  }
  TypeShape t = shapeOf(typeSpelling);
  if (t.name == "set" || t.name == "list" || t.name == "map" || t.name == "frozen") {
    if (kind != CqlValueKind::String) {
      error = "a " + t.name + " value is written as JSON text in the YAML";
      return false;
    }
    llvm::Expected<llvm::json::Value> json = llvm::json::parse(value);
    if (!json) {
      error = "'" + value.str() + "' is not JSON: " + llvm::toString(json.takeError());
      return false;
    }
    return formatCollection(t, *json, out, error);
  }
  return formatScalar(t, kind, value, out, error);
}

CqlLiteralResult shc::writeCqlLiteral(const Expr &e, const Column &col, std::string &out,
                                      std::string &error) {
  if (auto *c = llvm::dyn_cast<CastExpr>(&e))
    return c->operand ? writeCqlLiteral(*c->operand, col, out, error)
                      : CqlLiteralResult::NotLiteral;
  auto *lit = llvm::dyn_cast<LiteralExpr>(&e);
  auto *neg = llvm::dyn_cast<UnaryExpr>(&e);
  if (neg && neg->op == UnaryExpr::Op::Neg)
    lit = llvm::dyn_cast_or_null<LiteralExpr>(neg->operand.get());
  else
    neg = nullptr;
  if (!lit)
    return CqlLiteralResult::NotLiteral;
  CqlValueKind kind = CqlValueKind::String;
  switch (lit->litKind) {
  case LiteralExpr::LitKind::Integer:
  case LiteralExpr::LitKind::Numeric:
    kind = CqlValueKind::Number;
    break;
  case LiteralExpr::LitKind::Bool:
    kind = CqlValueKind::Bool;
    break;
  case LiteralExpr::LitKind::Null:
    kind = CqlValueKind::Null;
    break;
  case LiteralExpr::LitKind::String:
    break;
  }
  std::string text = neg ? "-" + lit->text : lit->text;
  std::string spelling = col.typeSpelling.empty() ? col.type.str() : col.typeSpelling;
  if (formatCqlLiteral(spelling, kind, text, out, error))
    return CqlLiteralResult::Written;
  error = "invalid value for column \"" + col.name + "\" (" + spelling + "): " + error;
  return CqlLiteralResult::Invalid;
}
