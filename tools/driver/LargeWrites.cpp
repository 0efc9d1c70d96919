//===- LargeWrites.cpp - lint --uri: big UPDATEs that are not batched ------===//
//
// One UPDATE over millions of rows holds their row locks until it commits,
// bloats the table and holds back vacuum and replicas. With --uri, lint
// asks the planner how many rows each UPDATE or DELETE without batchSize
// changes (EXPLAIN: nothing runs) and warns above --large-write-rows.
//
//===----------------------------------------------------------------------===//

#include "tools/driver/LargeWrites.h"

#include "ir/Diagnostics.h"
#include "ir/Dialect.h"
#include "ir/Emitter.h"
#include "ir/Module.h"
#include "ir/Runtime.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace shc;

/// The statements of `op` the planner can estimate, with where they are.
static std::vector<std::pair<std::string, SourceLoc>> writesOf(const Operation &op,
                                                               Emitter &emitter) {
  std::vector<std::pair<std::string, SourceLoc>> out;
  if (auto *u = llvm::dyn_cast<UpdateOp>(&op)) {
    if (u->resolved)
      out.push_back({emitter.updateStatement(*u), op.getLoc()});
  } else if (auto *c = llvm::dyn_cast<CustomSqlOp>(&op)) {
    for (const SqlStatement &st : c->statements)
      if (st.kind == StatementKind::Update || st.kind == StatementKind::Delete)
        out.push_back({c->sql.substr(st.offset, st.length), st.loc});
  }
  return out;
}

void shc::warnLargeUnbatchedWrites(const Module &module, const std::string &uri,
                                   uint64_t threshold, DiagnosticEngine &diags) {
  const Runtime *runtime = module.getTarget().runtime();
  if (!runtime)
    return;
  auto db = runtime->connect(uri);
  if (!db) {
    llvm::consumeError(db.takeError());
    return;
  }
  DiagnosticEngine quiet; // the emitter's own errors were reported already
  std::unique_ptr<Emitter> emitter = module.getTarget().createEmitter(quiet);
  if (!emitter)
    return;
  for (const auto &m : module.migrations)
    for (const OperationPtr &op : m->operations) {
      if (!op || op->batchSize || op->hasErrors)
        continue;
      for (const auto &[sql, loc] : writesOf(*op, *emitter)) {
        if (sql.empty())
          continue;
        llvm::Expected<double> rows = (*db)->estimateRows(sql);
        if (!rows) {
          llvm::consumeError(rows.takeError());
          continue;
        }
        if (*rows <= threshold)
          continue;
        std::string n;
        llvm::raw_string_ostream(n) << llvm::format("%.0f", *rows);
        diags
            .warning(loc, "unbatched-large-write",
                     "the planner estimates this changes " + n +
                         " rows in one transaction, holding their locks until it commits")
            .hint("add batchSize (for example batchSize: 10000) to run it in keyset batches, "
                  "each its own transaction (docs/batching.md)");
      }
    }
}
