#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>

namespace shc::sqlexpr {

/// PostgreSQL folds unquoted identifiers to lower case, ASCII letters only
/// (downcase_identifier with a UTF-8 database).
std::string foldIdentifier(llvm::StringRef word);

/// `"a""b"` -> `a"b`. The argument includes the quotes.
std::string unquoteIdentifier(llvm::StringRef quoted);
/// The value of a '...' or "..." string with MySQL's backslash escapes
/// (\n, \t, \0, \Z, \\, \', \"; \% and \_ keep their backslash).
std::string decodeBackslashString(llvm::StringRef quoted);

/// `'it''s'` -> `it's`. The argument includes the quotes.
std::string unquoteString(llvm::StringRef quoted);

/// `$$body$$` -> `body`.
std::string dollarStringBody(llvm::StringRef quoted);

/// Decodes an escape string constant `E'...'` the way PostgreSQL's scanner
/// does (\n, \t, octal, \xHH, \uXXXX, \UXXXXXXXX, '' and \'). On error,
/// `errOffset` is the byte offset of the bad escape within `quoted` and
/// `error` has PostgreSQL's wording.
bool decodeEscapeString(llvm::StringRef quoted, std::string &out, size_t &errOffset,
                        std::string &error);

/// Byte offset of the first invalid UTF-8 sequence (overlong forms and
/// surrogates included) or NUL byte in `s`, or npos. Decodes into
/// `codePoints` when it is non-null.
size_t findInvalidUtf8(llvm::StringRef s, std::u32string *codePoints = nullptr);

/// PostgreSQL's message for the bad byte sequence at `s[offset]`:
/// `invalid byte sequence for encoding "UTF8": 0xc3 0x28`.
std::string invalidUtf8Message(llvm::StringRef s, size_t offset);

} // namespace shc::sqlexpr
