//===- SqliteCustomSql.cpp - customSQL through SQLite's own parser --------===//
//
// `validate: true` customSQL is split where sqlite3_complete says a
// statement ends, and each statement is prepared on an empty in-memory
// database: SQLite's parser gives the syntax error and its offset
// (sqlite3_error_offset). The database has no tables, so a missing table or
// column is not an error here; the passes resolve names against the Table
// specs.
//
//===----------------------------------------------------------------------===//

#include "backends/sqlite/SqliteCatalog.h"

#include <sqlite3.h>

#include <memory>

using namespace shc;

namespace {

struct CloseDb {
  void operator()(sqlite3 *db) const { sqlite3_close(db); }
};

/// Where the first token of `text` starts: after blanks and comments.
size_t firstTokenOffset(llvm::StringRef text) {
  size_t i = 0;
  while (i < text.size()) {
    if (isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
    } else if (text.substr(i).startswith("--")) {
      size_t nl = text.find('\n', i);
      i = nl == llvm::StringRef::npos ? text.size() : nl + 1;
    } else if (text.substr(i).startswith("/*")) {
      size_t end = text.find("*/", i + 2);
      i = end == llvm::StringRef::npos ? text.size() : end + 2;
    } else {
      break;
    }
  }
  return i;
}

/// An error about names rather than syntax: the in-memory database has none.
bool isNameError(llvm::StringRef message) {
  return message.startswith("no such table") || message.startswith("no such column") ||
         message.startswith("no such index") || message.startswith("no such view");
}

} // namespace

CustomSqlParse SqliteCatalog::parseCustomSql(llvm::StringRef sql) const {
  CustomSqlParse out;
  sqlite3 *raw = nullptr;
  if (sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, nullptr) !=
      SQLITE_OK) {
    sqlite3_close(raw);
    out.error = "cannot open an in-memory SQLite database";
    return out;
  }
  std::unique_ptr<sqlite3, CloseDb> db(raw);
  std::string buffer;
  size_t start = 0;
  auto check = [&](size_t end) {
    llvm::StringRef text = sql.slice(start, end);
    size_t first = firstTokenOffset(text);
    if (first == text.size())
      return true; // blanks and comments only
    buffer.assign(text.data(), text.size());
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(db.get(), buffer.c_str(), static_cast<int>(buffer.size()) + 1,
                                &stmt, nullptr);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_OK) {
      llvm::StringRef message = sqlite3_errmsg(db.get());
      if (!isNameError(message)) {
        out.error = message.str();
        int at = sqlite3_error_offset(db.get());
        out.errorOffset = start + (at >= 0 ? static_cast<size_t>(at) : first);
        return false;
      }
    }
    out.statements.push_back({start, end - start, start + first});
    return true;
  };
  for (size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] != ';')
      continue;
    buffer.assign(sql.data() + start, i + 1 - start);
    if (!sqlite3_complete(buffer.c_str()))
      continue;
    if (!check(i + 1))
      return out;
    start = i + 1;
  }
  if (!check(sql.size()))
    return out;
  out.ok = true;
  return out;
}
