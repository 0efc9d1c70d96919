//===- MySqlDialect.h - MySQL and MariaDB ---------------------------*- C++ -*-===//
#pragma once

#include "backends/mysql/MySqlCatalog.h"
#include "backends/mysql/MySqlEmitter.h"
#include "ir/Dialect.h"

namespace shc {

class MySqlDialect : public Dialect {
public:
  llvm::StringRef key() const override { return "mysql"; }
  llvm::StringRef displayName() const override { return "MySQL"; }
  const Catalog &catalog() const override { return catalogue; }
  std::unique_ptr<Emitter> createEmitter(DiagnosticEngine &diags) const override {
    return std::make_unique<MySqlEmitter>(catalogue, diags);
  }
  const Runtime *runtime() const override;

private:
  MySqlCatalog catalogue;
};

const Dialect &mysqlDialect();

} // namespace shc
