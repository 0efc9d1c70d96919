//===- SqliteDialect.h - SQLite, and rqlite as its flavor ----------*- C++ -*-===//
#pragma once

#include "backends/sqlite/SqliteCatalog.h"
#include "backends/sqlite/SqliteEmitter.h"
#include "ir/Dialect.h"
#include "ir/Types.h"

#include "llvm/ADT/StringRef.h"

#include <optional>

namespace shc {

class SqliteDialect : public Dialect {
public:
  explicit SqliteDialect(const SqliteFlavor &flavor)
      : flavor(flavor), catalogue(flavor.displayName) {}

  llvm::StringRef key() const override { return flavor.key; }
  llvm::StringRef displayName() const override { return flavor.displayName; }
  /// rqlite reads `sqlite:` lists too: it is SQLite behind an HTTP API.
  std::vector<llvm::StringRef> specKeys() const override;
  const Catalog &catalog() const override { return catalogue; }
  std::unique_ptr<Emitter> createEmitter(DiagnosticEngine &diags) const override {
    return std::make_unique<SqliteEmitter>(flavor, catalogue, diags);
  }
  const Runtime *runtime() const override;
  /// Batches go by the rowid (SqliteBatches.h).
  std::vector<std::string> batchKey(const Table &) const override { return {"rowid"}; }

private:
  const SqliteFlavor &flavor;
  SqliteCatalog catalogue;
};

const Dialect &sqliteDialect();
const SqliteFlavor &sqliteFlavor();
/// A column type by SQLite's affinity rules (rqlite reads the same).
std::optional<Type> parseSqliteColumnType(llvm::StringRef spelling);

} // namespace shc
