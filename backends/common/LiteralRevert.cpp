//===- LiteralRevert.cpp - revert on SQLite and MySQL ---------------------===//

#include "backends/common/LiteralRevert.h"

#include "backends/common/SqlWriter.h"

#include "llvm/ADT/StringExtras.h"

using namespace shc;

namespace {

/// One operation of one backed-up apply.
struct Group {
  std::string txid, op, table, kind;
};

/// Backup rows are read this many at a time.
constexpr unsigned kChunk = 500;

class Reverter {
public:
  Reverter(LiteralStore &store, llvm::StringRef migration, const RevertOptions &opts,
           RevertReport &report)
      : store(store), w(store.writer), migration(w.stringLiteral(migration)), name(migration),
        opts(opts), report(report) {}

  MaybeFailure run(llvm::StringRef ledgerTable) {
    if (!store.tableExists(backupTableName()))
      return BatchFailure{"no backups in this database: apply with --backup first"};
    std::vector<std::vector<std::string>> groups, applies;
    if (MaybeFailure f = store.select("SELECT txid, op, table_name, kind FROM " + table() +
                                          " WHERE " + pending() +
                                          " AND kind <> 'applied' GROUP BY txid, op, "
                                          "table_name, kind ORDER BY min(id) DESC",
                                      groups))
      return f;
    if (MaybeFailure f = store.select("SELECT count(*) FROM " + table() + " WHERE " + pending() +
                                          " AND kind = 'applied'",
                                      applies))
      return f;
    if (groups.empty() && (applies.empty() || applies.front().front() == "0"))
      return BatchFailure{"no backup of migration '" + name.str() +
                          "' to revert: it was not applied with --backup, or was reverted "
                          "already"};
    for (const auto &g : groups)
      if (MaybeFailure f = revertGroup(Group{g[0], g[1], g[2], g[3]}))
        return f;
    if (MaybeFailure f = store.execute("UPDATE " + table() + " SET reverted_at = " +
                                           store.nowSql() + " WHERE " + pending() +
                                           " AND kind = 'applied'",
                                       nullptr))
      return f;
    if (store.tableExists(ledgerTable))
      return store.execute("DELETE FROM " + ledgerTable.str() + " WHERE name = " + migration,
                           nullptr);
    return std::nullopt;
  }

private:
  static std::string table() { return backupTableName().str(); }
  std::string pending() const {
    return w.identifier("migration") + " = " + migration + " AND reverted_at IS NULL";
  }

  MaybeFailure revertGroup(const Group &g) {
    llvm::Expected<const LiteralTable *> t = store.table(g.table);
    if (!t)
      return BatchFailure{"cannot revert the rows of " + g.table + ": " +
                          llvm::toString(t.takeError())};
    std::string last = "0";
    for (;;) {
      std::vector<std::vector<std::string>> rows;
      if (MaybeFailure f = store.select(
              "SELECT id, " + w.identifier("key") + ", " + w.identifier("before") +
                  ", COALESCE(" + w.identifier("after") + ", '') FROM " + table() + " WHERE " +
                  pending() + " AND txid = " + g.txid + " AND op = " + g.op + " AND id > " +
                  last + " ORDER BY id LIMIT " + std::to_string(kChunk),
              rows))
        return f;
      if (rows.empty())
        return std::nullopt;
      std::vector<std::string> restored;
      for (const auto &r : rows) {
        bool done = false;
        if (MaybeFailure f = revertRow(g, **t, r, done))
          return f;
        if (done)
          restored.push_back(r[0]);
      }
      last = rows.back()[0];
      report.restored += restored.size();
      if (!restored.empty())
        if (MaybeFailure f = store.execute("UPDATE " + table() + " SET reverted_at = " +
                                               store.nowSql() + " WHERE id IN (" +
                                               llvm::join(restored, ", ") + ")",
                                           nullptr))
          return f;
      if (rows.size() < kChunk)
        return std::nullopt;
    }
  }

  /// Whether a row with the key `match` is there.
  MaybeFailure exists(const Group &g, const std::string &match, bool &found) {
    std::vector<std::vector<std::string>> rows;
    if (MaybeFailure f =
            store.select("SELECT count(*) FROM " + g.table + " WHERE " + match, rows))
      return f;
    found = !rows.empty() && rows.front().front() != "0";
    return std::nullopt;
  }

  MaybeFailure revertRow(const Group &g, const LiteralTable &t,
                         const std::vector<std::string> &r, bool &done) {
    llvm::Expected<LiteralRow> key = parseLiteralRow(r[1], "key of row " + r[0]);
    llvm::Expected<LiteralRow> before = parseLiteralRow(r[2], "values of row " + r[0]);
    if (!key || !before) {
      std::string why = !key ? llvm::toString(key.takeError()) : "";
      if (!before)
        why = llvm::toString(before.takeError());
      else if (!key)
        llvm::consumeError(before.takeError());
      return BatchFailure{why};
    }
    std::string match = store.keyMatch(*key);
    bool found = false;
    if (g.kind == "update") {
      std::string set, same;
      for (const auto &[column, lit] : *before)
        set += (set.empty() ? "" : ", ") + store.ident(column) + " = " + lit;
      if (!opts.force) {
        llvm::Expected<LiteralRow> after = parseLiteralRow(r[3], "values after of row " + r[0]);
        if (!after)
          return BatchFailure{llvm::toString(after.takeError())};
        for (const auto &[column, lit] : *after) {
          const LiteralColumn *c = t.column(column);
          if (!c)
            return BatchFailure{"table " + g.table + " has no column " + column + " any more"};
          same += " AND " + store.sameBytes(store.literalOf(*c, ""), w.stringLiteral(lit));
        }
      }
      uint64_t changed = 0;
      if (MaybeFailure f = store.execute("UPDATE " + g.table + " SET " + set + " WHERE " + match +
                                             same,
                                         &changed))
        return f;
      if (changed) {
        done = true;
        return std::nullopt;
      }
      if (MaybeFailure f = exists(g, match, found))
        return f;
      report.conflicts.push_back(
          {g.table, showLiteralRow(*key), found ? "changed since" : "deleted since"});
      return std::nullopt;
    }
    // A DELETE: put the row back where no row has its key.
    if (MaybeFailure f = exists(g, match, found))
      return f;
    if (found && !opts.force) {
      report.conflicts.push_back({g.table, showLiteralRow(*key), "a row with this key exists"});
      return std::nullopt;
    }
    if (found)
      if (MaybeFailure f = store.execute("DELETE FROM " + g.table + " WHERE " + match, nullptr))
        return f;
    std::string columns, values;
    for (const auto &[column, lit] : *before) {
      columns += (columns.empty() ? "" : ", ") + store.ident(column);
      values += (values.empty() ? "" : ", ") + lit;
    }
    if (MaybeFailure f = store.execute("INSERT INTO " + g.table + " (" + columns +
                                           ") VALUES (" + values + ")",
                                       nullptr))
      return f;
    done = true;
    return std::nullopt;
  }

  LiteralStore &store;
  const SqlWriter &w;
  std::string migration; ///< as a literal
  llvm::StringRef name;
  const RevertOptions &opts;
  RevertReport &report;
};

} // namespace

MaybeFailure shc::revertLiteralBackups(LiteralStore &store, llvm::StringRef migration,
                                       const RevertOptions &opts, llvm::StringRef ledgerTable,
                                       RevertReport &report) {
  return Reverter(store, migration, opts, report).run(ledgerTable);
}
