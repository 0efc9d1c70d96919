//===- SqlText.h - Lexical facts about opaque SQL text ----------*- C++ -*-===//
//
// customSQL is emitted as written, inside a transaction the backend opens and
// commits. Before appending `;` and `COMMIT;` after it, the backend must know
// how the text ends: a trailing `-- comment` would swallow an appended `;`, and
// an unterminated string would swallow the COMMIT.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"

namespace shc {

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

/// Scans `sql` with PostgreSQL's lexical rules for quotes and comments
/// ('..', E'..', "..", $tag$..$tag$, -- and nested /* */).
SqlTail scanSqlTail(llvm::StringRef sql);

} // namespace shc
