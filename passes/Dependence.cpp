//===- Dependence.cpp - unordered migrations that touch the same data -----===//
//
// An analysis: two migrations of the same phase that `requires` does not
// order, directly or transitively, run in the order of the name tie-break
// only. When one writes a column the other reads or writes, that accident
// decides the result: warn.
//
// At most one warning per migration, on the one that runs later: it names
// the first such migration before it, and how many more there are on that
// column. Ten thousand independent migrations on twenty hot tables are some
// twenty million such pairs; a warning per pair buries the point. The count
// comes from an index per column (DependenceIndex.h) and the requires order
// as chain labels (RequiresOrder.h): O(accesses x labels x log), no pass
// over pairs.
//
// What customSQL does is known only for the statements the custom-sql pass
// parsed (validate: true). The rest is opaque and skipped rather than treated
// as touching everything: a warning on every pair would bury the real ones.
//
//===----------------------------------------------------------------------===//

#include "ir/AnalysisResults.h"
#include "passes/Passes.h"

#include "ir/Diagnostics.h"
#include "ir/Module.h"
#include "passes/DependenceIndex.h"
#include "passes/Effects.h"
#include "passes/RequiresOrder.h"

#include "llvm/ADT/StringMap.h"

#include <map>
#include <set>

using namespace shc;

namespace {

using ColumnKey = std::pair<std::string, std::string>; ///< (table, column)

/// A migration's first access per column and per table, in source order.
struct Node {
  std::map<ColumnKey, SourceLoc> reads, writes;
  std::map<std::string, SourceLoc> rowWrites; ///< table -> first INSERT/DELETE
  std::map<std::string, SourceLoc> tables;    ///< table -> first column access
};

/// The lists of one phase's column or table.
struct Lists {
  AccessList writers, touchers;
};

/// What one migration conflicts with on one column or table.
struct Conflict {
  int strength; ///< 0: both write, 1: it writes, 2: it reads, 3: rows
  std::string what;
  SourceLoc at;
  const AccessList *peers;
  unsigned count;
  bool rowsByPeer = false; ///< the peer inserts or deletes the rows
};

class DependencePass : public Pass {
public:
  llvm::StringRef getName() const override { return "dependence"; }
  LogicalResult run(Module &module, PassContext &ctx) override;

private:
  Lists &lists(Phase phase, const std::string &table, const std::string *column);
  void collect(const Module &module);
  void report(unsigned v, const Module &module, DiagnosticEngine &diags);

  /// The schedule's execution order (AnalysisResults).
  const std::vector<const Migration *> *exec = nullptr;
  std::vector<Node> nodes;
  llvm::StringMap<unsigned> keys;
  std::vector<std::unique_ptr<Lists>> all;
  std::unique_ptr<RequiresOrder> order;
};

} // namespace

static std::string columnName(const ColumnKey &c) { return c.first + "." + c.second; }

Lists &DependencePass::lists(Phase phase, const std::string &table, const std::string *column) {
  // Phases never conflict: before_schema ones all run first.
  std::string key(1, phase == Phase::BeforeSchema ? 'b' : 'a');
  key += table;
  if (column) {
    key += '\0';
    key += *column;
  }
  auto [it, inserted] = keys.try_emplace(key, static_cast<unsigned>(all.size()));
  if (inserted)
    all.push_back(std::make_unique<Lists>());
  return *all[it->second];
}

void DependencePass::collect(const Module &module) {
  const std::vector<const Migration *> &exec = *this->exec;
  nodes.assign(exec.size(), Node());
  for (unsigned v = 0; v < exec.size(); ++v) {
    Node &n = nodes[v];
    for (const OperationPtr &op : exec[v]->operations) {
      if (!op)
        continue;
      // What could be analysed counts; the opaque rest is skipped.
      OperationEffects fx = computeEffects(*op);
      for (const ColumnAccess &a : fx.reads)
        n.reads.emplace(ColumnKey(a.table, a.column), a.loc);
      for (const ColumnAccess &a : fx.writes)
        n.writes.emplace(ColumnKey(a.table, a.column), a.loc);
      for (const std::string &t : fx.rowWrites)
        n.rowWrites.emplace(t, op->getLoc());
    }
    for (const auto *m : {&n.writes, &n.reads})
      for (const auto &[col, loc] : *m)
        n.tables.emplace(col.first, loc);
    Phase phase = exec[v]->phase;
    for (const auto &[col, loc] : n.writes) {
      Lists &l = lists(phase, col.first, &col.second);
      l.writers.add(v, loc);
      auto read = n.reads.find(col);
      l.touchers.add(v, read != n.reads.end() ? read->second : loc);
    }
    for (const auto &[col, loc] : n.reads)
      lists(phase, col.first, &col.second).touchers.add(v, loc);
    for (const auto &[table, loc] : n.rowWrites)
      lists(phase, table, nullptr).writers.add(v, loc);
    for (const auto &[table, loc] : n.tables)
      lists(phase, table, nullptr).touchers.add(v, loc);
  }
  for (const auto &l : all) {
    l->writers.finish(*order);
    l->touchers.finish(*order);
  }
}

void DependencePass::report(unsigned v, const Module &module, DiagnosticEngine &diags) {
  const Node &n = nodes[v];
  Phase phase = (*exec)[v]->phase;
  std::vector<Conflict> found;
  auto consider = [&](int strength, std::string what, SourceLoc at, const AccessList &peers) {
    unsigned count = peers.countUnorderedBefore(v, *order);
    if (count)
      found.push_back({strength, std::move(what), at, &peers, count});
    return count != 0;
  };
  for (const auto *m : {&n.writes, &n.reads})
    for (const auto &[col, loc] : *m) {
      bool writes = m == &n.writes;
      if (!writes && n.writes.count(col))
        continue;
      const Lists &l = lists(phase, col.first, &col.second);
      if (!writes) {
        consider(2, columnName(col), loc, l.writers);
      } else if (consider(0, columnName(col), loc, l.writers)) {
        // Named: a writer; counted: every reader and writer.
        found.back().count = l.touchers.countUnorderedBefore(v, *order);
      } else {
        consider(1, columnName(col), loc, l.touchers);
      }
    }
  for (const auto &[table, loc] : n.rowWrites)
    consider(3, "table " + table, loc, lists(phase, table, nullptr).touchers);
  for (const auto &[table, loc] : n.tables)
    if (consider(3, "table " + table, loc, lists(phase, table, nullptr).writers))
      found.back().rowsByPeer = true;
  if (found.empty())
    return;
  const Conflict &c = *std::min_element(found.begin(), found.end(), [](auto &a, auto &b) {
    return a.strength < b.strength;
  });
  const AccessList::Access &peer = c.peers->firstUnorderedBefore(v, *order);
  const std::string &mine = (*exec)[v]->name;
  const std::string &other = (*exec)[peer.pos]->name;
  std::string what;
  switch (c.strength) {
  case 0:
    what = "both write column " + c.what;
    break;
  case 1:
    what = "touch column " + c.what + " ('" + mine + "' writes it, '" + other + "' reads it)";
    break;
  case 2:
    what = "touch column " + c.what + " ('" + other + "' writes it, '" + mine + "' reads it)";
    break;
  default:
    what = "touch " + c.what + " ('" + (c.rowsByPeer ? other : mine) +
           "' inserts or deletes its rows)";
  }
  std::string message =
      "data migrations '" + other + "' and '" + mine + "' " + what + ", but neither requires the other";
  if (c.count > 1)
    message += " (and " + std::to_string(c.count - 1) + " more on " + c.what + ")";
  auto d = diags.warning(c.at, "unordered-migrations", message);
  d.note(peer.loc, "the other access is here");
  d.hint(std::string(other < mine ? "they run in name order" : "they run in tie-break order") +
         " ('" + other + "' first); add `requires: [" + other + "]` to '" + mine +
         "' if that order matters");
  std::set<std::string> others;
  for (const Conflict &f : found)
    others.insert(f.what);
  others.erase(c.what);
  std::string also;
  for (const std::string &o : others)
    also += (also.empty() ? "" : ", ") + o;
  if (!also.empty())
    d.hint("'" + mine + "' is also unordered with other migrations on " + also);
}

LogicalResult DependencePass::run(Module &module, PassContext &ctx) {
  // Without an execution order (a cycle or an unknown requirement, already
  // reported by schedule) "unordered" means nothing: say nothing.
  if (ctx.results.executionOrder.empty())
    return success();
  exec = &ctx.results.executionOrder;
  keys.clear();
  all.clear();
  order = std::make_unique<RequiresOrder>(*exec);
  collect(module);
  for (unsigned v = 0; v < nodes.size(); ++v)
    report(v, module, ctx.diags);
  nodes.clear();
  return success(); // warnings only
}

std::unique_ptr<Pass> shc::createDependencePass() { return std::make_unique<DependencePass>(); }
