//===- Revert.cpp - revert and the backups commands on PostgreSQL ---------===//

#include "backends/postgres/Revert.h"

#include "backends/postgres/ApplyLock.h"
#include "backends/postgres/Connection.h"
#include "backends/postgres/Ledger.h"
#include "backends/postgres/PostgresBackend.h"
#include "backends/postgres/RowBackup.h"

#include "llvm/ADT/StringExtras.h"

using namespace shc;

namespace {

/// One operation of one backed-up apply: its rows are restored together.
struct Group {
  std::string txid, op, table, kind, firstId;
};

class Reverter {
public:
  Reverter(Connection &conn, llvm::StringRef migration, const RevertOptions &opts)
      : conn(conn), migration(postgresWriter().stringLiteral(migration)), name(migration),
        opts(opts) {}

  llvm::Error run(RevertReport &report) {
    llvm::Expected<Rows> exists =
        conn.query("SELECT to_regclass($1) IS NOT NULL", {backupTableName().str()});
    if (!exists)
      return exists.takeError();
    if (exists->front().front() != std::optional<std::string>("t"))
      return error("no backups in this database: apply with --backup first");
    llvm::Expected<Rows> groups = conn.query(
        "SELECT txid::text, op::text, table_name, kind, min(id)::text FROM " + table() +
            " WHERE migration = $1 AND reverted_at IS NULL AND kind <> 'applied' GROUP BY 1, 2, "
            "3, 4 ORDER BY min(id) DESC",
        {name.str()});
    if (!groups)
      return groups.takeError();
    llvm::Expected<Rows> applies = conn.query(
        "SELECT count(*) FROM " + table() +
            " WHERE migration = $1 AND kind = 'applied' AND reverted_at IS NULL",
        {name.str()});
    if (!applies)
      return applies.takeError();
    if (groups->empty() && applies->front().front() == std::optional<std::string>("0"))
      return error("no backup of migration '" + name +
                   "' to revert: it was not applied with --backup, or was reverted already");
    for (const auto &row : *groups) {
      Group g{*row[0], *row[1], *row[2], *row[3], *row[4]};
      if (llvm::Error e = revertGroup(g, report))
        return e;
    }
    if (auto r = conn.exec("UPDATE " + table() + " SET reverted_at = now() WHERE migration = " +
                           migration + " AND kind = 'applied' AND reverted_at IS NULL");
        !r)
      return r.takeError();
    llvm::Expected<Rows> ledger =
        conn.query("SELECT to_regclass($1) IS NOT NULL", {ledgerTableName().str()});
    if (!ledger)
      return ledger.takeError();
    if (ledger->front().front() == std::optional<std::string>("t"))
      if (auto r = conn.exec("DELETE FROM " + ledgerTableName().str() + " WHERE name = " +
                             migration);
          !r)
        return r.takeError();
    return llvm::Error::success();
  }

private:
  static llvm::Error error(const llvm::Twine &message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
  }
  static std::string table() { return backupTableName().str(); }

  llvm::Expected<std::vector<std::string>> column(const std::string &sql,
                                                  llvm::ArrayRef<std::string> params = {}) {
    llvm::Expected<Rows> rows = conn.query(sql, params);
    if (!rows)
      return rows.takeError();
    std::vector<std::string> out;
    for (const auto &row : *rows)
      out.push_back(row.front().value_or(""));
    return out;
  }

  /// The backup rows of `g` that are still pending.
  std::string inGroup(const Group &g) const {
    return "shc_b.migration = " + migration + " AND shc_b.txid = " + g.txid +
           " AND shc_b.op = " + g.op + " AND shc_b.reverted_at IS NULL";
  }

  llvm::Error conflicts(const std::string &sql, const Group &g, RevertReport &report) {
    llvm::Expected<Rows> rows = conn.query(sql);
    if (!rows)
      return rows.takeError();
    for (const auto &row : *rows)
      report.conflicts.push_back({g.table, row[0].value_or(""), row[1].value_or("")});
    return llvm::Error::success();
  }

  llvm::Error markReverted(const std::vector<std::string> &ids, RevertReport &report) {
    report.restored += ids.size();
    if (ids.empty())
      return llvm::Error::success();
    auto r = conn.exec("UPDATE " + table() + " SET reverted_at = now() WHERE id IN (" +
                       llvm::join(ids, ", ") + ")");
    return r ? llvm::Error::success() : r.takeError();
  }

  llvm::Error revertGroup(const Group &g, RevertReport &report) {
    std::string from = table() + " AS shc_b";
    llvm::Expected<std::vector<std::string>> key = column(
        "SELECT jsonb_object_keys(key) FROM " + table() + " WHERE id = " + g.firstId);
    if (!key)
      return key.takeError();
    std::string keyT = jsonObject(*key, "shc_t");
    std::string target = g.table + " AS shc_t";
    if (g.kind == "update") {
      llvm::Expected<std::vector<std::string>> cols = column(
          "SELECT jsonb_object_keys(before) FROM " + table() + " WHERE id = " + g.firstId);
      if (!cols)
        return cols.takeError();
      std::string valsT = jsonObject(*cols, "shc_t");
      if (llvm::Error e = conflicts(
              "SELECT shc_b.key::text, CASE WHEN shc_t.ctid IS NULL THEN 'deleted since' ELSE "
              "'changed since' END FROM " + from + " LEFT JOIN " + target + " ON " + keyT +
                  " = shc_b.key WHERE " + inGroup(g) + " AND (shc_t.ctid IS NULL" +
                  (opts.force ? "" : " OR " + valsT + " IS DISTINCT FROM shc_b.after") +
                  ") ORDER BY shc_b.id",
              g, report))
        return e;
      std::string set;
      for (const std::string &c : *cols)
        set += (set.empty() ? "" : ", ") + postgresWriter().identifier(c) + " = shc_r." +
               postgresWriter().identifier(c);
      llvm::Expected<std::vector<std::string>> ids =
          column("UPDATE " + target + " SET " + set + " FROM " + from +
                 ", LATERAL jsonb_populate_record(NULL::" + g.table +
                 ", shc_b.before) AS shc_r WHERE " + inGroup(g) + " AND " + keyT +
                 " = shc_b.key" + (opts.force ? "" : " AND " + valsT + " = shc_b.after") +
                 " RETURNING shc_b.id");
      if (!ids)
        return ids.takeError();
      return markReverted(*ids, report);
    }
    // A DELETE: put the rows back where no row has their key.
    if (opts.force) {
      if (auto r = conn.exec("DELETE FROM " + target + " USING " + from + " WHERE " +
                             inGroup(g) + " AND " + keyT + " = shc_b.key");
          !r)
        return r.takeError();
    } else if (llvm::Error e = conflicts("SELECT shc_b.key::text, 'a row with this key exists' "
                                         "FROM " + from + " JOIN " + target + " ON " + keyT +
                                             " = shc_b.key WHERE " + inGroup(g) +
                                             " ORDER BY shc_b.id",
                                         g, report)) {
      return e;
    }
    llvm::Expected<std::vector<std::string>> cols = column(
        "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND "
        "NOT attisdropped AND attgenerated = '' ORDER BY attnum",
        {g.table});
    if (!cols)
      return cols.takeError();
    llvm::Expected<std::vector<std::string>> ids =
        column("UPDATE " + from + " SET reverted_at = now() WHERE " + inGroup(g) +
               " AND NOT EXISTS (SELECT 1 FROM " + target + " WHERE " + keyT +
               " = shc_b.key) RETURNING shc_b.id");
    if (!ids)
      return ids.takeError();
    if (!ids->empty())
      if (auto r = conn.exec("INSERT INTO " + g.table + " (" + columnList(*cols, "") +
                             ") OVERRIDING SYSTEM VALUE SELECT " + columnList(*cols, "shc_r") +
                             " FROM " + from + ", LATERAL jsonb_populate_record(NULL::" +
                             g.table + ", shc_b.before) AS shc_r WHERE shc_b.id IN (" +
                             llvm::join(*ids, ", ") + ") ORDER BY shc_b.id");
          !r)
        return r.takeError();
    report.restored += ids->size();
    return llvm::Error::success();
  }

  Connection &conn;
  std::string migration; ///< as a literal
  llvm::StringRef name;
  const RevertOptions &opts;
};

} // namespace

RevertReport shc::revertMigration(Connection &conn, llvm::StringRef migration,
                                  const RevertOptions &opts) {
  RevertReport report;
  auto fail = [&](llvm::Error e) {
    report = RevertReport();
    report.error = describeFailure(std::move(e)).message;
  };
  if (opts.lockTimeoutMs)
    if (auto r = conn.exec("SET lock_timeout = " + llvm::utostr(opts.lockTimeoutMs)); !r) {
      fail(r.takeError());
      return report;
    }
  std::unique_ptr<ApplyLock> lock = ApplyLock::create(/*advisoryLocks=*/true);
  if (llvm::Error e = lock->acquire(conn, opts.waiting)) {
    Failure f = describeFailure(std::move(e));
    report.error = isLockWaitTimeout(f.sqlstate)
                       ? "another apply holds the lock on this database; gave up waiting (" +
                             f.message + ")"
                       : f.message;
    return report;
  }
  if (auto r = conn.exec("BEGIN"); !r) {
    fail(r.takeError());
  } else if (llvm::Error e = Reverter(conn, migration, opts).run(report)) {
    fail(std::move(e));
    if (auto rb = conn.exec("ROLLBACK"); !rb)
      llvm::consumeError(rb.takeError());
  } else if (auto c = conn.exec("COMMIT"); !c) {
    fail(c.takeError());
  }
  lock->release(conn);
  return report;
}

llvm::Expected<std::vector<BackupSummary>> shc::listBackups(Connection &conn) {
  std::vector<BackupSummary> out;
  llvm::Expected<Rows> exists =
      conn.query("SELECT to_regclass($1) IS NOT NULL", {backupTableName().str()});
  if (!exists)
    return exists.takeError();
  if (exists->front().front() != std::optional<std::string>("t"))
    return out;
  llvm::Expected<Rows> rows = conn.query(
      "SELECT migration, COALESCE(string_agg(DISTINCT table_name, ', ') FILTER (WHERE kind <> "
      "'applied'), ''), to_char(min(taken_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS\"Z\"'), "
      "count(*) FILTER (WHERE kind <> 'applied'), count(*) FILTER (WHERE kind <> 'applied' AND "
      "reverted_at IS NOT NULL), bool_or(kind = 'applied' AND reverted_at IS NOT NULL), "
      "sum(pg_column_size(b.*)) FROM " + backupTableName().str() +
      " AS b GROUP BY migration, txid ORDER BY min(id)");
  if (!rows)
    return rows.takeError();
  for (const auto &r : *rows) {
    BackupSummary s;
    s.migration = r[0].value_or("");
    s.tables = r[1].value_or("");
    s.takenAt = r[2].value_or("");
    llvm::StringRef(r[3].value_or("0")).getAsInteger(10, s.rows);
    llvm::StringRef(r[4].value_or("0")).getAsInteger(10, s.revertedRows);
    s.reverted = r[5].value_or("f") == "t";
    llvm::StringRef(r[6].value_or("0")).getAsInteger(10, s.bytes);
    out.push_back(std::move(s));
  }
  return out;
}

llvm::Expected<uint64_t> shc::pruneBackups(Connection &conn, uint64_t olderThanMs) {
  llvm::Expected<Rows> exists =
      conn.query("SELECT to_regclass($1) IS NOT NULL", {backupTableName().str()});
  if (!exists)
    return exists.takeError();
  if (exists->front().front() != std::optional<std::string>("t"))
    return 0;
  llvm::Expected<Rows> rows = conn.query(
      "WITH gone AS (DELETE FROM " + backupTableName().str() +
          " WHERE taken_at < now() - $1::bigint * interval '1 millisecond' RETURNING kind) "
          "SELECT count(*) FILTER (WHERE kind <> 'applied') FROM gone",
      {std::to_string(olderThanMs)});
  if (!rows)
    return rows.takeError();
  uint64_t n = 0;
  llvm::StringRef(rows->front().front().value_or("0")).getAsInteger(10, n);
  return n;
}
