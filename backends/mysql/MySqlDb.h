//===- MySqlDb.h - one MariaDB Connector/C connection, and its URIs -*- C++ -*-===//
//
// The MySQL runtime's handle on a server: its URIs (docs/mysql.md, "Apply"),
// connecting through Connector/C (libmariadb), running statements one at a
// time, errors that carry the server's error number and SQLSTATE, and
// cancelling the running statement from a signal handler. No message shows
// the password: URIs are redacted, and every message of the library or the
// server is scrubbed of any piece of it (backends/common/Secrets.h).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/Secrets.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

struct st_mysql;

namespace shc {

/// `mysql://[user[:password]@][host][:port]/database[?socket=/path]`, also
/// `mariadb://`; user, password, database and socket percent-decoded.
struct MySqlUri {
  std::string user;
  std::optional<std::string> password; ///< none: MYSQL_PWD, or none at all
  std::string host;                    ///< "" or `localhost`: the unix socket
  unsigned port = 0;                   ///< 0: the default, 3306
  std::string database;
  std::string socket; ///< "" : the library's default socket
};

/// Whether `uri` is one of the MySQL runtime's (mysql:// or mariadb://).
bool isMySqlUri(llvm::StringRef uri);
/// The parts of `uri`; the error says what is wrong without quoting it.
llvm::Expected<MySqlUri> parseMySqlUri(llvm::StringRef uri);
/// `uri` with everything from the `:` after the user to the last `@`, and
/// any `password=` parameter's value, replaced by `***`, and any other piece
/// of 3 or more bytes of the password too; a string that does not parse is
/// not shown at all.
std::string redactMySqlUri(llvm::StringRef uri);
/// What may be a password: the parsed one, the one as written (also
/// decoded), MYSQL_PWD, and all of `uri` when it does not parse.
SecretScrubber mysqlSecrets(llvm::StringRef uri);

/// An error of the server or of Connector/C.
class MySqlError : public llvm::ErrorInfo<MySqlError> {
public:
  static char ID;
  MySqlError(std::string message, unsigned code, std::string sqlstate, bool connectionLost)
      : message(std::move(message)), code(code), sqlstate(std::move(sqlstate)),
        connectionLost(connectionLost) {}
  void log(llvm::raw_ostream &os) const override;
  std::error_code convertToErrorCode() const override { return llvm::inconvertibleErrorCode(); }
  std::string message; ///< `ERROR 1146 (42S02): Table 'd.t' doesn't exist`
  unsigned code = 0;   ///< the server's (or the client library's) error number
  std::string sqlstate;
  bool connectionLost = false;
};

/// What apply needs of a failure, from any llvm::Error (consumed).
struct MySqlFailure {
  std::string message;
  unsigned code = 0;
  bool connectionLost = false;
};
MySqlFailure describeMySqlFailure(llvm::Error e);

/// The server's error numbers apply decides on.
namespace myerr {
constexpr unsigned LockWaitTimeout = 1205;  ///< innodb_lock_wait_timeout
constexpr unsigned Deadlock = 1213;         ///< the transaction was rolled back
constexpr unsigned QueryInterrupted = 1317; ///< KILL QUERY
constexpr unsigned NoSuchTable = 1146;
constexpr unsigned StatementTimeout = 1969; ///< MariaDB's max_statement_time
constexpr unsigned ExecutionTimeout = 3024; ///< MySQL's max_execution_time
} // namespace myerr

using MySqlRows = std::vector<std::vector<std::optional<std::string>>>;

/// One open connection; closes it. A second connection is opened only to
/// cancel (KILL QUERY), by a thread that a signal handler wakes.
class MySqlDb {
public:
  MySqlDb(st_mysql *conn, MySqlUri uri, SecretScrubber scrubber);
  ~MySqlDb();
  MySqlDb(const MySqlDb &) = delete;
  MySqlDb &operator=(const MySqlDb &) = delete;

  /// Runs one statement; returns the rows it inserted, updated (matched) or
  /// deleted. A result set is read and dropped.
  llvm::Expected<uint64_t> exec(llvm::StringRef sql);
  /// Runs one statement and returns its rows as text.
  llvm::Expected<MySqlRows> query(llvm::StringRef sql);
  /// `value` as a string literal for this connection's sql_mode.
  std::string quote(llvm::StringRef value) const;
  /// MariaDB rather than MySQL (their timeout variables differ).
  bool isMariaDb() const;
  /// Asks the server to stop the statement running now. Async-signal-safe:
  /// it only writes a byte to a pipe, which wakes the cancelling thread.
  void cancelFromSignal();

private:
  llvm::Error lastError();
  void cancelLoop();

  st_mysql *conn;
  MySqlUri uri;
  SecretScrubber scrubber;
  unsigned long threadId = 0;
  int wake[2] = {-1, -1};
  std::thread canceller;
};

/// Connects to the database `uri` names. The error names the server without
/// secrets.
llvm::Expected<std::unique_ptr<MySqlDb>> connectMySql(llvm::StringRef uri);

/// The SQL expression of apply's lock name: the ledger's name and the
/// database's, cut to the 64 characters MySQL allows (GET_LOCK is
/// server-wide; two databases whose names share a long prefix only take
/// turns).
std::string mysqlLockNameSql();

} // namespace shc
