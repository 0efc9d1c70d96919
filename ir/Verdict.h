#pragma once

#include "ir/Location.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>

namespace shc {

/// The idempotency analysis' answer for an operation or a migration.
enum class Verdict : uint8_t { Unknown, Idempotent, NotIdempotent };
llvm::StringRef verdictName(Verdict v); ///< "idempotent", "not_idempotent", "unknown"

struct IdempotencyVerdict {
  bool computed = false; ///< false until the idempotency pass ran
  Verdict verdict = Verdict::Unknown;
  std::string reason; ///< for reviewers: "counter + 1 accumulates"
  SourceLoc loc;      ///< what the reason is about
  /// A condition that, AND-ed to the operation's WHERE, makes it idempotent
  /// (`status IS DISTINCT FROM 'done'`, `updated_at IS NULL`); empty when
  /// none is known. Suggested by the not-idempotent hint.
  std::string guard;
};

} // namespace shc
