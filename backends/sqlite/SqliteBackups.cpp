//===- SqliteBackups.cpp - row backups, revert and rehearsals on SQLite ---===//

#include "backends/sqlite/SqliteBackups.h"

#include "backends/common/LiteralBackups.h"
#include "backends/common/LiteralRevert.h"
#include "backends/common/RangeBatches.h"
#include "backends/sqlite/SqliteDb.h"
#include "backends/sqlite/SqliteEmitter.h"

#include "llvm/ADT/StringExtras.h"

#include <sqlite3.h>

#include <cstdio>
#include <functional>

using namespace shc;

namespace {

class SqliteStore : public LiteralStore {
public:
  SqliteStore(SqliteDb &db, SqliteBatchHooks hooks)
      : LiteralStore(sqliteWriter(), '"'), db(db), hooks(std::move(hooks)) {}

  MaybeFailure execute(llvm::StringRef sql, uint64_t *rows) override {
    return hooks.exec(sql, rows);
  }

  MaybeFailure select(const std::string &sql,
                      std::vector<std::vector<std::string>> &rows) override {
    return sqliteSelect(db, hooks, sql, rows);
  }

  bool tableExists(llvm::StringRef name) override { return sqliteTableExists(db, hooks, name); }

  llvm::Expected<LiteralTable> describe(const std::string &table) override {
    std::vector<std::string> parts = splitQualifiedName(table, '"');
    std::string schema = parts.size() > 1 ? parts.front() : "main", name = parts.back();
    hooks.arm();
    // hidden: 0 a column, 1 a virtual table's hidden one, 2 and 3 generated.
    auto columns = db.query("SELECT name, pk, \"notnull\", hidden FROM pragma_table_xinfo(?1, ?2) "
                            "ORDER BY cid",
                            {name, schema});
    if (!columns)
      return columns.takeError();
    if (columns->empty())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "table " + table + " does not exist");
    LiteralTable t;
    std::vector<std::pair<int, std::string>> pk;
    for (const auto &c : *columns) {
      if (c[3] == "0")
        t.columns.push_back(column(c[0]));
      if (c[1] != "0")
        pk.emplace_back(std::atoi(c[1].c_str()), c[0]);
    }
    llvm::sort(pk);
    for (const auto &p : pk)
      t.key.push_back(column(p.second));
    if (t.key.empty())
      if (llvm::Error e = uniqueKey(schema, name, *columns, t))
        return e;
    return t;
  }

  std::vector<std::string> createBackupTable(bool) const override {
    // AUTOINCREMENT: ids never come back after a prune, so they keep
    // telling which backup is newer.
    std::string t = backupTableName().str();
    return {"CREATE TABLE IF NOT EXISTS " + t +
                " (id INTEGER PRIMARY KEY AUTOINCREMENT, migration TEXT NOT NULL, txid INTEGER NOT "
                "NULL, op INTEGER NOT NULL, table_name TEXT NOT NULL, kind TEXT NOT NULL, \"key\" "
                "TEXT NOT NULL, \"before\" TEXT NOT NULL, \"after\" TEXT, taken_at TEXT NOT NULL, "
                "reverted_at TEXT)",
            "CREATE INDEX IF NOT EXISTS " + t + "_apply ON " + t + " (migration, txid, op)"};
  }

  std::vector<std::string> createKeysTable(const std::string &select) const override {
    return {"CREATE TEMP TABLE shc_backup_keys AS " + select,
            "CREATE INDEX temp.shc_backup_keys_kj ON shc_backup_keys (shc_kj)"};
  }
  std::string dropKeysTable() const override { return "DROP TABLE IF EXISTS temp.shc_backup_keys"; }

  std::string nowSql() const override { return "strftime('%Y-%m-%d %H:%M:%f', 'now')"; }
  std::string agoSql(uint64_t ms) const override {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%llu.%03llu",
                  static_cast<unsigned long long>(ms / 1000),
                  static_cast<unsigned long long>(ms % 1000));
    return "strftime('%Y-%m-%d %H:%M:%f', 'now', '-" + std::string(seconds) + " seconds')";
  }
  std::string sameBytes(const std::string &a, const std::string &b) const override {
    return "CAST(" + a + " AS BLOB) = CAST(" + b + " AS BLOB)";
  }
  /// SQLite locks the whole file: the write lock, which the rehearsal's
  /// transaction holds from its BEGIN IMMEDIATE to its ROLLBACK.
  std::vector<std::string> locksOf(const StepRehearsal &) const override {
    return {"RESERVED lock on the database file (SQLite's one write lock; no other connection "
            "writes until the transaction ends)"};
  }

private:
  /// quote(), except for a REAL below 1e-280 in magnitude: SQLite 3.40
  /// reads some of the 20-digit literals quote() writes for those back as
  /// the neighbouring double (313 of 100,000 random doubles, all below
  /// 4.8e-290), so such a value is written as itself times 2^600 (exact,
  /// and read back exactly), divided by 2^600 again.
  static LiteralColumn column(const std::string &name) {
    std::string hole(1, kColumnHole);
    std::string p2to600 = "(1152921504606846976.0";
    for (int i = 1; i < 10; ++i)
      p2to600 += " * 1152921504606846976.0";
    p2to600 += ")";
    return {name,
            "CASE WHEN typeof(" + hole + ") = 'real' AND " + hole + " <> 0 AND abs(" + hole +
                ") < 1e-280 THEN '(' || quote(" + hole + " * " + p2to600 + ") || ' / " +
                p2to600 + ")' ELSE quote(" + hole + ") END",
            "CASE typeof(" + hole + ") WHEN 'blob' THEN 'X''' || hex(" + hole +
                ") || '''' ELSE " + hole + " END"};
  }

  /// The first unique index (by name) with neither a condition nor an
  /// expression, over NOT NULL columns.
  llvm::Error uniqueKey(const std::string &schema, const std::string &name,
                        const std::vector<std::vector<std::string>> &columns, LiteralTable &t) {
    auto indexes = db.query("SELECT name FROM pragma_index_list(?1, ?2) WHERE \"unique\" = 1 AND "
                            "partial = 0 ORDER BY name",
                            {name, schema});
    if (!indexes)
      return indexes.takeError();
    for (const auto &index : *indexes) {
      auto parts = db.query("SELECT name, cid FROM pragma_index_info(?1, ?2) ORDER BY seqno",
                            {index[0], schema});
      if (!parts)
        return parts.takeError();
      bool usable = !parts->empty();
      for (const auto &p : *parts)
        usable = usable && p[1] != "-2" && p[1] != "-1" &&
                 llvm::any_of(columns, [&](const std::vector<std::string> &c) {
                   return c[0] == p[0] && c[2] == "1";
                 });
      if (!usable)
        continue;
      for (const auto &p : *parts)
        t.key.push_back(column(p[0]));
      return llvm::Error::success();
    }
    return llvm::Error::success();
  }

  SqliteDb &db;
  SqliteBatchHooks hooks;
};

/// Hooks for a store used outside apply: statements run directly, rows
/// counted by sqlite3_total_changes64.
SqliteBatchHooks directHooks(SqliteDb &db) {
  SqliteBatchHooks h;
  h.exec = [&db](llvm::StringRef sql, uint64_t *rows) -> MaybeFailure {
    sqlite3_int64 before = sqlite3_total_changes64(db.get());
    if (llvm::Error e = db.exec(sql))
      return BatchFailure{llvm::toString(std::move(e))};
    if (rows)
      *rows += static_cast<uint64_t>(sqlite3_total_changes64(db.get()) - before);
    return std::nullopt;
  };
  h.arm = [] {};
  return h;
}

} // namespace

std::unique_ptr<LiteralStore> shc::sqliteLiteralStore(SqliteDb &db, SqliteBatchHooks hooks) {
  return std::make_unique<SqliteStore>(db, std::move(hooks));
}

/// Runs `body` in a BEGIN IMMEDIATE transaction, waiting for the write lock
/// at most `lockTimeoutMs` (0: as long as it takes); commits when it
/// succeeds.
static MaybeFailure immediately(SqliteDb &db, unsigned lockTimeoutMs,
                                const std::function<MaybeFailure()> &body) {
  sqlite3_busy_timeout(db.get(), lockTimeoutMs ? static_cast<int>(lockTimeoutMs) : 1 << 30);
  MaybeFailure f;
  if (llvm::Error e = db.exec("BEGIN IMMEDIATE")) {
    f = BatchFailure{llvm::toString(std::move(e))};
    if (sqlite3_errcode(db.get()) == SQLITE_BUSY)
      f->message = lockBusyMessage(f->message);
  } else if ((f = body())) {
    llvm::consumeError(db.exec("ROLLBACK"));
  } else if (llvm::Error e = db.exec("COMMIT")) {
    f = BatchFailure{llvm::toString(std::move(e))};
    llvm::consumeError(db.exec("ROLLBACK"));
  }
  sqlite3_busy_timeout(db.get(), kReadBusyTimeoutMs);
  return f;
}

RevertReport shc::revertSqlite(SqliteDb &db, llvm::StringRef migration,
                               const RevertOptions &opts) {
  RevertReport report;
  SqliteStore store(db, directHooks(db));
  if (MaybeFailure f = immediately(db, opts.lockTimeoutMs, [&] {
        return revertLiteralBackups(store, migration, opts, sqliteLedgerTable(), report);
      })) {
    report = RevertReport();
    report.error = f->message;
  }
  return report;
}

llvm::Expected<std::vector<BackupSummary>> shc::listSqliteBackups(SqliteDb &db) {
  SqliteStore store(db, directHooks(db));
  return listLiteralBackups(store);
}

llvm::Expected<uint64_t> shc::pruneSqliteBackups(SqliteDb &db, uint64_t olderThanMs) {
  SqliteStore store(db, directHooks(db));
  uint64_t pruned = 0;
  if (MaybeFailure f = immediately(db, 0, [&] {
        return pruneLiteralBackups(store, olderThanMs, pruned);
      }))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), f->message);
  return pruned;
}
