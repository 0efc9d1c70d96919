// The typecheck pass at statement level: SET values against column types
// (transformAssignedExpr) and WHERE as a boolean. Expected messages are
// PostgreSQL 15's for the equivalent UPDATE.

#include "TypeCheckTestUtil.h"

using namespace shc;
using namespace shc::test;
using K = TypeKind;

namespace {
class TypeCheckTest : public TypeCheckFixture {
protected:
  void SetUp() override {
    TypeCheckFixture::SetUp();
    standardTable();
  }
  /// UPDATE t SET <column> = <value>; returns the value node.
  Expr *assign(const std::string &column, ExprPtr value) {
    Expr *raw = value.get();
    set(update("t"), column, std::move(value));
    return raw;
  }
};
} // namespace

TEST_F(TypeCheckTest, UnknownLiteralTakesTheColumnType) {
  Expr *v = assign("age", str("42"));
  Expr *d = assign("d", str("2024-02-29"));
  EXPECT_TRUE(run()) << ::testing::PrintToString(messages());
  EXPECT_EQ(v->getType(), Type(K::Int4));
  EXPECT_EQ(d->getType(), Type(K::Date));
}

TEST_F(TypeCheckTest, InvalidLiteralForColumn) {
  Expr *v = assign("flag", str("maybe"));
  EXPECT_FALSE(run());
  const Diagnostic &diag = only();
  EXPECT_EQ(diag.rule, "invalid-literal");
  EXPECT_EQ(diag.message, "invalid input syntax for type boolean: \"maybe\"");
  EXPECT_EQ(diag.loc, v->getLoc());
}

TEST_F(TypeCheckTest, DateOutOfRangeCarriesPostgresHint) {
  assign("d", str("2024-13-01"));
  EXPECT_FALSE(run());
  EXPECT_EQ(only().message, "date/time field value out of range: \"2024-13-01\"");
  EXPECT_EQ(hints(only()),
            std::vector<std::string>{"Perhaps you need a different \"datestyle\" setting."});
}

TEST_F(TypeCheckTest, VarcharLengthIsChecked) {
  assign("code", str("abcdefg"));
  assign("code", str("abc    ")); // trailing spaces are truncated silently
  EXPECT_FALSE(run());
  EXPECT_EQ(only().message, "value too long for type character varying(5)");
}

TEST_F(TypeCheckTest, NumericPrecisionOverflowForLiterals) {
  assign("price", str("1000"));
  assign("price", num("999.995"));
  EXPECT_FALSE(run());
  EXPECT_EQ(messages(), (std::vector<std::string>{"invalid-literal: numeric field overflow",
                                                  "invalid-literal: numeric field overflow"}));
  EXPECT_EQ(hints(diags.pending()[0]),
            std::vector<std::string>{"A field with precision 5, scale 2 must round to an "
                                     "absolute value less than 10^3."});
}

TEST_F(TypeCheckTest, NumberConstantsOutOfRangeForNarrowerColumns) {
  assign("sm", num("99999"));
  assign("age", num("2147483647.5"));
  assign("age", num("1e20"));
  assign("sm", unary(UnaryExpr::Op::Neg, num("32768")));
  assign("sm", unary(UnaryExpr::Op::Neg, num("32769")));
  EXPECT_FALSE(run());
  EXPECT_EQ(messages(), (std::vector<std::string>{"invalid-literal: smallint out of range",
                                                  "invalid-literal: integer out of range",
                                                  "invalid-literal: integer out of range",
                                                  "invalid-literal: smallint out of range"}));
}

TEST_F(TypeCheckTest, AssignmentNeedsAnAssignmentCast) {
  Expr *v = assign("age", col("name"));
  assign("name", col("age"));  // integer -> text: assignment (I/O) cast
  assign("age", col("price")); // numeric -> integer: assignment cast
  assign("ts", col("tz"));     // timestamptz -> timestamp: assignment cast
  assign("j", col("jb"));
  EXPECT_FALSE(run());
  const Diagnostic &d = only();
  EXPECT_EQ(d.rule, "type-mismatch");
  EXPECT_EQ(d.message, "column \"age\" is of type integer but expression is of type text");
  EXPECT_EQ(hints(d), std::vector<std::string>{"You will need to rewrite or cast the expression."});
  EXPECT_EQ(d.loc, v->getLoc());
}

TEST_F(TypeCheckTest, ModifiersAreNotPartOfTheMismatchMessage) {
  assign("d", col("code"));
  EXPECT_FALSE(run());
  EXPECT_EQ(only().message,
            "column \"d\" is of type date but expression is of type character varying");
}

TEST_F(TypeCheckTest, NullIntoNotNullIsAWarning) {
  Expr *v = assign("id", null());
  assign("age", null());
  EXPECT_TRUE(run());
  const Diagnostic &d = only();
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.rule, "null-into-not-null");
  EXPECT_EQ(d.message,
            "null value in column \"id\" of relation \"t\" violates not-null constraint");
  EXPECT_EQ(v->getType(), Type(K::Int4));
}

TEST_F(TypeCheckTest, WhereMustBeBoolean) {
  UpdateOp &op = update("t");
  set(op, "age", num("1"));
  op.where = col("age");
  EXPECT_FALSE(run());
  EXPECT_EQ(only().rule, "where-not-boolean");
  EXPECT_EQ(only().message, "argument of WHERE must be type boolean, not type integer");
}

TEST_F(TypeCheckTest, WhereUnknownLiteralIsCoercedToBoolean) {
  UpdateOp &a = update("t");
  set(a, "age", num("1"));
  a.where = str("true");
  UpdateOp &b = update("t");
  set(b, "age", num("1"));
  b.where = str("maybe");
  EXPECT_FALSE(run());
  EXPECT_EQ(a.where->getType(), Type(K::Bool));
  EXPECT_EQ(only().message, "invalid input syntax for type boolean: \"maybe\"");
}

TEST_F(TypeCheckTest, OpaqueTypesAreNotChecked) {
  assign("mood", str("happy"));
  assign("mood", col("age"));
  assign("age", call("my_func", col("age")));
  EXPECT_TRUE(run());
  EXPECT_EQ(only().rule, "unknown-function");
  EXPECT_EQ(only().message, "function my_func(integer) is not type-checked");
  EXPECT_EQ(only().severity, Severity::Warning);
}

TEST_F(TypeCheckTest, UnknownTableOrColumnDoesNotCascade) {
  UpdateOp &op = update("nosuch");
  set(op, "x", str("abc"));
  set(update("t"), "age", bin(BinaryExpr::Op::Add, col("nope"), str("abc")));
  EXPECT_FALSE(run());
  EXPECT_EQ(messages(),
            (std::vector<std::string>{"unknown-table: table \"nosuch\" does not exist",
                                      "unknown-column: column \"nope\" does not exist"}));
}

TEST_F(TypeCheckTest, LeftoverUnknownLiteralsBecomeText) {
  Expr *v = assign("name", call("concat", str("a"), col("age")));
  EXPECT_TRUE(run()) << ::testing::PrintToString(messages());
  auto *c = llvm::cast<FuncCallExpr>(v);
  EXPECT_EQ(c->getType(), Type(K::Text));
  EXPECT_EQ(c->args[0]->getType(), Type(K::Text));
}
