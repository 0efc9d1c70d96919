//===- LiteralStore.h - row values as SQL literals (SQLite, MySQL) -*- C++ -*-===//
//
// apply --backup, revert and apply --rehearse on a runtime without jsonb
// (SQLite, MySQL) keep each value of a row as the SQL literal that writes it
// back exactly, read by the server itself: SQLite's quote(); on MySQL the
// shortest text that reads back as the same number, and hex with the
// column's character set for strings and bytes. A row's key, the values an
// operation changes and the values it wrote are JSON objects from column
// name to literal, so that revert writes each row back with one statement
// of literals and compares what is there now as text, byte for byte.
//
// A LiteralStore is one runtime's side: its statements (run through apply's
// runner, with its timeouts), how it describes a table, and the few pieces
// of SQL that differ. LiteralBackups.h, LiteralRevert.h and
// LiteralRehearse.h hold what the runtimes share. docs/rehearse-backup-revert.md.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/BatchLoop.h"
#include "ir/CompiledScript.h"
#include "ir/RowBackup.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace shc {

class SqlWriter;

/// The table row backups live in, on every runtime: schemahero_data_backups.
llvm::StringRef backupTableName();

/// Where a column goes in a LiteralColumn's expressions.
constexpr char kColumnHole = '\x01';

/// One column, and the expressions that read its value; each has
/// kColumnHole where the (qualified) column goes.
struct LiteralColumn {
  std::string name;    ///< as in the table, unquoted
  std::string literal; ///< its value as a literal; never NULL
  std::string display; ///< its value for a JSON object, for samples
};

/// What backups need of a table.
struct LiteralTable {
  /// Its primary key, else a unique index over NOT NULL columns; empty when
  /// it has neither.
  std::vector<LiteralColumn> key;
  /// Every column a DELETE's backup holds and its revert inserts (not the
  /// generated ones), in the table's order.
  std::vector<LiteralColumn> columns;
  const LiteralColumn *column(llvm::StringRef name) const;
};

/// A JSON object of literals read back: column name to literal.
using LiteralRow = std::vector<std::pair<std::string, std::string>>;
/// `text` (a JSON object of strings) as a LiteralRow; an error names `what`.
llvm::Expected<LiteralRow> parseLiteralRow(llvm::StringRef text, llvm::StringRef what);
/// `row` as values, for people: `{"id": 3, "name": "it's"}`. A number
/// stays a number, NULL is null, text (also hex with a character set) is a
/// string, bytes are `X'..'` and bits `b'..'` as strings.
std::string showLiteralRow(const LiteralRow &row);

class LiteralStore {
public:
  virtual ~LiteralStore();

  /// Runs every statement of `sql` in apply's transaction; adds the rows
  /// they changed to `rows` when given.
  virtual MaybeFailure execute(llvm::StringRef sql, uint64_t *rows) = 0;
  /// The rows of one SELECT, each value as text (NULL as "").
  virtual MaybeFailure select(const std::string &sql,
                              std::vector<std::vector<std::string>> &rows) = 0;
  virtual bool tableExists(llvm::StringRef name) = 0;
  /// What backups need of `table` (as a statement writes it).
  virtual llvm::Expected<LiteralTable> describe(const std::string &table) = 0;

  /// The backup table's CREATE statements; `temporary` for a dry run on an
  /// engine whose CREATE TABLE would end the transaction.
  virtual std::vector<std::string> createBackupTable(bool temporary) const = 0;
  /// The statements that make the temporary table shc_backup_keys from
  /// `select` (whose columns are shc_k0... and shc_kj, the key as JSON),
  /// with an index on shc_kj.
  virtual std::vector<std::string> createKeysTable(const std::string &select) const = 0;
  virtual std::string dropKeysTable() const = 0;
  /// What a SELECT of the rows a write changes ends with to lock them:
  /// ` FOR UPDATE`, or "" where the transaction holds the database.
  virtual std::string lockRows() const { return ""; }
  /// The time now, UTC, as the backup table's timestamps hold it, and that
  /// time `ms` milliseconds ago.
  virtual std::string nowSql() const = 0;
  virtual std::string agoSql(uint64_t ms) const = 0;
  /// `a = b` for two texts, byte for byte.
  virtual std::string sameBytes(const std::string &a, const std::string &b) const = 0;
  /// The head of a DELETE of `w`'s rows, without its condition.
  virtual std::string deleteHead(const RowWrite &w) const;
  /// The locks a rehearsed migration's writes take (what the engine takes
  /// for such writes: neither engine lists a transaction's locks at once).
  virtual std::vector<std::string> locksOf(const StepRehearsal &rh) const = 0;

  const SqlWriter &writer;

  /// `table` described once.
  llvm::Expected<const LiteralTable *> table(const std::string &name);

  // --- SQL the runtimes share ---------------------------------------------------

  /// The literal (the display) of column `c`, qualified by `qualifier`.
  std::string literalOf(const LiteralColumn &c, llvm::StringRef qualifier) const;
  std::string displayOf(const LiteralColumn &c, llvm::StringRef qualifier) const;
  /// `json_object('a', <literal of q.a>, ...)`.
  std::string literalObject(const std::vector<LiteralColumn> &columns,
                            llvm::StringRef qualifier) const;
  /// `json_object('a', <display of q.a>, ...)`.
  std::string displayObject(const std::vector<LiteralColumn> &columns,
                            llvm::StringRef qualifier) const;
  /// `q.a, q.b`.
  std::string columnList(const std::vector<LiteralColumn> &columns,
                         llvm::StringRef qualifier) const;
  /// `a = lit AND b IS NULL`: the row whose key `row` holds.
  std::string keyMatch(const LiteralRow &row) const;
  /// The rows up to and including the one with key `last` in key order:
  /// `a < x OR (a = x AND b <= y)`, each column qualified.
  std::string keyUpTo(const std::vector<LiteralColumn> &key, const std::vector<std::string> &last,
                      llvm::StringRef qualifier) const;
  /// The name a write's columns are qualified by: its alias, else its table.
  std::string rowName(const RowWrite &w) const;
  /// `table [AS alias]`.
  std::string fromItem(const RowWrite &w) const;
  /// ` WHERE (cond)`, or "".
  std::string whereClause(const RowWrite &w) const;
  /// The write without its condition.
  std::string writeHead(const RowWrite &w) const;
  std::string ident(llvm::StringRef name) const;
  std::string literal(llvm::StringRef text) const;

protected:
  LiteralStore(const SqlWriter &writer, char quote) : writer(writer), quote(quote) {}

private:
  char quote;
  llvm::StringMap<LiteralTable> tables;
};

/// Why the rows of `op` cannot be backed up, or "".
std::string backupRefusal(const ScriptOp &op, const LiteralTable *table);
/// apply --backup's refusal of `script`, every runtime's: each operation
/// `why` gives a reason for (and each compiled file's step), or "" when
/// every one can be backed up.
std::string backupRefusals(const CompiledScript &script,
                           const std::function<std::string(const ScriptOp &)> &why);

} // namespace shc
