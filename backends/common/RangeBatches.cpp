//===- RangeBatches.cpp - batches as key ranges, without RETURNING --------===//

#include "backends/common/RangeBatches.h"

#include "backends/common/LedgerGuardEmitter.h"
#include "backends/common/LiteralBackups.h"
#include "backends/common/SqlWriter.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"

using namespace shc;

std::vector<std::string> shc::splitQualifiedName(llvm::StringRef text, char quote) {
  std::vector<std::string> parts(1);
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == quote) {
      if (quoted && i + 1 < text.size() && text[i + 1] == quote) {
        parts.back() += c; // a doubled quote inside a quoted name
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (c == '.' && !quoted) {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  return parts;
}

std::string RangeBatches::stringLiteral(llvm::StringRef s) const {
  return writer.stringLiteral(s);
}

MaybeFailure RangeBatches::prepareCheckpoints() { return execute(createCheckpointTable(), nullptr); }

MaybeFailure RangeBatches::readCheckpoint(const std::string &name,
                                          std::optional<BatchCheckpoint> &out) {
  std::vector<std::vector<std::string>> rows;
  if (MaybeFailure f =
          select("SELECT checksum, op, last_key, rows_done, batches_done, batch_size FROM " +
                     batchTableName().str() + " WHERE name = " + stringLiteral(name),
                 rows))
    return f;
  out.reset();
  if (rows.empty() || rows.front().size() < 6)
    return std::nullopt;
  const std::vector<std::string> &r = rows.front();
  BatchCheckpoint cp;
  cp.checksum = r[0];
  cp.op = std::strtoul(r[1].c_str(), nullptr, 10);
  cp.rows = std::strtoull(r[3].c_str(), nullptr, 10);
  cp.batches = std::strtoull(r[4].c_str(), nullptr, 10);
  cp.batchSize = std::strtoul(r[5].c_str(), nullptr, 10);
  if (!r[2].empty()) {
    llvm::Expected<llvm::json::Value> v = llvm::json::parse(r[2]);
    if (!v)
      return BatchFailure{"the checkpoint of " + name + " in " + batchTableName().str() +
                          " has an unreadable last_key: " + llvm::toString(v.takeError())};
    if (const llvm::json::Array *items = v->getAsArray())
      for (const llvm::json::Value &item : *items) {
        if (llvm::Optional<llvm::StringRef> s = item.getAsString())
          cp.lastKey.push_back(s->str());
        else if (const llvm::json::Object *o = item.getAsObject())
          cp.lastKey.push_back(llvm::fromHex(o->getString("hex").getValueOr("")));
      }
  }
  out = std::move(cp);
  return std::nullopt;
}

MaybeFailure RangeBatches::writeCheckpoint(const std::string &name, const BatchCheckpoint &cp) {
  std::string key = "NULL";
  if (!cp.lastKey.empty()) {
    llvm::json::Array items;
    for (const std::string &k : cp.lastKey) {
      // JSON holds text: bytes that are not UTF-8 (a binary key) go as hex.
      if (llvm::json::isUTF8(k))
        items.push_back(k);
      else
        items.push_back(llvm::json::Object{{"hex", llvm::toHex(k)}});
    }
    std::string json;
    llvm::raw_string_ostream os(json);
    os << llvm::json::Value(std::move(items));
    key = stringLiteral(os.str());
  }
  std::string t = batchTableName().str();
  if (MaybeFailure f = execute("DELETE FROM " + t + " WHERE name = " + stringLiteral(name), nullptr))
    return f;
  return execute("INSERT INTO " + t +
                     " (name, checksum, op, last_key, rows_done, batches_done, batch_size) "
                     "VALUES (" +
                     stringLiteral(name) + ", " + stringLiteral(cp.checksum) + ", " +
                     std::to_string(cp.op) + ", " + key + ", " + std::to_string(cp.rows) + ", " +
                     std::to_string(cp.batches) + ", " + std::to_string(cp.batchSize) + ")",
                 nullptr);
}

MaybeFailure RangeBatches::finish(const LedgerRecord &r) {
  if (backups)
    if (MaybeFailure f = backups->mark(r.name, txidOf(r.name)))
      return f;
  for (const std::string &sql : ledgerGuardRowWrites(r, writer))
    if (MaybeFailure f = execute(sql, nullptr))
      return f;
  return execute("DELETE FROM " + batchTableName().str() + " WHERE name = " +
                     stringLiteral(r.name),
                 nullptr);
}

MaybeFailure RangeBatches::runWhole(const ScriptStep &step, size_t op, uint64_t &rows) {
  if (backups)
    return backups->runWrite(step.name, op, *step.ops[op].write, step.ops[op].sql,
                             txidOf(step.name), rows);
  return execute(step.ops[op].sql, &rows);
}

MaybeFailure RangeBatches::write(const ScriptStep &step, size_t op, const std::string &head,
                                 const std::string &cond, uint64_t &rows) {
  std::string sql = head + (cond.empty() ? "" : " WHERE " + cond);
  if (!backups)
    return execute(sql, &rows);
  // The batch's rows are backed up as the rows of a write with its range.
  RowWrite w = *step.ops[op].write;
  w.where = cond;
  return backups->runWrite(step.name, op, w, sql, txidOf(step.name), rows);
}

const std::string &RangeBatches::txidOf(const std::string &migration) {
  std::string &id = txids[migration];
  if (id.empty())
    id = LiteralBackups::newTxid();
  return id;
}

llvm::Expected<const RangeBatches::Key *> RangeBatches::keyFor(const std::string &table) {
  auto found = keys.find(table);
  if (found == keys.end()) {
    llvm::Expected<Key> k = readKey(table);
    if (!k)
      return k.takeError();
    found = keys.try_emplace(table, std::move(*k)).first;
  }
  return &found->second;
}

llvm::Expected<std::vector<std::string>> RangeBatches::keyOf(const std::string &table) {
  llvm::Expected<const Key *> k = keyFor(table);
  if (!k)
    return k.takeError();
  return (*k)->columns;
}

std::string RangeBatches::deleteFrom(const RowWrite &w) const {
  return "DELETE FROM " + w.table + (w.alias.empty() ? "" : " AS " + w.alias);
}

std::string RangeBatches::keyLiteral(const Key &k, size_t column, const std::string &value) const {
  if (k.numeric[column] && !value.empty() &&
      value.find_first_not_of("0123456789+-.eE") == std::string::npos)
    return value;
  return stringLiteral(value);
}

/// The rows whose key comes after `last` (`strict`) or not after it, in
/// the key's order: `a > x OR (a = x AND b > y)`.
static std::string keyCompare(const std::vector<std::string> &columns,
                              const std::vector<std::string> &literals, bool after) {
  std::string out;
  for (size_t i = columns.size(); i-- > 0;) {
    bool lastColumn = i + 1 == columns.size();
    std::string op = after ? ">" : (lastColumn ? "<=" : "<");
    std::string here = columns[i] + " " + op + " " + literals[i];
    if (lastColumn)
      out = here;
    else
      out = "(" + here + " OR (" + columns[i] + " = " + literals[i] + " AND " + out + "))";
  }
  return columns.size() == 1 ? out : "(" + out + ")";
}

MaybeFailure RangeBatches::runBatch(const ScriptStep &step, size_t op,
                                    const std::vector<std::string> &last, unsigned size,
                                    BatchOutcome &out) {
  const RowWrite &w = *step.ops[op].write;
  llvm::Expected<const Key *> found = keyFor(w.table);
  if (!found)
    return BatchFailure{llvm::toString(found.takeError())};
  const Key &k = **found;
  if (k.columns.empty() || (!last.empty() && last.size() != k.columns.size()))
    return BatchFailure{"table " + w.table + " has no key to run batches in (or it changed "
                        "since the checkpoint was written)"};
  auto literals = [&](const std::vector<std::string> &values) {
    std::vector<std::string> out;
    for (size_t i = 0; i < values.size(); ++i)
      out.push_back(keyLiteral(k, i, values[i]));
    return out;
  };
  std::string from = w.table + (w.alias.empty() ? "" : " AS " + w.alias);
  std::string where = w.where.empty() ? "" : "(" + w.where + ")";
  std::string after = last.empty() ? "" : keyCompare(k.columns, literals(last), true);
  auto conj = [](std::string a, const std::string &b) {
    return a.empty() ? b : b.empty() ? a : a + " AND " + b;
  };

  std::string reads, order;
  for (size_t i = 0; i < k.columns.size(); ++i) {
    reads += (i ? ", " : "") + k.reads[i];
    order += (i ? ", " : "") + k.columns[i];
  }
  // Only the batch's last key comes back (OFFSET size - 1), not every key:
  // with batches of 10,000 that took SQLite's batched apply of 1,000,000
  // rows from 0.50x to 0.65x the single UPDATE's throughput.
  std::string cond = conj(after, where);
  std::vector<std::vector<std::string>> rows;
  if (MaybeFailure f = select("SELECT " + reads + " FROM " + from +
                                  (cond.empty() ? "" : " WHERE " + cond) + " ORDER BY " + order +
                                  " LIMIT 1 OFFSET " + std::to_string(size - 1),
                              rows))
    return f;
  std::string sql = w.isDelete ? deleteFrom(w) : "UPDATE " + from + " SET " + w.assignments;
  if (rows.empty()) {
    // Fewer than `size` rows are left: the last batch takes them all, and
    // is short, which ends the operation.
    MaybeFailure f = write(step, op, sql, cond, out.changed);
    out.scanned = out.changed;
    return f;
  }
  out.scanned = size;
  out.last = rows.front();
  out.last.resize(k.columns.size());
  std::string range = conj(conj(after, keyCompare(k.columns, literals(out.last), false)), where);
  return write(step, op, sql, range, out.changed);
}

llvm::Expected<std::vector<std::string>> RangeBatches::interruptedMigrations() {
  std::vector<std::string> names;
  if (!tableExists(batchTableName()))
    return names;
  std::vector<std::vector<std::string>> rows;
  if (MaybeFailure f = select("SELECT name FROM " + batchTableName().str() + " ORDER BY name", rows))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), f->message);
  for (const auto &r : rows)
    names.push_back(r.empty() ? "" : r.front());
  return names;
}
