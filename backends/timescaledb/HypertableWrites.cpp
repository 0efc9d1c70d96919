//===- HypertableWrites.cpp - the writes a migration makes to hypertables -===//

#include "backends/timescaledb/HypertableWrites.h"

#include "ir/Module.h"

using namespace shc;

static void addUpdate(const UpdateOp &u, llvm::StringRef verb, SourceLoc loc,
                      std::vector<HypertableWrite> &out) {
  if (!u.resolved)
    return;
  std::optional<Hypertable> h = readHypertable(*u.resolved);
  if (!h)
    return;
  HypertableWrite w{*h, verb, loc, u.whereLoc.isValid() ? u.whereLoc : loc};
  w.hasWhere = u.where || !u.uncheckedWhere.empty();
  w.range = timeRange(u.where.get(), h->timeColumn);
  out.push_back(std::move(w));
}

std::vector<HypertableWrite> shc::hypertableWrites(const Migration &m) {
  std::vector<HypertableWrite> out;
  for (const OperationPtr &op : m.operations) {
    if (auto *u = llvm::dyn_cast_or_null<UpdateOp>(op.get())) {
      addUpdate(*u, "UPDATE", u->getLoc(), out);
      continue;
    }
    auto *c = llvm::dyn_cast_or_null<CustomSqlOp>(op.get());
    if (!c)
      continue;
    for (const SqlStatement &st : c->statements) {
      if (!st.analysed)
        continue;
      if (st.query.update) {
        addUpdate(*st.query.update, st.kind == StatementKind::Delete ? "DELETE" : "UPDATE", st.loc,
                  out);
      } else if (st.query.insert && st.query.insert->resolved) {
        if (std::optional<Hypertable> h = readHypertable(*st.query.insert->resolved))
          out.push_back({*h, "INSERT", st.loc, st.loc});
      }
    }
  }
  return out;
}
