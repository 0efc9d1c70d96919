//===- CustomSqlScan.h - lexical helpers for customSQL statements -*- C++ -*-===//
#pragma once

#include "llvm/ADT/StringRef.h"

#include <cstddef>

namespace shc::pg {

/// Skips whitespace and comments (PostgreSQL's: `--` lines and nested
/// `/* */`) from `pos`.
size_t skipBlanks(llvm::StringRef sql, size_t pos, size_t end);

/// Converts libpg_query's 1-based character cursor into a byte offset.
size_t cursorToByte(llvm::StringRef sql, int cursorpos);

} // namespace shc::pg
