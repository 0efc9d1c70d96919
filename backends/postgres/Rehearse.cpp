//===- Rehearse.cpp - apply --rehearse on PostgreSQL ----------------------===//

#include "backends/postgres/Rehearse.h"

#include "backends/common/LiteralRehearse.h"

#include "backends/postgres/Connection.h"
#include "backends/postgres/Ledger.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <chrono>

using namespace shc;

/// Runs the read `sql` in a savepoint that is rolled back at once, so that
/// the locks it takes are released and an error leaves the transaction
/// usable.
static llvm::Expected<Rows> readAndForget(Connection &conn, const std::string &sql,
                                          llvm::ArrayRef<std::string> params = {}) {
  if (auto s = conn.exec("SAVEPOINT shc_read"); !s)
    return s.takeError();
  llvm::Expected<Rows> rows = conn.query(sql, params);
  if (auto r = conn.exec("ROLLBACK TO SAVEPOINT shc_read; RELEASE SAVEPOINT shc_read"); !r) {
    if (rows)
      return r.takeError();
    llvm::consumeError(r.takeError());
  }
  return rows;
}

llvm::Expected<std::vector<std::string>> shc::heldLocks(Connection &conn) {
  static const char *sql =
      "SELECT l.mode || ' on ' || CASE l.locktype WHEN 'relation' THEN l.relation::regclass::text "
      "WHEN 'tuple' THEN 'a row of ' || l.relation::regclass::text "
      "WHEN 'transactionid' THEN 'its transaction id' WHEN 'virtualxid' THEN 'its virtual "
      "transaction id' WHEN 'advisory' THEN 'advisory lock ' || ((l.classid::bigint << 32) | "
      "l.objid::bigint) ELSE l.locktype END FROM pg_locks l WHERE l.pid = pg_backend_pid() AND "
      "l.granted AND NOT (l.locktype = 'relation' AND l.relation IN (SELECT oid FROM pg_class "
      "WHERE relnamespace = 'pg_catalog'::regnamespace)) ORDER BY 1";
  llvm::Expected<Rows> rows = conn.query(sql);
  if (!rows)
    return rows.takeError();
  std::vector<std::string> locks;
  for (const auto &row : *rows)
    if (!row.empty() && row.front())
      locks.push_back(*row.front());
  return locks;
}

/// The first `n` rows (in key order) the write changes, as key and values.
static std::string sampleSql(const RowWrite &w, const std::vector<std::string> &key,
                             llvm::StringRef limit, llvm::StringRef offset = "") {
  std::string row = rowName(w);
  std::string s = "SELECT " + jsonObject(key, row) + "::text, " + changedValues(w) +
                  "::text FROM " + fromItem(w) + whereClause(w) + " ORDER BY " +
                  columnList(key, row) + " LIMIT " + limit.str();
  if (!offset.empty())
    s += " OFFSET " + offset.str();
  return s;
}

/// The write, restricted to its first `n` rows in key order.
static std::string prefixStatement(const RowWrite &w, const std::vector<std::string> &key,
                                   uint64_t n) {
  std::string row = rowName(w);
  std::string rows = " WHERE " + jsonObject(key, row) + " IN (SELECT " + jsonObject(key, "") +
                     " FROM " + fromItem(w) + whereClause(w) + " ORDER BY " +
                     columnList(key, "") + " LIMIT " + std::to_string(n) + ")";
  return writeHead(w) + rows;
}

/// The key of the first row (in key order) whose change makes the write
/// fail: the shortest failing prefix, found by bisection in savepoints. ""
/// when the failure does not depend on a row.
static std::string offendingKey(Connection &conn, const RowWrite &w,
                                const std::vector<std::string> &key) {
  llvm::Expected<Rows> count =
      readAndForget(conn, "SELECT count(*) FROM " + fromItem(w) + whereClause(w));
  uint64_t n = 0;
  if (!count || count->empty() || !count->front().front() ||
      llvm::StringRef(*count->front().front()).getAsInteger(10, n)) {
    if (!count)
      llvm::consumeError(count.takeError());
    return "";
  }
  auto fails = [&](uint64_t k) {
    if (auto s = conn.exec("SAVEPOINT shc_probe"); !s) {
      llvm::consumeError(s.takeError());
      return false;
    }
    auto r = conn.exec(prefixStatement(w, key, k));
    bool failed = !r;
    if (!r)
      llvm::consumeError(r.takeError());
    if (auto b = conn.exec("ROLLBACK TO SAVEPOINT shc_probe; RELEASE SAVEPOINT shc_probe"); !b)
      llvm::consumeError(b.takeError());
    return failed;
  };
  uint64_t lo = firstFailingPrefix(n, fails);
  if (lo == 0)
    return "";
  llvm::Expected<Rows> row = readAndForget(conn, sampleSql(w, key, "1", std::to_string(lo - 1)));
  if (!row) {
    llvm::consumeError(row.takeError());
    return "";
  }
  return row->empty() || !row->front().front() ? "" : *row->front().front();
}

llvm::Error RehearseHooks::runOp(Connection &conn, const ScriptOp &op, OpRehearsal &o,
                                 std::vector<StatementResult> &results) {
  o.kind = op.kind;
  const std::vector<std::string> *key = nullptr;
  if (op.write) {
    o.table = op.write->table;
    o.isDelete = op.write->isDelete;
    o.columns = op.write->columns;
    // In a savepoint: a failed lookup must not abort the rehearsal.
    if (auto sp = conn.exec("SAVEPOINT shc_key"); !sp)
      return sp.takeError();
    llvm::Expected<const std::vector<std::string> *> k = keys.get(conn, op.write->table);
    if (auto r = conn.exec(k ? "RELEASE SAVEPOINT shc_key"
                             : "ROLLBACK TO SAVEPOINT shc_key; RELEASE SAVEPOINT shc_key");
        !r) {
      if (!k)
        llvm::consumeError(k.takeError());
      return r.takeError();
    }
    if (!k)
      o.note = llvm::toString(k.takeError());
    else if ((*k)->empty())
      o.note = "table " + o.table + " has no primary key or unique NOT NULL key: no sample";
    else
      key = *k;
  } else {
    o.note = op.whyNoWrite.empty() ? "the rows it changes cannot be named" : op.whyNoWrite;
  }
  if (key && sampleRows) {
    llvm::Expected<Rows> before =
        readAndForget(conn, sampleSql(*op.write, *key, std::to_string(sampleRows)));
    if (!before)
      o.note = "no sample: " + describeFailure(before.takeError()).message;
    else
      for (const auto &row : *before)
        o.samples.push_back({row[0].value_or(""), row[1].value_or("null"), ""});
  }
  if (auto s = conn.exec("SAVEPOINT shc_op"); !s)
    return s.takeError();
  auto r = conn.exec(op.sql);
  if (!r) {
    Failure f = describeFailure(r.takeError());
    o.error = f.message;
    if (!f.connectionLost) {
      if (auto b = conn.exec("ROLLBACK TO SAVEPOINT shc_op"); !b)
        llvm::consumeError(b.takeError());
      else if (key)
        o.offendingKey = offendingKey(conn, *op.write, *key);
    }
    return llvm::make_error<DatabaseError>(f.message, f.sqlstate, f.connectionLost);
  }
  o.ran = true;
  for (const StatementResult &s : *r)
    o.rows += s.rows;
  results.insert(results.end(), r->begin(), r->end());
  if (!o.samples.empty() && !o.isDelete) {
    std::string keysJson = "[";
    for (const RowSample &s : o.samples)
      keysJson += (keysJson.size() > 1 ? "," : "") + s.key;
    keysJson += "]";
    std::string row = rowName(*op.write);
    llvm::Expected<Rows> after = readAndForget(
        conn,
        "SELECT " + jsonObject(*key, row) + "::text, " + changedValues(*op.write) +
            "::text FROM " + fromItem(*op.write) + " WHERE " + jsonObject(*key, row) +
            " IN (SELECT jsonb_array_elements($1::jsonb))",
        {keysJson});
    if (!after)
      o.note = "no values after: " + describeFailure(after.takeError()).message;
    else
      for (const auto &row : *after)
        for (RowSample &s : o.samples)
          if (row[0] && s.key == *row[0])
            s.after = row[1].value_or("null");
  }
  if (auto s = conn.exec("RELEASE SAVEPOINT shc_op"); !s)
    return s.takeError();
  return llvm::Error::success();
}

llvm::Expected<std::vector<StatementResult>>
RehearseHooks::runStep(Connection &conn, const ScriptStep &step, StepOutcome &out) {
  StepRehearsal &rh = out.rehearsal;
  rh = StepRehearsal();
  rh.ran = true;
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
  };
  llvm::Expected<std::vector<std::string>> before = heldLocks(conn);
  if (!before)
    return before.takeError();
  std::vector<StatementResult> results;
  if (step.ops.empty()) {
    // A compiled file's step: run as it is; no operation to describe.
    auto r = conn.exec(step.sql);
    rh.ms = elapsed();
    if (!r)
      return r.takeError();
    results = std::move(*r);
  } else {
    for (const ScriptOp &op : step.ops) {
      rh.ops.emplace_back();
      if (llvm::Error e = runOp(conn, op, rh.ops.back(), results)) {
        rh.ms = elapsed();
        return std::move(e);
      }
    }
    if (step.ledger) {
      if (auto r = conn.exec(ledgerWriteStatements(*step.ledger)); !r)
        return r.takeError();
      results.push_back({"INSERT", 1});
    }
    rh.ms = elapsed();
  }
  llvm::Expected<std::vector<std::string>> after = heldLocks(conn);
  if (!after)
    return after.takeError();
  for (const std::string &l : *after)
    if (!llvm::is_contained(*before, l) && !llvm::is_contained(rh.locks, l))
      rh.locks.push_back(l);
  return results;
}
