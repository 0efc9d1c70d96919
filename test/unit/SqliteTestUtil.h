// Helpers for the SQLite runtime's tests: a database file in a fresh
// directory, direct access to it through libsqlite3, and compiled scripts
// built by hand as the SQLite emitter builds them (the ledger's preamble,
// each step's statements followed by its ledger write).
#pragma once

#include "backends/sqlite/SqliteRuntime.h"
#include "ir/CompiledScript.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>
#include <vector>

namespace shc::sqlitetest {

inline const char *kPreamble =
    "CREATE TABLE IF NOT EXISTS schemahero_data_migrations (name TEXT PRIMARY KEY, checksum TEXT "
    "NOT NULL, idempotent INTEGER NOT NULL, phase TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT "
    "(strftime('%Y-%m-%dT%H:%M:%fZ','now')));\n";

/// A database file in a directory of its own, removed afterwards.
struct TempDb {
  std::string dir, path;
  TempDb() {
    char tmpl[] = "/tmp/shc-sqlite-XXXXXX";
    dir = ::mkdtemp(tmpl);
    path = dir + "/test.db";
  }
  ~TempDb() {
    for (const char *suffix : {"", "-journal", "-wal", "-shm"})
      std::remove((path + suffix).c_str());
    ::rmdir(dir.c_str());
  }
  std::string uri() const { return "sqlite://" + path; } // path is absolute
  /// Runs `sql` on the file (created when missing); "" or the error.
  std::string exec(const std::string &sql) const {
    sqlite3 *db = nullptr;
    sqlite3_open(path.c_str(), &db);
    char *err = nullptr;
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    std::string out = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    return out;
  }
  /// Every value of `sql`'s rows, joined by `,` (NULL as "NULL").
  std::string query(const std::string &sql) const {
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::string out;
    auto collect = [](void *o, int n, char **v, char **) {
      auto &s = *static_cast<std::string *>(o);
      for (int i = 0; i < n; ++i)
        s += (s.empty() ? "" : ",") + std::string(v[i] ? v[i] : "NULL");
      return 0;
    };
    char *err = nullptr;
    if (sqlite3_exec(db, sql.c_str(), collect, &out, &err) != SQLITE_OK)
      out = std::string("error: ") + (err ? err : "?");
    sqlite3_free(err);
    sqlite3_close(db);
    return out;
  }
};

/// A checksum: `c` 64 times.
inline std::string checksum(char c) { return std::string(64, c); }

struct Mig {
  std::string name;
  std::string body; ///< its statements, whole lines
  std::string sum = checksum('a');
  bool idempotent = false;
};

/// The script the SQLite emitter writes for `migs`.
inline CompiledScript script(const std::vector<Mig> &migs) {
  CompiledScript s;
  s.dialect = "sqlite";
  s.header = "-- compiled by a test\n-- dialect: sqlite\n";
  s.preamble = kPreamble;
  s.beginTransaction = "BEGIN IMMEDIATE;";
  s.commitTransaction = "COMMIT;";
  for (const Mig &m : migs) {
    ScriptStep step;
    step.name = m.name;
    step.sql = m.body;
    if (m.idempotent)
      step.sql += "DELETE FROM schemahero_data_migrations WHERE name = '" + m.name + "';\n";
    step.sql += "INSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) "
                "VALUES ('" +
                m.name + "', '" + m.sum + "', " + (m.idempotent ? "1" : "0") +
                ", 'after_schema');\n";
    step.ledger = LedgerRecord{m.name, m.sum, m.idempotent, Phase::AfterSchema};
    s.steps.push_back(std::move(step));
  }
  return s;
}

/// Connects and applies; a failure to connect fails the test.
inline ApplyReport apply(const TempDb &db, const CompiledScript &s, ApplyOptions opts = {}) {
  auto conn = sqliteRuntime().connect(db.uri());
  if (!conn) {
    ApplyReport r;
    r.setupError = "connect: " + llvm::toString(conn.takeError());
    return r;
  }
  return (*conn)->apply(s, opts);
}

/// A statement that keeps SQLite busy for a while (about 0.1 s per million).
inline std::string slowStatement(unsigned millions) {
  return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " +
         std::to_string(millions) + "000000) SELECT count(*) FROM c;\n";
}

} // namespace shc::sqlitetest
