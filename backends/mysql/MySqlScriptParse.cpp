//===- MySqlScriptParse.cpp - the steps of a compiled MySQL file ----------===//

#include "backends/mysql/MySqlScriptParse.h"

#include "backends/common/LedgerText.h"
#include "backends/common/ScriptSteps.h"
#include "backends/mysql/MySqlLex.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <map>

using namespace shc;

std::optional<LedgerRecord> shc::parseMySqlLedgerInsert(llvm::StringRef statement) {
  std::vector<MyToken> all = lexMySql(statement);
  std::vector<MyToken> t; // the significant ones
  for (const MyToken &tok : all)
    if (tok.significant())
      t.push_back(tok);
  auto text = [&](size_t i) {
    return i < t.size() ? statement.slice(t[i].begin, t[i].end) : llvm::StringRef();
  };
  size_t i = 0;
  if (!text(i++).equals_insensitive("INSERT"))
    return std::nullopt;
  if (text(i).equals_insensitive("IGNORE"))
    return std::nullopt; // a row that may not be written
  if (!text(i++).equals_insensitive("INTO"))
    return std::nullopt;
  std::string table = unquoteMySqlName(text(i++));
  if (text(i) == ".") { // db.table
    table = unquoteMySqlName(text(i + 1));
    i += 2;
  }
  if (!llvm::StringRef(table).equals_insensitive(ledgerTableName()))
    return std::nullopt;
  std::vector<std::string> columns, values;
  auto list = [&](std::vector<std::string> &out, bool names) {
    if (text(i++) != "(")
      return false;
    for (;;) {
      if (i >= t.size())
        return false;
      llvm::StringRef v = text(i);
      if (names && (t[i].kind == MyTok::Word || t[i].kind == MyTok::Name))
        out.push_back(llvm::StringRef(unquoteMySqlName(v)).lower());
      else if (!names && t[i].kind == MyTok::String)
        out.push_back(unquoteMySqlString(v));
      else if (!names && t[i].kind == MyTok::Word)
        out.push_back(v.upper());
      else
        return false;
      ++i;
      if (text(i) == ")") {
        ++i;
        return true;
      }
      if (text(i++) != ",")
        return false;
    }
  };
  if (!list(columns, true))
    return std::nullopt;
  llvm::StringRef values_ = text(i++);
  if (!values_.equals_insensitive("VALUES") && !values_.equals_insensitive("VALUE"))
    return std::nullopt;
  if (!list(values, false) || columns.size() != values.size())
    return std::nullopt;
  if (i < t.size() && !(text(i) == ";" && i + 1 == t.size()))
    return std::nullopt; // ON DUPLICATE KEY UPDATE, a second row, ...
  std::map<std::string, std::string> row;
  for (size_t k = 0; k < columns.size(); ++k)
    row[columns[k]] = values[k];
  if (!row.count("name") || !row.count("checksum") || !row.count("idempotent") ||
      !row.count("phase"))
    return std::nullopt;
  LedgerRecord record;
  record.name = row["name"];
  record.checksum = row["checksum"];
  if (record.checksum.size() != 64 || !llvm::all_of(record.checksum, llvm::isHexDigit))
    return std::nullopt;
  llvm::StringRef idem = row["idempotent"];
  if (idem == "1" || idem == "TRUE")
    record.idempotent = true;
  else if (idem != "0" && idem != "FALSE")
    return std::nullopt;
  for (Phase p : {Phase::BeforeSchema, Phase::AfterSchema})
    if (row["phase"] == phaseName(p)) {
      record.phase = p;
      return record;
    }
  return std::nullopt;
}

namespace {

class FileParser {
public:
  explicit FileParser(llvm::StringRef text) : text(text) {}

  ParsedScript parse(llvm::StringRef fallbackName) {
    CompiledScript script;
    script.dialect = "mysql";
    script.beginTransaction = "START TRANSACTION;";
    script.commitTransaction = "COMMIT;";
    SplitFile file;
    file.text = text;
    bool open = false;
    tokens = lexMySql(text, &open);
    if (open)
      file.problem = "it ends inside a quoted string, quoted name or comment";
    split(file, script.dialect);
    StepRules rules;
    rules.block = "START TRANSACTION; ... COMMIT;";
    rules.opens = [&](size_t i) { return isBegin(statements[i]); };
    rules.closes = [&](size_t i) { return isCommit(statements[i]); };
    rules.ownControl = [&](size_t i) {
      std::vector<std::string> w = words(statements[i]);
      bool control = !w.empty() && isOneOf(w.front(), {"BEGIN", "START", "COMMIT", "ROLLBACK"}) &&
                     !(w.front() == "ROLLBACK" && w.size() > 1 && w[1] == "TO");
      return control ? w.front() : std::string();
    };
    rules.ledgerRow = [&](size_t i, bool &unreadable) -> std::optional<LedgerRecord> {
      const MyStatement &s = statements[i];
      std::vector<std::string> w = words(s);
      if (w.empty() || w.front() != "INSERT" ||
          !llvm::StringRef(tableWritten(text, tokens, s)).equals_insensitive(ledgerTableName()))
        return std::nullopt;
      std::optional<LedgerRecord> r = parseMySqlLedgerInsert(textOf(s));
      unreadable = !r;
      return r;
    };
    return assembleSteps(std::move(script), file, rules, fallbackName);
  }

private:
  /// The statements, the markers between them, and the header's dialect.
  void split(SplitFile &file, std::string &dialect) {
    statements = splitMySql(tokens);
    for (const MyStatement &s : statements)
      file.statements.push_back({s.begin, s.end});
    size_t st = 0;
    for (const MyToken &t : tokens) {
      while (st < statements.size() && statements[st].end <= t.begin)
        ++st;
      bool inStatement = st < statements.size() && statements[st].begin < t.begin;
      if (t.kind != MyTok::LineComment || inStatement || (t.begin && text[t.begin - 1] != '\n'))
        continue;
      llvm::StringRef line = text.slice(t.begin, t.end).rtrim("\r");
      if (std::optional<MigrationMarker> m = parseMigrationMarker(line)) {
        m->begin = t.begin;
        file.markers.push_back(std::move(*m));
      } else if (file.markers.empty() && line.consume_front("-- dialect: ")) {
        dialect = line.trim().str();
      }
    }
  }

  llvm::StringRef textOf(const MyStatement &s) const { return text.slice(s.begin, s.end); }
  std::vector<std::string> words(const MyStatement &s) const {
    return leadingWords(text, tokens, s);
  }

  bool endsWithSemicolon(const MyStatement &s) const {
    return tokens[s.lastToken].kind == MyTok::Semicolon;
  }

  bool isBegin(const MyStatement &s) const {
    std::vector<std::string> w = words(s);
    return endsWithSemicolon(s) && (w == std::vector<std::string>{"START", "TRANSACTION"} ||
                                    w == std::vector<std::string>{"BEGIN"} ||
                                    w == std::vector<std::string>{"BEGIN", "WORK"});
  }

  bool isCommit(const MyStatement &s) const {
    std::vector<std::string> w = words(s);
    return endsWithSemicolon(s) && (w == std::vector<std::string>{"COMMIT"} ||
                                    w == std::vector<std::string>{"COMMIT", "WORK"});
  }

  llvm::StringRef text;
  std::vector<MyToken> tokens;
  std::vector<MyStatement> statements;
};

} // namespace

ParsedScript shc::parseMySqlCompiledFile(llvm::StringRef text, llvm::StringRef fallbackName) {
  return FileParser(text).parse(fallbackName);
}
