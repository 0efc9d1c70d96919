//===- MySqlRuntime.h - Connector/C behind the Runtime interface -*- C++ -*-===//
//
// apply, plan --uri and --uri on compile and lint for MySQL and MariaDB:
// `mysql://user:password@host:port/database`, `mysql://user@/database?
// socket=/path/to/mysqld.sock`, also `mariadb://` (docs/mysql.md, "Apply").
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/mysql/MySqlIntrospect.h"
#include "ir/Runtime.h"

namespace shc {

class MySqlRuntime : public Runtime {
public:
  /// `parseType` reads the types of stored functions (the dialect's type
  /// names).
  explicit MySqlRuntime(MySqlTypeParser parseType) : parseType(parseType) {}
  llvm::Expected<std::unique_ptr<LiveDatabase>> connect(llvm::StringRef uri) const override;
  std::string redact(llvm::StringRef uri) const override;
  ParsedScript parseCompiledFile(llvm::StringRef text, llvm::StringRef name) const override;

private:
  MySqlTypeParser parseType;
};

} // namespace shc
