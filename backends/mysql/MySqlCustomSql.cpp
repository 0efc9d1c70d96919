//===- MySqlCustomSql.cpp - customSQL through MariaDB's own parser --------===//
//
// `validate: true` customSQL is split where MySQL's lexical rules put a
// top-level `;` (MySqlLex.h), and each statement is prepared by the
// embedded MariaDB server (MySqlEmbedded.h) in an empty database: a syntax
// error is the server's own, at the place its "near '...'" names. The
// database has no tables, so an unknown table or column is not an error
// here; the passes resolve names against the Table specs, and ask
// checkStatementNames for a statement the analysis leaves opaque: it is
// prepared again in a database holding the specs' tables.
//
//===----------------------------------------------------------------------===//

#include "backends/mysql/MySqlCatalog.h"
#include "backends/mysql/MySqlEmbedded.h"
#include "backends/mysql/MySqlEmitter.h"
#include "backends/mysql/MySqlLex.h"
#include "ir/Module.h"

using namespace shc;

/// Where the server's "... near 'TEXT' at line N" points in `statement`:
/// TEXT is the rest of the statement from the offending token (cut at 80
/// characters), so its last occurrence is the place.
static size_t errorOffset(llvm::StringRef message, llvm::StringRef statement) {
  size_t near = message.find("near '");
  if (near == llvm::StringRef::npos)
    return 0;
  llvm::StringRef rest = message.substr(near + 6);
  size_t close = rest.rfind("' at line");
  llvm::StringRef fragment = close == llvm::StringRef::npos ? rest : rest.take_front(close);
  if (fragment.empty())
    return statement.size(); // at the end
  size_t at = statement.rfind(fragment);
  return at == llvm::StringRef::npos ? 0 : at;
}

CustomSqlParse MySqlCatalog::parseCustomSql(llvm::StringRef sql) const {
  CustomSqlParse out;
  bool unterminated = false;
  std::vector<MyToken> tokens = lexMySql(sql, &unterminated);
  for (const MyStatement &s : splitMySql(tokens)) {
    llvm::StringRef text = sql.slice(s.begin, s.end);
    PrepareResult r = prepareEmbedded(text);
    if (!r.started) {
      out.error = r.message;
      return out;
    }
    if (isSyntaxError(r.errorNumber)) {
      out.error = r.message;
      out.errorOffset = s.begin + errorOffset(r.message, text);
      return out;
    }
    out.statements.push_back({s.begin, s.end - s.begin, s.begin});
  }
  out.ok = true;
  return out;
}

/// The quoted name in a server message ("Unknown column 'x.y' in 'SET'",
/// "Table 'db.t' doesn't exist"): its last part.
static std::string quotedName(llvm::StringRef message) {
  size_t open = message.find('\'');
  if (open == llvm::StringRef::npos)
    return "";
  llvm::StringRef rest = message.substr(open + 1);
  llvm::StringRef name = rest.take_until([](char c) { return c == '\''; });
  return name.rsplit('.').second.empty() ? name.str() : name.rsplit('.').second.str();
}

std::optional<StatementNameProblem>
MySqlCatalog::checkStatementNames(llvm::StringRef statement,
                                  llvm::ArrayRef<const Table *> tables) const {
  const SqlWriter &w = mysqlWriter();
  std::vector<TableDdl> ddl;
  for (const Table *t : tables) {
    std::string cols, plain;
    for (const Column &c : t->columns) {
      std::string name = w.quotedIdentifier(c.name);
      cols += (cols.empty() ? "" : ", ") + name + " " +
              (c.typeSpelling.empty() ? std::string("LONGTEXT") : c.typeSpelling);
      plain += (plain.empty() ? "" : ", ") + name + " LONGTEXT";
    }
    std::string head = "CREATE TABLE " + w.quotedIdentifier(t->name) + " (";
    ddl.push_back({head + cols + ")", head + plain + ")"});
  }
  PrepareResult r = prepareEmbeddedIn(ddl, statement);
  const char *rule = r.errorNumber == 1146   ? "unknown-table"
                     : r.errorNumber == 1054 ? "unknown-column"
                                             : nullptr;
  if (!r.started || !rule)
    return std::nullopt;
  std::string name = quotedName(r.message);
  size_t at = name.empty() ? llvm::StringRef::npos : statement.find_insensitive(name);
  return StatementNameProblem{rule, r.message, at == llvm::StringRef::npos ? 0 : at};
}

StatementFacts MySqlCatalog::describeStatement(llvm::StringRef text) const {
  StatementFacts f;
  std::vector<MyToken> tokens = lexMySql(text);
  std::vector<MyStatement> statements = splitMySql(tokens);
  if (statements.empty())
    return f;
  std::vector<std::string> words = leadingWords(text, tokens, statements.front());
  if (words.empty())
    return f;
  f.node = words.front();
  if (!implicitCommitReason(words).empty())
    f.kind = StatementKind::Ddl; // it commits: DDL, or transaction control
  else if (f.node == "UPDATE")
    f.kind = StatementKind::Update;
  else if (f.node == "DELETE")
    f.kind = StatementKind::Delete;
  else if (f.node == "INSERT" || f.node == "REPLACE")
    f.kind = StatementKind::Insert;
  else if (f.node == "SELECT")
    f.kind = StatementKind::Select;
  std::string table = tableWritten(text, tokens, statements.front());
  if (!table.empty()) {
    f.hasTable = true;
    f.table = table;
    size_t at = text.find_insensitive(table);
    f.tableOffset = at == llvm::StringRef::npos ? 0 : at;
  }
  return f;
}
