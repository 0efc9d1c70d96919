//===- MySqlLex.cpp - MySQL's lexical rules, for splitting text -----------===//

#include "backends/mysql/MySqlLex.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <cstdint>
#include <optional>

using namespace shc;

static bool isWordChar(char c) {
  return llvm::isAlnum(c) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

/// `--` starts a comment only when a blank or control character (or the
/// end of the text) follows it.
static bool isDashComment(llvm::StringRef s, size_t i) {
  if (!s.substr(i).startswith("--"))
    return false;
  return i + 2 >= s.size() || static_cast<unsigned char>(s[i + 2]) <= ' ';
}

std::vector<MyToken> shc::lexMySql(llvm::StringRef s, bool *unterminated) {
  std::vector<MyToken> out;
  size_t i = 0, n = s.size();
  bool open = false;
  while (i < n) {
    char c = s[i];
    MyToken t{MyTok::Punct, i, i + 1};
    if (llvm::isSpace(c)) {
      t.kind = MyTok::Space;
      while (t.end < n && llvm::isSpace(s[t.end]))
        ++t.end;
    } else if (c == '#' || isDashComment(s, i)) {
      t.kind = MyTok::LineComment;
      t.end = std::min(s.find('\n', i), n);
    } else if (s.substr(i).startswith("/*")) {
      llvm::StringRef rest = s.substr(i + 2);
      t.kind =
          rest.startswith("!") || rest.startswith("M!") ? MyTok::Executable : MyTok::BlockComment;
      size_t close = s.find("*/", i + 2);
      open |= close == llvm::StringRef::npos;
      t.end = close == llvm::StringRef::npos ? n : close + 2;
    } else if (c == '\'' || c == '"' || c == '`') {
      t.kind = c == '`' ? MyTok::Name : MyTok::String;
      size_t j = i + 1;
      bool closed = false;
      while (j < n) {
        if (s[j] == '\\' && c != '`') {
          j += 2;
        } else if (s[j] == c) {
          if (j + 1 < n && s[j + 1] == c) { // a doubled quote is one character
            j += 2;
          } else {
            ++j;
            closed = true;
            break;
          }
        } else {
          ++j;
        }
      }
      open |= !closed;
      t.end = std::min(j, n);
    } else if (c == ';') {
      t.kind = MyTok::Semicolon;
    } else if (isWordChar(c)) {
      t.kind = MyTok::Word;
      while (t.end < n && isWordChar(s[t.end]))
        ++t.end;
    }
    out.push_back(t);
    i = t.end;
  }
  if (unterminated)
    *unterminated = open;
  return out;
}

std::vector<MyStatement> shc::splitMySql(const std::vector<MyToken> &tokens) {
  std::vector<MyStatement> out;
  std::optional<size_t> cur;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].significant())
      continue;
    if (!cur)
      cur = i;
    if (tokens[i].kind == MyTok::Semicolon) {
      out.push_back({tokens[*cur].begin, tokens[i].end, *cur, i});
      cur.reset();
    }
  }
  if (cur) {
    size_t last = tokens.size() - 1;
    while (!tokens[last].significant())
      --last;
    out.push_back({tokens[*cur].begin, tokens[last].end, *cur, last});
  }
  return out;
}

/// Appends the words of `text` from token `from`; false at the first token
/// that is neither a word nor a comment.
static bool appendWords(llvm::StringRef text, const std::vector<MyToken> &tokens, size_t from,
                        size_t to, size_t max, std::vector<std::string> &words) {
  for (size_t i = from; i <= to && i < tokens.size() && words.size() < max; ++i) {
    const MyToken &t = tokens[i];
    llvm::StringRef tok = text.slice(t.begin, t.end);
    if (t.kind == MyTok::Executable) {
      llvm::StringRef inner = tok.drop_front(2).drop_back(tok.endswith("*/") ? 2 : 0);
      inner.consume_front("M");
      inner.consume_front("!");
      inner = inner.drop_while(llvm::isDigit);
      if (!appendWords(inner, lexMySql(inner), 0, SIZE_MAX, max, words))
        return false;
      continue;
    }
    if (!t.significant())
      continue;
    if (t.kind != MyTok::Word)
      return false;
    words.push_back(tok.upper());
  }
  return true;
}

std::vector<std::string> shc::leadingWords(llvm::StringRef text, const std::vector<MyToken> &tokens,
                                           const MyStatement &s, size_t max) {
  std::vector<std::string> words;
  appendWords(text, tokens, s.firstToken, s.lastToken, max, words);
  return words;
}

std::string shc::unquoteMySqlString(llvm::StringRef tok) {
  if (tok.size() < 2)
    return tok.str();
  char q = tok.front();
  llvm::StringRef body = tok.drop_front().drop_back();
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\\' && i + 1 < body.size()) {
      char e = body[++i];
      switch (e) {
      case '0':
        out += '\0';
        break;
      case 'b':
        out += '\b';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'Z':
        out += '\x1a';
        break;
      case '%':
      case '_':
        out += '\\';
        out += e;
        break; // kept, as MySQL keeps them
      default:
        out += e;
      }
    } else if (c == q && i + 1 < body.size() && body[i + 1] == q) {
      out += q;
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

std::string shc::unquoteMySqlName(llvm::StringRef tok) {
  if (tok.size() >= 2 && tok.front() == '`' && tok.back() == '`') {
    std::string out;
    llvm::StringRef body = tok.drop_front().drop_back();
    for (size_t i = 0; i < body.size(); ++i) {
      out += body[i];
      if (body[i] == '`' && i + 1 < body.size() && body[i + 1] == '`')
        ++i;
    }
    return out;
  }
  return tok.str();
}

/// The table an INSERT, REPLACE or DELETE writes (its last name part), or "".
bool shc::isOneOf(llvm::StringRef w, std::initializer_list<llvm::StringRef> words) {
  return llvm::is_contained(words, w);
}

std::string shc::tableWritten(llvm::StringRef text, const std::vector<MyToken> &tokens,
                              const MyStatement &s) {
  std::string table;
  bool first = true;
  for (size_t i = s.firstToken; i <= s.lastToken; ++i) {
    const MyToken &t = tokens[i];
    if (!t.significant())
      continue;
    llvm::StringRef tok = text.slice(t.begin, t.end);
    if (first) {
      first = false;
      continue;
    }
    if (t.kind == MyTok::Word && isOneOf(tok.upper(), {"LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY",
                                                       "QUICK", "IGNORE", "INTO", "FROM"}))
      continue;
    if (t.kind != MyTok::Word && t.kind != MyTok::Name)
      return table;
    table = unquoteMySqlName(tok);
    // `db`.`table`: go on to the part after the dot.
    size_t next = i + 1;
    if (next <= s.lastToken && text.slice(tokens[next].begin, tokens[next].end) == ".") {
      i = next;
      continue;
    }
    return table;
  }
  return table;
}

std::string shc::implicitCommitReason(const std::vector<std::string> &w) {
  if (w.empty())
    return "";
  llvm::StringRef first = w[0];
  auto at = [&](size_t i) { return i < w.size() ? llvm::StringRef(w[i]) : llvm::StringRef(); };
  if (first == "CREATE" || first == "DROP") {
    size_t i = 1;
    if (at(i) == "OR" && at(i + 1) == "REPLACE")
      i += 2;
    if (at(i) == "TEMPORARY") // no implicit commit for temporary tables
      return "";
    return first.str() + " is DDL, which MySQL commits implicitly";
  }
  if (isOneOf(first, {"ALTER", "RENAME", "TRUNCATE"}))
    return first.str() + " is DDL, which MySQL commits implicitly";
  if (isOneOf(first,
              {"GRANT", "REVOKE", "FLUSH", "RESET", "INSTALL", "UNINSTALL", "ANALYZE", "OPTIMIZE",
               "REPAIR", "CHECK", "CACHE", "LOCK", "UNLOCK", "XA", "CHANGE", "SHUTDOWN"}) ||
      (first == "LOAD" && at(1) == "INDEX") ||
      (first == "SET" && (at(1) == "PASSWORD" || at(1) == "AUTOCOMMIT" ||
                          (at(1) == "SESSION" && at(2) == "AUTOCOMMIT"))) ||
      ((first == "START" || first == "STOP") && at(1) != "TRANSACTION"))
    return first.str() + " commits the transaction implicitly in MySQL";
  if (first == "BEGIN" || (first == "START" && at(1) == "TRANSACTION"))
    return "it holds a " + (first == "BEGIN" ? first.str() : std::string("START TRANSACTION")) +
           " of its own, which would commit the step's transaction";
  if (first == "COMMIT" || (first == "ROLLBACK" && at(1) != "TO"))
    return "it holds a " + first.str() + " of its own, which would end the step's transaction";
  if (first == "DELIMITER")
    return "DELIMITER is a command of the mysql client, not SQL";
  if (isOneOf(first, {"IF", "CASE", "LOOP", "WHILE", "REPEAT", "DECLARE"}))
    return "it holds a compound statement (" + first.str() +
           "), which apply cannot run statement by statement";
  return "";
}
