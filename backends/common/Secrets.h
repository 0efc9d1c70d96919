//===- Secrets.h - passwords kept out of messages, for every dialect -*- C++ -*-===//
//
// A connection URI may hold a password, and a client library's messages may
// quote pieces of it (a malformed URI puts them where a host or port is
// read). Each runtime redacts the URIs it shows and scrubs every message of
// its client library with a SecretScrubber; what may be a password, and how
// its URIs are written, is the dialect's.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace shc {

/// `[begin, end)` of a piece of a connection string that may be a secret.
struct SecretRegion {
  size_t begin, end;
};

/// Where a `scheme://user:password@host/...` URI may hold a password: from
/// the `:` after the user to the last `@` (the password may hold `/`, `?` or
/// `@` unencoded), and the value of each `key=` parameter up to the next
/// `&`, for each of `keys`; sorted, overlapping ones merged.
std::vector<SecretRegion> uriSecretRegions(llvm::StringRef uri,
                                           const std::vector<llvm::StringRef> &keys);

/// `text` with each of `regions` (sorted, not overlapping) replaced by `***`.
std::string redactRegions(llvm::StringRef text, const std::vector<SecretRegion> &regions);

/// `%XX` escapes decoded; a `%` not followed by two hex digits stays.
std::string percentDecode(llvm::StringRef s);

/// Scrubs messages of every piece of the secrets it was given.
class SecretScrubber {
public:
  /// Also `secret` percent-decoded is not added: callers add both forms.
  void add(llvm::StringRef secret);

  /// `text` with every run of kMinPiece or more bytes that occurs inside a
  /// secret replaced by `***`.
  std::string scrub(llvm::StringRef text) const;
  static constexpr size_t kMinPiece = 3;

private:
  std::vector<std::string> secrets;
};

} // namespace shc
