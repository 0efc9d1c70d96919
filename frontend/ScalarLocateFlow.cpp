// Plain, single-quoted and double-quoted scalars: escapes and line folding.
#include "frontend/ScalarLocateImpl.h"

using namespace shc;
using namespace shc::scalar;

namespace {

void appendUtf8(std::string &out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// One escape after a backslash at `i`; returns its length in the source.
size_t decodeEscape(llvm::StringRef b, size_t i, std::string &bytes) {
  if (i + 1 >= b.size())
    return 0;
  char e = b[i + 1];
  unsigned hexDigits = 0;
  switch (e) {
  case '0':
    bytes = std::string(1, '\0');
    return 2;
  case 'a':
    bytes = "\a";
    return 2;
  case 'b':
    bytes = "\b";
    return 2;
  case 't':
  case '\t':
    bytes = "\t";
    return 2;
  case 'n':
    bytes = "\n";
    return 2;
  case 'v':
    bytes = "\v";
    return 2;
  case 'f':
    bytes = "\f";
    return 2;
  case 'r':
    bytes = "\r";
    return 2;
  case 'e':
    bytes = "\x1b";
    return 2;
  case ' ':
  case '"':
  case '/':
  case '\\':
  case '\'':
    bytes = std::string(1, e);
    return 2;
  case 'N':
    bytes.clear();
    appendUtf8(bytes, 0x85);
    return 2;
  case '_':
    bytes.clear();
    appendUtf8(bytes, 0xA0);
    return 2;
  case 'L':
    bytes.clear();
    appendUtf8(bytes, 0x2028);
    return 2;
  case 'P':
    bytes.clear();
    appendUtf8(bytes, 0x2029);
    return 2;
  case 'x':
    hexDigits = 2;
    break;
  case 'u':
    hexDigits = 4;
    break;
  case 'U':
    hexDigits = 8;
    break;
  default:
    return 0;
  }
  if (i + 2 + hexDigits > b.size())
    return 0;
  uint32_t cp = 0;
  for (unsigned k = 0; k < hexDigits; ++k) {
    char h = b[i + 2 + k];
    unsigned v;
    if (h >= '0' && h <= '9')
      v = h - '0';
    else if (h >= 'a' && h <= 'f')
      v = h - 'a' + 10;
    else if (h >= 'A' && h <= 'F')
      v = h - 'A' + 10;
    else
      return 0;
    cp = cp * 16 + v;
  }
  bytes.clear();
  appendUtf8(bytes, cp);
  return 2 + hexDigits;
}
/// Appends one line of a plain scalar: up to a comment or the line end, with
/// trailing blanks trimmed. Returns the offset of the line end.
size_t appendPlainLine(llvm::StringRef b, size_t i, RunBuilder &out) {
  size_t end = i;
  while (end < b.size() && !isBreak(b[end])) {
    if (b[end] == '#' && end > i && isBlank(b[end - 1]))
      break;
    ++end;
  }
  size_t stop = end;
  while (stop > i && isBlank(b[stop - 1]))
    --stop;
  for (size_t k = i; k < stop; ++k)
    out.emit(b[k], k);
  return lineEnd(b, end);
}

} // namespace

/// Line folding inside a flow scalar (quoted or plain) at `i`, a blank or a
/// break. Trailing blanks of the line are dropped, the first break becomes a
/// space, and each following empty line a newline; leading blanks of the next
/// line are skipped. Returns false (and consumes nothing) when `i` starts
/// blanks that are followed by more text on the same line.
bool scalar::foldFlowBreak(llvm::StringRef b, size_t &i, RunBuilder &out) {
  size_t j = i;
  while (j < b.size() && isBlank(b[j]))
    ++j;
  if (j >= b.size() || !isBreak(b[j]))
    return false;
  size_t firstBreak = j;
  j += breakLen(b, j);
  unsigned empties = 0;
  for (;;) {
    while (j < b.size() && isBlank(b[j]))
      ++j;
    if (j < b.size() && isBreak(b[j])) {
      ++empties;
      j += breakLen(b, j);
      continue;
    }
    break;
  }
  if (empties == 0)
    out.emit(' ', firstBreak);
  for (unsigned k = 0; k < empties; ++k)
    out.emit('\n', firstBreak);
  i = j;
  return true;
}

bool scalar::scanSingleQuoted(llvm::StringRef b, size_t i, RunBuilder &out) {
  ++i; // opening quote
  while (i < b.size()) {
    char c = b[i];
    if (c == '\'') {
      if (i + 1 < b.size() && b[i + 1] == '\'') {
        out.emit('\'', i);
        i += 2;
        continue;
      }
      return true;
    }
    if ((isBlank(c) || isBreak(c)) && foldFlowBreak(b, i, out))
      continue;
    out.emit(c, i++);
  }
  return false;
}

bool scalar::scanDoubleQuoted(llvm::StringRef b, size_t i, RunBuilder &out) {
  ++i; // opening quote
  std::string bytes;
  while (i < b.size()) {
    char c = b[i];
    if (c == '"')
      return true;
    if (c == '\\') {
      if (i + 1 < b.size() && isBreak(b[i + 1])) {
        // Escaped line break: joins the lines without a space.
        size_t j = i + 1 + breakLen(b, i + 1);
        for (;;) {
          while (j < b.size() && isBlank(b[j]))
            ++j;
          if (j < b.size() && isBreak(b[j])) {
            out.emit('\n', j);
            j += breakLen(b, j);
            continue;
          }
          break;
        }
        i = j;
        continue;
      }
      size_t len = decodeEscape(b, i, bytes);
      if (len == 0)
        return false;
      out.emitAll(bytes, i);
      i += len;
      continue;
    }
    if ((isBlank(c) || isBreak(c)) && foldFlowBreak(b, i, out))
      continue;
    out.emit(c, i++);
  }
  return false;
}

/// Plain scalars end where the YAML context says (`: `, flow indicators, a
/// less indented line); yaml-cpp already knows the decoded length, so lines
/// are folded in until it is reached and the excess is cut.
bool scalar::scanPlain(llvm::StringRef b, size_t i, size_t wanted, RunBuilder &out) {
  size_t eol = appendPlainLine(b, i, out);
  while (out.text.size() < wanted && eol < b.size()) {
    size_t j = eol;
    if (!foldFlowBreak(b, j, out))
      return false;
    if (j >= b.size() || b[j] == '#')
      break;
    eol = appendPlainLine(b, j, out);
  }
  if (out.text.size() < wanted)
    return false;
  out.text.resize(wanted);
  while (!out.runs.empty() && out.runs.back().textOffset >= wanted && out.runs.size() > 1)
    out.runs.pop_back();
  return true;
}
