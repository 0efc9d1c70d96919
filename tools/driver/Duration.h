#pragma once

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>

namespace shc {

/// A time setting as PostgreSQL reads `lock_timeout` and
/// `statement_timeout`: a number, optionally fractional, then optionally
/// (after spaces) a unit us, ms, s, min, h or d; a bare number is
/// milliseconds. Rounded to whole milliseconds, and at least 1 when not
/// zero (0 would switch the timeout off). nullopt when the text is not such
/// a value or exceeds PostgreSQL's limit (INT_MAX milliseconds).
std::optional<unsigned> parseDurationMs(llvm::StringRef text);

/// The same units without PostgreSQL's limit on timeouts, for ages
/// (`backups prune --older-than 90d`).
std::optional<uint64_t> parseLongDurationMs(llvm::StringRef text);

} // namespace shc
