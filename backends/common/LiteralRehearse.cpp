//===- LiteralRehearse.cpp - apply --rehearse on SQLite and MySQL ---------===//

#include "backends/common/LiteralRehearse.h"

#include "backends/common/LedgerGuardEmitter.h"

#include "llvm/ADT/STLExtras.h"

#include <chrono>

using namespace shc;

uint64_t shc::firstFailingPrefix(uint64_t n, const std::function<bool(uint64_t)> &fails) {
  if (n == 0 || !fails(n))
    return 0;
  uint64_t lo = 1, hi = n;
  while (lo < hi) {
    uint64_t mid = lo + (hi - lo) / 2;
    if (fails(mid))
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

/// The rows of `sql`, or none (the failure consumed) when it fails.
static std::vector<std::vector<std::string>> rowsOrNone(LiteralStore &store,
                                                        const std::string &sql) {
  std::vector<std::vector<std::string>> rows;
  if (store.select(sql, rows))
    rows.clear();
  return rows;
}

std::string LiteralRehearsal::offendingKey(const RowWrite &w, const LiteralTable &t) {
  std::string row = store.rowName(w), order = store.columnList(t.key, row);
  std::vector<std::vector<std::string>> count =
      rowsOrNone(store, "SELECT count(*) FROM " + store.fromItem(w) + store.whereClause(w));
  uint64_t n = count.empty() ? 0 : std::strtoull(count.front().front().c_str(), nullptr, 10);
  std::string lits;
  for (const LiteralColumn &c : t.key)
    lits += (lits.empty() ? "" : ", ") + store.literalOf(c, row);
  // Whether the write of the first k rows, in key order, fails.
  auto fails = [&](uint64_t k) {
    std::vector<std::vector<std::string>> last =
        rowsOrNone(store, "SELECT " + lits + " FROM " + store.fromItem(w) + store.whereClause(w) +
                              " ORDER BY " + order + " LIMIT 1 OFFSET " + std::to_string(k - 1));
    if (last.empty() || store.execute("SAVEPOINT shc_probe", nullptr))
      return false;
    std::string cond = store.keyUpTo(t.key, last.front(), row);
    bool failed = store
                      .execute(store.writeHead(w) + " WHERE " +
                                   (w.where.empty() ? "" : "(" + w.where + ") AND ") + "(" +
                                   cond + ")",
                               nullptr)
                      .has_value();
    (void)store.execute("ROLLBACK TO SAVEPOINT shc_probe", nullptr);
    (void)store.execute("RELEASE SAVEPOINT shc_probe", nullptr);
    return failed;
  };
  uint64_t lo = firstFailingPrefix(n, fails);
  if (lo == 0)
    return "";
  std::vector<std::vector<std::string>> key = rowsOrNone(
      store, "SELECT " + store.displayObject(t.key, row) + " FROM " + store.fromItem(w) +
                 store.whereClause(w) + " ORDER BY " + order + " LIMIT 1 OFFSET " +
                 std::to_string(lo - 1));
  return key.empty() ? "" : key.front().front();
}

void LiteralRehearsal::sampleAfter(const RowWrite &w, const LiteralTable &t, OpRehearsal &o) {
  std::string row = store.rowName(w), keys;
  for (const RowSample &s : o.samples) {
    llvm::Expected<LiteralRow> k = parseLiteralRow(s.key, "sample key");
    if (!k) {
      o.note = "no values after: " + llvm::toString(k.takeError());
      return;
    }
    keys += (keys.empty() ? "(" : " OR (") + store.keyMatch(*k) + ")";
  }
  std::vector<LiteralColumn> changed;
  for (const std::string &c : w.columns)
    changed.push_back(*t.column(c));
  std::vector<std::vector<std::string>> rows;
  if (MaybeFailure f = store.select("SELECT " + store.literalObject(t.key, "shc_t") + ", " +
                                        store.displayObject(changed, "shc_t") + " FROM " +
                                        w.table + " AS shc_t WHERE " + keys,
                                    rows)) {
    o.note = "no values after: " + f->message;
    return;
  }
  for (const auto &r : rows)
    for (RowSample &s : o.samples)
      if (s.key == r[0])
        s.after = r[1];
}

MaybeFailure LiteralRehearsal::runOp(const ScriptOp &op, OpRehearsal &o, uint64_t &rows) {
  o.kind = op.kind;
  const LiteralTable *t = nullptr;
  if (op.write) {
    o.table = op.write->table;
    o.isDelete = op.write->isDelete;
    o.columns = op.write->columns;
    llvm::Expected<const LiteralTable *> described = store.table(op.write->table);
    if (!described)
      o.note = llvm::toString(described.takeError());
    else if ((*described)->key.empty())
      o.note = "table " + o.table + " has no primary key or unique NOT NULL key: no sample";
    else if (std::string why = backupRefusal(op, *described); !why.empty())
      o.note = "no sample: " + why;
    else
      t = *described;
  } else {
    o.note = op.whyNoWrite.empty() ? "the rows it changes cannot be named" : op.whyNoWrite;
  }
  const RowWrite *w = op.write ? &*op.write : nullptr;
  // The sample's key is kept as literals (to find the rows again), and
  // shown as values once they are.
  std::vector<std::string> shownKeys;
  if (t && sampleRows) {
    std::string row = store.rowName(*w);
    std::vector<LiteralColumn> changed;
    for (const std::string &c : w->columns)
      changed.push_back(*t->column(c));
    std::vector<std::vector<std::string>> before;
    if (MaybeFailure f = store.select(
            "SELECT " + store.literalObject(t->key, row) + ", " + store.displayObject(t->key, row) +
                ", " + (w->isDelete ? store.displayObject(t->columns, row)
                                    : store.displayObject(changed, row)) +
                " FROM " + store.fromItem(*w) + store.whereClause(*w) + " ORDER BY " +
                store.columnList(t->key, row) + " LIMIT " + std::to_string(sampleRows),
            before))
      o.note = "no sample: " + f->message;
    for (const auto &r : before) {
      o.samples.push_back({r[0], r[2], ""});
      shownKeys.push_back(r[1]);
    }
  }
  if (MaybeFailure f = store.execute("SAVEPOINT shc_op", nullptr))
    return f;
  uint64_t changedRows = 0;
  auto showKeys = [&] {
    for (size_t i = 0; i < o.samples.size(); ++i)
      o.samples[i].key = shownKeys[i];
  };
  if (MaybeFailure f = store.execute(op.sql, &changedRows)) {
    showKeys();
    o.error = f->message;
    if (!store.execute("ROLLBACK TO SAVEPOINT shc_op", nullptr) && t)
      o.offendingKey = offendingKey(*w, *t);
    return f;
  }
  o.ran = true;
  o.rows = changedRows;
  rows += changedRows;
  if (t && !o.samples.empty() && !o.isDelete)
    sampleAfter(*w, *t, o);
  showKeys();
  return store.execute("RELEASE SAVEPOINT shc_op", nullptr);
}

MaybeFailure LiteralRehearsal::runStep(const ScriptStep &step, StepOutcome &out, uint64_t &rows) {
  StepRehearsal &rh = out.rehearsal;
  rh = StepRehearsal();
  rh.ran = true;
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
  };
  if (step.ops.empty()) {
    // A compiled file's step: run as it is; no operation to describe.
    MaybeFailure f = store.execute(step.sql, &rows);
    rh.ms = elapsed();
    if (f)
      return f;
  } else {
    for (const ScriptOp &op : step.ops) {
      rh.ops.emplace_back();
      if (MaybeFailure f = runOp(op, rh.ops.back(), rows)) {
        rh.ms = elapsed();
        return f;
      }
    }
    if (step.ledger)
      for (const std::string &sql : ledgerGuardRowWrites(*step.ledger, store.writer))
        if (MaybeFailure f = store.execute(sql, nullptr))
          return f;
    rh.ms = elapsed();
  }
  rh.locks = store.locksOf(rh);
  return std::nullopt;
}
