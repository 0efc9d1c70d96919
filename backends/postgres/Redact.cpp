//===- Redact.cpp - connection strings and messages without passwords -----===//

#include "backends/postgres/Redact.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <libpq-fe.h>

#include <cstdlib>

using namespace shc;

namespace {

struct Region {
  size_t begin, end;
};

bool isUri(llvm::StringRef s) {
  return s.startswith("postgresql://") || s.startswith("postgres://");
}

bool isConninfoSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// Where a URI may hold a password: from the `:` after the user to the last
/// `@` (the password may hold `/`, `?` or `@` unencoded), and each
/// `password=` parameter up to the next `&`; overlapping ones merged.
std::vector<Region> uriPasswordRegions(llvm::StringRef s) {
  std::vector<Region> found;
  size_t start = s.find("://") + 3;
  size_t at = s.rfind('@');
  if (at != llvm::StringRef::npos && at >= start) {
    size_t colon = s.find(':', start);
    if (colon < at)
      found.push_back({colon + 1, at});
  }
  for (size_t p = start; (p = s.find("password=", p)) != llvm::StringRef::npos;) {
    size_t value = p + 9, end = s.find('&', value);
    found.push_back({value, end == llvm::StringRef::npos ? s.size() : end});
    p = value;
  }
  llvm::sort(found, [](Region a, Region b) { return a.begin < b.begin; });
  std::vector<Region> out;
  for (Region r : found) {
    if (!out.empty() && r.begin <= out.back().end)
      out.back().end = std::max(out.back().end, r.end);
    else
      out.push_back(r);
  }
  return out;
}

/// The value of each `password` key of a key=value string, read as libpq
/// reads it (quotes, backslash escapes), quotes included.
std::vector<Region> keywordPasswordRegions(llvm::StringRef s) {
  std::vector<Region> out;
  size_t i = 0, n = s.size();
  auto skipSpace = [&] {
    while (i < n && isConninfoSpace(s[i]))
      ++i;
  };
  while (true) {
    skipSpace();
    size_t key = i;
    while (i < n && s[i] != '=' && !isConninfoSpace(s[i]))
      ++i;
    llvm::StringRef keyword = s.slice(key, i);
    skipSpace();
    if (i >= n || s[i] != '=')
      break;
    ++i;
    skipSpace();
    size_t value = i;
    if (i < n && s[i] == '\'') {
      for (++i; i < n && s[i] != '\''; ++i)
        i += s[i] == '\\';
      ++i;
    } else {
      for (; i < n && !isConninfoSpace(s[i]); ++i)
        i += s[i] == '\\';
    }
    i = std::min(i, n);
    if (keyword == "password")
      out.push_back({value, i});
  }
  return out;
}

std::vector<Region> passwordRegions(llvm::StringRef s) {
  return isUri(s) ? uriPasswordRegions(s) : keywordPasswordRegions(s);
}

std::string percentDecode(llvm::StringRef s) {
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

/// PQconninfoParse's options, or nullptr when libpq cannot parse `s`.
PQconninfoOption *parseConninfo(llvm::StringRef s) {
  char *err = nullptr;
  PQconninfoOption *opts = PQconninfoParse(s.str().c_str(), &err);
  if (err)
    PQfreemem(err);
  return opts;
}

} // namespace

std::string shc::redactConnectionString(llvm::StringRef conninfo) {
  PQconninfoOption *opts = parseConninfo(conninfo);
  if (!opts)
    return "<a connection string libpq cannot parse, not shown>";
  PQconninfoFree(opts);
  std::string out = conninfo.str();
  std::vector<Region> regions = passwordRegions(conninfo);
  // Back to front, so earlier offsets stay valid (regions do not overlap).
  for (auto it = regions.rbegin(); it != regions.rend(); ++it)
    out.replace(it->begin, it->end - it->begin, "***");
  return out;
}

SecretScrubber::SecretScrubber(llvm::StringRef conninfo) {
  if (const char *env = std::getenv("PGPASSWORD"))
    add(env);
  PQconninfoOption *opts = parseConninfo(conninfo);
  if (!opts) {
    add(conninfo); // every part of it may be the password
    return;
  }
  for (PQconninfoOption *o = opts; o->keyword; ++o)
    if (llvm::StringRef(o->keyword) == "password" && o->val)
      add(o->val);
  PQconninfoFree(opts);
  for (Region r : passwordRegions(conninfo)) {
    llvm::StringRef raw = conninfo.slice(r.begin, r.end);
    add(raw);
    add(percentDecode(raw));
  }
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
