//===- CustomSqlScan.cpp - lexical helpers for customSQL statements -------===//

#include "backends/postgres/catalog/CustomSqlScan.h"

#include "llvm/ADT/StringExtras.h"

using namespace shc;

/// Skips a comment starting at `i` (`-- ...` to the end of the line, or a
/// nested `/* ... */`); returns `i` unchanged when there is none there.
static size_t skipComment(llvm::StringRef s, size_t i, size_t end) {
  if (s[i] == '-' && i + 1 < end && s[i + 1] == '-') {
    size_t nl = s.find('\n', i);
    return nl == llvm::StringRef::npos || nl > end ? end : nl + 1;
  }
  if (s[i] == '/' && i + 1 < end && s[i + 1] == '*') {
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
  return i;
}

size_t shc::pg::skipBlanks(llvm::StringRef s, size_t pos, size_t end) {
  while (pos < end) {
    if (llvm::isSpace(s[pos])) {
      ++pos;
      continue;
    }
    size_t next = skipComment(s, pos, end);
    if (next == pos)
      break;
    pos = next;
  }
  return pos;
}

size_t shc::pg::cursorToByte(llvm::StringRef s, int cursorpos) {
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
