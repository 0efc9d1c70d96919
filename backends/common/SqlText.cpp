//===- SqlText.cpp - Lexical facts about opaque SQL text ------------------===//

#include "backends/common/SqlText.h"

using namespace shc;

static bool isIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

static bool isTagStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

/// The length of a dollar-quote delimiter (`$$` or `$tag$`) at `i`, or 0.
static size_t dollarTagLength(llvm::StringRef s, size_t i) {
  if (s[i] != '$')
    return 0;
  size_t j = i + 1;
  if (j < s.size() && isTagStart(s[j])) {
    ++j;
    while (j < s.size() && isIdentChar(s[j]) && s[j] != '$')
      ++j;
  }
  return j < s.size() && s[j] == '$' ? j + 1 - i : 0;
}

SqlTail shc::scanSqlTail(llvm::StringRef s) {
  SqlTail tail;
  char last = 0; // last significant character outside comments
  size_t i = 0, n = s.size();
  auto prevIsIdent = [&](size_t k) { return k > 0 && isIdentChar(s[k - 1]); };
  while (i < n) {
    char c = s[i];
    if (c == '-' && i + 1 < n && s[i + 1] == '-') {
      size_t nl = s.find('\n', i);
      if (nl == llvm::StringRef::npos) {
        tail.endsInLineComment = true;
        break;
      }
      i = nl + 1;
      continue;
    }
    if (c == '/' && i + 1 < n && s[i + 1] == '*') {
      unsigned depth = 1; // PostgreSQL block comments nest
      i += 2;
      while (i < n && depth) {
        if (s[i] == '/' && i + 1 < n && s[i + 1] == '*')
          ++depth, i += 2;
        else if (s[i] == '*' && i + 1 < n && s[i + 1] == '/')
          --depth, i += 2;
        else
          ++i;
      }
      if (depth)
        tail.unterminated = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    tail.empty = false;
    if (c == '\'' || c == '"') {
      bool escapes =
          c == '\'' && i > 0 && (s[i - 1] == 'E' || s[i - 1] == 'e') && !prevIsIdent(i - 1);
      size_t j = i + 1;
      bool closed = false;
      while (j < n) {
        if (escapes && s[j] == '\\') {
          j += 2;
          continue;
        }
        if (s[j] == c) {
          closed = true;
          break;
        }
        ++j;
      }
      if (!closed) {
        tail.unterminated = true;
        return tail;
      }
      last = c;
      i = j + 1;
      continue;
    }
    if (c == '$' && !prevIsIdent(i)) {
      if (size_t len = dollarTagLength(s, i)) {
        size_t close = s.find(s.substr(i, len), i + len);
        if (close == llvm::StringRef::npos) {
          tail.unterminated = true;
          return tail;
        }
        last = '$';
        i = close + len;
        continue;
      }
    }
    last = c;
    ++i;
  }
  tail.endsWithSemicolon = last == ';';
  return tail;
}
