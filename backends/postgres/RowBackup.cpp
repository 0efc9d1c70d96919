//===- RowBackup.cpp - row backups for apply --backup and revert ----------===//

#include "backends/postgres/RowBackup.h"

#include "backends/postgres/Connection.h"
#include "backends/postgres/Ledger.h"
#include "backends/postgres/PostgresBackend.h"

#include "llvm/ADT/STLExtras.h"

using namespace shc;

std::string shc::createBackupTableSql() {
  return "CREATE TABLE IF NOT EXISTS " + backupTableName().str() +
         " (id bigserial PRIMARY KEY, migration text NOT NULL, op integer NOT NULL, "
         "table_name text NOT NULL, kind text NOT NULL, key jsonb NOT NULL, before jsonb NOT "
         "NULL, after jsonb, txid bigint NOT NULL DEFAULT txid_current(), taken_at timestamptz "
         "NOT NULL DEFAULT now(), reverted_at timestamptz)";
}

static llvm::Error error(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

llvm::Expected<std::vector<std::string>> shc::tableKey(Connection &conn, llvm::StringRef table) {
  llvm::Expected<Rows> exists = conn.query("SELECT to_regclass($1) IS NOT NULL", {table.str()});
  if (!exists)
    return exists.takeError();
  if (exists->empty() || exists->front().front() != std::optional<std::string>("t"))
    return error("table " + table + " does not exist");
  // The primary key first, then the oldest unique index with neither a
  // predicate nor an expression, whose columns are all NOT NULL.
  static const char *sql =
      "WITH idx AS (SELECT i.indexrelid, i.indrelid, i.indkey::int2[] AS cols FROM pg_index i "
      "WHERE i.indrelid = to_regclass($1) AND i.indisunique AND i.indimmediate "
      "AND i.indpred IS NULL AND i.indexprs IS NULL AND NOT EXISTS (SELECT 1 FROM "
      "unnest(i.indkey::int2[]) c JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum "
      "= c WHERE NOT a.attnotnull) ORDER BY i.indisprimary DESC, i.indexrelid LIMIT 1) "
      "SELECT a.attname FROM idx JOIN LATERAL unnest(idx.cols) WITH ORDINALITY AS k(attnum, "
      "ord) ON TRUE JOIN pg_attribute a ON a.attrelid = idx.indrelid AND a.attnum = k.attnum ORDER "
      "BY k.ord";
  llvm::Expected<Rows> rows = conn.query(sql, {table.str()});
  if (!rows)
    return rows.takeError();
  std::vector<std::string> key;
  for (const auto &row : *rows)
    if (!row.empty() && row.front())
      key.push_back(*row.front());
  return key;
}

llvm::Expected<const std::vector<std::string> *> TableKeys::get(Connection &conn,
                                                                llvm::StringRef table) {
  auto it = keys.find(table);
  if (it == keys.end()) {
    llvm::Expected<std::vector<std::string>> key = tableKey(conn, table);
    if (!key)
      return key.takeError();
    it = keys.try_emplace(table, std::move(*key)).first;
  }
  return &it->second;
}

static std::string qualified(llvm::StringRef qualifier, llvm::StringRef column) {
  std::string s = qualifier.empty() ? std::string() : qualifier.str() + ".";
  return s + postgresWriter().identifier(column);
}

std::string shc::jsonObject(const std::vector<std::string> &columns, llvm::StringRef qualifier) {
  if (columns.empty())
    return "'{}'::jsonb";
  // jsonb_build_object takes at most 100 arguments: 50 columns a call.
  std::string s;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i % 50 == 0)
      s += i ? ") || jsonb_build_object(" : "jsonb_build_object(";
    else
      s += ", ";
    s += postgresWriter().stringLiteral(columns[i]) + ", " + qualified(qualifier, columns[i]);
  }
  return s + ")";
}

std::string shc::columnList(const std::vector<std::string> &columns, llvm::StringRef qualifier) {
  std::string s;
  for (const std::string &c : columns)
    s += (s.empty() ? "" : ", ") + qualified(qualifier, c);
  return s;
}

std::string shc::rowName(const RowWrite &w) {
  if (!w.alias.empty())
    return w.alias;
  // The part after the last dot outside double quotes.
  size_t start = 0;
  bool quoted = false;
  for (size_t i = 0; i < w.table.size(); ++i) {
    if (w.table[i] == '"')
      quoted = !quoted;
    else if (w.table[i] == '.' && !quoted)
      start = i + 1;
  }
  return w.table.substr(start);
}

std::string shc::fromItem(const RowWrite &w) {
  return w.alias.empty() ? w.table : w.table + " AS " + w.alias;
}

std::string shc::whereClause(const RowWrite &w) {
  return w.where.empty() ? std::string() : " WHERE (" + w.where + ")";
}

std::string shc::writeHead(const RowWrite &w) {
  return w.isDelete ? "DELETE FROM " + fromItem(w)
                    : "UPDATE " + fromItem(w) + " SET " + w.assignments;
}

std::string shc::changedValues(const RowWrite &w) {
  return w.isDelete ? "to_jsonb(" + rowName(w) + ")" : jsonObject(w.columns, rowName(w));
}

/// Why the rows of `op` cannot be backed up, or "".
static std::string refusal(const ScriptOp &op, const std::vector<std::string> &key) {
  if (!op.write)
    return op.whyNoWrite.empty() ? "the rows it changes cannot be named" : op.whyNoWrite;
  if (key.empty())
    return "table " + op.write->table +
           " has no primary key or unique NOT NULL key, so its rows cannot be told apart";
  for (const std::string &c : op.write->columns)
    if (llvm::is_contained(key, c))
      return "it sets " + c + ", a column of the key of " + op.write->table +
             ", so its rows could not be found again";
  return "";
}

llvm::Error BackupHooks::setUp(Connection &conn) {
  std::string problems = backupRefusals(script, [&](const ScriptOp &op) {
    static const std::vector<std::string> none;
    const std::vector<std::string> *key = &none;
    if (op.write) {
      llvm::Expected<const std::vector<std::string> *> k = keys.get(conn, op.write->table);
      if (!k)
        return llvm::toString(k.takeError());
      key = *k;
    }
    return refusal(op, *key);
  });
  if (!problems.empty())
    return error(problems);
  if (auto r = conn.exec(createBackupTableSql()); !r)
    return r.takeError();
  return llvm::Error::success();
}

llvm::Expected<double> shc::estimateBackupBytes(Connection &conn, llvm::StringRef schema,
                                                llvm::StringRef table,
                                                const std::vector<std::string> &columns,
                                                double rows) {
  const SqlWriter &sw = postgresWriter();
  std::string name = (schema.empty() ? "" : sw.identifier(schema) + ".") + sw.identifier(table);
  llvm::Expected<Rows> widths = conn.query(
      "SELECT a.attname, COALESCE(s.avg_width, CASE WHEN t.typlen > 0 THEN t.typlen ELSE 32 "
      "END)::text FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid JOIN pg_class c ON "
      "c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_stats s "
      "ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = a.attname WHERE "
      "a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped",
      {name});
  if (!widths)
    return widths.takeError();
  if (widths->empty())
    return error("table " + name + " does not exist");
  llvm::Expected<std::vector<std::string>> key = tableKey(conn, name);
  if (!key)
    return key.takeError();
  // A value in jsonb: its bytes, its name, and about 8 bytes of header.
  auto jsonBytes = [&](const std::vector<std::string> &only) {
    double bytes = 0;
    for (const auto &w : *widths) {
      std::string col = w[0].value_or("");
      if (only.empty() || llvm::is_contained(only, col))
        bytes += std::strtod(w[1].value_or("0").c_str(), nullptr) + col.size() + 8;
    }
    return bytes;
  };
  // The row's header, id, op, txid, taken_at, kind and names, and its entry
  // in the primary key's index: about 120 bytes.
  double perRow = 120 + jsonBytes(*key);
  perRow += columns.empty() ? jsonBytes({}) : 2 * jsonBytes(columns);
  return perRow * rows;
}

std::string shc::backupMarkerSql(llvm::StringRef migration) {
  return "INSERT INTO " + backupTableName().str() +
         " (migration, op, table_name, kind, key, before) VALUES (" +
         postgresWriter().stringLiteral(migration) + ", 0, '', 'applied', '{}', '{}')";
}

llvm::Expected<std::vector<StatementResult>> shc::runWithBackup(Connection &conn, TableKeys &keys,
                                                                const ScriptStep &step, size_t i) {
  const SqlWriter &sw = postgresWriter();
  std::string table = backupTableName().str();
  std::string migration = sw.stringLiteral(step.name);
  const RowWrite &w = *step.ops[i].write;
  llvm::Expected<const std::vector<std::string> *> key = keys.get(conn, w.table);
  if (!key)
    return key.takeError();
  std::string row = rowName(w), op = std::to_string(i + 1);
  std::string pre =
      "INSERT INTO " + table + " (migration, op, table_name, kind, key, before) SELECT " +
      migration + ", " + op + ", " + sw.stringLiteral(w.table) + ", " +
      (w.isDelete ? "'delete'" : "'update'") + ", " + jsonObject(**key, row) + ", " +
      changedValues(w) + " FROM " + fromItem(w) + whereClause(w) + " FOR UPDATE OF " + row;
  if (auto r = conn.exec(pre); !r)
    return r.takeError();
  auto r = conn.exec(step.ops[i].sql);
  if (!r || w.isDelete)
    return r;
  std::string post =
      "UPDATE " + table + " AS shc_backup SET after = " + changedValues(w) + " FROM " +
      fromItem(w) +
      " WHERE shc_backup.txid = txid_current() AND shc_backup.migration = " + migration +
      " AND shc_backup.op = " + op + " AND shc_backup.key = " + jsonObject(**key, row);
  if (auto p = conn.exec(post); !p)
    return p.takeError();
  return r;
}

llvm::Expected<std::vector<StatementResult>>
BackupHooks::runStep(Connection &conn, const ScriptStep &step, StepOutcome &) {
  // A marker row, so that a migration that changed no row was still backed up.
  if (auto r = conn.exec(backupMarkerSql(step.name)); !r)
    return r.takeError();
  std::vector<StatementResult> results;
  for (size_t i = 0; i < step.ops.size(); ++i) {
    auto r = runWithBackup(conn, keys, step, i);
    if (!r)
      return r.takeError();
    results.insert(results.end(), r->begin(), r->end());
  }
  if (step.ledger) {
    if (auto r = conn.exec(ledgerWriteStatements(*step.ledger)); !r)
      return r.takeError();
    results.push_back({"INSERT", 1});
  }
  return results;
}
