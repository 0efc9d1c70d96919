//===- SqliteBatches.cpp - batched apply on SQLite ------------------------===//

#include "backends/sqlite/SqliteBatches.h"

#include "backends/common/RangeBatches.h"
#include "backends/sqlite/SqliteDb.h"
#include "backends/sqlite/SqliteEmitter.h"

#include "llvm/ADT/StringExtras.h"

#include <sqlite3.h>

using namespace shc;

namespace {

class SqliteBatches : public RangeBatches {
public:
  SqliteBatches(SqliteDb &db, SqliteBatchHooks hooks)
      : RangeBatches(sqliteWriter()), db(db), hooks(std::move(hooks)) {}

  MaybeFailure begin() override { return hooks.begin(); }
  MaybeFailure commit() override { return hooks.exec("COMMIT", nullptr); }
  void rollback() override {
    if (!sqlite3_get_autocommit(db.get()))
      (void)hooks.exec("ROLLBACK", nullptr);
  }

  MaybeFailure decide(const LedgerRecord &r, bool &skip) override {
    llvm::Expected<std::optional<std::string>> seen = hooks.ledgerChecksum(r.name);
    if (!seen)
      return BatchFailure{llvm::toString(seen.takeError())};
    skip = *seen && **seen == r.checksum;
    if (*seen && !skip && !r.idempotent)
      return BatchFailure{sqliteChangedMigrationError(r)};
    return std::nullopt;
  }

protected:
  MaybeFailure execute(llvm::StringRef sql, uint64_t *rows) override {
    return hooks.exec(sql, rows);
  }

  MaybeFailure select(const std::string &sql,
                      std::vector<std::vector<std::string>> &rows) override {
    return sqliteSelect(db, hooks, sql, rows);
  }

  bool tableExists(llvm::StringRef name) override { return sqliteTableExists(db, hooks, name); }

  /// The rowid, unless the table is WITHOUT ROWID (its primary key, whose
  /// columns SQLite keeps NOT NULL) or a column hides every rowid name.
  llvm::Expected<Key> readKey(const std::string &table) override {
    std::vector<std::string> parts = splitQualifiedName(table, '"');
    std::string schema = parts.size() > 1 ? parts.front() : "main", name = parts.back();
    hooks.arm();
    auto listed = db.query("SELECT wr FROM pragma_table_list WHERE schema = ?1 AND name = ?2 AND "
                           "type = 'table'",
                           {schema, name});
    if (!listed)
      return listed.takeError();
    if (listed->empty())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "table " + table + " does not exist");
    auto columns = db.query(
        "SELECT name, pk FROM pragma_table_info(?1, ?2) ORDER BY pk, cid", {name, schema});
    if (!columns)
      return columns.takeError();
    Key k;
    if (listed->front().front() == "1") {
      for (const auto &c : *columns)
        if (c[1] != "0") {
          k.columns.push_back(sqliteWriter().identifier(c[0]));
          k.reads.push_back("quote(" + k.columns.back() + ")");
          k.numeric.push_back(false);
        }
      return k;
    }
    for (llvm::StringRef rowid : {"rowid", "_rowid_", "oid"}) {
      bool hidden = llvm::any_of(*columns, [&](const std::vector<std::string> &c) {
        return llvm::StringRef(c[0]).equals_insensitive(rowid);
      });
      if (!hidden) {
        k.columns = {rowid.str()};
        k.reads = {rowid.str()};
        k.numeric = {true};
        return k;
      }
    }
    return k;
  }

  std::string createCheckpointTable() const override {
    return "CREATE TABLE IF NOT EXISTS " + batchTableName().str() +
           " (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, op INTEGER NOT NULL, last_key "
           "TEXT, rows_done INTEGER NOT NULL, batches_done INTEGER NOT NULL, batch_size INTEGER "
           "NOT NULL, updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))";
  }

  /// A primary key's value is read with quote(), which gives its literal.
  std::string keyLiteral(const Key &k, size_t column, const std::string &value) const override {
    if (llvm::StringRef(k.reads[column]).startswith("quote(") && isLiteral(value))
      return value;
    return RangeBatches::keyLiteral(k, column, value);
  }

private:
  /// What quote() writes: 'text' (quotes doubled), X'hex', a number.
  static bool isLiteral(llvm::StringRef v) {
    if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') {
      llvm::StringRef body = v.drop_front().drop_back();
      for (size_t i = 0; i < body.size(); ++i)
        if (body[i] == '\'' && (i + 1 == body.size() || body[++i] != '\''))
          return false;
      return true;
    }
    if (v.size() >= 3 && v.startswith("X'") && v.back() == '\'')
      return llvm::all_of(v.drop_front(2).drop_back(), llvm::isHexDigit);
    return !v.empty() && v.find_first_not_of("0123456789+-.eE") == llvm::StringRef::npos;
  }

  SqliteDb &db;
  SqliteBatchHooks hooks;
};

} // namespace

MaybeFailure shc::sqliteSelect(SqliteDb &db, const SqliteBatchHooks &hooks, const std::string &sql,
                               std::vector<std::vector<std::string>> &rows) {
  hooks.arm();
  llvm::Expected<std::vector<std::vector<std::string>>> r = db.query(sql);
  if (!r)
    return BatchFailure{llvm::toString(r.takeError())};
  rows = std::move(*r);
  return std::nullopt;
}

bool shc::sqliteTableExists(SqliteDb &db, const SqliteBatchHooks &hooks, llvm::StringRef name) {
  hooks.arm();
  auto r = db.queryOne("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                       {name.str()});
  if (!r) {
    llvm::consumeError(r.takeError());
    return false;
  }
  return r->has_value();
}

std::unique_ptr<BatchSession> shc::sqliteBatchSession(SqliteDb &db, SqliteBatchHooks hooks,
                                                     LiteralBackups *backups) {
  auto session = std::make_unique<SqliteBatches>(db, std::move(hooks));
  session->backUpWith(backups);
  return session;
}
