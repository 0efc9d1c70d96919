// The schedule analysis: execution order and its deterministic tie-break,
// built on a Module directly (the lit tests cover the diagnostics in YAML).

#include "ir/AnalysisResults.h"
#include "test/unit/TestDialects.h"
#include "backends/postgres/PostgresCatalog.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"
#include "ir/SourceManager.h"
#include "passes/Passes.h"

#include <gtest/gtest.h>

using namespace shc;

namespace {

Migration &add(Module &m, std::string name, Phase phase, std::vector<std::string> requires = {}) {
  auto mig = std::make_unique<Migration>();
  mig->name = std::move(name);
  mig->phase = phase;
  mig->loc = SourceLoc{1, static_cast<uint32_t>(m.migrations.size() + 1), 1};
  for (std::string &r : requires)
  mig->requires.push_back({std::move(r), mig->loc});
  m.migrations.push_back(std::move(mig));
  return *m.migrations.back();
}

std::vector<std::string> runSchedule(Module &m, DiagnosticEngine &diags) {
  SourceManager sm;
  AnalysisResults results;
  PassContext ctx{diags, sm, postgresCatalog(), results};
  (void)createSchedulePass()->run(m, ctx);
  std::vector<std::string> names;
  for (const Migration *x : results.executionOrder)
    names.push_back(x->name);
  return names;
}

} // namespace

TEST(ScheduleTest, PhasesThenRequiresThenName) {
  for (bool reversed : {false, true}) {
    Module m(postgresDialect());
    std::vector<std::tuple<std::string, Phase, std::vector<std::string>>> specs = {
        {"c", Phase::AfterSchema, {}},     {"a", Phase::AfterSchema, {"d"}},
        {"d", Phase::AfterSchema, {}},     {"z", Phase::BeforeSchema, {}},
        {"b", Phase::BeforeSchema, {"z"}},
    };
    if (reversed)
      std::reverse(specs.begin(), specs.end());
    for (auto &[n, p, r] : specs)
      add(m, n, p, r);
    DiagnosticEngine diags;
    EXPECT_EQ(runSchedule(m, diags), (std::vector<std::string>{"z", "b", "c", "d", "a"}))
        << "reversed=" << reversed;
    EXPECT_EQ(diags.getNumErrors(), 0u);
  }
}

TEST(ScheduleTest, CycleLeavesNoOrder) {
  Module m(postgresDialect());
  add(m, "b", Phase::AfterSchema, {"a"});
  add(m, "a", Phase::AfterSchema, {"b"});
  add(m, "free", Phase::AfterSchema);
  DiagnosticEngine diags;
  EXPECT_TRUE(runSchedule(m, diags).empty());
  std::vector<Diagnostic> all = diags.takeSorted();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].rule, "requires-cycle");
  EXPECT_EQ(all[0].message, "requires cycle: a -> b -> a");
  EXPECT_EQ(all[0].notes.size(), 2u);
}

TEST(ScheduleTest, RequiringATableIsOnlyForAfterSchema) {
  Module m(postgresDialect());
  auto t = std::make_unique<Table>();
  t->name = "users";
  m.tables.push_back(std::move(t));
  add(m, "late", Phase::AfterSchema, {"users"});
  DiagnosticEngine ok;
  EXPECT_EQ(runSchedule(m, ok), std::vector<std::string>{"late"});
  add(m, "early", Phase::BeforeSchema, {"users"});
  DiagnosticEngine bad;
  EXPECT_TRUE(runSchedule(m, bad).empty());
  std::vector<Diagnostic> all = bad.takeSorted();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].rule, "phase-order");
}
