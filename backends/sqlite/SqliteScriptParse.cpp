//===- SqliteScriptParse.cpp - the steps of a compiled SQLite file --------===//

#include "backends/sqlite/SqliteScriptParse.h"

#include "backends/common/ScriptSteps.h"
#include "backends/sqlite/SqliteDb.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <sqlite3.h>

#include <functional>

using namespace shc;

namespace {

enum class Tok : uint8_t { Space, LineComment, BlockComment, Quoted, Word, Semicolon, Punct };

struct Token {
  Tok kind = Tok::Space;
  size_t begin = 0, end = 0;
  bool significant() const {
    return kind != Tok::Space && kind != Tok::LineComment && kind != Tok::BlockComment;
  }
};

bool isWordChar(char c) {
  return llvm::isAlnum(c) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

bool isOneOf(llvm::StringRef word, std::initializer_list<llvm::StringRef> words) {
  return llvm::is_contained(words, word);
}

/// SQLite's tokens, as far as statement ends and comments go. `open` is set
/// when the text ends inside a quote or a block comment.
std::vector<Token> lexSqlite(llvm::StringRef s, bool &open) {
  std::vector<Token> out;
  size_t i = 0, n = s.size();
  auto upTo = [&](llvm::StringRef close, size_t from) {
    size_t at = s.find(close, from);
    if (at == llvm::StringRef::npos) {
      open = true;
      return n;
    }
    return at + close.size();
  };
  while (i < n) {
    char c = s[i];
    Token t{Tok::Punct, i, i + 1};
    if (llvm::isSpace(c)) {
      t.kind = Tok::Space;
      while (t.end < n && llvm::isSpace(s[t.end]))
        ++t.end;
    } else if (s.substr(i).startswith("--")) {
      t.kind = Tok::LineComment;
      t.end = std::min(s.find('\n', i), n);
    } else if (s.substr(i).startswith("/*")) {
      t.kind = Tok::BlockComment;
      t.end = upTo("*/", i + 2);
    } else if (c == '\'' || c == '"' || c == '`') {
      t.kind = Tok::Quoted;
      size_t j = i + 1;
      llvm::StringRef quote = s.substr(i, 1);
      do // a doubled quote is one character
        j = upTo(quote, j);
      while (j < n && s[j] == c && ++j);
      t.end = j;
    } else if (c == '[') {
      t.kind = Tok::Quoted;
      t.end = upTo("]", i + 1);
    } else if (c == ';') {
      t.kind = Tok::Semicolon;
    } else if (isWordChar(c)) {
      t.kind = Tok::Word;
      while (t.end < n && isWordChar(s[t.end]))
        ++t.end;
    }
    out.push_back(t);
    i = t.end;
  }
  return out;
}

/// A top-level statement: from its first token to its `;` (or the end).
struct Statement {
  size_t begin = 0, end = 0;
  size_t firstToken = 0, lastToken = 0;
};


/// Reads the row a ledger INSERT writes by running it on an in-memory
/// ledger table: the emitter's spelling of the values is SQLite's business.
class ScratchLedger {
public:
  std::optional<LedgerRecord> read(const std::string &statement) {
    if (!db && !open())
      return std::nullopt;
    if (llvm::errorToBool(db->exec("DELETE FROM " + sqliteLedgerTable().str())))
      return std::nullopt;
    return readInto(statement);
  }

private:
  bool open() {
    sqlite3 *raw = nullptr;
    sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    db = std::make_unique<SqliteDb>(raw);
    return !llvm::errorToBool(
        db->exec("CREATE TABLE " + sqliteLedgerTable().str() +
                 " (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, idempotent INTEGER NOT NULL, "
                 "phase TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT 'now')"));
  }

  std::optional<LedgerRecord> readInto(const std::string &statement) {
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(db->get(), statement.c_str(), -1, &st, nullptr) != SQLITE_OK || !st)
      return std::nullopt; // it reads other tables, or is not SQL SQLite knows
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    auto rows =
        db->query("SELECT name, checksum, idempotent, phase FROM " + sqliteLedgerTable().str());
    if (rc != SQLITE_DONE || !rows || rows->size() != 1) {
      if (!rows)
        llvm::consumeError(rows.takeError());
      return std::nullopt;
    }
    const std::vector<std::string> &r = rows->front();
    LedgerRecord record;
    record.name = r[0];
    record.checksum = r[1];
    record.idempotent = r[2] != "0";
    if (r[1].size() != 64 || !llvm::all_of(r[1], llvm::isHexDigit))
      return std::nullopt;
    for (Phase p : {Phase::BeforeSchema, Phase::AfterSchema})
      if (r[3] == phaseName(p)) {
        record.phase = p;
        return record;
      }
    return std::nullopt;
  }

  std::unique_ptr<SqliteDb> db;
};

class FileParser {
public:
  explicit FileParser(llvm::StringRef text) : text(text) {}

  ParsedScript parse(llvm::StringRef fallbackName) {
    CompiledScript script;
    script.dialect = "sqlite";
    script.beginTransaction = "BEGIN IMMEDIATE;";
    script.commitTransaction = "COMMIT;";
    SplitFile file;
    file.text = text;
    bool open = false;
    tokens = lexSqlite(text, open);
    if (open)
      file.problem = "it ends inside a quoted string, quoted name or comment";
    split(file, script.dialect);
    StepRules rules;
    rules.block = "BEGIN; ... COMMIT;";
    rules.opens = [&](size_t i) { return isBegin(statements[i]); };
    rules.closes = [&](size_t i) { return isCommit(statements[i]); };
    rules.ownControl = [&](size_t i) {
      std::vector<std::string> w = leadingWords(statements[i]);
      bool control = !w.empty() && isOneOf(w.front(), {"BEGIN", "COMMIT", "END", "ROLLBACK"});
      return control ? w.front() : std::string();
    };
    rules.ledgerRow = [&](size_t i, bool &) -> std::optional<LedgerRecord> {
      const Statement &s = statements[i];
      std::vector<std::string> w = leadingWords(s);
      if (w.empty() || (w.front() != "INSERT" && w.front() != "REPLACE") ||
          !textOf(s).contains_insensitive(sqliteLedgerTable()))
        return std::nullopt;
      return ledger.read(textOf(s).str());
    };
    return assembleSteps(std::move(script), file, rules, fallbackName);
  }

private:
  /// The statements, the markers between them, and the header's dialect.
  void split(SplitFile &file, std::string &dialect) {
    std::optional<size_t> cur;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token &t = tokens[i];
      if (t.kind == Tok::LineComment && !cur && (!t.begin || text[t.begin - 1] == '\n')) {
        llvm::StringRef line = text.slice(t.begin, t.end).rtrim("\r");
        if (std::optional<MigrationMarker> m = parseMigrationMarker(line)) {
          m->begin = t.begin;
          file.markers.push_back(std::move(*m));
        } else if (file.markers.empty() && line.consume_front("-- dialect: ")) {
          dialect = line.trim().str();
        }
      }
      if (!t.significant())
        continue;
      if (!cur)
        cur = i;
      // A `;` inside a CREATE TRIGGER body does not end the statement.
      if (t.kind == Tok::Semicolon &&
          sqlite3_complete(text.slice(tokens[*cur].begin, t.end).str().c_str())) {
        statements.push_back({tokens[*cur].begin, t.end, *cur, i});
        cur.reset();
      }
    }
    if (cur)
      statements.push_back({tokens[*cur].begin, text.size(), *cur, tokens.size() - 1});
    for (const Statement &st : statements)
      file.statements.push_back({st.begin, st.end});
  }

  llvm::StringRef textOf(const Statement &s) const { return text.slice(s.begin, s.end); }

  /// The statement's words, upper-cased, up to its first token that is not
  /// a word (its `;`).
  std::vector<std::string> leadingWords(const Statement &s) const {
    std::vector<std::string> words;
    for (size_t i = s.firstToken; i <= s.lastToken && i < tokens.size(); ++i) {
      if (!tokens[i].significant())
        continue;
      if (tokens[i].kind != Tok::Word)
        break;
      words.push_back(text.slice(tokens[i].begin, tokens[i].end).upper());
    }
    return words;
  }

  bool isBegin(const Statement &s) const {
    std::vector<std::string> w = leadingWords(s);
    llvm::ArrayRef<std::string> rest(w);
    if (rest.empty() || rest.front() != "BEGIN" || !textOf(s).endswith(";"))
      return false;
    rest = rest.drop_front();
    if (!rest.empty() && isOneOf(rest.front(), {"DEFERRED", "IMMEDIATE", "EXCLUSIVE"}))
      rest = rest.drop_front();
    if (!rest.empty() && rest.front() == "TRANSACTION")
      rest = rest.drop_front();
    return rest.empty() && tokens[s.lastToken].kind == Tok::Semicolon;
  }

  bool isCommit(const Statement &s) const {
    std::vector<std::string> w = leadingWords(s);
    return (w == std::vector<std::string>{"COMMIT"} || w == std::vector<std::string>{"END"} ||
            w == std::vector<std::string>{"COMMIT", "TRANSACTION"} ||
            w == std::vector<std::string>{"END", "TRANSACTION"}) &&
           tokens[s.lastToken].kind == Tok::Semicolon;
  }

  llvm::StringRef text;
  std::vector<Token> tokens;
  std::vector<Statement> statements;
  ScratchLedger ledger;
};

} // namespace

ParsedScript shc::parseSqliteCompiledFile(llvm::StringRef text, llvm::StringRef fallbackName) {
  return FileParser(text).parse(fallbackName);
}
