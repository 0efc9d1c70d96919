//===- SqliteExprEmitter.cpp - SQLite's spellings of expressions ----------===//

#include "backends/sqlite/SqliteCatalog.h"
#include "backends/sqlite/SqliteEmitter.h"

#include "ir/Diagnostics.h"

#include <sqlite3.h>

#include <algorithm>
#include <vector>

using namespace shc;

/// SQLite's keywords (sqlite3_keyword_name), lower case and sorted; all of
/// them are quoted when used as a name.
static llvm::ArrayRef<Keyword> sqliteKeywords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> w;
    for (int i = 0, n = sqlite3_keyword_count(); i < n; ++i) {
      const char *name = nullptr;
      int len = 0;
      if (sqlite3_keyword_name(i, &name, &len) == SQLITE_OK)
        w.push_back(llvm::StringRef(name, static_cast<size_t>(len)).lower());
    }
    std::sort(w.begin(), w.end());
    return w;
  }();
  static const std::vector<Keyword> keywords = [] {
    std::vector<Keyword> k;
    for (const std::string &w : words)
      k.push_back({w, KeywordCategory::Reserved});
    return k;
  }();
  return keywords;
}

const SqlWriter &shc::sqliteWriter() {
  static const SqlPolicy policy = [] {
    SqlPolicy p;
    p.identQuote = '"';
    p.foldsToLower = false; // names match case-insensitively
    p.extraIdentChars = "";
    p.keywords = sqliteKeywords();
    p.quoteFrom = KeywordCategory::Reserved;
    p.escaping = StringEscaping::Standard;
    p.rejectsNul = true;
    p.castFunctionOnly = true;
    // SQLite's function names that are also keywords (glob, like, replace)
    // are called bare: its parser falls back to an identifier there.
    p.bareFunctionNames = true;
    p.displayName = "SQLite";
    return p;
  }();
  static const SqlWriter writer(policy);
  return writer;
}

std::optional<std::string> SqliteExprEmitter::typeName(const Type &type, llvm::StringRef spelling,
                                                       SourceLoc loc) {
  // CAST converts by the affinity the name gives, so the affinity's own
  // name is what the file says.
  switch (type.getKind()) {
  case TypeKind::Int2:
  case TypeKind::Int4:
  case TypeKind::Int8:
  case TypeKind::Bool:
    return std::string("INTEGER");
  case TypeKind::Float4:
  case TypeKind::Float8:
    return std::string("REAL");
  case TypeKind::Text:
  case TypeKind::Varchar:
  case TypeKind::Char:
  case TypeKind::Uuid:
  case TypeKind::Json:
  case TypeKind::Jsonb:
    return std::string("TEXT");
  case TypeKind::Bytea:
    return std::string("BLOB");
  case TypeKind::Numeric:
  case TypeKind::Date:
  case TypeKind::Timestamp:
  case TypeKind::TimestampTz:
    return std::string("NUMERIC");
  default:
    unsupported(loc, "no SQLite type for '" + spelling.str() + "'");
    return std::nullopt;
  }
}

void SqliteExprEmitter::emitFuncCall(const FuncCallExpr &f) {
  if (flavor.replicatesStatements && catalog.functionProperties(f.name, f.args.size()).runVarying)
    return unsupported(f.getLoc(), f.name + "() is not allowed in " + flavor.displayName.str() +
                                       ": it replicates statements, and each node would get "
                                       "another value; compute the value in the application");
  if (f.form != FuncCallExpr::Form::Plain && f.form != FuncCallExpr::Form::NoParens)
    return unsupported(f.getLoc(), "SQLite has no " + llvm::StringRef(f.name).upper() +
                                       "(... FROM ...) form; use the plain function call");
  ExprEmitter::emitFuncCall(f);
}

void SqliteExprEmitter::emitTimezoneConvert(const TimezoneConvertExpr &tz) {
  // Wall-clock time in `from` to wall-clock time in `to`: shift by the
  // difference of the offsets (the catalogue accepted fixed offsets only).
  int from = 0, to = 0;
  if (!parseSqliteOffset(tz.fromZone, from) || !parseSqliteOffset(tz.toZone, to))
    return unsupported(tz.getLoc(), "SQLite converts between fixed offsets only");
  text() += "datetime(";
  emitNested(tz.operand);
  int shift = to - from;
  text() += ", '" + std::string(shift < 0 ? "-" : "+") + std::to_string(std::abs(shift)) +
            " minutes')";
}
