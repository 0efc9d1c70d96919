// Decoding of SQL literal and identifier tokens, following PostgreSQL's
// scanner (src/backend/parser/scan.l) with standard_conforming_strings on.
#include "frontend/ExprLiterals.h"

#include "llvm/ADT/StringExtras.h"

using namespace shc::sqlexpr;
using llvm::StringRef;

std::string shc::sqlexpr::foldIdentifier(StringRef word) {
  std::string out = word.str();
  for (char &c : out)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

static std::string undouble(StringRef body, char quote) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    out.push_back(body[i]);
    if (body[i] == quote && i + 1 < body.size() && body[i + 1] == quote)
      ++i;
  }
  return out;
}

std::string shc::sqlexpr::unquoteIdentifier(StringRef quoted) {
  // "name", or `name` where backticks quote (MySQL).
  return undouble(quoted.drop_front().drop_back(), quoted.front());
}

std::string shc::sqlexpr::decodeBackslashString(StringRef quoted) {
  char quote = quoted.front();
  StringRef body = quoted.drop_front().drop_back();
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == quote && i + 1 < body.size() && body[i + 1] == quote) {
      out += quote;
      ++i;
    } else if (c == '\\' && i + 1 < body.size()) {
      char e = body[++i];
      switch (e) {
      case '0': out += '\0'; break;
      case 'b': out += '\b'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'Z': out += '\x1a'; break;
      case '%': case '_': // kept, so LIKE patterns can escape them
        out += '\\';
        out += e;
        break;
      default: out += e; break; // \\ \' \" and any other character as itself
      }
    } else {
      out += c;
    }
  }
  return out;
}

std::string shc::sqlexpr::unquoteString(StringRef quoted) {
  return undouble(quoted.drop_front().drop_back(), '\'');
}

std::string shc::sqlexpr::dollarStringBody(StringRef quoted) {
  return quoted.drop_front(2).drop_back(2).str();
}

/// Length of the UTF-8 sequence starting at s[i] and its code point, or 0 if
/// it is not a valid, shortest-form, non-surrogate sequence.
static size_t decodeUtf8(StringRef s, size_t i, char32_t &cp) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  size_t len;
  char32_t min;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    cp = c & 0x1F;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    cp = c & 0x0F;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    cp = c & 0x07;
    min = 0x10000;
  } else
    return 0;
  if (i + len > s.size())
    return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

size_t shc::sqlexpr::findInvalidUtf8(StringRef s, std::u32string *codePoints) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t len = decodeUtf8(s, i, cp);
    if (len == 0 || cp == 0)
      return i;
    if (codePoints)
      codePoints->push_back(cp);
    i += len;
  }
  return StringRef::npos;
}

std::string shc::sqlexpr::invalidUtf8Message(StringRef s, size_t offset) {
  unsigned char c = static_cast<unsigned char>(s[offset]);
  // PostgreSQL prints as many bytes as the lead byte announces (pg_utf_mblen).
  size_t len = (c & 0xF8) == 0xF0 ? 4 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xE0) == 0xC0 ? 2 : 1;
  std::string bytes;
  for (size_t k = offset; k < s.size() && k < offset + len; ++k) {
    if (!bytes.empty())
      bytes += ' ';
    unsigned char b = static_cast<unsigned char>(s[k]);
    bytes += "0x";
    bytes += llvm::hexdigit(b >> 4, /*LowerCase=*/true);
    bytes += llvm::hexdigit(b & 15, /*LowerCase=*/true);
  }
  return "invalid byte sequence for encoding \"UTF8\": " + bytes;
}

static void appendUtf8(std::string &out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

/// Reads up to `max` hex digits at body[i...]; returns how many were read.
static size_t readHex(StringRef body, size_t i, size_t max, uint32_t &value) {
  size_t n = 0;
  value = 0;
  while (n < max && i + n < body.size() && llvm::isHexDigit(body[i + n]))
    value = value * 16 + llvm::hexDigitValue(body[i + n++]);
  return n;
}

bool shc::sqlexpr::decodeEscapeString(StringRef quoted, std::string &out, size_t &errOffset,
                                      std::string &error) {
  // quoted is E'body'; offsets reported are relative to `quoted`.
  StringRef body = quoted.drop_front(2).drop_back();
  const size_t base = 2;
  out.clear();
  bool rawBytes = false;
  char32_t pendingHigh = 0; // a \u high surrogate waiting for its low half
  size_t pendingAt = 0;
  for (size_t i = 0; i < body.size();) {
    char c = body[i];
    bool isUnicode = c == '\\' && i + 1 < body.size() && (body[i + 1] == 'u' || body[i + 1] == 'U');
    if (pendingHigh && !isUnicode) {
      errOffset = base + pendingAt;
      error = "invalid Unicode surrogate pair";
      return false;
    }
    if (c == '\'') { // '' (the lexer guarantees the pair)
      out.push_back('\'');
      i += 2;
      continue;
    }
    if (c != '\\') {
      out.push_back(c);
      ++i;
      continue;
    }
    char e = body[i + 1];
    if (isUnicode) {
      size_t want = e == 'u' ? 4 : 8;
      uint32_t cp;
      if (readHex(body, i + 2, want, cp) != want) {
        errOffset = base + i;
        error = "invalid Unicode escape";
        return false;
      }
      if (pendingHigh) {
        if (cp < 0xDC00 || cp > 0xDFFF) {
          errOffset = base + i;
          error = "invalid Unicode surrogate pair";
          return false;
        }
        cp = 0x10000 + ((pendingHigh - 0xD800) << 10) + (cp - 0xDC00);
        pendingHigh = 0;
      } else if (cp >= 0xD800 && cp <= 0xDBFF) {
        pendingHigh = cp;
        pendingAt = i;
        i += 2 + want;
        continue;
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        errOffset = base + i;
        error = "invalid Unicode surrogate pair";
        return false;
      }
      if (cp == 0 || cp > 0x10FFFF) {
        errOffset = base + i;
        error = "invalid Unicode escape value";
        return false;
      }
      appendUtf8(out, cp);
      i += 2 + want;
    } else if (e >= '0' && e <= '7') {
      unsigned v = 0;
      size_t n = 0;
      while (n < 3 && i + 1 + n < body.size() && body[i + 1 + n] >= '0' && body[i + 1 + n] <= '7')
        v = v * 8 + (body[i + 1 + n++] - '0');
      out.push_back(static_cast<char>(v & 0xFF));
      rawBytes = true;
      i += 1 + n;
    } else if (e == 'x' && i + 2 < body.size() && llvm::isHexDigit(body[i + 2])) {
      uint32_t v;
      size_t n = readHex(body, i + 2, 2, v);
      out.push_back(static_cast<char>(v));
      rawBytes = true;
      i += 2 + n;
    } else {
      switch (e) {
      case 'b':
        out.push_back('\b');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 't':
        out.push_back('\t');
        break;
      default:
        out.push_back(e);
        break;
      }
      i += 2;
    }
  }
  if (pendingHigh) {
    errOffset = base + pendingAt;
    error = "invalid Unicode surrogate pair";
    return false;
  }
  if (rawBytes) {
    size_t bad = findInvalidUtf8(out);
    if (bad != StringRef::npos) {
      errOffset = 0;
      error = invalidUtf8Message(out, bad);
      return false;
    }
  }
  return true;
}
