//===- MySqlRuntime.cpp - Connector/C behind the Runtime interface --------===//

#include "backends/mysql/MySqlRuntime.h"

#include "backends/mysql/MySqlApply.h"
#include "backends/mysql/MySqlBackups.h"
#include "backends/mysql/MySqlDb.h"
#include "backends/mysql/MySqlScriptParse.h"

using namespace shc;

namespace {

class MySqlLiveDatabase : public LiveDatabase {
public:
  MySqlLiveDatabase(std::unique_ptr<MySqlDb> db, MySqlTypeParser parseType)
      : db(std::move(db)), parseType(parseType) {}

  llvm::Expected<std::vector<LiveTable>> tables() override { return introspectMySqlTables(*db); }
  llvm::Expected<std::vector<Signature>> functions(const std::vector<std::string> &names) override {
    return introspectMySqlFunctions(*db, names, parseType);
  }
  llvm::Expected<double> estimateRows(llvm::StringRef statement) override {
    return estimateMySqlRows(*db, statement);
  }
  ApplyReport apply(const CompiledScript &script, const ApplyOptions &opts) override {
    return applyMySqlScript(*db, script, opts);
  }
  void cancelFromSignal() override { db->cancelFromSignal(); }

  /// Values kept as literals (MySqlBackups.h).
  bool supportsRowBackups() const override { return true; }
  RevertReport revert(llvm::StringRef migration, const RevertOptions &opts) override {
    return revertMySql(*db, migration, opts);
  }
  llvm::Expected<std::vector<BackupSummary>> backups() override { return listMySqlBackups(*db); }
  llvm::Expected<uint64_t> pruneBackups(uint64_t olderThanMs) override {
    return pruneMySqlBackups(*db, olderThanMs);
  }
  llvm::Expected<double> estimateBackupBytes(llvm::StringRef schema, llvm::StringRef table,
                                             const std::vector<std::string> &columns,
                                             double rows) override {
    return estimateMySqlBackupBytes(*db, schema, table, columns, rows);
  }

private:
  std::unique_ptr<MySqlDb> db;
  MySqlTypeParser parseType;
};

} // namespace

llvm::Expected<std::unique_ptr<LiveDatabase>> MySqlRuntime::connect(llvm::StringRef uri) const {
  auto db = connectMySql(uri);
  if (!db)
    return db.takeError();
  return std::make_unique<MySqlLiveDatabase>(std::move(*db), parseType);
}

std::string MySqlRuntime::redact(llvm::StringRef uri) const { return redactMySqlUri(uri); }

ParsedScript MySqlRuntime::parseCompiledFile(llvm::StringRef text, llvm::StringRef name) const {
  return parseMySqlCompiledFile(text, name);
}
