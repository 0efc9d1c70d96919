//===- MySqlCustomSql.cpp - customSQL through MariaDB's own parser --------===//
//
// `validate: true` customSQL is split where MySQL's lexical rules put a
// top-level `;` (MySqlLex.h), and each statement is prepared by the
// embedded MariaDB server (MySqlEmbedded.h) in an empty database: a syntax
// error is the server's own, at the place its "near '...'" names. The
// database has no tables, so an unknown table or column is not an error
// here; the passes resolve names against the Table specs.
//
//===----------------------------------------------------------------------===//

#include "backends/mysql/MySqlCatalog.h"
#include "backends/mysql/MySqlEmbedded.h"
#include "backends/mysql/MySqlLex.h"

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
