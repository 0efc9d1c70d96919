//===- PostgresRuntime.cpp - libpq behind the Runtime interface -----------===//

#include "backends/postgres/PostgresRuntime.h"

#include "backends/postgres/Apply.h"
#include "backends/postgres/Connection.h"
#include "backends/postgres/Introspect.h"
#include "backends/postgres/Redact.h"
#include "backends/postgres/Rehearse.h"
#include "backends/postgres/Revert.h"
#include "backends/postgres/RowBackup.h"
#include "backends/postgres/ScriptParse.h"

using namespace shc;

namespace {

class PgLiveDatabase : public LiveDatabase {
public:
  PgLiveDatabase(const PostgresFlavor &flavor, std::unique_ptr<Connection> conn)
      : flavor(flavor), conn(std::move(conn)) {}

  llvm::Expected<std::vector<LiveTable>> tables() override {
    llvm::Expected<std::vector<LiveTable>> tables = introspectTables(*conn);
    if (tables && flavor.describeTables)
      flavor.describeTables(*conn, *tables);
    return tables;
  }
  llvm::Expected<std::vector<Signature>> functions(const std::vector<std::string> &names) override {
    return introspectFunctions(*conn, names);
  }
  llvm::Expected<double> estimateRows(llvm::StringRef statement) override {
    return shc::estimateRows(*conn, statement);
  }
  ApplyReport apply(const CompiledScript &script, const ApplyOptions &opts) override {
    if (opts.rehearse) {
      ApplyOptions dry = opts;
      dry.dryRun = true;
      RehearseHooks hooks(opts.sampleRows);
      return applyScript(*conn, script, dry, flavor.advisoryLocks, &hooks);
    }
    if (opts.backup) {
      BackupHooks hooks(script);
      return applyScript(*conn, script, opts, flavor.advisoryLocks, &hooks);
    }
    return applyScript(*conn, script, opts, flavor.advisoryLocks);
  }
  void cancelFromSignal() override { conn->cancelFromSignal(); }

  /// Savepoints, jsonb, pg_locks and advisory locks: PostgreSQL and
  /// TimescaleDB, not CockroachDB.
  bool supportsRowBackups() const override { return flavor.doBlocks && flavor.advisoryLocks; }
  RevertReport revert(llvm::StringRef migration, const RevertOptions &opts) override {
    return revertMigration(*conn, migration, opts);
  }
  llvm::Expected<std::vector<BackupSummary>> backups() override { return listBackups(*conn); }
  llvm::Expected<uint64_t> pruneBackups(uint64_t olderThanMs) override {
    return shc::pruneBackups(*conn, olderThanMs);
  }
  llvm::Expected<double> estimateBackupBytes(llvm::StringRef schema, llvm::StringRef table,
                                             const std::vector<std::string> &columns,
                                             double rows) override {
    if (!supportsRowBackups())
      return LiveDatabase::estimateBackupBytes(schema, table, columns, rows);
    return shc::estimateBackupBytes(*conn, schema, table, columns, rows);
  }

private:
  const PostgresFlavor &flavor;
  std::unique_ptr<Connection> conn;
};

} // namespace

llvm::Expected<std::unique_ptr<LiveDatabase>>
PostgresRuntime::connect(llvm::StringRef uri) const {
  auto conn = connectPostgres(uri);
  if (!conn)
    return conn.takeError();
  return wrap(std::move(*conn));
}

std::unique_ptr<LiveDatabase> PostgresRuntime::wrap(std::unique_ptr<Connection> conn) const {
  return std::make_unique<PgLiveDatabase>(flavor, std::move(conn));
}

std::string PostgresRuntime::redact(llvm::StringRef uri) const {
  return redactConnectionString(uri);
}

ParsedScript PostgresRuntime::parseCompiledFile(llvm::StringRef text,
                                                llvm::StringRef name) const {
  return shc::parseCompiledFile(text, name, flavor.key);
}
