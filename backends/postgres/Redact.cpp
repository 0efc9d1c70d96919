//===- Redact.cpp - connection strings and messages without passwords -----===//

#include "backends/postgres/Redact.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <libpq-fe.h>

#include <cstdlib>

using namespace shc;

namespace {

bool isUri(llvm::StringRef s) {
  return s.startswith("postgresql://") || s.startswith("postgres://");
}

bool isConninfoSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::vector<SecretRegion> uriPasswordRegions(llvm::StringRef s) {
  return uriSecretRegions(s, {"password"});
}

/// The value of each `password` key of a key=value string, read as libpq
/// reads it (quotes, backslash escapes), quotes included.
std::vector<SecretRegion> keywordPasswordRegions(llvm::StringRef s) {
  std::vector<SecretRegion> out;
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

std::vector<SecretRegion> passwordRegions(llvm::StringRef s) {
  return isUri(s) ? uriPasswordRegions(s) : keywordPasswordRegions(s);
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
  return redactRegions(conninfo, passwordRegions(conninfo));
}

SecretScrubber shc::postgresSecrets(llvm::StringRef conninfo) {
  SecretScrubber scrubber;
  if (const char *env = std::getenv("PGPASSWORD"))
    scrubber.add(env);
  PQconninfoOption *opts = parseConninfo(conninfo);
  if (!opts) {
    scrubber.add(conninfo); // every part of it may be the password
    return scrubber;
  }
  for (PQconninfoOption *o = opts; o->keyword; ++o)
    if (llvm::StringRef(o->keyword) == "password" && o->val)
      scrubber.add(o->val);
  PQconninfoFree(opts);
  for (SecretRegion r : passwordRegions(conninfo)) {
    llvm::StringRef raw = conninfo.slice(r.begin, r.end);
    scrubber.add(raw);
    scrubber.add(percentDecode(raw));
  }
  return scrubber;
}
