//===- SqliteDb.cpp - one open libsqlite3 database, and its errors --------===//

#include "backends/sqlite/SqliteDb.h"

#include "backends/common/LedgerText.h"
#include "ir/CompiledScript.h"

#include "llvm/ADT/StringExtras.h"

#include <sqlite3.h>

using namespace shc;

SqliteDb::~SqliteDb() { sqlite3_close_v2(db); }

llvm::Error shc::sqliteError(sqlite3 *db, llvm::StringRef what) {
  std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
  if (!what.empty())
    msg = what.str() + ": " + msg;
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

llvm::Error SqliteDb::exec(llvm::StringRef sql) {
  auto rows = query(sql);
  return rows ? llvm::Error::success() : rows.takeError();
}

llvm::Expected<std::vector<std::vector<std::string>>>
SqliteDb::query(llvm::StringRef sql, const std::vector<std::string> &args) {
  std::vector<std::vector<std::string>> out;
  const char *p = sql.data(), *end = sql.data() + sql.size();
  while (p < end) {
    sqlite3_stmt *st = nullptr;
    const char *tail = nullptr;
    if (sqlite3_prepare_v2(db, p, static_cast<int>(end - p), &st, &tail) != SQLITE_OK)
      return sqliteError(db);
    if (!st)
      break; // only comments and spaces were left
    p = tail;
    for (size_t i = 0; i < args.size() && i < static_cast<size_t>(sqlite3_bind_parameter_count(st));
         ++i)
      sqlite3_bind_text(st, static_cast<int>(i + 1), args[i].data(),
                        static_cast<int>(args[i].size()), SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      std::vector<std::string> &row = out.emplace_back();
      for (int c = 0, n = sqlite3_column_count(st); c < n; ++c) {
        const unsigned char *v = sqlite3_column_text(st, c);
        row.push_back(v ? reinterpret_cast<const char *>(v) : "");
      }
    }
    if (rc != SQLITE_DONE) {
      llvm::Error e = sqliteError(db);
      sqlite3_finalize(st);
      return std::move(e);
    }
    sqlite3_finalize(st);
  }
  return out;
}

llvm::Expected<std::optional<std::string>>
SqliteDb::queryOne(llvm::StringRef sql, const std::vector<std::string> &args) {
  sqlite3_stmt *st = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &st, nullptr) != SQLITE_OK)
    return sqliteError(db);
  for (size_t i = 0; i < args.size(); ++i)
    sqlite3_bind_text(st, static_cast<int>(i + 1), args[i].data(), static_cast<int>(args[i].size()),
                      SQLITE_TRANSIENT);
  std::optional<std::string> value;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
    value = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    llvm::Error e = sqliteError(db);
    sqlite3_finalize(st);
    return std::move(e);
  }
  sqlite3_finalize(st);
  return value;
}

/// The value of the query parameter `key` of a URI, or "".
static llvm::StringRef uriParameter(llvm::StringRef uri, llvm::StringRef key) {
  llvm::StringRef query = uri.split('#').first.split('?').second;
  while (!query.empty()) {
    llvm::StringRef param;
    std::tie(param, query) = query.split('&');
    auto [k, v] = param.split('=');
    if (k == key)
      return v;
  }
  return "";
}

std::optional<std::string> shc::sqliteFileUri(llvm::StringRef uri, bool &create) {
  std::string file;
  if (uri.startswith("file:")) {
    file = uri.str();
  } else if (uri.consume_front("sqlite:")) {
    // sqlite:///abs -> file:///abs; sqlite://rel -> file:rel; sqlite:x -> file:x
    if (uri.consume_front("//") && uri.startswith("/"))
      file = "file://" + uri.str();
    else
      file = "file:" + uri.str();
  } else {
    return std::nullopt;
  }
  llvm::StringRef mode = uriParameter(file, "mode");
  llvm::StringRef path = llvm::StringRef(file).split('?').first;
  create = mode == "rwc" || mode == "memory" || path.endswith(":memory:") || path == "file:";
  return file;
}

llvm::Expected<std::unique_ptr<SqliteDb>> shc::openSqlite(llvm::StringRef uri) {
  auto fail = [&](const std::string &why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot open the SQLite database " + redactSqliteUri(uri) +
                                       ": " + why);
  };
  bool create = false;
  std::optional<std::string> file = sqliteFileUri(uri, create);
  if (!file)
    return fail("not a SQLite URI (sqlite:///absolute/path.db, sqlite://relative/path.db or "
                "file:path.db)");
  sqlite3 *raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(file->c_str(), &raw, flags, nullptr);
  auto db = std::make_unique<SqliteDb>(raw);
  if (rc != SQLITE_OK) {
    std::string why = raw ? sqlite3_errmsg(raw) : "out of memory";
    if ((rc & 0xff) == SQLITE_CANTOPEN && !create)
      why += " (apply creates no database: a missing file is an error unless the URI "
             "has ?mode=rwc)";
    return fail(why);
  }
  sqlite3_extended_result_codes(raw, 1);
  // A reader waits while a writer commits (rollback-journal mode); apply
  // installs its own busy handler for the write lock.
  sqlite3_busy_timeout(raw, kReadBusyTimeoutMs);
  // Opening is lazy: a file that is not a database fails here, not in the
  // middle of apply.
  if (auto r = db->queryOne("SELECT count(*) FROM sqlite_schema"); !r)
    return fail(llvm::toString(r.takeError()));
  return std::move(db);
}

std::string shc::redactSqliteUri(llvm::StringRef uri) {
  size_t q = uri.find('?');
  if (q == llvm::StringRef::npos)
    return uri.str();
  std::string out = uri.take_front(q + 1).str();
  llvm::StringRef rest = uri.drop_front(q + 1), fragment;
  std::tie(rest, fragment) = rest.split('#');
  bool first = true;
  while (!rest.empty() || first) {
    llvm::StringRef param;
    std::tie(param, rest) = rest.split('&');
    auto [k, v] = param.split('=');
    if (!first)
      out += '&';
    first = false;
    bool secret = false;
    for (llvm::StringRef s :
         {"password", "key", "hexkey", "textkey", "rekey", "hexrekey", "passphrase"})
      secret |= k.equals_insensitive(s);
    out += secret ? k.str() + "=***" : param.str();
  }
  if (uri.drop_front(q).contains('#'))
    out += "#" + fragment.str();
  return out;
}

llvm::StringRef shc::sqliteLedgerTable() { return "schemahero_data_migrations"; }

std::string shc::sqliteChangedMigrationError(const LedgerRecord &record) {
  return changedMigrationError(record);
}
