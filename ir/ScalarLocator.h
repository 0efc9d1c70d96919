#pragma once

#include "ir/Location.h"

#include <cstddef>
#include <vector>

namespace shc {

/// Maps byte offsets in the decoded text of a YAML scalar (what the user's SQL
/// parser sees) back to file positions. A scalar is a sequence of runs; inside
/// a run, text offset and source column advance together. Escapes in quoted
/// scalars and each line of a block scalar start a new run.
class ScalarLocator {
public:
  ScalarLocator() = default;
  /// A locator for text that sits verbatim at `start` on one line.
  explicit ScalarLocator(SourceLoc start) { addRun(0, start); }

  /// Text from `textOffset` on (until the next run) starts at `loc`. Runs must
  /// be added in increasing textOffset order.
  void addRun(size_t textOffset, SourceLoc loc) { runs.push_back({textOffset, loc}); }

  SourceLoc locate(size_t textOffset) const {
    if (runs.empty()) return SourceLoc();
    const Run &r = runs[runIndex(textOffset)];
    SourceLoc loc = r.loc;
    if (textOffset >= r.textOffset) loc.col += static_cast<uint32_t>(textOffset - r.textOffset);
    return loc;
  }
  SourceLoc start() const { return runs.empty() ? SourceLoc() : runs.front().loc; }

  /// The locator of the text from `begin` to `end`, with offsets counted
  /// from `begin`: one statement of a customSQL, located without copying
  /// the rest.
  ScalarLocator slice(size_t begin, size_t end) const {
    ScalarLocator out;
    if (runs.empty())
      return out;
    out.addRun(0, locate(begin));
    size_t i = runIndex(begin) + 1;
    for (; i < runs.size() && runs[i].textOffset < end; ++i)
      out.addRun(runs[i].textOffset - begin, runs[i].loc);
    return out;
  }
  bool empty() const { return runs.empty(); }

private:
  /// The last run starting at or before `textOffset` (0 when none does).
  size_t runIndex(size_t textOffset) const {
    size_t lo = 0, hi = runs.size();
    while (hi - lo > 1) {
      size_t mid = (lo + hi) / 2;
      if (runs[mid].textOffset <= textOffset) lo = mid; else hi = mid;
    }
    return lo;
  }

  struct Run {
    size_t textOffset;
    SourceLoc loc;
  };
  std::vector<Run> runs;
};

} // namespace shc
