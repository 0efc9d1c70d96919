// RequiresOrder's chain labels, and the counts AccessList derives from
// them, against a plain transitive closure, on random requires graphs of
// every shape the dependence analysis meets: histories, independent
// migrations, teams' chains, fan-in and fan-out.

#include "ir/AnalysisResults.h"
#include "test/unit/TestDialects.h"
#include "backends/postgres/PostgresCatalog.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"
#include "ir/SourceManager.h"
#include "passes/DependenceIndex.h"
#include "passes/Passes.h"
#include "passes/RequiresOrder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace shc;

namespace {

/// A module of `n` migrations named m000.. whose requires are `edges`
/// (first requires second), scheduled.
void build(Module &m, AnalysisResults &results, unsigned n,
           const std::vector<std::pair<unsigned, unsigned>> &edges) {
  for (unsigned i = 0; i < n; ++i) {
    auto mig = std::make_unique<Migration>();
    char name[16];
    snprintf(name, sizeof name, "m%03u", i);
    mig->name = name;
    mig->loc = SourceLoc{1, i + 1, 1};
    m.migrations.push_back(std::move(mig));
  }
  for (auto [from, to] : edges)
    m.migrations[from]->requires.push_back({m.migrations[to]->name, m.migrations[from]->loc});
  DiagnosticEngine diags;
  SourceManager sm;
  PassContext ctx{diags, sm, postgresCatalog(), results};
  ASSERT_TRUE(createSchedulePass()->run(m, ctx).succeeded());
  ASSERT_EQ(results.executionOrder.size(), n);
}

/// reach[a][b]: migration a requires b, transitively (by migration index).
std::vector<std::vector<bool>> closure(unsigned n,
                                       const std::vector<std::pair<unsigned, unsigned>> &edges) {
  std::vector<std::vector<bool>> reach(n, std::vector<bool>(n, false));
  for (unsigned round = 0; round < n; ++round)
    for (auto [from, to] : edges) {
      reach[from][to] = true;
      for (unsigned k = 0; k < n; ++k)
        if (reach[to][k])
          reach[from][k] = true;
    }
  return reach;
}

/// Checks isAncestor for every pair, and an AccessList over a random subset
/// of the migrations for every migration, against the closure.
void check(const Module &m, const AnalysisResults &results,
           const std::vector<std::pair<unsigned, unsigned>> &edges,
           std::mt19937 *rng = nullptr) {
  unsigned n = static_cast<unsigned>(m.migrations.size());
  std::vector<std::vector<bool>> reach = closure(n, edges);
  RequiresOrder order(results.executionOrder);
  for (unsigned a = 0; a < n; ++a)
    for (unsigned b = 0; b < n; ++b) {
      unsigned pa = order.position(m.migrations[a].get()), pb = order.position(m.migrations[b].get());
      ASSERT_EQ(order.isAncestor(pa, pb), static_cast<bool>(reach[b][a]))
          << m.migrations[a]->name << " before " << m.migrations[b]->name;
    }
  if (!rng)
    return;
  // index[p]: the migration at execution position p.
  std::vector<unsigned> index(n);
  for (unsigned i = 0; i < n; ++i)
    index[order.position(m.migrations[i].get())] = i;
  AccessList list;
  std::vector<unsigned> members;
  for (unsigned p = 0; p < n; ++p)
    if ((*rng)() % 2) {
      list.add(p, SourceLoc{1, p + 1, 1});
      members.push_back(p);
    }
  list.finish(order);
  for (unsigned v = 0; v < n; ++v) {
    unsigned want = 0, first = n;
    for (unsigned p : members)
      if (p < v && !reach[index[v]][index[p]]) {
        ++want;
        first = std::min(first, p);
      }
    ASSERT_EQ(list.countUnorderedBefore(v, order), want) << "at " << v;
    if (want) {
      ASSERT_EQ(list.firstUnorderedBefore(v, order).pos, first) << "at " << v;
    }
  }
}

} // namespace

TEST(RequiresOrderTest, HistoryIsOneChain) {
  Module m(postgresDialect());
  AnalysisResults results;
  std::vector<std::pair<unsigned, unsigned>> edges;
  for (unsigned i = 1; i < 50; ++i)
    edges.push_back({i, i - 1});
  build(m, results, 50, edges);
  check(m, results, edges);
  RequiresOrder order(results.executionOrder);
  for (unsigned v = 0; v < order.size(); ++v) {
    EXPECT_EQ(order.chainOf(v), 0u);
    EXPECT_LE(order.ancestors(v).size(), 1u);
  }
}

TEST(RequiresOrderTest, IndependentMigrationsHaveNoLabels) {
  Module m(postgresDialect());
  AnalysisResults results;
  build(m, results, 20, {});
  check(m, results, {});
  RequiresOrder order(results.executionOrder);
  for (unsigned v = 0; v < order.size(); ++v)
    EXPECT_TRUE(order.ancestors(v).empty());
}

TEST(RequiresOrderTest, RandomGraphsMatchTheClosure) {
  std::mt19937 rng(17);
  for (unsigned trial = 0; trial < 60; ++trial) {
    unsigned n = 2 + rng() % 40;
    std::vector<std::pair<unsigned, unsigned>> edges;
    // Acyclic over a shuffled order, so that names and the execution order
    // disagree; sparse to dense: histories, teams, fan-in and fan-out.
    std::vector<unsigned> topo(n);
    for (unsigned i = 0; i < n; ++i)
      topo[i] = i;
    std::shuffle(topo.begin(), topo.end(), rng);
    unsigned density = 1 + trial % 6;
    for (unsigned i = 1; i < n; ++i)
      for (unsigned j = 0; j < i; ++j)
        if (rng() % (4 * (i - j) + density * 3) == 0)
          edges.push_back({topo[i], topo[j]});
    Module m(postgresDialect());
    AnalysisResults results;
    build(m, results, n, edges);
    check(m, results, edges, &rng);
  }
}
