#pragma once

// Internal to frontend/ScalarLocate*.cpp: the pieces shared by the flow
// (plain, quoted) and block scalar scanners.

#include "frontend/ScalarLocate.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace shc::scalar {

inline bool isBreak(char c) { return c == '\n' || c == '\r'; }
inline bool isBlank(char c) { return c == ' ' || c == '\t'; }

inline size_t breakLen(llvm::StringRef b, size_t i) {
  return (b[i] == '\r' && i + 1 < b.size() && b[i + 1] == '\n') ? 2 : 1;
}

/// Offset of the line break ending the line that contains `i` (or the end).
inline size_t lineEnd(llvm::StringRef b, size_t i) {
  while (i < b.size() && !isBreak(b[i]))
    ++i;
  return i;
}

/// Accumulates decoded text and starts a new run whenever the source position
/// of the next byte is not the one right after the previous byte.
class RunBuilder {
public:
  std::string text;
  std::vector<ScalarRun> runs;

  void emit(char c, size_t src) {
    if (runs.empty() || runs.back().srcOffset + (text.size() - runs.back().textOffset) != src) {
      if (!runs.empty() && runs.back().textOffset == text.size())
        runs.back().srcOffset = src;
      else
        runs.push_back({text.size(), src});
    }
    text.push_back(c);
  }
  /// Bytes produced by one escape all map to the escape itself.
  void emitAll(llvm::StringRef s, size_t src) {
    for (size_t k = 0; k < s.size(); ++k)
      emit(s[k], src + k);
  }
};

/// Line folding inside a flow scalar at `i` (a blank or a break); false when
/// the blanks at `i` are followed by more text on the same line.
bool foldFlowBreak(llvm::StringRef b, size_t &i, RunBuilder &out);
bool scanSingleQuoted(llvm::StringRef b, size_t i, RunBuilder &out);
bool scanDoubleQuoted(llvm::StringRef b, size_t i, RunBuilder &out);
/// `wanted` is the decoded length yaml-cpp found.
bool scanPlain(llvm::StringRef b, size_t i, size_t wanted, RunBuilder &out);
/// `p` is the `|` or `>`; `decoded` picks between candidate indentations.
bool scanBlock(llvm::StringRef b, size_t p, llvm::StringRef decoded, RunBuilder &out);

} // namespace shc::scalar
