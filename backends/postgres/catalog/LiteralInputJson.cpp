//===- LiteralInputJson.cpp - json/jsonb and inet input ---------------------===//
//
// A JSON validator that follows PostgreSQL 15's lexer and recursive-descent
// parser (common/jsonapi.c), including its DETAIL wording, and inet_in's
// address grammar (utils/adt/inet_net_pton.c).
//
//===----------------------------------------------------------------------===//

#include "backends/postgres/catalog/LiteralInput.h"

#include "llvm/ADT/STLExtras.h"

#include <cctype>
#include <cstdio>

using namespace shc;
using namespace shc::pg;

namespace {

enum class Tok {
  ObjStart,
  ObjEnd,
  ArrStart,
  ArrEnd,
  Comma,
  Colon,
  String,
  Number,
  True,
  False,
  Null,
  End,
  Invalid
};

/// One JSON lexer + parser pass. On failure, `detail` holds PostgreSQL's DETAIL
/// line and `message` the main message.
class JsonChecker {
public:
  JsonChecker(llvm::StringRef text, bool binary) : text(text), binary(binary) {}

  bool run(LiteralInputError &error) {
    bool ok = next() && parseValue() && next() && expectEnd();
    if (ok)
      return true;
    error.message = message.empty() ? "invalid input syntax for type json" : message;
    error.detail = detail;
    error.hint.clear();
    return false;
  }

private:
  llvm::StringRef text;
  bool binary;
  size_t pos = 0;
  Tok tok = Tok::End;
  llvm::StringRef tokText;
  std::string message, detail;

  static bool alnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
           (static_cast<unsigned char>(c) & 0x80);
  }
  bool failWith(std::string d) {
    detail = std::move(d);
    return false;
  }
  bool invalidToken(size_t start, size_t end) {
    return failWith("Token \"" + text.slice(start, end).str() + "\" is invalid.");
  }

  /// Lexes the next token; false on a lexical error (already reported).
  bool next() {
    while (pos < text.size() &&
           (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r'))
      ++pos;
    size_t start = pos;
    if (pos >= text.size()) {
      tok = Tok::End;
      tokText = "";
      return true;
    }
    char c = text[pos];
    auto single = [&](Tok t) {
      tok = t;
      tokText = text.substr(pos++, 1);
      return true;
    };
    switch (c) {
    case '{':
      return single(Tok::ObjStart);
    case '}':
      return single(Tok::ObjEnd);
    case '[':
      return single(Tok::ArrStart);
    case ']':
      return single(Tok::ArrEnd);
    case ',':
      return single(Tok::Comma);
    case ':':
      return single(Tok::Colon);
    case '"':
      return lexString();
    default:
      break;
    }
    if (c == '-' || (c >= '0' && c <= '9'))
      return lexNumber();
    size_t p = pos;
    while (p < text.size() && alnum(text[p]))
      ++p;
    if (p == pos) {
      // A lone non-alphanumeric character: one UTF-8 character is the token.
      size_t e = pos + 1;
      while (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80)
        ++e;
      return invalidToken(start, e);
    }
    llvm::StringRef word = text.slice(pos, p);
    pos = p;
    tokText = word;
    if (word == "true")
      tok = Tok::True;
    else if (word == "false")
      tok = Tok::False;
    else if (word == "null")
      tok = Tok::Null;
    else
      return invalidToken(start, p);
    return true;
  }

  bool lexNumber() {
    size_t start = pos, s = pos;
    bool error = false;
    auto digit = [&](size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
    if (text[s] == '-')
      ++s;
    if (s < text.size() && text[s] == '0')
      ++s;
    else if (digit(s) && text[s] != '0')
      while (digit(s))
        ++s;
    else
      error = true;
    if (s < text.size() && text[s] == '.') {
      ++s;
      if (!digit(s))
        error = true;
      while (digit(s))
        ++s;
    }
    if (s < text.size() && (text[s] == 'e' || text[s] == 'E')) {
      ++s;
      if (s < text.size() && (text[s] == '+' || text[s] == '-'))
        ++s;
      if (!digit(s))
        error = true;
      while (digit(s))
        ++s;
    }
    size_t p = s;
    while (p < text.size() && alnum(text[p])) {
      ++p;
      error = true;
    }
    pos = p;
    if (error)
      return invalidToken(start, p);
    tok = Tok::Number;
    tokText = text.slice(start, p);
    return true;
  }

  static int hexValue(char c) {
    if (c >= '0' && c <= '9')
      return c - '0';
    if (c >= 'a' && c <= 'f')
      return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
      return c - 'A' + 10;
    return -1;
  }

  bool lexString() {
    size_t start = pos++;
    int highSurrogate = -1;
    while (true) {
      if (pos >= text.size())
        return invalidToken(start, text.size());
      unsigned char c = static_cast<unsigned char>(text[pos]);
      if (c == '"')
        break;
      if (c < 0x20) {
        char buf[8];
        snprintf(buf, sizeof buf, "0x%02x", c);
        return failWith(std::string("Character with value ") + buf + " must be escaped.");
      }
      if (c != '\\') {
        if (binary && highSurrogate != -1)
          return failWith("Unicode low surrogate must follow a high surrogate.");
        ++pos;
        continue;
      }
      ++pos;
      if (pos >= text.size())
        return invalidToken(start, text.size());
      char e = text[pos];
      if (e == 'u') {
        int cp = 0;
        for (int k = 1; k <= 4; ++k) {
          int h = pos + k < text.size() ? hexValue(text[pos + k]) : -1;
          if (h < 0)
            return failWith("\"\\u\" must be followed by four hexadecimal digits.");
          cp = cp * 16 + h;
        }
        pos += 5;
        if (!binary)
          continue; // json_in does not de-escape, so it checks no more
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (highSurrogate != -1)
            return failWith("Unicode high surrogate must not follow a high surrogate.");
          highSurrogate = cp;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          if (highSurrogate == -1)
            return failWith("Unicode low surrogate must follow a high surrogate.");
          highSurrogate = -1;
        } else {
          if (highSurrogate != -1)
            return failWith("Unicode low surrogate must follow a high surrogate.");
          if (cp == 0) {
            message = "unsupported Unicode escape sequence";
            return failWith("\\u0000 cannot be converted to text.");
          }
        }
        continue;
      }
      if (binary && highSurrogate != -1)
        return failWith("Unicode low surrogate must follow a high surrogate.");
      if (!llvm::StringRef("\"\\/bfnrt").contains(e)) {
        size_t end = pos + 1;
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
          ++end;
        return failWith("Escape sequence \"\\" + text.slice(pos, end).str() + "\" is invalid.");
      }
      ++pos;
    }
    if (binary && highSurrogate != -1)
      return failWith("Unicode low surrogate must follow a high surrogate.");
    ++pos;
    tok = Tok::String;
    tokText = text.slice(start, pos);
    return true;
  }

  bool expected(const char *what) {
    if (tok == Tok::End)
      return failWith("The input string ended unexpectedly.");
    return failWith(std::string("Expected ") + what + ", but found \"" + tokText.str() + "\".");
  }

  bool expectEnd() { return tok == Tok::End || expected("end of input"); }

  /// Parses the value starting at the current token; leaves the last token of
  /// the value current.
  bool parseValue() {
    switch (tok) {
    case Tok::String:
    case Tok::Number:
    case Tok::True:
    case Tok::False:
    case Tok::Null:
      return true;
    case Tok::ObjStart:
      return parseObject();
    case Tok::ArrStart:
      return parseArray();
    default:
      return expected("JSON value");
    }
  }

  bool parseObject() {
    if (!next())
      return false;
    if (tok == Tok::ObjEnd)
      return true;
    if (tok != Tok::String)
      return expected("string or \"}\"");
    while (true) {
      if (!next())
        return false;
      if (tok != Tok::Colon)
        return expected("\":\"");
      if (!next() || !parseValue() || !next())
        return false;
      if (tok == Tok::ObjEnd)
        return true;
      if (tok != Tok::Comma)
        return expected("\",\" or \"}\"");
      if (!next())
        return false;
      if (tok != Tok::String)
        return expected("string");
    }
  }

  bool parseArray() {
    if (!next())
      return false;
    if (tok == Tok::ArrEnd)
      return true;
    while (true) {
      if (!parseValue() || !next())
        return false;
      if (tok == Tok::ArrEnd)
        return true;
      if (tok != Tok::Comma)
        return expected("\",\" or \"]\"");
      if (!next())
        return false;
    }
  }
};

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// inet_net_pton_ipv4 with size -1 (the inet flavour): returns prefix bits or -1.
int parseIpv4(llvm::StringRef s) {
  size_t i = 0, octets = 0;
  char ch = 0;
  auto at = [&](size_t k) { return k < s.size() ? s[k] : '\0'; };
  while (ch = at(i++), isDigit(ch)) {
    int v = 0;
    do {
      v = v * 10 + (ch - '0');
      if (v > 255)
        return -1;
    } while ((ch = at(i++)) != '\0' && isDigit(ch));
    if (octets++ >= 4)
      return -1;
    if (ch == '\0' || ch == '/')
      break;
    if (ch != '.')
      return -1;
  }
  int bits = -1;
  if (ch == '/' && isDigit(at(i)) && octets > 0) {
    ch = at(i++);
    bits = 0;
    do {
      bits = bits * 10 + (ch - '0');
      if (bits > 1000)
        return -1;
    } while ((ch = at(i++)) != '\0' && isDigit(ch));
    if (ch != '\0' || bits > 32)
      return -1;
  }
  if (ch != '\0' || i - 1 != s.size())
    return -1;
  if (bits == -1)
    bits = octets == 4 ? 32 : -1;
  if (bits < 0 || octets == 0 || static_cast<size_t>(bits / 8) > octets)
    return -1;
  return bits;
}

/// IPv6 text form with an optional /bits suffix; false if malformed.
bool parseIpv6(llvm::StringRef s) {
  llvm::StringRef addr = s, bitsText;
  if (size_t slash = s.find('/'); slash != llvm::StringRef::npos) {
    addr = s.substr(0, slash);
    bitsText = s.substr(slash + 1);
    unsigned bits;
    if (bitsText.empty() || !llvm::all_of(bitsText, isDigit) || bitsText.getAsInteger(10, bits) ||
        bits > 128)
      return false;
  }
  if (addr.empty())
    return false;
  int groups = 0;
  bool compressed = false;
  size_t i = 0;
  if (addr.startswith("::")) {
    compressed = true;
    i = 2;
    if (i == addr.size())
      return true;
  } else if (addr.startswith(":")) {
    return false;
  }
  while (i < addr.size()) {
    size_t j = i;
    while (j < addr.size() && std::isxdigit(static_cast<unsigned char>(addr[j])))
      ++j;
    if (j < addr.size() && addr[j] == '.') { // embedded IPv4 at the end
      if (parseIpv4(addr.substr(i)) != 32 || groups > 6)
        return false;
      groups += 2;
      break;
    }
    if (j == i || j - i > 4)
      return false;
    ++groups;
    if (j == addr.size())
      break;
    if (addr[j] != ':')
      return false;
    if (j + 1 < addr.size() && addr[j + 1] == ':') {
      if (compressed)
        return false;
      compressed = true;
      i = j + 2;
      if (i == addr.size())
        break;
    } else {
      i = j + 1;
      if (i == addr.size())
        return false;
    }
  }
  return compressed ? groups <= 7 : groups == 8;
}

} // namespace

bool input::json(llvm::StringRef text, bool binary, LiteralInputError &error) {
  return JsonChecker(text, binary).run(error);
}

bool input::inet(llvm::StringRef text, LiteralInputError &error) {
  bool ok = text.contains(':') ? parseIpv6(text) : parseIpv4(text) >= 0;
  if (ok)
    return true;
  error.message = "invalid input syntax for type inet: \"" + text.str() + "\"";
  error.detail.clear();
  error.hint.clear();
  return false;
}
