//===- ScriptParse.cpp - the steps of a compiled file, for apply --ddl ----===//

#include "backends/postgres/ScriptParse.h"

#include "backends/common/SqlText.h"
#include "backends/postgres/ApplyLedger.h"

#include "llvm/ADT/ArrayRef.h"

#include <functional>

using namespace shc;

namespace {

/// A top-level statement: from its first token to its `;` (or the end).
struct Statement {
  size_t begin = 0, end = 0;
  size_t firstToken = 0;
};

using Marker = MigrationMarker;

/// The statements of `tokens`; `onComment(i, inStatement)` sees each line
/// comment. Sets `atomic` when a BEGIN ATOMIC body (whose `;`s do not end the
/// statement) appears.
std::vector<Statement> statementsOf(llvm::ArrayRef<SqlToken> tokens, llvm::StringRef text,
                                    bool &atomic,
                                    const std::function<void(size_t, bool)> &onComment = {}) {
  std::vector<Statement> out;
  std::optional<size_t> cur;
  llvm::StringRef prevWord;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const SqlToken &t = tokens[i];
    if (t.kind == SqlTokenKind::LineComment && onComment)
      onComment(i, cur.has_value());
    if (!t.significant())
      continue;
    if (!cur)
      cur = i;
    llvm::StringRef word = t.kind == SqlTokenKind::Word ? text.slice(t.begin, t.end) : "";
    atomic |= word.equals_insensitive("ATOMIC") && prevWord.equals_insensitive("BEGIN");
    prevWord = word;
    if (t.kind == SqlTokenKind::Semicolon) {
      out.push_back({tokens[*cur].begin, t.end, *cur});
      cur.reset();
    }
  }
  if (cur)
    out.push_back({tokens[*cur].begin, text.size(), *cur});
  return out;
}

bool isTransactionControl(llvm::StringRef firstWord) {
  for (llvm::StringRef w : {"BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT"})
    if (firstWord.equals_insensitive(w))
      return true;
  return false;
}

class FileParser {
public:
  explicit FileParser(llvm::StringRef text) : text(text) {}

  ParsedScript parse(llvm::StringRef fallbackName, llvm::StringRef dialect) {
    ParsedScript r;
    bool open = false;
    tokens = lexSql(text, &open);
    if (open)
      problem = "it ends inside a quoted string, dollar quote or comment";
    bool atomic = false;
    statements = statementsOf(tokens, text, atomic, [&](size_t i, bool inStatement) {
      const SqlToken &t = tokens[i];
      if (inStatement || (t.begin && text[t.begin - 1] != '\n'))
        return;
      llvm::StringRef line = text.slice(t.begin, t.end).rtrim("\r");
      if (std::optional<Marker> m = parseMigrationMarker(line)) {
        m->begin = t.begin;
        markers.push_back(std::move(*m));
      } else if (markers.empty() && line.consume_front("-- dialect: ")) {
        dialect = line.trim(); // the runtime of the dialect it names applies it
      }
    });
    if (atomic)
      problem = "a BEGIN ATOMIC body hides where its statements end";
    r.script.dialect = dialect.str();
    if (markers.empty() || !problem.empty())
      return fallback(std::move(r), fallbackName);
    r.script.preamble = text.take_front(markers.front().begin).str();
    r.script.beginTransaction = "BEGIN;";
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
  llvm::StringRef textOf(const Statement &s) const { return text.slice(s.begin, s.end); }
  llvm::StringRef firstWord(const Statement &s) const {
    const SqlToken &t = tokens[s.firstToken];
    return t.kind == SqlTokenKind::Word ? text.slice(t.begin, t.end) : "";
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
    if (stmts.size() < 2 || textOf(stmts.front()) != "BEGIN;" || textOf(stmts.back()) != "COMMIT;")
      return fail("is not one BEGIN; ... COMMIT; block");
    std::optional<LedgerRecord> record;
    for (const Statement &s : stmts.drop_front().drop_back()) {
      if (isTransactionControl(firstWord(s)))
        return fail("holds a " + firstWord(s).upper() + " of its own");
      std::optional<LedgerRecord> r = ledgerRecordOf(s);
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

  /// The ledger row `s` writes: `INSERT INTO <ledger> ...` itself, or the one
  /// at the top level of a `DO $tag$ ... $tag$` body.
  std::optional<LedgerRecord> ledgerRecordOf(const Statement &s) const {
    if (std::optional<LedgerRecord> r = parseLedgerInsert(textOf(s)))
      return r;
    if (!firstWord(s).equals_insensitive("DO"))
      return std::nullopt;
    size_t i = s.firstToken + 1;
    while (i < tokens.size() && !tokens[i].significant())
      ++i;
    if (i == tokens.size() || tokens[i].kind != SqlTokenKind::DollarString)
      return std::nullopt;
    llvm::StringRef quoted = text.slice(tokens[i].begin, tokens[i].end);
    size_t tag = quoted.find('$', 1) + 1;
    llvm::StringRef body = quoted.slice(tag, quoted.size() - tag);
    std::vector<SqlToken> bodyTokens = lexSql(body);
    bool atomic = false;
    std::optional<LedgerRecord> found;
    for (const Statement &inner : statementsOf(bodyTokens, body, atomic)) {
      std::optional<LedgerRecord> r = parseLedgerInsert(body.slice(inner.begin, inner.end));
      if (r && found)
        return std::nullopt;
      if (r)
        found = std::move(r);
    }
    return found;
  }

  llvm::StringRef text;
  std::vector<SqlToken> tokens;
  std::vector<Statement> statements;
  std::vector<Marker> markers;
  std::string problem;
};

} // namespace

ParsedScript shc::parseCompiledFile(llvm::StringRef text, llvm::StringRef fallbackName,
                                    llvm::StringRef dialect) {
  return FileParser(text).parse(fallbackName, dialect);
}
