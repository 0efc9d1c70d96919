// Plan-time errors (passes/TypeCheckFold.cpp), GREATEST over json and the
// per-type EXTRACT/date_trunc units: the messages PostgreSQL 15 gives for the
// same UPDATE (test/typing/corpus has the differential cases).

#include "TypeCheckTestUtil.h"

using namespace shc;
using namespace shc::test;
using K = TypeKind;
using Op = BinaryExpr::Op;

namespace {
class TypeCheckFoldTest : public TypeCheckFixture {
protected:
  void SetUp() override {
    TypeCheckFixture::SetUp();
    standardTable();
  }
  std::vector<std::string> assign(const std::string &column, ExprPtr e) {
    set(update("t"), column, std::move(e));
    run();
    return messages();
  }
  using Msgs = std::vector<std::string>;
};

TEST_F(TypeCheckFoldTest, IntegerArithmeticOverflowsPerWidth) {
  EXPECT_EQ(assign("age", bin(Op::Add, num("2147483647"), num("1"))),
            Msgs{"constant-folding: integer out of range"});
}

TEST_F(TypeCheckFoldTest, FoldedValueIsCheckedAgainstTheColumn) {
  // 20000 + 20000 is an integer; the assignment to smallint folds it.
  EXPECT_EQ(assign("sm", bin(Op::Add, num("20000"), num("20000"))),
            Msgs{"constant-folding: smallint out of range"});
}

TEST_F(TypeCheckFoldTest, DivisionByConstantZero) {
  EXPECT_EQ(assign("age", bin(Op::Div, col("age"), num("0"))),
            Msgs{"constant-folding: division by zero"});
}

TEST_F(TypeCheckFoldTest, ModByConstantZero) {
  EXPECT_EQ(assign("age", call("mod", num("1"), num("0"))),
            Msgs{"constant-folding: division by zero"});
}

TEST_F(TypeCheckFoldTest, FineConstantsAreQuiet) {
  EXPECT_EQ(assign("age", bin(Op::Mul, num("46340"), num("46340"))), Msgs{});
}

TEST_F(TypeCheckFoldTest, CoalesceStopsAtTheFirstConstant) {
  EXPECT_EQ(assign("age", call("coalesce", num("1"), bin(Op::Div, num("1"), num("0")))), Msgs{});
}

TEST_F(TypeCheckFoldTest, CastOfATextConstantRunsTheInputFunction) {
  ExprPtr text = cast(str("abc"), Type(K::Text));
  EXPECT_EQ(assign("age", cast(std::move(text), Type(K::Int4))),
            Msgs{"constant-folding: invalid input syntax for type integer: \"abc\""});
}

TEST_F(TypeCheckFoldTest, SqrtOfANegative) {
  EXPECT_EQ(assign("f", call("sqrt", num("-1"))),
            Msgs{"constant-folding: cannot take square root of a negative number"});
}

TEST_F(TypeCheckFoldTest, MakeDateChecksTheDate) {
  EXPECT_EQ(assign("d", call("make_date", num("2023"), num("2"), num("29"))),
            Msgs{"constant-folding: date field value out of range: 2023-02-29"});
}

TEST_F(TypeCheckFoldTest, GreatestOverJsonHasNoOrdering) {
  EXPECT_EQ(assign("j", call("greatest", col("j"), col("j"))),
            Msgs{"undefined-function: could not identify a comparison function for type json"});
}

TEST_F(TypeCheckFoldTest, BuildObjectNeedsPairs) {
  EXPECT_EQ(assign("jb", call("jsonb_build_object", str("a"))),
            Msgs{"invalid-argument: argument list must have even number of elements"});
}

TEST_F(TypeCheckFoldTest, TimezoneUnitNeedsAZone) {
  EXPECT_EQ(assign("f", call("date_part", str("timezone"), col("ts"))),
            Msgs{"invalid-literal: unit \"timezone\" not supported for type timestamp without "
                 "time zone"});
}

TEST_F(TypeCheckFoldTest, DatePartOfADateGoesThroughTimestamp) {
  EXPECT_EQ(assign("f", call("date_part", str("hour"), col("d"))), Msgs{});
}

TEST_F(TypeCheckFoldTest, DateTruncTakesNoDayOfWeek) {
  EXPECT_EQ(assign("ts", call("date_trunc", str("dow"), col("ts"))),
            Msgs{"invalid-literal: unit \"dow\" not recognized for type timestamp without time "
                 "zone"});
}

TEST_F(TypeCheckFoldTest, AgeOfAnUnknownIsAmbiguous) {
  EXPECT_EQ(assign("name", call("age", str("2024-01-01"))),
            Msgs{"undefined-function: function age(unknown) is not unique"});
}

} // namespace
