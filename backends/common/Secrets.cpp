//===- Secrets.cpp - passwords kept out of messages, for every dialect ----===//

#include "backends/common/Secrets.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace shc;

std::vector<SecretRegion> shc::uriSecretRegions(llvm::StringRef s,
                                                const std::vector<llvm::StringRef> &keys) {
  std::vector<SecretRegion> found;
  size_t start = s.find("://");
  start = start == llvm::StringRef::npos ? 0 : start + 3;
  size_t at = s.rfind('@');
  if (at != llvm::StringRef::npos && at >= start) {
    size_t colon = s.find(':', start);
    if (colon < at)
      found.push_back({colon + 1, at});
  }
  for (llvm::StringRef key : keys) {
    std::string param = key.str() + "=";
    for (size_t p = start; (p = s.find(param, p)) != llvm::StringRef::npos;) {
      size_t value = p + param.size(), end = s.find('&', value);
      found.push_back({value, end == llvm::StringRef::npos ? s.size() : end});
      p = value;
    }
  }
  llvm::sort(found, [](SecretRegion a, SecretRegion b) { return a.begin < b.begin; });
  std::vector<SecretRegion> out;
  for (SecretRegion r : found) {
    if (!out.empty() && r.begin <= out.back().end)
      out.back().end = std::max(out.back().end, r.end);
    else
      out.push_back(r);
  }
  return out;
}

std::string shc::redactRegions(llvm::StringRef text, const std::vector<SecretRegion> &regions) {
  std::string out = text.str();
  // Back to front, so earlier offsets stay valid.
  for (auto it = regions.rbegin(); it != regions.rend(); ++it)
    out.replace(it->begin, it->end - it->begin, "***");
  return out;
}

std::string shc::percentDecode(llvm::StringRef s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned hi, lo;
    if (s[i] == '%' && i + 2 < s.size() && (hi = llvm::hexDigitValue(s[i + 1])) != -1U &&
        (lo = llvm::hexDigitValue(s[i + 2])) != -1U) {
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

void SecretScrubber::add(llvm::StringRef secret) {
  if (secret.size() >= kMinPiece)
    secrets.push_back(secret.str());
}

std::string SecretScrubber::scrub(llvm::StringRef text) const {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t best = 0;
    for (const std::string &secret : secrets) {
      // A run that occurs in the secret stays in it when it is shortened, so
      // grow it while it still occurs.
      size_t len = kMinPiece;
      while (i + len <= text.size() && secret.find(text.substr(i, len).str()) != std::string::npos)
        ++len;
      if (len - 1 >= kMinPiece && len - 1 > best)
        best = len - 1;
    }
    if (best) {
      out += "***";
      i += best;
    } else {
      out += text[i++];
    }
  }
  return out;
}
