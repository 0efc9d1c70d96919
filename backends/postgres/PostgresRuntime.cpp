//===- PostgresRuntime.cpp - libpq behind the Runtime interface -----------===//

#include "backends/postgres/PostgresRuntime.h"

#include "backends/postgres/Apply.h"
#include "backends/postgres/Connection.h"
#include "backends/postgres/Introspect.h"
#include "backends/postgres/Redact.h"
#include "backends/postgres/ScriptParse.h"

using namespace shc;

namespace {

class PgLiveDatabase : public LiveDatabase {
public:
  PgLiveDatabase(const PostgresFlavor &flavor, std::unique_ptr<Connection> conn)
      : flavor(flavor), conn(std::move(conn)) {}

  llvm::Expected<std::vector<LiveTable>> tables() override { return introspectTables(*conn); }
  llvm::Expected<std::vector<Signature>> functions(const std::vector<std::string> &names) override {
    return introspectFunctions(*conn, names);
  }
  llvm::Expected<double> estimateRows(llvm::StringRef statement) override {
    return shc::estimateRows(*conn, statement);
  }
  ApplyReport apply(const CompiledScript &script, const ApplyOptions &opts) override {
    return applyScript(*conn, script, opts, flavor.advisoryLocks);
  }
  void cancelFromSignal() override { conn->cancelFromSignal(); }

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
