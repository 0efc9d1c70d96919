// Literal (`|`) and folded (`>`) block scalars: indentation, chomping and
// folding of more-indented lines.
#include "frontend/ScalarLocateImpl.h"

using namespace shc;
using namespace shc::scalar;

namespace {

enum class Chomp { Strip, Clip, Keep };

struct BlockLine {
  size_t start; ///< first content byte (after the indentation)
  size_t end;   ///< the line break (or end of buffer)
  bool empty;
};

/// Splits block scalar content at `indent` into lines; stops at the first
/// non-empty line that is less indented (or a document marker).
std::vector<BlockLine> blockLines(llvm::StringRef b, size_t i, size_t indent) {
  std::vector<BlockLine> lines;
  while (i < b.size()) {
    size_t lineStart = i, spaces = 0;
    while (i < b.size() && b[i] == ' ')
      ++i, ++spaces;
    size_t e = lineEnd(b, i);
    bool blankRest = true;
    for (size_t k = i; k < e; ++k)
      if (!isBlank(b[k]))
        blankRest = false;
    bool empty = blankRest && spaces <= indent;
    if (!empty && spaces < indent)
      break;
    if (!empty && spaces == 0) {
      llvm::StringRef rest = b.substr(lineStart, e - lineStart);
      if ((rest.startswith("---") || rest.startswith("...")) &&
          (rest.size() == 3 || isBlank(rest[3])))
        break;
    }
    lines.push_back({empty ? e : lineStart + indent, e, empty});
    i = e < b.size() ? e + breakLen(b, e) : e;
  }
  return lines;
}

void scanBlockBody(llvm::StringRef b, const std::vector<BlockLine> &lines, bool folded, Chomp chomp,
                   RunBuilder &out) {
  std::vector<size_t> pending; // break offsets of empty lines since the last text line
  bool havePrev = false, prevMore = false;
  size_t prevBreak = 0;
  for (const BlockLine &l : lines) {
    if (l.empty) {
      pending.push_back(l.end);
      continue;
    }
    bool more = folded && isBlank(b[l.start]);
    if (havePrev) {
      if (folded && !prevMore && !more && pending.empty())
        out.emit(' ', prevBreak);
      else if (!folded || prevMore || more)
        out.emit('\n', prevBreak);
    }
    for (size_t p : pending)
      out.emit('\n', p);
    pending.clear();
    for (size_t k = l.start; k < l.end; ++k)
      out.emit(b[k], k);
    havePrev = true;
    prevMore = more;
    prevBreak = l.end;
  }
  if (chomp == Chomp::Strip)
    return;
  if (havePrev)
    out.emit('\n', prevBreak);
  if (chomp == Chomp::Keep)
    for (size_t p : pending)
      out.emit('\n', p);
}

/// Block scalars match up to trailing newlines: clipping at the end of the
/// buffer is the one place where YAML processors disagree.
bool sameUpToTrailingNewlines(llvm::StringRef a, llvm::StringRef b) {
  return a == b || a.rtrim('\n') == b.rtrim('\n');
}

} // namespace

bool scalar::scanBlock(llvm::StringRef b, size_t p, llvm::StringRef decoded, RunBuilder &out) {
  bool folded = b[p] == '>';
  size_t i = p + 1;
  Chomp chomp = Chomp::Clip;
  unsigned explicitIndent = 0;
  for (int k = 0; k < 2 && i < b.size(); ++k, ++i) {
    if (b[i] == '-')
      chomp = Chomp::Strip;
    else if (b[i] == '+')
      chomp = Chomp::Keep;
    else if (b[i] >= '1' && b[i] <= '9')
      explicitIndent = b[i] - '0';
    else
      break;
  }
  size_t eol = lineEnd(b, i);
  size_t content = eol < b.size() ? eol + breakLen(b, eol) : eol;

  // Column of the indicator and indentation of its line: the candidates for
  // the parent indentation an explicit indicator is relative to.
  size_t lineStart = p;
  while (lineStart > 0 && !isBreak(b[lineStart - 1]))
    --lineStart;
  size_t lineIndent = 0;
  while (lineStart + lineIndent < p && b[lineStart + lineIndent] == ' ')
    ++lineIndent;

  std::vector<size_t> candidates;
  if (explicitIndent) {
    candidates.push_back(lineIndent + explicitIndent);
    for (size_t base = 0; base <= p - lineStart; ++base)
      candidates.push_back(base + explicitIndent);
  } else {
    // Auto-detect: the indentation of the first non-empty line.
    size_t j = content, detected = 0;
    while (j < b.size()) {
      size_t spaces = 0;
      while (j + spaces < b.size() && b[j + spaces] == ' ')
        ++spaces;
      size_t e = lineEnd(b, j + spaces);
      bool blank = true;
      for (size_t k = j + spaces; k < e; ++k)
        if (!isBlank(b[k]))
          blank = false;
      if (!blank) {
        detected = spaces;
        break;
      }
      j = e < b.size() ? e + breakLen(b, e) : e;
    }
    candidates.push_back(detected);
  }
  for (size_t indent : candidates) {
    RunBuilder attempt;
    scanBlockBody(b, blockLines(b, content, indent), folded, chomp, attempt);
    if (sameUpToTrailingNewlines(attempt.text, decoded)) {
      out = std::move(attempt);
      return true;
    }
  }
  return false;
}
