//===- SqliteScriptParse.cpp - the steps of a compiled SQLite file --------===//

#include "backends/sqlite/SqliteScriptParse.h"

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

using Marker = MigrationMarker;

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
    ParsedScript r;
    r.script.dialect = "sqlite";
    bool open = false;
    tokens = lexSqlite(text, open);
    if (open)
      problem = "it ends inside a quoted string, quoted name or comment";
    split(r.script.dialect);
    if (markers.empty() || !problem.empty())
      return fallback(std::move(r), fallbackName);
    r.script.preamble = text.take_front(markers.front().begin).str();
    r.script.beginTransaction = "BEGIN IMMEDIATE;";
    r.script.commitTransaction = "COMMIT;";
    size_t next = 0; // the preamble's statements run as they are
    while (next < statements.size() && statements[next].begin < markers.front().begin)
      ++next;
    for (size_t k = 0; k < markers.size() && problem.empty(); ++k) {
      size_t end = k + 1 < markers.size() ? markers[k + 1].begin : text.size();
      size_t first = next;
      while (next < statements.size() && statements[next].begin < end)
        ++next;
      r.script.steps.push_back(
          buildStep(markers[k], llvm::ArrayRef<Statement>(statements).slice(first, next - first)));
    }
    if (!problem.empty())
      return fallback(std::move(r), fallbackName);
    return r;
  }

private:
  /// The statements, the markers between them, and the header's dialect.
  void split(std::string &dialect) {
    std::optional<size_t> cur;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token &t = tokens[i];
      if (t.kind == Tok::LineComment && !cur && (!t.begin || text[t.begin - 1] == '\n')) {
        llvm::StringRef line = text.slice(t.begin, t.end).rtrim("\r");
        if (std::optional<Marker> m = parseMigrationMarker(line)) {
          m->begin = t.begin;
          markers.push_back(std::move(*m));
        } else if (markers.empty() && line.consume_front("-- dialect: ")) {
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

  ParsedScript fallback(ParsedScript r, llvm::StringRef fallbackName) {
    return wholeFileScript(std::move(r.script), text, fallbackName,
                           markers.empty() ? llvm::StringRef() : llvm::StringRef(problem));
  }

  ScriptStep buildStep(const Marker &m, llvm::ArrayRef<Statement> stmts) {
    ScriptStep step;
    step.name = m.name;
    step.phase = m.phase;
    step.empty = m.empty;
    auto fail = [&](const std::string &why) {
      if (problem.empty())
        problem = "migration " + m.name + " " + why;
      return step;
    };
    if (m.empty)
      return stmts.empty() ? step : fail("has no operations but holds statements");
    if (stmts.size() < 2 || !isBegin(stmts.front()) || !isCommit(stmts.back()))
      return fail("is not one BEGIN; ... COMMIT; block");
    std::optional<LedgerRecord> record;
    for (const Statement &s : stmts.drop_front().drop_back()) {
      std::vector<std::string> w = leadingWords(s);
      if (!w.empty() && isOneOf(w.front(), {"BEGIN", "COMMIT", "END", "ROLLBACK"}))
        return fail("holds a " + w.front() + " of its own");
      if (w.empty() || (w.front() != "INSERT" && w.front() != "REPLACE") ||
          !textOf(s).contains_insensitive(sqliteLedgerTable()))
        continue;
      std::optional<LedgerRecord> r = ledger.read(textOf(s).str());
      if (r && record)
        return fail("writes two ledger rows");
      if (r)
        record = std::move(r);
    }
    if (record && (commentSafe(record->name) != m.name || record->phase != m.phase))
      return fail("writes the ledger row of migration " + commentSafe(record->name));
    size_t from = stmts.front().end;
    if (from < text.size() && text[from] == '\n')
      ++from;
    step.sql = text.slice(from, stmts.back().begin).str();
    if (record)
      step.name = record->name;
    step.ledger = std::move(record);
    return step;
  }

  llvm::StringRef text;
  std::vector<Token> tokens;
  std::vector<Statement> statements;
  std::vector<Marker> markers;
  std::string problem;
  ScratchLedger ledger;
};

} // namespace

ParsedScript shc::parseSqliteCompiledFile(llvm::StringRef text, llvm::StringRef fallbackName) {
  return FileParser(text).parse(fallbackName);
}
