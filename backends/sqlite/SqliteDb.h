//===- SqliteDb.h - one open libsqlite3 database, and its errors -*- C++ -*-===//
//
// The SQLite runtime's handle on a database file: opening it from the URIs
// apply accepts (docs/apply.md, "SQLite"), running statements, and the
// error texts. The ledger's name and the message for a changed migration
// are the same words the postgres family uses.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace shc {

struct LedgerRecord;

/// Owns a sqlite3 handle; closes it.
class SqliteDb {
public:
  explicit SqliteDb(sqlite3 *db) : db(db) {}
  ~SqliteDb();
  SqliteDb(const SqliteDb &) = delete;
  SqliteDb &operator=(const SqliteDb &) = delete;
  sqlite3 *get() const { return db; }

  /// Runs `sql` (any number of statements), discarding rows.
  llvm::Error exec(llvm::StringRef sql);
  /// The first column of the first row of `sql` with `?1`... bound to
  /// `args` as text; nullopt when there is no row or the value is NULL.
  llvm::Expected<std::optional<std::string>> queryOne(llvm::StringRef sql,
                                                      const std::vector<std::string> &args = {});
  /// Every row of `sql`, each column as text ("" for NULL).
  llvm::Expected<std::vector<std::vector<std::string>>>
  query(llvm::StringRef sql, const std::vector<std::string> &args = {});

private:
  sqlite3 *db;
};

/// The error of the last call on `db`: its message, prefixed by `what`.
llvm::Error sqliteError(sqlite3 *db, llvm::StringRef what = "");

/// The `file:` URI SQLite opens for `uri`: `sqlite:///abs/path.db` and
/// `sqlite:/abs/path.db` are absolute, `sqlite://rel.db` and `sqlite:rel.db`
/// relative to the working directory, `file:` URIs as they are; the query
/// string is SQLite's own. nullopt for any other string. `create` tells
/// whether the URI asks for a missing file to be created (`mode=rwc`, or an
/// in-memory database).
std::optional<std::string> sqliteFileUri(llvm::StringRef uri, bool &create);

/// How long a connection waits for a writer's commit when it reads (opening,
/// introspection): SQLite's busy timeout outside apply.
constexpr int kReadBusyTimeoutMs = 5000;

/// Opens the database `uri` names for reading and writing; a missing file is
/// an error unless the URI says `mode=rwc`. The error names the database
/// without secrets.
llvm::Expected<std::unique_ptr<SqliteDb>> openSqlite(llvm::StringRef uri);

/// `uri` with the value of every `password`, `key`, `hexkey`, `textkey`,
/// `rekey`, `hexrekey` and `passphrase` parameter (SQLCipher's) replaced by
/// `***`.
std::string redactSqliteUri(llvm::StringRef uri);

/// The ledger table's name: schemahero_data_migrations.
llvm::StringRef sqliteLedgerTable();

/// The error of a changed migration that is not proved idempotent, in the
/// words of the postgres family's guard, with its hint.
std::string sqliteChangedMigrationError(const LedgerRecord &record);

} // namespace shc
