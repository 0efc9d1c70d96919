// Maps the decoded text of a YAML scalar back to the bytes it came from, by
// scanning the raw source again with the YAML 1.2 rules for each style.
#include "frontend/ScalarLocate.h"

#include "frontend/ScalarLocateImpl.h"
#include "ir/SourceManager.h"

using namespace shc;
using namespace shc::scalar;

size_t shc::skipNodeProperties(llvm::StringRef b, size_t i) {
  for (;;) {
    if (i >= b.size() || (b[i] != '!' && b[i] != '&'))
      return i;
    if (b.substr(i).startswith("!<")) {
      while (i < b.size() && b[i] != '>')
        ++i;
    }
    while (i < b.size() && !isBlank(b[i]) && !isBreak(b[i]))
      ++i;
    // Whitespace, line breaks and comments between a property and the content.
    for (;;) {
      while (i < b.size() && (isBlank(b[i]) || isBreak(b[i])))
        ++i;
      if (i < b.size() && b[i] == '#') {
        i = lineEnd(b, i);
        continue;
      }
      break;
    }
  }
}

std::vector<ScalarRun> shc::scanScalarRuns(llvm::StringRef b, size_t offset,
                                           llvm::StringRef decoded) {
  if (offset >= b.size())
    return {};
  RunBuilder out;
  bool ok;
  switch (b[offset]) {
  case '"':
    ok = scanDoubleQuoted(b, offset, out) && out.text == decoded;
    break;
  case '\'':
    ok = scanSingleQuoted(b, offset, out) && out.text == decoded;
    break;
  case '|':
  case '>':
    ok = scanBlock(b, offset, decoded, out);
    break;
  default:
    ok = scanPlain(b, offset, decoded.size(), out) && out.text == decoded;
    break;
  }
  if (!ok)
    return {};
  return std::move(out.runs);
}

ScalarLocator shc::locateScalar(const SourceManager &sm, uint32_t file, size_t offset,
                                llvm::StringRef decoded) {
  llvm::StringRef b = sm.getBuffer(file);
  std::vector<ScalarRun> runs = scanScalarRuns(b, offset, decoded);
  ScalarLocator loc;
  if (runs.empty()) {
    // Fallback: everything maps to the first content byte.
    size_t start = offset;
    if (offset < b.size() && (b[offset] == '"' || b[offset] == '\''))
      ++start;
    loc.addRun(0, sm.getLoc(file, start));
    return loc;
  }
  if (runs.front().textOffset != 0)
    loc.addRun(0, sm.getLoc(file, runs.front().srcOffset));
  for (const ScalarRun &r : runs)
    loc.addRun(r.textOffset, sm.getLoc(file, r.srcOffset));
  return loc;
}
