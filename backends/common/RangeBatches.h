//===- RangeBatches.h - batches as key ranges, without RETURNING --*- C++ -*-===//
//
// The batched loop's session (BatchLoop.h) for a runtime whose UPDATE cannot
// return the keys it changed (SQLite, MySQL). A batch reads its keys first,
// then writes the key range they span:
//
//   SELECT key FROM t WHERE key > last AND (where) ORDER BY key
//     LIMIT 1 OFFSET n - 1                         -- the batch's last key
//   UPDATE t SET ... WHERE key > last AND key <= batch_last AND (where)
//
// (without a last key, fewer than n rows are left: the UPDATE takes them
// all and ends the operation)
//
// both in the batch's transaction. The ranges of successive batches do not
// overlap, so each row is written at most once, and the WHERE is checked
// again by the write, so a row another connection changed meanwhile is
// judged by its new values. A composite key compares lexicographically
// (`a > x OR (a = x AND b > y)`), which both engines can use an index for.
//
// The checkpoint table is the same plain SQL on both; its last_key is a
// JSON array of the key's values as the runtime reads them.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/BatchLoop.h"

#include "llvm/ADT/StringMap.h"

#include <map>

namespace shc {

class LiteralBackups;
class SqlWriter;

/// A table's name as a statement writes it (`t`, `"main"."t"`, `` `d`.`t` ``)
/// as its parts, unquoted; `quote` is the dialect's identifier quote.
std::vector<std::string> splitQualifiedName(llvm::StringRef text, char quote);

class RangeBatches : public BatchSession {
public:
  /// The key batches of a table are ordered by: its columns as SQL names
  /// (quoted where needed), the expression that reads each for the
  /// checkpoint, and whether it is a number (written bare) or not (written
  /// as a string literal).
  struct Key {
    std::vector<std::string> columns, reads;
    std::vector<bool> numeric;
  };

  MaybeFailure prepareCheckpoints() override;
  MaybeFailure readCheckpoint(const std::string &name,
                              std::optional<BatchCheckpoint> &out) override;
  MaybeFailure writeCheckpoint(const std::string &name, const BatchCheckpoint &cp) override;
  MaybeFailure finish(const LedgerRecord &r) override;
  MaybeFailure runWhole(const ScriptStep &step, size_t op, uint64_t &rows) override;
  MaybeFailure runBatch(const ScriptStep &step, size_t op, const std::vector<std::string> &last,
                        unsigned size, BatchOutcome &out) override;
  llvm::Expected<std::vector<std::string>> keyOf(const std::string &table) override;
  llvm::Expected<std::vector<std::string>> interruptedMigrations() override;

  /// apply --backup: each batch's rows (and those of an operation run
  /// whole) saved in its transaction, under one id per migration in this
  /// apply; the migration marked backed up when it finishes.
  void backUpWith(LiteralBackups *b) { backups = b; }

protected:
  explicit RangeBatches(const SqlWriter &writer) : writer(writer) {}

  /// Runs every statement of `sql`; adds the rows they changed to `rows`
  /// when given (not those of the ledger).
  virtual MaybeFailure execute(llvm::StringRef sql, uint64_t *rows) = 0;
  /// The rows of one SELECT, each value as text (NULL as "").
  virtual MaybeFailure select(const std::string &sql,
                              std::vector<std::vector<std::string>> &rows) = 0;
  virtual bool tableExists(llvm::StringRef name) = 0;
  /// The key of `table` (as a statement writes it); no columns: none.
  virtual llvm::Expected<Key> readKey(const std::string &table) = 0;
  /// The checkpoint table's CREATE TABLE IF NOT EXISTS.
  virtual std::string createCheckpointTable() const = 0;
  /// `DELETE FROM t ...` as the dialect writes a DELETE of `w`'s table.
  virtual std::string deleteFrom(const RowWrite &w) const;
  /// A value read by Key::reads as a literal of the dialect.
  virtual std::string keyLiteral(const Key &k, size_t column, const std::string &value) const;

  const SqlWriter &writer;

private:
  llvm::Expected<const Key *> keyFor(const std::string &table);
  /// Runs `head` WHERE `cond` (all rows when empty) for operation `op`.
  MaybeFailure write(const ScriptStep &step, size_t op, const std::string &head,
                     const std::string &cond, uint64_t &rows);
  /// The backup id of `migration` in this apply.
  const std::string &txidOf(const std::string &migration);
  LiteralBackups *backups = nullptr;
  std::map<std::string, std::string> txids;
  std::string stringLiteral(llvm::StringRef s) const;

  llvm::StringMap<Key> keys;
};

} // namespace shc
