// The operation kinds: typed staticUpdate values, calculatedUpdate, where /
// condition, customSQL, and the shape of an operation item.
#include "LowerTestFixture.h"

#include "ir/SourceManager.h"

using namespace shc;
using namespace shc::test;

namespace {

class LowerOperationsTest : public LowerFixture {
protected:
  /// Lowers a staticUpdate whose `set` body is `setBody` (indented by 12).
  const UpdateOp &staticSet(const std::string &setBody) {
    lower(migration("      - staticUpdate:\n"
                    "          table: t\n"
                    "          set:\n" +
                    setBody));
    return update(0);
  }
  static const LiteralExpr &lit(const UpdateOp &op, size_t i) {
    return *llvm::cast<LiteralExpr>(op.assignments.at(i).value.get());
  }
};

using LK = LiteralExpr::LitKind;

TEST_F(LowerOperationsTest, StaticValuesAreTypedByTheCoreSchema) {
  const UpdateOp &op = staticSet("            a: \"42\"\n"
                                 "            b: 42\n"
                                 "            c: -7\n"
                                 "            d: +5\n"
                                 "            e: 0x1F\n"
                                 "            f: 1.50\n"
                                 "            g: 1e3\n"
                                 "            h: .inf\n"
                                 "            i: True\n"
                                 "            j: false\n"
                                 "            k: null\n"
                                 "            l: ~\n"
                                 "            m:\n"
                                 "            n: 'null'\n"
                                 "            o: hello world\n"
                                 "            p: 0o17\n"
                                 "            q: yes\n");
  EXPECT_TRUE(diags.pending().empty());
  struct Want {
    const char *column;
    LK kind;
    const char *text;
  };
  const Want want[] = {
      {"a", LK::String, "42"},   {"b", LK::Integer, "42"},  {"c", LK::Integer, "-7"},
      {"d", LK::Integer, "5"},   {"e", LK::Integer, "31"},  {"f", LK::Numeric, "1.50"},
      {"g", LK::Numeric, "1e3"}, {"h", LK::String, ".inf"}, {"i", LK::Bool, "true"},
      {"j", LK::Bool, "false"},  {"k", LK::Null, ""},       {"l", LK::Null, ""},
      {"m", LK::Null, ""},       {"n", LK::String, "null"}, {"o", LK::String, "hello world"},
      {"p", LK::Integer, "15"},  {"q", LK::String, "yes"},
  };
  ASSERT_EQ(op.assignments.size(), std::size(want));
  for (size_t i = 0; i < std::size(want); ++i) {
    SCOPED_TRACE(want[i].column);
    EXPECT_EQ(op.assignments[i].column, want[i].column);
    EXPECT_EQ(lit(op, i).litKind, want[i].kind);
    EXPECT_EQ(lit(op, i).text, want[i].text);
  }
  EXPECT_EQ(lit(op, 0).getLoc(), at(12, 16)); // at the quote
  EXPECT_EQ(lit(op, 1).getLoc(), at(13, 16));
}

TEST_F(LowerOperationsTest, StaticValueMustBeAScalar) {
  staticSet("            a: [1, 2]\n            b: 1\n");
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "invalid-field: value of 'a' must be a scalar, found a list"}));
  EXPECT_EQ(diags.pending()[0].loc, at(12, 16));
  EXPECT_EQ(update(0).assignments.size(), 1u);
}

TEST_F(LowerOperationsTest, ExplicitTagsMustAgree) {
  staticSet("            a: !!str 12\n            b: !!int abc\n            c: !!float 2\n");
  EXPECT_EQ(messages(),
            (std::vector<std::string>{
                "invalid-field: invalid value for tag 'tag:yaml.org,2002:int': \"abc\""}));
  const UpdateOp &op = update(0);
  ASSERT_EQ(op.assignments.size(), 2u);
  EXPECT_EQ(lit(op, 0).litKind, LK::String);
  EXPECT_EQ(lit(op, 1).litKind, LK::Numeric);
}

TEST_F(LowerOperationsTest, DuplicateSetKey) {
  staticSet("            a: 1\n            a: 2\n");
  ASSERT_EQ(diags.pending().size(), 1u);
  EXPECT_EQ(diags.pending()[0].rule, "duplicate-key");
  EXPECT_EQ(diags.pending()[0].loc, at(13, 13));
  EXPECT_EQ(diags.pending()[0].notes[0].loc, at(12, 13));
  EXPECT_EQ(update(0).assignments.size(), 1u);
}

TEST_F(LowerOperationsTest, WhereAndConditionTogetherIsAnError) {
  lower(migration("      - staticUpdate:\n"
                  "          table: t\n"
                  "          set: {a: 1}\n"
                  "          where: a = 1\n"
                  "          condition: a = 2\n"));
  std::vector<Diagnostic> ds = nonParserDiags();
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].rule, "invalid-field");
  EXPECT_EQ(ds[0].message, "'condition' is an alias of 'where'; give only one of them");
  EXPECT_EQ(ds[0].loc, at(13, 11));
  EXPECT_EQ(ds[0].notes[0].loc, at(12, 11));
}

TEST_F(LowerOperationsTest, NullWhereMeansEveryRow) {
  lower(migration("      - staticUpdate:\n"
                  "          table: t\n"
                  "          set: {a: 1}\n"
                  "          where:\n"));
  EXPECT_TRUE(diags.pending().empty());
  EXPECT_EQ(update(0).where, nullptr);
}

TEST_F(LowerOperationsTest, WhereIsParsedFromItsExactPosition) {
  lower(migration("      - staticUpdate:\n"
                  "          table: t\n"
                  "          set: {a: 1}\n"
                  "          condition: |\n"
                  "            a = 1\n"
                  "            AND )\n"));
  // Either the real parser reports the stray ')' (line 14, col 17) or the
  // placeholder reports at the start of the text (line 13, col 13).
  ASSERT_EQ(diags.pending().size(), 1u);
  SourceLoc loc = diags.pending()[0].loc;
  EXPECT_TRUE(loc == at(14, 17) || loc == at(13, 13)) << loc.line << ":" << loc.col;
}

TEST_F(LowerOperationsTest, CalculatedUpdateFields) {
  lower(migration("      - calculatedUpdate:\n"
                  "          table: users\n"
                  "          calculations:\n"
                  "            - column: display_email\n"
                  "              expression: \"LOWER(email)\"\n"
                  "            - expression: x\n"));
  std::vector<Diagnostic> ds = nonParserDiags();
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].message, "missing field 'column' in 'calculations'");
  EXPECT_EQ(ds[0].loc, at(14, 15));
  for (const Diagnostic &d : diags.pending()) {
    if (d.rule == "unsupported-construct") {
      EXPECT_EQ(d.loc, at(13, 28));
    }
  }
  if (!module->migrations.empty() && !module->migrations[0]->operations.empty()) {
    const UpdateOp &op = update(0);
    EXPECT_EQ(op.origin, UpdateOp::Origin::Calculated);
    ASSERT_EQ(op.assignments.size(), 1u);
    EXPECT_EQ(op.assignments[0].column, "display_email");
    EXPECT_EQ(op.assignments[0].loc, at(12, 23));
  }
}

TEST_F(LowerOperationsTest, CustomSqlKeepsTextAndPositions) {
  lower(migration("      - customSQL:\n"
                  "          sql: |\n"
                  "            UPDATE orders\n"
                  "            SET status = 'processed'\n"
                  "          validate: true\n"));
  EXPECT_TRUE(diags.pending().empty());
  const auto *op = llvm::dyn_cast<CustomSqlOp>(onlyMigration().operations.at(0).get());
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->sql, "UPDATE orders\nSET status = 'processed'\n");
  EXPECT_TRUE(op->validate);
  EXPECT_EQ(op->getLoc(), at(9, 9));
  EXPECT_EQ(op->sqlLocator.locate(0), at(11, 13));
  EXPECT_EQ(op->sqlLocator.locate(18), at(12, 17)); // 5th char of the 2nd line
}

TEST_F(LowerOperationsTest, CustomSqlValidateDefaultsToFalse) {
  lower(migration("      - customSQL: {sql: \"DELETE FROM t\"}\n"));
  const auto *op = llvm::dyn_cast<CustomSqlOp>(onlyMigration().operations.at(0).get());
  ASSERT_NE(op, nullptr);
  EXPECT_FALSE(op->validate);
  EXPECT_EQ(op->sqlLocator.locate(7), at(9, 34));
}

TEST_F(LowerOperationsTest, OperationWithTwoKeysHintsAtIndentation) {
  lower(migration("      - staticUpdate:\n"
                  "        table: users\n"));
  ASSERT_EQ(diags.pending().size(), 1u);
  const Diagnostic &d = diags.pending()[0];
  EXPECT_EQ(d.rule, "invalid-field");
  EXPECT_EQ(d.message, "an operation must have exactly one key, found 'staticUpdate' and 'table'");
  EXPECT_EQ(d.loc, at(10, 9));
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "indent the fields of 'staticUpdate' under it");
}

TEST_F(LowerOperationsTest, UnknownOperationSuggests) {
  lower(migration("      - staticUpdates: {table: t}\n      - 42\n"));
  EXPECT_EQ(messages(),
            (std::vector<std::string>{
                "unknown-field: unknown operation 'staticUpdates' (did you mean 'staticUpdate'?)",
                "invalid-field: an operation must be a mapping with one key, one of staticUpdate, "
                "calculatedUpdate, transformUpdate or customSQL; found a string",
            }));
  EXPECT_EQ(diags.pending()[1].loc, at(10, 9));
}

TEST_F(LowerOperationsTest, TableAndColumnNamesKeepTheirCase) {
  const UpdateOp &op = staticSet("            MixedCase: 1\n");
  EXPECT_EQ(op.table, "t");
  EXPECT_EQ(op.assignments[0].column, "MixedCase");
}

} // namespace
