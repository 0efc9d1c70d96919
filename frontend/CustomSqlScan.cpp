//===- CustomSqlScan.cpp - top-level structure of one SQL statement -------===//

#include "frontend/CustomSqlScan.h"

#include "llvm/ADT/StringExtras.h"

using namespace shc;

static bool isIdentStart(char c) {
  return llvm::isAlpha(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
static bool isIdentChar(char c) { return isIdentStart(c) || llvm::isDigit(c) || c == '$'; }

/// Skips a quoted or commented token starting at `i`; returns `i` unchanged
/// when there is none there.
static size_t skipQuoted(llvm::StringRef s, size_t i, size_t end) {
  char c = s[i];
  if (c == '\'' || c == '"') {
    bool escapes = c == '\'' && i > 0 && (s[i - 1] == 'E' || s[i - 1] == 'e') &&
                   (i < 2 || !isIdentChar(s[i - 2]));
    for (size_t j = i + 1; j < end; ++j) {
      if (escapes && s[j] == '\\') {
        ++j;
        continue;
      }
      if (s[j] == c) {
        if (j + 1 < end && s[j + 1] == c) {
          ++j;
          continue;
        }
        return j + 1;
      }
    }
    return end;
  }
  if (c == '-' && i + 1 < end && s[i + 1] == '-') {
    size_t nl = s.find('\n', i);
    return nl == llvm::StringRef::npos || nl > end ? end : nl + 1;
  }
  if (c == '/' && i + 1 < end && s[i + 1] == '*') {
    unsigned depth = 0;
    for (size_t j = i; j + 1 < end; ++j) {
      if (s[j] == '/' && s[j + 1] == '*') {
        ++depth;
        ++j;
      } else if (s[j] == '*' && s[j + 1] == '/') {
        ++j;
        if (--depth == 0)
          return j + 1;
      }
    }
    return end;
  }
  if (c == '$' && (i == 0 || !isIdentChar(s[i - 1]))) {
    size_t j = i + 1;
    while (j < end && isIdentChar(s[j]) && s[j] != '$' && !(j == i + 1 && llvm::isDigit(s[j])))
      ++j;
    if (j < end && s[j] == '$') {
      llvm::StringRef tag = s.slice(i, j + 1);
      size_t close = s.find(tag, j + 1);
      return close == llvm::StringRef::npos || close > end ? end : close + tag.size();
    }
  }
  return i;
}

size_t shc::skipBlanks(llvm::StringRef s, size_t pos, size_t end) {
  while (pos < end) {
    if (llvm::isSpace(s[pos])) {
      ++pos;
      continue;
    }
    bool comment = s[pos] == '-' || s[pos] == '/';
    size_t next = comment ? skipQuoted(s, pos, end) : pos;
    if (next == pos)
      break;
    pos = next;
  }
  return pos;
}

size_t shc::skipIdentifier(llvm::StringRef s, size_t pos, size_t end) {
  if (pos < end && s[pos] == '"')
    return skipQuoted(s, pos, end);
  while (pos < end && isIdentChar(s[pos]))
    ++pos;
  return pos;
}

size_t shc::findTopLevel(llvm::StringRef s, size_t pos, size_t end, bool stopAtComma,
                         llvm::StringRef keyword) {
  int depth = 0;
  size_t i = pos;
  while (i < end) {
    size_t next = skipQuoted(s, i, end);
    if (next != i) {
      i = next;
      continue;
    }
    char c = s[i];
    if (c == '(' || c == '[') {
      ++depth;
    } else if (c == ')' || c == ']') {
      --depth;
    } else if (depth == 0 && c == ',' && stopAtComma) {
      return i;
    } else if (isIdentStart(c) && (i == 0 || !isIdentChar(s[i - 1]))) {
      size_t j = i;
      while (j < end && isIdentChar(s[j]))
        ++j;
      if (depth == 0 && !keyword.empty() && s.slice(i, j).equals_insensitive(keyword))
        return i;
      i = j;
      continue;
    }
    ++i;
  }
  return end;
}

size_t shc::cursorToByte(llvm::StringRef s, int cursorpos) {
  if (cursorpos <= 1)
    return 0;
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
      continue; // continuation byte
    if (chars == static_cast<size_t>(cursorpos - 1))
      return i;
    ++chars;
  }
  return s.size();
}
