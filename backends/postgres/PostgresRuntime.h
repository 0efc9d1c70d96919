//===- PostgresRuntime.h - libpq behind the Runtime interface ------*- C++ -*-===//
#pragma once

#include "backends/postgres/PostgresFlavor.h"
#include "ir/Runtime.h"

namespace shc {

class Connection;

class PostgresRuntime : public Runtime {
public:
  explicit PostgresRuntime(const PostgresFlavor &flavor) : flavor(flavor) {}
  llvm::Expected<std::unique_ptr<LiveDatabase>> connect(llvm::StringRef uri) const override;
  std::string redact(llvm::StringRef uri) const override;
  ParsedScript parseCompiledFile(llvm::StringRef text, llvm::StringRef name) const override;

  /// The LiveDatabase over an open connection (a fake one in unit tests).
  std::unique_ptr<LiveDatabase> wrap(std::unique_ptr<Connection> conn) const;

private:
  const PostgresFlavor &flavor;
};

} // namespace shc
