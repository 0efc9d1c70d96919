// transformUpdate: each transform type lowers to a typed expression over the
// column; mistakes get invalid-transform / missing-field errors.
#include "test/unit/TestDialects.h"
#include "LowerTestFixture.h"

using namespace shc;
using namespace shc::test;

namespace {

class LowerTransformsTest : public LowerFixture {
protected:
  /// Lowers one transformUpdate with the given transformation items
  /// (indented by 12, starting at line 12).
  void transforms(const std::string &items, const Dialect &target = postgresDialect()) {
    lower(migration("      - transformUpdate:\n"
                    "          table: events\n"
                    "          transformations:\n" +
                    items),
          target);
  }
  const Assignment &assignment(size_t i) { return update(0).assignments.at(i); }
};

TEST_F(LowerTransformsTest, TimezoneConvert) {
  transforms("            - column: created_at\n"
             "              transformType: timezone_convert\n"
             "              fromValue: UTC\n"
             "              toValue: America/New_York\n");
  EXPECT_TRUE(diags.pending().empty());
  const Assignment &a = assignment(0);
  EXPECT_EQ(a.column, "created_at");
  EXPECT_EQ(a.loc, at(12, 23));
  EXPECT_EQ(a.transform, TransformKind::TimezoneConvert);
  auto *tz = llvm::dyn_cast<TimezoneConvertExpr>(a.value.get());
  ASSERT_NE(tz, nullptr);
  EXPECT_EQ(tz->fromZone, "UTC");
  EXPECT_EQ(tz->toZone, "America/New_York");
  EXPECT_EQ(tz->fromLoc, at(14, 26));
  EXPECT_EQ(tz->toLoc, at(15, 24));
  auto *col = llvm::dyn_cast<ColumnRefExpr>(tz->operand.get());
  ASSERT_NE(col, nullptr);
  EXPECT_EQ(col->name, "created_at");
  EXPECT_EQ(col->qualifier, "");
  EXPECT_EQ(col->getLoc(), at(12, 23));
  EXPECT_EQ(update(0).origin, UpdateOp::Origin::Transform);
}

TEST_F(LowerTransformsTest, FormatChanges) {
  transforms("            - {column: a, transformType: format_change, toValue: lowercase}\n"
             "            - {column: b, transformType: format_change, toValue: uppercase}\n"
             "            - {column: c, transformType: format_change, toValue: trim}\n");
  EXPECT_TRUE(diags.pending().empty());
  const char *want[] = {"lower", "upper", "btrim"};
  for (size_t i = 0; i < 3; ++i) {
    auto *call = llvm::dyn_cast<FuncCallExpr>(assignment(i).value.get());
    ASSERT_NE(call, nullptr);
    EXPECT_EQ(call->name, want[i]);
    EXPECT_EQ(call->form, FuncCallExpr::Form::Plain);
    ASSERT_EQ(call->args.size(), 1u);
    EXPECT_TRUE(llvm::isa<ColumnRefExpr>(call->args[0].get()));
    EXPECT_EQ(assignment(i).transform, TransformKind::FormatChange);
  }
}

TEST_F(LowerTransformsTest, TypeCast) {
  transforms("            - column: amount\n"
             "              transformType: type_cast\n"
             "              toValue: integer\n");
  EXPECT_TRUE(diags.pending().empty());
  auto *cast = llvm::dyn_cast<CastExpr>(assignment(0).value.get());
  ASSERT_NE(cast, nullptr);
  EXPECT_EQ(cast->spelling, "integer");
  EXPECT_EQ(cast->syntax, CastExpr::Syntax::CastFunc);
  EXPECT_EQ(cast->target.getKind(), TypeKind::Int4);
  EXPECT_TRUE(llvm::isa<ColumnRefExpr>(cast->operand.get()));
  EXPECT_EQ(assignment(0).transform, TransformKind::TypeCast);
}

TEST_F(LowerTransformsTest, StringReplace) {
  transforms("            - column: phone\n"
             "              transformType: string_transform\n"
             "              parameters:\n"
             "                type: replace\n"
             "                old: \"-\"\n"
             "                new: \"\"\n");
  EXPECT_TRUE(diags.pending().empty());
  auto *call = llvm::dyn_cast<FuncCallExpr>(assignment(0).value.get());
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->name, "replace");
  ASSERT_EQ(call->args.size(), 3u);
  auto *from = llvm::dyn_cast<LiteralExpr>(call->args[1].get());
  auto *to = llvm::dyn_cast<LiteralExpr>(call->args[2].get());
  ASSERT_TRUE(from && to);
  EXPECT_EQ(from->litKind, LiteralExpr::LitKind::String);
  EXPECT_EQ(from->text, "-");
  EXPECT_EQ(from->getLoc(), at(16, 22));
  EXPECT_EQ(to->text, "");
  EXPECT_EQ(assignment(0).transform, TransformKind::StringTransform);
}

TEST_F(LowerTransformsTest, StringSubstring) {
  transforms("            - column: code\n"
             "              transformType: string_transform\n"
             "              parameters: {type: substring, start: 2, length: 3}\n"
             "            - column: code2\n"
             "              transformType: string_transform\n"
             "              parameters: {type: substring, start: 1}\n");
  EXPECT_TRUE(diags.pending().empty());
  auto *call = llvm::dyn_cast<FuncCallExpr>(assignment(0).value.get());
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->name, "substring");
  EXPECT_EQ(call->form, FuncCallExpr::Form::Plain);
  ASSERT_EQ(call->args.size(), 3u);
  auto *start = llvm::dyn_cast<LiteralExpr>(call->args[1].get());
  auto *length = llvm::dyn_cast<LiteralExpr>(call->args[2].get());
  ASSERT_TRUE(start && length);
  EXPECT_EQ(start->litKind, LiteralExpr::LitKind::Integer);
  EXPECT_EQ(start->text, "2");
  EXPECT_EQ(length->text, "3");
  auto *call2 = llvm::dyn_cast<FuncCallExpr>(assignment(1).value.get());
  ASSERT_NE(call2, nullptr);
  EXPECT_EQ(call2->args.size(), 2u);
}

TEST_F(LowerTransformsTest, UnknownTransformTypeListsValidOnes) {
  transforms("            - column: a\n"
             "              transformType: timezone_conver\n");
  ASSERT_EQ(diags.pending().size(), 1u);
  const Diagnostic &d = diags.pending()[0];
  EXPECT_EQ(d.rule, "invalid-transform");
  EXPECT_EQ(d.message,
            "unknown transformType 'timezone_conver' (did you mean 'timezone_convert'?)");
  EXPECT_EQ(d.loc, at(13, 30));
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "valid values are timezone_convert, format_change, type_cast or "
                                "string_transform");
}

TEST_F(LowerTransformsTest, UnknownFormatAndStringTransformTypes) {
  transforms("            - {column: a, transformType: format_change, toValue: titlecase}\n"
             "            - {column: b, transformType: string_transform, parameters: {type: "
             "replac, old: x, new: y}}\n");
  EXPECT_EQ(messages(),
            (std::vector<std::string>{
                "invalid-transform: unknown format_change toValue 'titlecase'",
                "invalid-transform: unknown string_transform type 'replac' (did you mean "
                "'replace'?)",
            }));
  EXPECT_EQ(diags.pending()[0].notes[0].message, "valid values are lowercase, uppercase or trim");
}

TEST_F(LowerTransformsTest, MissingPiecesAreMissingFields) {
  transforms("            - {column: a, transformType: timezone_convert, toValue: UTC}\n"
             "            - {column: b, transformType: string_transform}\n"
             "            - {column: c, transformType: string_transform, parameters: {type: "
             "substring, start: x}}\n"
             "            - {transformType: type_cast, toValue: text}\n");
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "missing-field: missing field 'fromValue' in 'transformations'",
                            "missing-field: missing field 'parameters' in 'transformations'",
                            "invalid-field: 'start' must be an integer, found 'x'",
                            "missing-field: missing field 'column' in 'transformations'",
                        }));
  EXPECT_EQ(diags.pending()[0].loc, at(12, 15));
}

TEST_F(LowerTransformsTest, UnusedFieldIsAWarning) {
  transforms("            - column: a\n"
             "              transformType: format_change\n"
             "              fromValue: x\n"
             "              toValue: trim\n");
  ASSERT_EQ(diags.pending().size(), 1u);
  EXPECT_EQ(diags.pending()[0].severity, Severity::Warning);
  EXPECT_EQ(diags.pending()[0].rule, "unused-field");
  EXPECT_EQ(diags.pending()[0].message, "'fromValue' is not used by format_change");
  EXPECT_EQ(assignment(0).transform, TransformKind::FormatChange);
}

TEST_F(LowerTransformsTest, SameColumnTwiceComposesInWrittenOrder) {
  transforms("            - {column: a, transformType: format_change, toValue: trim}\n"
             "            - {column: a, transformType: format_change, toValue: lowercase}\n"
             "            - {column: b, transformType: format_change, toValue: trim}\n"
             "            - {column: a, transformType: type_cast, toValue: text}\n");
  EXPECT_TRUE(diags.pending().empty());
  ASSERT_EQ(update(0).assignments.size(), 2u);
  // CAST(lower(btrim(a)) AS text), at the first transformation's column.
  const Assignment &a = assignment(0);
  EXPECT_EQ(a.column, "a");
  EXPECT_EQ(a.loc, at(12, 24));
  EXPECT_EQ(a.transform, TransformKind::TypeCast);
  auto *cast = llvm::dyn_cast<CastExpr>(a.value.get());
  ASSERT_NE(cast, nullptr);
  auto *lower = llvm::dyn_cast<FuncCallExpr>(cast->operand.get());
  ASSERT_NE(lower, nullptr);
  EXPECT_EQ(lower->name, "lower");
  auto *trim = llvm::dyn_cast<FuncCallExpr>(lower->args.at(0).get());
  ASSERT_NE(trim, nullptr);
  EXPECT_EQ(trim->name, "btrim");
  auto *col = llvm::dyn_cast<ColumnRefExpr>(trim->args.at(0).get());
  ASSERT_NE(col, nullptr);
  EXPECT_EQ(col->name, "a");
  EXPECT_EQ(assignment(1).column, "b");
}

} // namespace
