//===- Dependence.cpp - unordered migrations that touch the same data -----===//
//
// An analysis: two migrations of the same phase that `requires` does not
// order, directly or transitively, run in name order only. When one writes a
// column the other reads or writes, that accident decides the result: warn,
// naming both migrations and the column.
//
// What customSQL does is known only for the statements the custom-sql pass
// parsed (validate: true). The rest is opaque and skipped rather than treated
// as touching everything: a warning on every pair would bury the real ones.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

#include "ir/Diagnostics.h"
#include "ir/Module.h"
#include "passes/Effects.h"

#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

#include <map>
#include <set>

using namespace shc;

namespace {

/// First access per (table, column), in source order.
using AccessMap = std::map<std::pair<std::string, std::string>, SourceLoc>;

struct Node {
  const Migration *m;
  AccessMap reads, writes;
  std::map<std::string, SourceLoc> rowWrites; ///< table -> first INSERT/DELETE
};

class DependencePass : public Pass {
public:
  llvm::StringRef getName() const override { return "dependence"; }
  LogicalResult run(Module &module, PassContext &ctx) override;
};

} // namespace

static void addAll(AccessMap &map, const std::vector<ColumnAccess> &accesses) {
  for (const ColumnAccess &a : accesses)
    map.emplace(std::make_pair(a.table, a.column), a.loc);
}

/// reach[i] has bit j set when migration i runs after j because of
/// `requires`, directly or transitively. Built in execution order (every
/// requirement comes first) with one bitset OR per edge: O(edges * n / 64)
/// rather than a walk per migration, which made 10,000 chained migrations
/// quadratic.
static std::vector<llvm::BitVector> reachability(const std::vector<Node> &nodes,
                                                 const Module &module) {
  llvm::StringMap<unsigned> index;
  for (unsigned i = 0; i < nodes.size(); ++i)
    index.try_emplace(nodes[i].m->name, i);
  size_t n = nodes.size();
  std::vector<llvm::BitVector> reach(n, llvm::BitVector(static_cast<unsigned>(n)));
  for (const Migration *m : module.executionOrder) {
    auto self = index.find(m->name);
    if (self == index.end())
      continue;
    llvm::BitVector &r = reach[self->second];
    for (const Requirement &req : m->requires) {
      auto it = index.find(req.name);
      if (it == index.end() || it->second == self->second)
        continue;
      r.set(it->second);
      r |= reach[it->second];
    }
  }
  return reach;
}

/// Pairs (i < j) of migrations of the same phase, unordered by `requires`,
/// that touch a common column or table: the only pairs worth comparing.
static std::vector<std::pair<unsigned, unsigned>>
candidatePairs(const std::vector<Node> &nodes, const std::vector<llvm::BitVector> &reach) {
  std::map<std::pair<std::string, std::string>, std::vector<unsigned>> writers, readers;
  std::map<std::string, std::vector<unsigned>> tableWriters, tableTouchers;
  for (unsigned i = 0; i < nodes.size(); ++i) {
    for (const auto &entry : nodes[i].writes) {
      writers[entry.first].push_back(i);
      tableTouchers[entry.first.first].push_back(i);
    }
    for (const auto &entry : nodes[i].reads) {
      readers[entry.first].push_back(i);
      tableTouchers[entry.first.first].push_back(i);
    }
    for (const auto &entry : nodes[i].rowWrites)
      tableWriters[entry.first].push_back(i);
  }
  std::vector<std::pair<unsigned, unsigned>> pairs;
  auto consider = [&](unsigned a, unsigned b) {
    if (a == b)
      return;
    if (a > b)
      std::swap(a, b);
    if (nodes[a].m->phase != nodes[b].m->phase || reach[a].test(b) || reach[b].test(a))
      return;
    pairs.emplace_back(a, b);
  };
  for (const auto &[col, ws] : writers) {
    for (size_t x = 0; x < ws.size(); ++x)
      for (size_t y = x + 1; y < ws.size(); ++y)
        consider(ws[x], ws[y]);
    auto rs = readers.find(col);
    if (rs != readers.end())
      for (unsigned w : ws)
        for (unsigned r : rs->second)
          consider(w, r);
  }
  for (const auto &[table, ws] : tableWriters) {
    auto ts = tableTouchers.find(table);
    if (ts != tableTouchers.end())
      for (unsigned w : ws)
        for (unsigned t : ts->second)
          consider(w, t);
  }
  llvm::sort(pairs);
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

static std::string columnName(const std::pair<std::string, std::string> &c) {
  return c.first + "." + c.second;
}

LogicalResult DependencePass::run(Module &module, PassContext &ctx) {
  std::vector<Node> nodes;
  std::set<std::string> seen;
  for (const auto &m : module.migrations) {
    if (!seen.insert(m->name).second)
      continue; // duplicates: reported by schedule
    Node n{m.get(), {}, {}, {}};
    for (const OperationPtr &op : m->operations) {
      if (!op)
        continue;
      // What could be analysed counts; the opaque rest is skipped.
      OperationEffects fx = computeEffects(*op);
      addAll(n.reads, fx.reads);
      addAll(n.writes, fx.writes);
      for (const std::string &t : fx.rowWrites)
        n.rowWrites.emplace(t, op->getLoc());
    }
    nodes.push_back(std::move(n));
  }
  llvm::sort(nodes, [](const Node &a, const Node &b) { return a.m->name < b.m->name; });
  // Without an execution order (a cycle or an unknown requirement, already
  // reported by schedule) "unordered" means nothing: say nothing.
  if (module.executionOrder.empty())
    return success();
  std::vector<llvm::BitVector> reach = reachability(nodes, module);

  DiagnosticEngine &diags = ctx.diags;
  for (auto [i, j] : candidatePairs(nodes, reach)) {
    {
      const Node &a = nodes[i], &b = nodes[j];
      auto warn = [&](SourceLoc at, SourceLoc other, const std::string &what) {
        diags
            .warning(at, "unordered-migrations",
                     "data migrations '" + a.m->name + "' and '" + b.m->name + "' " + what +
                         ", but neither requires the other")
            .note(other, "the other access is here")
            .hint("they run in name order ('" + a.m->name + "' first); add `requires: [" +
                  a.m->name + "]` to '" + b.m->name + "' if that order matters");
      };
      // One warning per column, the strongest relation first.
      std::set<std::pair<std::string, std::string>> done;
      for (const auto &[col, loc] : b.writes) {
        auto it = a.writes.find(col);
        if (it == a.writes.end())
          continue;
        done.insert(col);
        warn(loc, it->second, "both write column " + columnName(col));
      }
      for (const auto &[col, loc] : b.writes) {
        auto it = a.reads.find(col);
        if (it == a.reads.end() || !done.insert(col).second)
          continue;
        warn(loc, it->second,
             "touch column " + columnName(col) + " ('" + b.m->name + "' writes it, '" + a.m->name +
                 "' reads it)");
      }
      for (const auto &[col, loc] : a.writes) {
        auto it = b.reads.find(col);
        if (it == b.reads.end() || !done.insert(col).second)
          continue;
        warn(it->second, loc,
             "touch column " + columnName(col) + " ('" + a.m->name + "' writes it, '" + b.m->name +
                 "' reads it)");
      }
      // Inserted or deleted rows change what the other one reads or writes.
      auto rowConflict = [&](const Node &writer, const Node &other, bool writerIsA) {
        for (const auto &[table, loc] : writer.rowWrites) {
          SourceLoc otherLoc;
          for (const AccessMap *m : {&other.writes, &other.reads})
            for (const auto &[col, l] : *m)
              if (col.first == table && !otherLoc.isValid())
                otherLoc = l;
          if (!otherLoc.isValid())
            continue;
          std::string what =
              "touch table " + table + " ('" + writer.m->name + "' inserts or deletes its rows)";
          writerIsA ? warn(otherLoc, loc, what) : warn(loc, otherLoc, what);
        }
      };
      rowConflict(a, b, true);
      rowConflict(b, a, false);
    }
  }
  return success(); // warnings only
}

std::unique_ptr<Pass> shc::createDependencePass() { return std::make_unique<DependencePass>(); }
