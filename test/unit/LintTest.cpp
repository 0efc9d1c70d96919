// Unit tests for the pieces of lint that lit cannot reach cheaply: the
// suppression-comment grammar, GitHub escaping and the rule catalogue.
#include "frontend/LintConfig.h"
#include "ir/Diagnostics.h"
#include "ir/SourceManager.h"
#include "ir/Suppression.h"
#include "tools/driver/DiagnosticFormats.h"

#include "gtest/gtest.h"

#include <set>

using namespace shc;

TEST(LintSuppression, ParsesRuleLists) {
  auto rules = suppressedRules("  # schemahero-lint: disable=a-b,c  because reasons");
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0], "a-b");
  EXPECT_EQ(rules[1], "c");
  EXPECT_TRUE(suppressedRules("# schemahero-lint: enable=a").empty());
  EXPECT_TRUE(suppressedRules("status: x # schemahero-lint: disable=a").empty());
  EXPECT_TRUE(suppressedRules("# schemahero-lint: disable=").empty());
}

TEST(LintSuppression, OnlyTheNextLineAndOnlySuppressibleRules) {
  SourceManager sm;
  uint32_t f = sm.addBuffer("m.yaml", "# schemahero-lint: disable=all\nx: 1\ny: 2\n");
  std::vector<Diagnostic> diags(3);
  diags[0].loc = {f, 2, 1};
  diags[0].rule = "update-without-where";
  diags[1].loc = {f, 3, 1};
  diags[1].rule = "update-without-where";
  diags[2].loc = {f, 2, 1};
  diags[2].rule = "unknown-column";
  applySuppressions(sm, diags, [](llvm::StringRef r) { return r != "unknown-column"; });
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags[0].loc.line, 3u);
  EXPECT_EQ(diags[1].rule, "unknown-column");
}

TEST(LintFormats, GithubEscaping) {
  EXPECT_EQ(escapeGithubData("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
  EXPECT_EQ(escapeGithubProperty("a,b:c%"), "a%2Cb%3Ac%25");
}

TEST(LintCatalogue, IdsAreUniqueAndWarningsAreConfigurable) {
  std::set<std::string> seen;
  for (const RuleInfo &r : ruleCatalogue()) {
    EXPECT_TRUE(seen.insert(r.id).second) << r.id;
    if (r.configurable)
      EXPECT_NE(r.defaultSeverity, Severity::Error) << r.id;
  }
  ASSERT_NE(findRule("update-without-where"), nullptr);
  EXPECT_TRUE(findRule("update-without-where")->configurable);
  EXPECT_FALSE(findRule("unknown-column")->configurable);
  EXPECT_EQ(findRule("no-such-rule"), nullptr);
}
