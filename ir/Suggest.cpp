#include "ir/Suggest.h"

#include <algorithm>

using namespace shc;

template <typename T> static std::string closest(llvm::StringRef name, llvm::ArrayRef<T> cands) {
  unsigned limit = std::max<unsigned>(1, static_cast<unsigned>(name.size()) / 3);
  std::string best;
  unsigned bestDist = limit + 1;
  for (const T &c : cands) {
    llvm::StringRef cand(c);
    if (cand.empty() || cand == name) continue;
    unsigned d = name.lower() == cand.lower()
                     ? 0
                     : name.edit_distance(cand, /*AllowReplacements=*/true, bestDist);
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
