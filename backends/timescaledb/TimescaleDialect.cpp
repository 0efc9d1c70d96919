//===- TimescaleDialect.cpp - TimescaleDB, PostgreSQL with hypertables ----===//
//
// A PostgreSQL extension: the same statements, types, ledger and locks, with
// checks of its own for what a data migration costs on a hypertable
// (TimescaleChecks.cpp), hypertable facts read with --uri
// (TimescaleIntrospect.cpp), and continuous aggregates refreshed on request
// (TimescaleEmitter.cpp). docs/timescaledb.md.
//
//===----------------------------------------------------------------------===//

#include "backends/timescaledb/TimescaleDialect.h"

#include "backends/postgres/PostgresDialect.h"
#include "backends/timescaledb/TimescaleChecks.h"
#include "backends/timescaledb/TimescaleEmitter.h"
#include "backends/timescaledb/TimescaleIntrospect.h"

using namespace shc;

namespace {

class TimescaleDialect : public PostgresDialect {
public:
  using PostgresDialect::PostgresDialect;

  llvm::ArrayRef<DialectFlag> flags() const override {
    static const DialectFlag list[] = {
        {kRefreshFlag, "After each migration that writes a hypertable, refresh its continuous "
                       "aggregates (found with --uri) for the time range written"}};
    return list;
  }
  void check(const Module &module, const AnalysisResults &results,
             DiagnosticEngine &diags) const override {
    checkTimescale(module, results, diags);
  }
  std::unique_ptr<Emitter> createEmitter(DiagnosticEngine &diags) const override {
    return std::make_unique<TimescaleEmitter>(PostgresDialect::createEmitter(diags));
  }
};

} // namespace

const Dialect &shc::timescaleDialect() {
  static const PostgresFlavor flavor{"timescaledb", "TimescaleDB", true, true, {},
                                     addHypertableFacts};
  static const TimescaleDialect dialect(flavor);
  return dialect;
}
