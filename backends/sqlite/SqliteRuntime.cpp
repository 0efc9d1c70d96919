//===- SqliteRuntime.cpp - libsqlite3 behind the Runtime interface --------===//

#include "backends/sqlite/SqliteRuntime.h"

#include "backends/sqlite/SqliteApply.h"
#include "backends/sqlite/SqliteBackups.h"
#include "backends/sqlite/SqliteDb.h"
#include "backends/sqlite/SqliteIntrospect.h"
#include "backends/sqlite/SqliteScriptParse.h"

#include <sqlite3.h>

using namespace shc;

namespace {

class SqliteLiveDatabase : public LiveDatabase {
public:
  explicit SqliteLiveDatabase(std::unique_ptr<SqliteDb> db) : db(std::move(db)) {}

  llvm::Expected<std::vector<LiveTable>> tables() override { return introspectSqliteTables(*db); }
  /// SQLite has no user-defined SQL functions to find: every function
  /// a database file can call is built in (or an extension's, loaded by the
  /// application, which apply does not load).
  llvm::Expected<std::vector<Signature>> functions(const std::vector<std::string> &) override {
    return std::vector<Signature>();
  }
  /// SQLite's planner keeps no row estimates (only sqlite_stat1's, when
  /// ANALYZE ran, and only per index); `apply --dry-run` counts exactly.
  llvm::Expected<double> estimateRows(llvm::StringRef) override {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "SQLite gives no row estimates (apply --dry-run counts "
                                   "the rows exactly)");
  }
  ApplyReport apply(const CompiledScript &script, const ApplyOptions &opts) override {
    return applySqliteScript(*db, script, opts);
  }
  /// sqlite3_interrupt only sets a flag the running statement polls.
  void cancelFromSignal() override { sqlite3_interrupt(db->get()); }

  /// Values kept as quote() literals (SqliteBackups.h).
  bool supportsRowBackups() const override { return true; }
  RevertReport revert(llvm::StringRef migration, const RevertOptions &opts) override {
    return revertSqlite(*db, migration, opts);
  }
  llvm::Expected<std::vector<BackupSummary>> backups() override { return listSqliteBackups(*db); }
  llvm::Expected<uint64_t> pruneBackups(uint64_t olderThanMs) override {
    return pruneSqliteBackups(*db, olderThanMs);
  }

private:
  std::unique_ptr<SqliteDb> db;
};

class SqliteRuntime : public Runtime {
public:
  llvm::Expected<std::unique_ptr<LiveDatabase>> connect(llvm::StringRef uri) const override {
    auto db = openSqlite(uri);
    if (!db)
      return db.takeError();
    return std::make_unique<SqliteLiveDatabase>(std::move(*db));
  }
  std::string redact(llvm::StringRef uri) const override { return redactSqliteUri(uri); }
  ParsedScript parseCompiledFile(llvm::StringRef text, llvm::StringRef name) const override {
    return parseSqliteCompiledFile(text, name);
  }
};

} // namespace

const Runtime &shc::sqliteRuntime() {
  static const SqliteRuntime runtime;
  return runtime;
}
