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
};

/// Connects with libpq (a URI or a key=value string). The error message names
/// the connection string without its password.
llvm::Expected<std::unique_ptr<Connection>> connectPostgres(llvm::StringRef conninfo);

/// The connection string with any password replaced by `***`, for messages.
std::string redactConnectionString(llvm::StringRef conninfo);

} // namespace shc
