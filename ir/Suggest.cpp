#include "ir/Suggest.h"

#include <algorithm>
#include <vector>

using namespace shc;

/// Optimal-string-alignment distance (Levenshtein plus adjacent swaps), case
/// insensitive: `tabel` is one edit from `table`, as a typo should be.
static unsigned typoDistance(llvm::StringRef a, llvm::StringRef b) {
  std::string x = a.lower(), y = b.lower();
  size_t n = x.size(), m = y.size();
  std::vector<std::vector<unsigned>> d(n + 1, std::vector<unsigned>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<unsigned>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<unsigned>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      unsigned cost = x[i - 1] == y[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

template <typename T> static std::string closest(llvm::StringRef name, llvm::ArrayRef<T> cands) {
  unsigned limit = std::max<unsigned>(1, static_cast<unsigned>(name.size()) / 3);
  std::string best;
  unsigned bestDist = limit + 1;
  for (const T &c : cands) {
    llvm::StringRef cand(c);
    if (cand.empty() || cand == name) continue;
    // Cheap length filter before the quadratic distance.
    size_t diff = cand.size() > name.size() ? cand.size() - name.size() : name.size() - cand.size();
    if (diff >= bestDist) continue;
    unsigned d = typoDistance(name, cand);
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
