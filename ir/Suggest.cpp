#include "ir/Suggest.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <vector>

using namespace shc;

/// Optimal-string-alignment distance (Levenshtein plus adjacent swaps), case
/// insensitive: `tabel` is one edit from `table`, as a typo should be.
/// Gives up with limit + 1 once a whole row exceeds `limit` (no later entry
/// can be smaller), and reuses `rows`: a suggestion among ten thousand
/// migration names computes ten thousand of these, most of them far.
static unsigned typoDistance(llvm::StringRef x, llvm::StringRef y, unsigned limit,
                             std::vector<unsigned> &rows) {
  size_t n = x.size(), m = y.size();
  rows.assign(3 * (m + 1), 0);
  unsigned *older = rows.data(), *prev = older + m + 1, *cur = prev + m + 1;
  for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<unsigned>(j);
  auto same = [](char a, char b) { return llvm::toLower(a) == llvm::toLower(b); };
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<unsigned>(i);
    unsigned rowMin = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      unsigned cost = same(x[i - 1], y[j - 1]) ? 0 : 1;
      unsigned d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && same(x[i - 1], y[j - 2]) && same(x[i - 2], y[j - 1]))
        d = std::min(d, older[j - 2] + 1);
      cur[j] = d;
      rowMin = std::min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    std::swap(older, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

template <typename T> static std::string closest(llvm::StringRef name, llvm::ArrayRef<T> cands) {
  unsigned limit = std::max<unsigned>(1, static_cast<unsigned>(name.size()) / 3);
  std::string best;
  unsigned bestDist = limit + 1;
  std::vector<unsigned> rows;
  for (const T &c : cands) {
    llvm::StringRef cand(c);
    if (cand.empty() || cand == name) continue;
    // Cheap length filter before the quadratic distance.
    size_t diff = cand.size() > name.size() ? cand.size() - name.size() : name.size() - cand.size();
    if (diff >= bestDist) continue;
    unsigned d = typoDistance(name, cand, bestDist - 1, rows);
    if (d < bestDist) {
      bestDist = d;
      best = cand.str();
    }
  }
  return best;
}

std::string shc::suggestClosest(llvm::StringRef name, llvm::ArrayRef<std::string> candidates) {
  return closest(name, candidates);
}
std::string shc::suggestClosest(llvm::StringRef name, llvm::ArrayRef<llvm::StringRef> candidates) {
  return closest(name, candidates);
}

static std::string wrap(const std::string &s) {
  return s.empty() ? std::string() : " (did you mean '" + s + "'?)";
}
std::string shc::didYouMean(llvm::StringRef name, llvm::ArrayRef<std::string> candidates) {
  return wrap(suggestClosest(name, candidates));
}
std::string shc::didYouMean(llvm::StringRef name, llvm::ArrayRef<llvm::StringRef> candidates) {
  return wrap(suggestClosest(name, candidates));
}
