//===- ScriptParse.cpp - the steps of a compiled file, for apply --ddl ----===//

#include "backends/postgres/ScriptParse.h"

#include "backends/common/ScriptSteps.h"
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
    SplitFile file;
    file.text = text;
    bool open = false;
    tokens = lexSql(text, &open);
    if (open)
      file.problem = "it ends inside a quoted string, dollar quote or comment";
    bool atomic = false;
    statements = statementsOf(tokens, text, atomic, [&](size_t i, bool inStatement) {
      const SqlToken &t = tokens[i];
      if (inStatement || (t.begin && text[t.begin - 1] != '\n'))
        return;
      llvm::StringRef line = text.slice(t.begin, t.end).rtrim("\r");
      if (std::optional<MigrationMarker> m = parseMigrationMarker(line)) {
        m->begin = t.begin;
        file.markers.push_back(std::move(*m));
      } else if (file.markers.empty() && line.consume_front("-- dialect: ")) {
        dialect = line.trim(); // the runtime of the dialect it names applies it
      }
    });
    if (atomic)
      file.problem = "a BEGIN ATOMIC body hides where its statements end";
    for (const Statement &st : statements)
      file.statements.push_back({st.begin, st.end});
    CompiledScript script;
    script.dialect = dialect.str();
    script.beginTransaction = "BEGIN;";
    script.commitTransaction = "COMMIT;";
    StepRules rules;
    rules.block = "BEGIN; ... COMMIT;";
    rules.opens = [&](size_t i) { return textOf(statements[i]) == "BEGIN;"; };
    rules.closes = [&](size_t i) { return textOf(statements[i]) == "COMMIT;"; };
    rules.ownControl = [&](size_t i) {
      llvm::StringRef word = firstWord(statements[i]);
      return isTransactionControl(word) ? word.upper() : std::string();
    };
    rules.ledgerRow = [&](size_t i, bool &) { return ledgerRecordOf(statements[i]); };
    // A procedure that refuses a transaction block follows it (TimescaleDB's
    // refresh_continuous_aggregate).
    rules.afterCommit = [&](size_t i) { return firstWord(statements[i]).equals_insensitive("CALL"); };
    return assembleSteps(std::move(script), file, rules, fallbackName);
  }

private:
  llvm::StringRef textOf(const Statement &s) const { return text.slice(s.begin, s.end); }
  llvm::StringRef firstWord(const Statement &s) const {
    const SqlToken &t = tokens[s.firstToken];
    return t.kind == SqlTokenKind::Word ? text.slice(t.begin, t.end) : "";
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
};

} // namespace

ParsedScript shc::parseCompiledFile(llvm::StringRef text, llvm::StringRef fallbackName,
                                    llvm::StringRef dialect) {
  return FileParser(text).parse(fallbackName, dialect);
}
