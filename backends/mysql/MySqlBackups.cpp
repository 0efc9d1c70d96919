//===- MySqlBackups.cpp - row backups, revert and rehearsals on MySQL -----===//

#include "backends/mysql/MySqlBackups.h"

#include "backends/common/LedgerText.h"
#include "backends/common/LiteralBackups.h"
#include "backends/common/LiteralRevert.h"
#include "backends/common/RangeBatches.h"
#include "backends/mysql/MySqlApply.h"
#include "backends/mysql/MySqlBatches.h"
#include "backends/mysql/MySqlDb.h"
#include "backends/mysql/MySqlEmitter.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <functional>

using namespace shc;

namespace {

class MySqlStore : public LiteralStore {
public:
  explicit MySqlStore(MySqlDb &db) : LiteralStore(mysqlWriter(), '`'), db(db) {}

  /// A deadlock rolled the transaction back: apply tries the step again.
  MaybeFailure execute(llvm::StringRef sql, uint64_t *rows) override {
    return mysqlExecute(db, sql, rows, /*retryLockWaits=*/false);
  }

  MaybeFailure select(const std::string &sql,
                      std::vector<std::vector<std::string>> &rows) override {
    return mysqlSelect(db, sql, rows, /*retryLockWaits=*/false);
  }

  bool tableExists(llvm::StringRef name) override {
    // A dry run's backup table is TEMPORARY, which information_schema
    // does not list.
    auto r = db.query("SELECT 1 FROM " + ident(name) + " LIMIT 0");
    if (!r) {
      llvm::consumeError(r.takeError());
      return false;
    }
    return true;
  }

  llvm::Expected<LiteralTable> describe(const std::string &table) override {
    llvm::Expected<std::vector<MySqlKeyColumn>> key = mysqlTableKey(db, table);
    if (!key)
      return key.takeError();
    std::vector<std::string> parts = splitQualifiedName(table, '`');
    std::string schema = parts.size() > 1 ? db.quote(parts.front()) : "DATABASE()";
    auto rows = db.query("SELECT COLUMN_NAME, DATA_TYPE, COALESCE(CHARACTER_SET_NAME, ''), EXTRA "
                         "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = " +
                         schema + " AND TABLE_NAME = " + db.quote(parts.back()) +
                         " ORDER BY ORDINAL_POSITION");
    if (!rows)
      return rows.takeError();
    LiteralTable t;
    for (const auto &r : *rows) {
      LiteralColumn c = column(r[0].value_or(""), r[1].value_or(""), r[2].value_or(""));
      if (llvm::any_of(*key, [&](const MySqlKeyColumn &k) { return k.name == c.name; }))
        t.key.push_back(c);
      if (!llvm::StringRef(r[3].value_or("")).contains_insensitive("GENERATED"))
        t.columns.push_back(std::move(c));
    }
    // In the key's own order.
    std::vector<LiteralColumn> ordered;
    for (const MySqlKeyColumn &k : *key)
      for (const LiteralColumn &c : t.key)
        if (c.name == k.name)
          ordered.push_back(c);
    t.key = std::move(ordered);
    return t;
  }

  std::vector<std::string> createBackupTable(bool temporary) const override {
    std::string t = backupTableName().str();
    return {std::string("CREATE ") + (temporary ? "TEMPORARY " : "") + "TABLE IF NOT EXISTS " +
            t +
            " (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, migration VARCHAR(255) NOT NULL, "
            "txid BIGINT NOT NULL, op INT NOT NULL, table_name VARCHAR(255) NOT NULL, kind "
            "VARCHAR(16) NOT NULL, `key` LONGTEXT NOT NULL, `before` LONGTEXT NOT NULL, `after` "
            "LONGTEXT, taken_at DATETIME(6) NOT NULL, reverted_at DATETIME(6), INDEX " +
            t + "_apply (migration, txid, op)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 "
                "COLLATE=utf8mb4_bin"};
  }

  std::vector<std::string> createKeysTable(const std::string &select) const override {
    return {"CREATE TEMPORARY TABLE shc_backup_keys (shc_kj LONGTEXT CHARACTER SET utf8mb4 "
            "COLLATE utf8mb4_bin, INDEX (shc_kj(255))) ENGINE=InnoDB " +
            select};
  }
  std::string dropKeysTable() const override {
    return "DROP TEMPORARY TABLE IF EXISTS shc_backup_keys";
  }
  std::string lockRows() const override { return " FOR UPDATE"; }
  std::string nowSql() const override { return "UTC_TIMESTAMP(6)"; }
  std::string agoSql(uint64_t ms) const override {
    return "UTC_TIMESTAMP(6) - INTERVAL " + std::to_string(ms * 1000) + " MICROSECOND";
  }
  std::string sameBytes(const std::string &a, const std::string &b) const override {
    return "CAST(" + a + " AS BINARY) = CAST(" + b + " AS BINARY)";
  }
  std::string deleteHead(const RowWrite &w) const override { return mysqlDeleteFrom(w); }
  /// What InnoDB takes for an UPDATE or DELETE in REPEATABLE READ.
  std::vector<std::string> locksOf(const StepRehearsal &rh) const override {
    std::vector<std::string> locks;
    for (const OpRehearsal &o : rh.ops) {
      if (!o.ran)
        continue;
      std::string table = o.table.empty() ? "the tables it writes" : o.table;
      std::string l = "IX on " + table;
      if (!llvm::is_contained(locks, l))
        locks.push_back(l);
      locks.push_back("X on " + std::to_string(o.rows) + " rows of " + table + " (#" +
                      std::to_string(&o - rh.ops.data() + 1) + ")");
    }
    if (!locks.empty())
      locks.push_back("next-key locks on the index ranges the writes scan");
    return locks;
  }

private:
  static LiteralColumn column(const std::string &name, const std::string &type,
                              const std::string &charset) {
    static const llvm::StringSet<> numbers = {
        "tinyint", "smallint", "mediumint", "int",   "integer", "bigint",
        "decimal", "numeric",  "float",     "double", "real",   "year"};
    static const llvm::StringSet<> strings = {"char",     "varchar",  "tinytext", "text",
                                              "mediumtext", "longtext", "enum",     "set",
                                              "json"};
    static const llvm::StringSet<> times = {"date", "datetime", "timestamp", "time"};
    std::string x(1, kColumnHole), t = llvm::StringRef(type).lower();
    auto orNull = [&](const std::string &e) { return "IFNULL(" + e + ", 'NULL')"; };
    std::string hex = "CONCAT('X''', HEX(" + x + "), '''')";
    if (numbers.contains(t))
      return {name, orNull("CAST(" + x + " AS CHAR)"), x};
    if (strings.contains(t) && !charset.empty())
      return {name, orNull("CONCAT('_" + charset + " X''', HEX(" + x + "), '''')"), x};
    if (times.contains(t))
      return {name, orNull("CONCAT('''', CAST(" + x + " AS CHAR), '''')"), x};
    if (t == "bit")
      return {name, orNull("CONCAT('b''', BIN(" + x + "), '''')"),
              "CONCAT('b''', BIN(" + x + "), '''')"};
    // Bytes (BINARY, VARBINARY, BLOB) and anything else, as its bytes.
    return {name, orNull(hex), hex};
  }

  MySqlDb &db;
};

/// The GET_LOCK apply takes, for `body` in one transaction.
MaybeFailure underApplyLock(MySqlDb &db, unsigned lockTimeoutMs,
                            const std::function<void()> &waiting,
                            const std::function<MaybeFailure()> &body) {
  auto fail = [](llvm::Error e) { return BatchFailure{describeMySqlFailure(std::move(e)).message}; };
  std::string name = mysqlLockNameSql();
  auto got = db.query("SELECT GET_LOCK(" + name + ", 0)");
  if (!got)
    return fail(got.takeError());
  if (got->empty() || got->front().front() != std::optional<std::string>("1")) {
    if (waiting)
      waiting();
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.3f", lockTimeoutMs ? lockTimeoutMs / 1000.0 : 31536000.0);
    got = db.query("SELECT GET_LOCK(" + name + ", " + secs + ")");
    if (!got)
      return fail(got.takeError());
    if (got->empty() || got->front().front() != std::optional<std::string>("1"))
      return BatchFailure{lockBusyMessage("GET_LOCK timed out after " +
                                          std::to_string(lockTimeoutMs) + " ms")};
  }
  MaybeFailure f;
  if (auto r = db.exec("START TRANSACTION"); !r) {
    f = fail(r.takeError());
  } else if ((f = body())) {
    if (auto rb = db.exec("ROLLBACK"); !rb)
      llvm::consumeError(rb.takeError());
  } else if (auto c = db.exec("COMMIT"); !c) {
    f = fail(c.takeError());
  }
  if (auto r = db.query("SELECT RELEASE_LOCK(" + name + ")"); !r)
    llvm::consumeError(r.takeError());
  return f;
}

} // namespace

std::unique_ptr<LiteralStore> shc::mysqlLiteralStore(MySqlDb &db) {
  return std::make_unique<MySqlStore>(db);
}

RevertReport shc::revertMySql(MySqlDb &db, llvm::StringRef migration, const RevertOptions &opts) {
  RevertReport report;
  if (opts.lockTimeoutMs) {
    std::string secs = std::to_string((opts.lockTimeoutMs + 999) / 1000);
    if (auto r = db.exec("SET SESSION innodb_lock_wait_timeout = " + secs); !r) {
      report.error = describeMySqlFailure(r.takeError()).message;
      return report;
    }
  }
  MySqlStore store(db);
  if (MaybeFailure f = underApplyLock(db, opts.lockTimeoutMs, opts.waiting, [&] {
        return revertLiteralBackups(store, migration, opts, ledgerTableName(), report);
      })) {
    report = RevertReport();
    report.error = f->message;
  }
  return report;
}

llvm::Expected<std::vector<BackupSummary>> shc::listMySqlBackups(MySqlDb &db) {
  MySqlStore store(db);
  return listLiteralBackups(store);
}

llvm::Expected<uint64_t> shc::pruneMySqlBackups(MySqlDb &db, uint64_t olderThanMs) {
  MySqlStore store(db);
  uint64_t pruned = 0;
  if (MaybeFailure f = underApplyLock(db, 0, nullptr, [&] {
        return pruneLiteralBackups(store, olderThanMs, pruned);
      }))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), f->message);
  return pruned;
}

llvm::Expected<double> shc::estimateMySqlBackupBytes(MySqlDb &db, llvm::StringRef schema,
                                                     llvm::StringRef table,
                                                     const std::vector<std::string> &columns,
                                                     double rows) {
  std::string where = "TABLE_SCHEMA = " + (schema.empty() ? "DATABASE()" : db.quote(schema)) +
                      " AND TABLE_NAME = " + db.quote(table);
  auto size = db.query("SELECT AVG_ROW_LENGTH FROM information_schema.TABLES WHERE " + where);
  if (!size)
    return size.takeError();
  if (size->empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "table " + table + " does not exist");
  auto names = db.query("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE " + where);
  if (!names)
    return names.takeError();
  std::string qualified =
      (schema.empty() ? "" : mysqlWriter().identifier(schema) + ".") + mysqlWriter().identifier(table);
  llvm::Expected<std::vector<MySqlKeyColumn>> key = mysqlTableKey(db, qualified);
  if (!key)
    return key.takeError();
  double rowBytes = std::strtod(size->front().front().value_or("0").c_str(), nullptr);
  double perColumn = names->empty() ? 0 : rowBytes / names->size();
  // A literal in JSON: about twice the value's bytes, its name, quotes.
  auto json = [&](size_t n) { return n * (2 * perColumn + 16); };
  double perRow = 120 + json(key->size());
  perRow += columns.empty() ? json(names->size()) : 2 * json(columns.size());
  return perRow * rows;
}
