//===- CustomSqlScan.h - top-level structure of one SQL statement -*- C++ -*-===//
#pragma once

#include "llvm/ADT/StringRef.h"

#include <cstddef>

namespace shc {

/// Scans `sql` from `pos` with PostgreSQL's lexical rules (quotes, dollar
/// quotes, comments, brackets) and returns the offset of the first top-level
/// `,` (when `stopAtComma`) or top-level keyword `keyword` (case-insensitive,
/// whole word), or `end` when there is none before `end`.
size_t findTopLevel(llvm::StringRef sql, size_t pos, size_t end, bool stopAtComma,
                    llvm::StringRef keyword);

/// Skips whitespace and comments from `pos`.
size_t skipBlanks(llvm::StringRef sql, size_t pos, size_t end);

/// Skips one identifier (plain or double-quoted) from `pos`.
size_t skipIdentifier(llvm::StringRef sql, size_t pos, size_t end);

/// Converts libpg_query's 1-based character cursor into a byte offset.
size_t cursorToByte(llvm::StringRef sql, int cursorpos);

} // namespace shc
