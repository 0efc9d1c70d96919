//===- MySqlLex.h - MySQL's lexical rules, for splitting text -*- C++ -*-===//
//
// Where MySQL text has its statements, comments and strings, as the server
// and the mysql client read it in the default sql_mode: '...' and "..."
// strings with backslash escapes and doubled quotes, `...` names with
// doubled backticks, `#` comments, `-- ` comments (a blank or control
// character must follow the dashes; `--x` is two minus signs), unnested
// /* */ comments, and /*! */ (/*M! */) comments whose text the server runs.
// The runtime uses it to split a step into statements, to find the
// statements that would commit implicitly, and to split a --ddl file.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace shc {

enum class MyTok : uint8_t {
  Space,
  LineComment,  ///< `# ...` or `-- ...`, to (not including) the newline
  BlockComment, ///< `/* ... */`
  Executable,   ///< `/*! ... */`, `/*M! ... */`: text the server runs
  String,       ///< '...' or "..."
  Name,         ///< `...`
  Word,         ///< a keyword, name or number
  Semicolon,
  Punct, ///< any other single character
};

struct MyToken {
  MyTok kind = MyTok::Space;
  size_t begin = 0, end = 0;
  bool significant() const {
    return kind != MyTok::Space && kind != MyTok::LineComment && kind != MyTok::BlockComment;
  }
};

/// The tokens of `text`; `unterminated` is set when it ends inside a quote
/// or a comment (the last token then runs to the end).
std::vector<MyToken> lexMySql(llvm::StringRef text, bool *unterminated = nullptr);

/// A top-level statement: its tokens [first, last] and its text from its
/// first significant token to its `;` (or the end).
struct MyStatement {
  size_t begin = 0, end = 0;
  size_t firstToken = 0, lastToken = 0;
};

/// The statements of `tokens`, split at top-level `;`.
std::vector<MyStatement> splitMySql(const std::vector<MyToken> &tokens);

/// The statement's leading words, upper-cased, up to its first token that is
/// not a word (the text of a `/*! */` comment is read as words too).
std::vector<std::string> leadingWords(llvm::StringRef text, const std::vector<MyToken> &tokens,
                                      const MyStatement &s, size_t max = 4);

/// The table an INSERT, REPLACE or DELETE statement writes (the last part
/// of its name, unquoted), or "".
std::string tableWritten(llvm::StringRef text, const std::vector<MyToken> &tokens,
                         const MyStatement &s);

/// Whether `word` is one of `words`.
bool isOneOf(llvm::StringRef word, std::initializer_list<llvm::StringRef> words);

/// The value of a '...' or "..." string token as MySQL reads it.
std::string unquoteMySqlString(llvm::StringRef token);
/// The name a Word or `...` token stands for.
std::string unquoteMySqlName(llvm::StringRef token);

/// Why MySQL would end the surrounding transaction at this statement (it
/// commits implicitly: DDL, transaction control, LOCK TABLES, ...), or why
/// the statement cannot run statement by statement (a compound statement);
/// "" when it runs inside the step's transaction. `words` is leadingWords().
std::string implicitCommitReason(const std::vector<std::string> &words);

} // namespace shc
