//===- SqlText.cpp - Lexical facts about opaque SQL text ------------------===//

#include "backends/common/SqlText.h"

using namespace shc;

static bool isIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

static bool isTagStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

static bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// The length of a dollar-quote delimiter (`$$` or `$tag$`) at `i`, or 0.
static size_t dollarTagLength(llvm::StringRef s, size_t i) {
  if (s[i] != '$')
    return 0;
  size_t j = i + 1;
  if (j < s.size() && isTagStart(s[j])) {
    ++j;
    while (j < s.size() && isIdentChar(s[j]) && s[j] != '$')
      ++j;
  }
  return j < s.size() && s[j] == '$' ? j + 1 - i : 0;
}

namespace {
class Lexer {
public:
  explicit Lexer(llvm::StringRef s) : s(s) {}

  std::vector<SqlToken> run(bool *unterminated) {
    std::vector<SqlToken> tokens;
    while (i < s.size()) {
      size_t start = i;
      SqlTokenKind kind = lexOne();
      tokens.push_back({kind, start, i});
    }
    if (unterminated)
      *unterminated = open;
    return tokens;
  }

private:
  bool at(size_t k, char c) const { return k < s.size() && s[k] == c; }

  SqlTokenKind lexOne() {
    char c = s[i];
    if (c == '-' && at(i + 1, '-')) {
      size_t nl = s.find('\n', i);
      i = nl == llvm::StringRef::npos ? s.size() : nl;
      return SqlTokenKind::LineComment;
    }
    if (c == '/' && at(i + 1, '*'))
      return blockComment();
    if (isSpace(c)) {
      while (i < s.size() && isSpace(s[i]))
        ++i;
      return SqlTokenKind::Space;
    }
    if (c == '\'')
      return quoted('\'', /*escapes=*/false, SqlTokenKind::String);
    if (c == '"')
      return quoted('"', /*escapes=*/false, SqlTokenKind::QuotedIdent);
    if (c == ';') {
      ++i;
      return SqlTokenKind::Semicolon;
    }
    if (size_t len = dollarTagLength(s, i)) {
      size_t close = s.find(s.substr(i, len), i + len);
      open |= close == llvm::StringRef::npos;
      i = close == llvm::StringRef::npos ? s.size() : close + len;
      return SqlTokenKind::DollarString;
    }
    if (isIdentChar(c) && c != '$') {
      size_t start = i;
      while (i < s.size() && isIdentChar(s[i]))
        ++i;
      // E'...' is one token, and the only string with backslash escapes.
      if (i == start + 1 && (c == 'E' || c == 'e') && at(i, '\''))
        return quoted('\'', /*escapes=*/true, SqlTokenKind::String);
      return SqlTokenKind::Word;
    }
    ++i;
    return SqlTokenKind::Punct;
  }

  /// From the opening quote at `i`; a doubled quote stays inside.
  SqlTokenKind quoted(char q, bool escapes, SqlTokenKind kind) {
    ++i;
    while (i < s.size()) {
      if (escapes && s[i] == '\\') {
        i += 2;
        continue;
      }
      if (s[i] == q) {
        if (at(i + 1, q)) {
          i += 2;
          continue;
        }
        ++i;
        return kind;
      }
      ++i;
    }
    i = s.size();
    open = true;
    return kind;
  }

  SqlTokenKind blockComment() {
    unsigned depth = 1; // PostgreSQL block comments nest
    i += 2;
    while (i < s.size() && depth) {
      if (s[i] == '/' && at(i + 1, '*'))
        ++depth, i += 2;
      else if (s[i] == '*' && at(i + 1, '/'))
        --depth, i += 2;
      else
        ++i;
    }
    i = std::min(i, s.size());
    open |= depth != 0;
    return SqlTokenKind::BlockComment;
  }

  llvm::StringRef s;
  size_t i = 0;
  bool open = false;
};
} // namespace

std::vector<SqlToken> shc::lexSql(llvm::StringRef sql, bool *unterminated) {
  return Lexer(sql).run(unterminated);
}

SqlTail shc::scanSqlTail(llvm::StringRef s) {
  SqlTail tail;
  std::vector<SqlToken> tokens = lexSql(s, &tail.unterminated);
  if (tail.unterminated)
    return tail;
  for (const SqlToken &t : tokens)
    if (t.significant()) {
      tail.empty = false;
      tail.endsWithSemicolon = t.kind == SqlTokenKind::Semicolon;
    }
  tail.endsInLineComment = !tokens.empty() && tokens.back().kind == SqlTokenKind::LineComment;
  return tail;
}
