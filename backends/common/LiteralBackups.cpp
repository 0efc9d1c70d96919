//===- LiteralBackups.cpp - apply --backup on SQLite and MySQL ------------===//

#include "backends/common/LiteralBackups.h"

#include "backends/common/LedgerGuardEmitter.h"
#include "backends/common/SqlWriter.h"

#include "llvm/ADT/StringExtras.h"

#include <chrono>
#include <map>
#include <random>
#include <set>

using namespace shc;

static std::string table() { return backupTableName().str(); }

MaybeFailure LiteralBackups::setUp(const CompiledScript &script, bool dryRun) {
  std::string problems = backupRefusals(script, [&](const ScriptOp &op) {
    const LiteralTable *t = nullptr;
    if (op.write) {
      llvm::Expected<const LiteralTable *> described = store.table(op.write->table);
      if (!described)
        return llvm::toString(described.takeError());
      t = *described;
    }
    return backupRefusal(op, t);
  });
  if (!problems.empty())
    return BatchFailure{problems};
  if (dryRun && store.tableExists(backupTableName()))
    return std::nullopt;
  for (const std::string &sql : store.createBackupTable(dryRun))
    if (MaybeFailure f = store.execute(sql, nullptr))
      return f;
  return std::nullopt;
}

std::string LiteralBackups::newTxid() {
  static std::mt19937_64 rng(std::random_device{}());
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count();
  return std::to_string((static_cast<uint64_t>(us) << 12 >> 1) | (rng() & 0x7ff));
}

MaybeFailure LiteralBackups::mark(const std::string &migration, const std::string &txid) {
  const SqlWriter &w = store.writer;
  return store.execute("INSERT INTO " + table() + " (" + w.identifier("migration") +
                           ", txid, op, table_name, kind, " + w.identifier("key") + ", " +
                           w.identifier("before") + ", taken_at) VALUES (" +
                           w.stringLiteral(migration) + ", " + txid +
                           ", 0, '', 'applied', '{}', '{}', " + store.nowSql() + ")",
                       nullptr);
}

MaybeFailure LiteralBackups::runStep(const ScriptStep &step, uint64_t &rows) {
  std::string txid = newTxid();
  // A marker row, so that a migration that changed no row was still backed up.
  if (MaybeFailure f = mark(step.name, txid))
    return f;
  for (size_t i = 0; i < step.ops.size(); ++i)
    if (MaybeFailure f =
            runWrite(step.name, i, *step.ops[i].write, step.ops[i].sql, txid, rows))
      return f;
  if (step.ledger)
    for (const std::string &sql : ledgerGuardRowWrites(*step.ledger, store.writer))
      if (MaybeFailure f = store.execute(sql, nullptr))
        return f;
  return std::nullopt;
}

MaybeFailure LiteralBackups::runWrite(const std::string &migration, size_t i, const RowWrite &wr,
                                      const std::string &sql, const std::string &txid,
                                      uint64_t &rows) {
  llvm::Expected<const LiteralTable *> described = store.table(wr.table);
  if (!described)
    return BatchFailure{llvm::toString(described.takeError())};
  const LiteralTable &t = **described;
  const SqlWriter &w = store.writer;
  std::string row = store.rowName(wr);
  // The keys of the rows it changes, with their JSON, read (and locked) once.
  std::string keys = "SELECT ";
  for (size_t k = 0; k < t.key.size(); ++k)
    keys += row + "." + store.ident(t.key[k].name) + " AS shc_k" + std::to_string(k) + ", ";
  keys += store.literalObject(t.key, row) + " AS shc_kj FROM " + store.fromItem(wr) +
          store.whereClause(wr) + store.lockRows();
  if (MaybeFailure f = store.execute(store.dropKeysTable(), nullptr))
    return f;
  for (const std::string &sql : store.createKeysTable(keys))
    if (MaybeFailure f = store.execute(sql, nullptr))
      return f;
  std::string join = " FROM shc_backup_keys AS shc_s JOIN " + wr.table + " AS shc_t ON ";
  for (size_t k = 0; k < t.key.size(); ++k)
    join += (k ? " AND " : "") + std::string("shc_t.") + store.ident(t.key[k].name) +
            " = shc_s.shc_k" + std::to_string(k);
  const std::vector<LiteralColumn> *values = &t.columns;
  std::vector<LiteralColumn> changed;
  if (!wr.isDelete) {
    for (const std::string &c : wr.columns)
      changed.push_back(*t.column(c));
    values = &changed;
  }
  std::string pre = "INSERT INTO " + table() + " (" + w.identifier("migration") +
                    ", txid, op, table_name, kind, " + w.identifier("key") + ", " +
                    w.identifier("before") + ", taken_at) SELECT " + w.stringLiteral(migration) +
                    ", " + txid + ", " + std::to_string(i + 1) + ", " +
                    w.stringLiteral(wr.table) + ", " + (wr.isDelete ? "'delete'" : "'update'") +
                    ", shc_s.shc_kj, " + store.literalObject(*values, "shc_t") + ", " +
                    store.nowSql() + join;
  // The rows this write saves come after `floor`: batches of one operation
  // share a txid, and each fills in only its own values after.
  std::vector<std::vector<std::string>> top;
  if (MaybeFailure f = store.select("SELECT COALESCE(MAX(id), 0) FROM " + table(), top))
    return f;
  std::string floor = top.empty() || top.front().empty() ? "0" : top.front().front();
  if (MaybeFailure f = store.execute(pre, nullptr))
    return f;
  if (MaybeFailure f = store.execute(sql, &rows))
    return f;
  if (!wr.isDelete) {
    std::string post = "UPDATE " + table() + " SET " + w.identifier("after") + " = (SELECT " +
                       store.literalObject(changed, "shc_t") + join +
                       " WHERE shc_s.shc_kj = " + table() + "." + w.identifier("key") +
                       ") WHERE id > " + floor + " AND txid = " + txid +
                       " AND op = " + std::to_string(i + 1);
    if (MaybeFailure f = store.execute(post, nullptr))
      return f;
  }
  return store.execute(store.dropKeysTable(), nullptr);
}

llvm::Expected<std::vector<BackupSummary>> shc::listLiteralBackups(LiteralStore &store) {
  std::vector<BackupSummary> out;
  if (!store.tableExists(backupTableName()))
    return out;
  const SqlWriter &w = store.writer;
  // One row per (apply, table, kind), merged per apply below.
  std::string sql =
      "SELECT " + w.identifier("migration") + ", txid, table_name, kind, min(id), min(taken_at), "
      "count(*), sum(CASE WHEN reverted_at IS NULL THEN 0 ELSE 1 END), sum(length(" +
      w.identifier("key") + ") + length(" + w.identifier("before") + ") + COALESCE(length(" +
      w.identifier("after") + "), 0) + 64) FROM " + table() +
      " GROUP BY 1, 2, 3, 4 ORDER BY min(id)";
  std::vector<std::vector<std::string>> rows;
  if (MaybeFailure f = store.select(sql, rows))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), f->message);
  std::map<std::pair<std::string, std::string>, size_t> index;
  std::vector<std::set<std::string>> tables;
  for (const auto &r : rows) {
    if (r.size() < 9)
      continue;
    auto [it, fresh] = index.try_emplace({r[0], r[1]}, out.size());
    if (fresh) {
      out.emplace_back();
      tables.emplace_back();
      out.back().migration = r[0];
      out.back().takenAt = r[5].substr(0, 19) + "Z";
    }
    BackupSummary &s = out[it->second];
    s.takenAt = std::min(s.takenAt, r[5].substr(0, 19) + "Z");
    uint64_t n = std::strtoull(r[6].c_str(), nullptr, 10);
    uint64_t reverted = std::strtoull(r[7].c_str(), nullptr, 10);
    s.bytes += std::strtoull(r[8].c_str(), nullptr, 10);
    if (r[3] == "applied") {
      s.reverted = reverted > 0;
      continue;
    }
    tables[it->second].insert(r[2]);
    s.rows += n;
    s.revertedRows += reverted;
  }
  for (size_t i = 0; i < out.size(); ++i)
    out[i].tables = llvm::join(tables[i], ", ");
  return out;
}

MaybeFailure shc::pruneLiteralBackups(LiteralStore &store, uint64_t olderThanMs,
                                     uint64_t &pruned) {
  pruned = 0;
  if (!store.tableExists(backupTableName()))
    return std::nullopt;
  std::string old = " WHERE taken_at < " + store.agoSql(olderThanMs);
  std::vector<std::vector<std::string>> rows;
  if (MaybeFailure f = store.select("SELECT count(*) FROM " + table() + old +
                                        " AND kind <> 'applied'",
                                    rows))
    return f;
  if (!rows.empty() && !rows.front().empty())
    pruned = std::strtoull(rows.front()[0].c_str(), nullptr, 10);
  return store.execute("DELETE FROM " + table() + old, nullptr);
}
