//===- Connection.h - a live database, behind a small interface -*- C++ -*-===//
//
// apply, plan --uri and the introspection of --uri talk to the database
// through this interface only, so unit tests can use a fake (Ninja's
// VirtualFileSystem). connectPostgres() is the libpq implementation.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace shc {

/// One statement's command tag word ("UPDATE") and the rows it changed.
struct StatementResult {
  std::string command;
  uint64_t rows = 0;
};

/// Rows as text; a NULL is nullopt.
using Rows = std::vector<std::vector<std::optional<std::string>>>;

/// An error from the server or from libpq, with what apply decides on: the
/// SQLSTATE (40001 is retried, 55P03 is a lock wait that timed out) and
/// whether the connection is gone (a COMMIT that failed so may have
/// committed).
class DatabaseError : public llvm::ErrorInfo<DatabaseError> {
public:
  static char ID;
  DatabaseError(std::string message, std::string sqlstate, bool connectionLost)
      : message(std::move(message)), sqlstate(std::move(sqlstate)),
        connectionLost(connectionLost) {}
  void log(llvm::raw_ostream &os) const override;
  std::error_code convertToErrorCode() const override { return llvm::inconvertibleErrorCode(); }
  std::string message;
  std::string sqlstate;
  bool connectionLost = false;
};

/// What apply needs to know of a failure, from any llvm::Error (consumed).
struct Failure {
  std::string message;
  std::string sqlstate; ///< empty when not a DatabaseError
  bool connectionLost = false;
};
Failure describeFailure(llvm::Error e);

class Connection {
public:
  virtual ~Connection();
  /// Runs one or more `;`-separated statements (simple query protocol) and
  /// returns each INSERT/UPDATE/DELETE's command and row count, in order.
  /// Stops at the first error, which is returned as a StringError with the
  /// server's message.
  virtual llvm::Expected<std::vector<StatementResult>> exec(llvm::StringRef sql) = 0;
  /// One statement with $1.. text parameters.
  virtual llvm::Expected<Rows> query(llvm::StringRef sql,
                                     llvm::ArrayRef<std::string> params = {}) = 0;
  /// Asks the server to cancel the statement running now, if any. Must be
  /// async-signal-safe: a SIGINT or SIGTERM handler calls it.
  virtual void cancelFromSignal() {}
};

/// Connects with libpq (a URI or a key=value string). No message, of the
/// connection or of its later errors, shows the password (Redact.h).
llvm::Expected<std::unique_ptr<Connection>> connectPostgres(llvm::StringRef conninfo);

} // namespace shc
