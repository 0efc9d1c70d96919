//===- Schedule.cpp - the requires graph and the execution order ----------===//
//
// An analysis: checks the `requires` graph across every input file (unknown
// names, duplicate migrations, phase violations, cycles) and, when the graph
// is sound, stores the execution order in AnalysisResults::executionOrder:
// before_schema first, `requires` respected, ties broken by name so that the
// order does not depend on the order of the files.
//
//===----------------------------------------------------------------------===//

#include "ir/AnalysisResults.h"
#include "passes/Passes.h"

#include "ir/Diagnostics.h"
#include "ir/Module.h"
#include "ir/Suggest.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <queue>

using namespace shc;

namespace {

constexpr unsigned kMaxSuggested = 100;

/// One `requires` entry that names another migration.
struct Edge {
  unsigned to;
  SourceLoc loc; ///< of the requires entry
};

class SchedulePass : public Pass {
public:
  llvm::StringRef getName() const override { return "schedule"; }
  LogicalResult run(Module &module, PassContext &ctx) override;

private:
  void strongComponents();
  void findCycles(DiagnosticEngine &diags);
  void dfs(unsigned n, DiagnosticEngine &diags);
  void reportCycle(size_t start, DiagnosticEngine &diags);
  void order(Module &module, AnalysisResults &results);

  /// Unique migrations, sorted by name; nodes are indices into it.
  std::vector<const Migration *> nodes;
  std::vector<std::vector<Edge>> edges; ///< n -> the migrations n requires
  std::vector<uint8_t> color;           ///< 0 white, 1 on stack, 2 done
  std::vector<std::pair<unsigned, const Edge *>> stack;
  std::vector<size_t> stackPos;  ///< where n's edges start on the stack
  std::vector<unsigned> sccOf;   ///< strongly connected component of n
  std::vector<bool> sccReported; ///< one cycle reported in it already
  bool hadError = false;
};

} // namespace

LogicalResult SchedulePass::run(Module &module, PassContext &ctx) {
  DiagnosticEngine &diags = ctx.diags;
  ctx.results.executionOrder.clear();
  nodes.clear();
  edges.clear();
  hadError = false;

  // Duplicate names, even across files: the first definition (in load order)
  // wins, later ones are errors.
  llvm::StringMap<const Migration *> byName;
  for (const auto &m : module.migrations) {
    auto [it, inserted] = byName.try_emplace(m->name, m.get());
    if (inserted) {
      nodes.push_back(m.get());
      continue;
    }
    diags.error(m->loc, "duplicate-migration", "data migration '" + m->name + "' is defined twice")
        .note(it->second->loc, "first defined here");
    hadError = true;
  }
  llvm::sort(nodes, [](const Migration *a, const Migration *b) { return a->name < b->name; });
  // `requires` names a migration by spec.name or metadata.name; a spec name
  // wins over another migration's metadata name.
  llvm::StringMap<unsigned> index;
  for (unsigned i = 0; i < nodes.size(); ++i)
    index[nodes[i]->name] = i;
  for (unsigned i = 0; i < nodes.size(); ++i)
    if (!nodes[i]->metadataName.empty())
      index.try_emplace(nodes[i]->metadataName, i);

  std::vector<std::string> candidates;
  for (const Migration *m : nodes)
    candidates.push_back(m->name);
  // Tables by spec.name and metadata.name: a lookup per requirement, not a
  // scan of the schema.
  llvm::StringMap<llvm::SmallVector<const Table *, 1>> tables;
  for (const auto &t : module.tables) {
    candidates.push_back(t->name);
    tables[t->name].push_back(t.get());
    if (!t->metadataName.empty() && t->metadataName != t->name)
      tables[t->metadataName].push_back(t.get());
  }
  auto requiredTable = [&](llvm::StringRef name, llvm::StringRef database) {
    auto it = tables.find(name);
    return it != tables.end() && llvm::any_of(it->second, [&](const Table *t) {
             return database.empty() || t->database.empty() || t->database == database;
           });
  };
  // A "did you mean" compares the name with every other one. Linting a folder
  // whose migrations require others outside it gives one unknown name per
  // migration: suggest for the first kMaxSuggested distinct names only, so
  // the cost stays linear (5,000 such names took 15 s).
  llvm::StringMap<std::string> suggested;
  auto suggest = [&](const std::string &name, const std::vector<std::string> &cands) {
    auto it = suggested.find(name);
    if (it != suggested.end())
      return it->second;
    if (suggested.size() >= kMaxSuggested)
      return std::string();
    return suggested.try_emplace(name, didYouMean(name, cands)).first->second;
  };

  edges.assign(nodes.size(), {});
  for (unsigned i = 0; i < nodes.size(); ++i) {
    const Migration &m = *nodes[i];
    for (const Requirement &r : m.requires) {
      auto it = index.find(r.name);
      if (it != index.end()) {
        const Migration &dep = *nodes[it->second];
        if (m.phase == Phase::BeforeSchema && dep.phase == Phase::AfterSchema) {
          diags
              .error(r.loc, "phase-order",
                     "before_schema migration '" + m.name + "' requires after_schema migration '" +
                         dep.name + "'")
              .note(dep.loc, "'" + dep.name + "' runs after the schema changes")
              .hint("every before_schema migration runs before every after_schema one");
          hadError = true;
          continue;
        }
        edges[i].push_back({it->second, r.loc});
        continue;
      }
      if (requiredTable(r.name, m.database)) {
        // "After that table's schema change": always true in after_schema.
        if (m.phase == Phase::BeforeSchema) {
          diags
              .error(r.loc, "phase-order",
                     "before_schema migration '" + m.name + "' cannot require table '" + r.name +
                         "'")
              .hint("requiring a table means 'after its schema change', which only an "
                    "after_schema migration can wait for");
          hadError = true;
        }
        continue;
      }
      diags.error(r.loc, "unknown-requirement",
                  "'" + m.name + "' requires '" + r.name +
                      "', which is neither a data migration nor a table" +
                      suggest(r.name, candidates));
      hadError = true;
    }
    // Deterministic cycle reports: visit requirements by name.
    llvm::sort(edges[i], [](const Edge &a, const Edge &b) { return a.to < b.to; });
  }

  findCycles(diags);
  if (hadError)
    return failure();
  order(module, ctx.results);
  return success();
}

/// Tarjan's algorithm, iterative: a history of 100,000 migrations is a path
/// that deep.
void SchedulePass::strongComponents() {
  constexpr unsigned kUnvisited = ~0u;
  size_t n = nodes.size();
  std::vector<unsigned> num(n, kUnvisited), low(n), open;
  std::vector<bool> onStack(n, false);
  std::vector<std::pair<unsigned, size_t>> work; // node, next edge
  sccOf.assign(n, 0);
  unsigned counter = 0, components = 0;
  auto visit = [&](unsigned v) {
    num[v] = low[v] = counter++;
    open.push_back(v);
    onStack[v] = true;
    work.push_back({v, 0});
  };
  for (unsigned root = 0; root < n; ++root) {
    if (num[root] != kUnvisited)
      continue;
    visit(root);
    while (!work.empty()) {
      unsigned v = work.back().first;
      size_t &next = work.back().second;
      if (next < edges[v].size()) {
        unsigned w = edges[v][next++].to;
        if (num[w] == kUnvisited)
          visit(w);
        else if (onStack[w])
          low[v] = std::min(low[v], num[w]);
        continue;
      }
      if (low[v] == num[v]) {
        unsigned w;
        do {
          w = open.back();
          open.pop_back();
          onStack[w] = false;
          sccOf[w] = components;
        } while (w != v);
        ++components;
      }
      work.pop_back();
      if (!work.empty())
        low[work.back().first] = std::min(low[work.back().first], low[v]);
    }
  }
  sccReported.assign(components, false);
}

void SchedulePass::findCycles(DiagnosticEngine &diags) {
  strongComponents();
  stackPos.assign(nodes.size(), 0);
  color.assign(nodes.size(), 0);
  for (unsigned i = 0; i < nodes.size(); ++i)
    if (color[i] == 0)
      dfs(i, diags);
}

void SchedulePass::dfs(unsigned n, DiagnosticEngine &diags) {
  color[n] = 1;
  stackPos[n] = stack.size();
  for (const Edge &e : edges[n]) {
    stack.push_back({n, &e});
    if (color[e.to] == 0) {
      dfs(e.to, diags);
    } else if (color[e.to] == 1) {
      // One cycle per strongly connected component: its other cycles run
      // through the same migrations, and listing each of them can take the
      // square of the input (3,000 migrations gave 520 MB of notes).
      if (!sccReported[sccOf[e.to]]) {
        sccReported[sccOf[e.to]] = true;
        reportCycle(stackPos[e.to], diags);
      }
      hadError = true;
    }
    stack.pop_back();
  }
  color[n] = 2;
}

/// The cycle is the stack from `start` (the first edge of the migration the
/// last edge returns to) to its top.
void SchedulePass::reportCycle(size_t start, DiagnosticEngine &diags) {
  std::vector<std::pair<unsigned, const Edge *>> cyc(stack.begin() + start, stack.end());
  // Start the path at the smallest node, whatever node the search entered
  // the cycle by.
  auto minIt = std::min_element(cyc.begin(), cyc.end(),
                                [](auto &a, auto &b) { return a.first < b.first; });
  std::rotate(cyc.begin(), minIt, cyc.end());
  std::string path;
  for (auto &[from, edge] : cyc)
    path += nodes[from]->name + " -> ";
  path += nodes[cyc.front().first]->name;
  const Migration &first = *nodes[cyc.front().first];
  auto d = diags.error(first.loc, "requires-cycle", "requires cycle: " + path);
  for (auto &[from, edge] : cyc)
    d.note(edge->loc, "'" + nodes[from]->name + "' requires '" + nodes[edge->to]->name + "'");
}

void SchedulePass::order(Module &module, AnalysisResults &results) {
  // Kahn's algorithm; among the ready migrations the smallest (phase, name)
  // goes first. Phase errors were rejected above, so this puts every
  // before_schema migration ahead of every after_schema one.
  std::vector<unsigned> pending(nodes.size(), 0);
  std::vector<std::vector<unsigned>> dependents(nodes.size());
  for (unsigned i = 0; i < nodes.size(); ++i)
    for (const Edge &e : edges[i]) {
      ++pending[i];
      dependents[e.to].push_back(i);
    }
  auto later = [&](unsigned a, unsigned b) {
    if (nodes[a]->phase != nodes[b]->phase)
      return nodes[a]->phase > nodes[b]->phase;
    return a > b; // nodes are sorted by name
  };
  std::priority_queue<unsigned, std::vector<unsigned>, decltype(later)> ready(later);
  for (unsigned i = 0; i < nodes.size(); ++i)
    if (pending[i] == 0)
      ready.push(i);
  while (!ready.empty()) {
    unsigned n = ready.top();
    ready.pop();
    results.executionOrder.push_back(nodes[n]);
    for (unsigned d : dependents[n])
      if (--pending[d] == 0)
        ready.push(d);
  }
}

std::unique_ptr<Pass> shc::createSchedulePass() { return std::make_unique<SchedulePass>(); }
