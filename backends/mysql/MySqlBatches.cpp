//===- MySqlBatches.cpp - batched apply on MySQL and MariaDB --------------===//

#include "backends/mysql/MySqlBatches.h"

#include "backends/common/LedgerText.h"
#include "backends/common/RangeBatches.h"
#include "backends/mysql/MySqlApply.h"
#include "backends/mysql/MySqlDb.h"
#include "backends/mysql/MySqlEmitter.h"

#include "llvm/ADT/StringSet.h"

using namespace shc;

namespace {

class MySqlBatches : public RangeBatches {
public:
  MySqlBatches(MySqlDb &db, MySqlLedgerRead ledgerChecksum)
      : RangeBatches(mysqlWriter()), db(db), ledgerChecksum(std::move(ledgerChecksum)) {}

  MaybeFailure begin() override { return execute("START TRANSACTION", nullptr); }
  MaybeFailure commit() override { return execute("COMMIT", nullptr); }
  void rollback() override { (void)execute("ROLLBACK", nullptr); }

  MaybeFailure decide(const LedgerRecord &r, bool &skip) override {
    llvm::Expected<std::optional<std::string>> seen = ledgerChecksum(r.name);
    if (!seen)
      return failure(seen.takeError());
    skip = *seen && **seen == r.checksum;
    if (*seen && !skip && !r.idempotent)
      return BatchFailure{changedMigrationError(r)};
    return std::nullopt;
  }

protected:
  MaybeFailure execute(llvm::StringRef sql, uint64_t *rows) override {
    return mysqlExecute(db, sql, rows, /*retryLockWaits=*/true);
  }

  MaybeFailure select(const std::string &sql,
                      std::vector<std::vector<std::string>> &rows) override {
    return mysqlSelect(db, sql, rows, /*retryLockWaits=*/true);
  }

  bool tableExists(llvm::StringRef name) override {
    auto r = db.query("SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() "
                      "AND table_name = " +
                      db.quote(name));
    if (!r) {
      llvm::consumeError(r.takeError());
      return false;
    }
    return !r->empty();
  }

  /// The table's key (mysqlTableKey): numbers written back bare.
  llvm::Expected<Key> readKey(const std::string &table) override {
    llvm::Expected<std::vector<MySqlKeyColumn>> columns = mysqlTableKey(db, table);
    if (!columns)
      return columns.takeError();
    static const llvm::StringSet<> numeric = {"tinyint", "smallint", "mediumint", "int",
                                              "integer", "bigint",   "decimal",   "numeric",
                                              "float",   "double",   "year"};
    Key k;
    for (const MySqlKeyColumn &c : *columns) {
      k.columns.push_back(mysqlWriter().identifier(c.name));
      k.reads.push_back(k.columns.back());
      k.numeric.push_back(numeric.contains(llvm::StringRef(c.type).lower()));
    }
    return k;
  }

  std::string createCheckpointTable() const override {
    return "CREATE TABLE IF NOT EXISTS " + batchTableName().str() +
           " (name VARCHAR(255) NOT NULL PRIMARY KEY, checksum CHAR(64) NOT NULL, op INT NOT "
           "NULL, last_key LONGTEXT, rows_done BIGINT NOT NULL, batches_done BIGINT NOT NULL, "
           "batch_size INT NOT NULL, updated_at DATETIME(6) NOT NULL DEFAULT "
           "CURRENT_TIMESTAMP(6)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
  }

  /// MySQL's DELETE names an alias before FROM.
  std::string deleteFrom(const RowWrite &w) const override {
    return mysqlDeleteFrom(w);
  }

private:
  static BatchFailure failure(llvm::Error e) { return mysqlFailure(std::move(e), true); }

  MySqlDb &db;
  MySqlLedgerRead ledgerChecksum;
};

} // namespace

BatchFailure shc::mysqlFailure(llvm::Error e, bool retryLockWaits) {
  MySqlFailure f = describeMySqlFailure(std::move(e));
  bool retryable = (f.code == myerr::Deadlock ||
                    (retryLockWaits && f.code == myerr::LockWaitTimeout)) &&
                   !f.connectionLost;
  return BatchFailure{f.message, retryable};
}

MaybeFailure shc::mysqlExecute(MySqlDb &db, llvm::StringRef sql, uint64_t *rows,
                               bool retryLockWaits) {
  for (const MySqlStatement &st : splitMySqlStatements(sql)) {
    llvm::Expected<uint64_t> n = db.exec(st.text);
    if (!n)
      return mysqlFailure(n.takeError(), retryLockWaits);
    if (rows && !st.writesLedger)
      *rows += *n;
  }
  return std::nullopt;
}

MaybeFailure shc::mysqlSelect(MySqlDb &db, const std::string &sql,
                              std::vector<std::vector<std::string>> &rows, bool retryLockWaits) {
  llvm::Expected<MySqlRows> r = db.query(sql);
  if (!r)
    return mysqlFailure(r.takeError(), retryLockWaits);
  rows.clear();
  for (const auto &row : *r) {
    rows.emplace_back();
    for (const auto &v : row)
      rows.back().push_back(v.value_or(""));
  }
  return std::nullopt;
}

std::string shc::mysqlDeleteFrom(const RowWrite &w) {
  if (w.alias.empty())
    return "DELETE FROM " + w.table;
  return "DELETE " + w.alias + " FROM " + w.table + " AS " + w.alias;
}

llvm::Expected<std::vector<MySqlKeyColumn>> shc::mysqlTableKey(MySqlDb &db,
                                                              const std::string &table) {
  std::vector<std::string> parts = splitQualifiedName(table, '`');
  std::string schema = parts.size() > 1 ? db.quote(parts.front()) : "DATABASE()";
  std::string name = db.quote(parts.back());
  auto exists = db.query("SELECT 1 FROM information_schema.tables WHERE table_schema = " + schema +
                         " AND table_name = " + name);
  if (!exists)
    return exists.takeError();
  if (exists->empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "table " + table + " does not exist");
  auto rows = db.query(
      "SELECT s.INDEX_NAME, s.COLUMN_NAME, c.DATA_TYPE, c.IS_NULLABLE, s.SUB_PART IS NULL FROM "
      "information_schema.STATISTICS s JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = "
      "s.TABLE_SCHEMA AND c.TABLE_NAME = s.TABLE_NAME AND c.COLUMN_NAME = s.COLUMN_NAME WHERE "
      "s.TABLE_SCHEMA = " +
      schema + " AND s.TABLE_NAME = " + name +
      " AND s.NON_UNIQUE = 0 ORDER BY s.INDEX_NAME <> 'PRIMARY', s.INDEX_NAME, s.SEQ_IN_INDEX");
  if (!rows)
    return rows.takeError();
  std::vector<MySqlKeyColumn> key;
  bool usable = false;
  std::string index;
  for (const auto &r : *rows) {
    std::string idx = r[0].value_or("");
    if (idx != index) {
      if (usable && !key.empty())
        return key;
      index = idx;
      key.clear();
      usable = true;
    }
    usable = usable && r[3].value_or("") == "NO" && r[4].value_or("") == "1";
    key.push_back({r[1].value_or(""), r[2].value_or("")});
  }
  if (!usable)
    key.clear();
  return key;
}

std::unique_ptr<BatchSession> shc::mysqlBatchSession(MySqlDb &db, MySqlLedgerRead ledgerChecksum,
                                                    LiteralBackups *backups) {
  auto session = std::make_unique<MySqlBatches>(db, std::move(ledgerChecksum));
  session->backUpWith(backups);
  return session;
}
