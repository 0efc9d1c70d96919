//===- SqlText.h - Lexical facts about opaque SQL text ----------*- C++ -*-===//
//
// customSQL is emitted as written, inside a transaction the backend opens and
// commits. Before appending `;` and `COMMIT;` after it, the backend must know
// how the text ends: a trailing `-- comment` would swallow an appended `;`, and
// an unterminated string would swallow the COMMIT. apply --ddl must know where
// a file's statements and comments are, to find the migration markers that
// are the file's own and not text inside a string.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <vector>

namespace shc {

enum class SqlTokenKind : uint8_t {
  Space,
  LineComment,  ///< `-- ...` up to (not including) the newline
  BlockComment, ///< `/* ... */`, nested
  String,       ///< '..', E'..' (with its prefix), also B'', X'', N'', U&''
  QuotedIdent,  ///< "..."
  DollarString, ///< $tag$ ... $tag$
  Word,         ///< a run of identifier characters: a keyword, name or number
  Semicolon,
  Punct, ///< any other single character
};

struct SqlToken {
  SqlTokenKind kind = SqlTokenKind::Space;
  size_t begin = 0, end = 0; ///< offsets into the text
  bool significant() const {
    return kind != SqlTokenKind::Space && kind != SqlTokenKind::LineComment &&
           kind != SqlTokenKind::BlockComment;
  }
};

/// Splits `sql` into tokens with PostgreSQL's lexical rules for quotes and
/// comments (standard_conforming_strings on: only E'' strings have backslash
/// escapes). When the text ends inside a string, quoted identifier, dollar
/// quote or block comment, the last token runs to the end and `unterminated`
/// is set.
std::vector<SqlToken> lexSql(llvm::StringRef sql, bool *unterminated = nullptr);

struct SqlTail {
  /// The last token outside comments is `;`.
  bool endsWithSemicolon = false;
  /// The text ends inside a `--` comment (no newline after it).
  bool endsInLineComment = false;
  /// The text ends inside a quoted string, quoted identifier, dollar-quoted
  /// body or block comment.
  bool unterminated = false;
  /// Nothing but whitespace and comments.
  bool empty = true;
};

/// How `sql` ends, from lexSql.
SqlTail scanSqlTail(llvm::StringRef sql);

} // namespace shc
