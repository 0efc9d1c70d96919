// Expression typing: operators, functions, CASE/COALESCE/IN, casts,
// subqueries and timezone_convert. Result types and messages are what
// PostgreSQL 15 reports for the same expression (checked with pg_typeof and
// the server's errors).

#include "TypeCheckTestUtil.h"

using namespace shc;
using namespace shc::test;
using K = TypeKind;
using Op = BinaryExpr::Op;

namespace {
class TypeCheckExprTest : public TypeCheckFixture {
protected:
  void SetUp() override {
    TypeCheckFixture::SetUp();
    standardTable();
  }
  /// Types `e` as UPDATE t SET name = e::text WHERE true... simply as the value of
  /// an assignment to the text column `name` (every type casts to text), and
  /// returns its type.
  Type typeOf(ExprPtr e) {
    Expr *raw = e.get();
    set(update("t"), "name", std::move(e));
    run();
    return raw->getType();
  }
  std::string typeName(ExprPtr e) { return typeOf(std::move(e)).str(); }
  /// The messages produced by typing `e` in a WHERE clause.
  std::vector<std::string> whereErrors(ExprPtr e) {
    UpdateOp &op = update("t");
    set(op, "age", num("1"));
    op.where = std::move(e);
    run();
    return messages();
  }
  std::vector<std::string> valueErrors(ExprPtr e) {
    typeOf(std::move(e));
    return messages();
  }
};
} // namespace

TEST_F(TypeCheckExprTest, LiteralTypes) {
  EXPECT_EQ(typeName(num("2147483647")), "integer");
  EXPECT_EQ(typeName(num("2147483648")), "bigint");
  EXPECT_EQ(typeName(num("9223372036854775808")), "numeric");
  EXPECT_EQ(typeName(num("1.5")), "numeric");
  EXPECT_EQ(typeName(unary(UnaryExpr::Op::Neg, num("2147483648"))), "integer");
  EXPECT_EQ(typeName(boolean(true)), "boolean");
}

TEST_F(TypeCheckExprTest, ArithmeticResultTypes) {
  EXPECT_EQ(typeName(bin(Op::Div, num("1"), num("2"))), "integer");
  EXPECT_EQ(typeName(bin(Op::Div, num("1.0"), num("2"))), "numeric");
  EXPECT_EQ(typeName(bin(Op::Pow, num("2"), num("3"))), "double precision");
  EXPECT_EQ(typeName(bin(Op::Add, col("sm"), col("sm"))), "smallint");
  EXPECT_EQ(typeName(bin(Op::Mul, col("f"), col("age"))), "double precision");
  EXPECT_EQ(typeName(bin(Op::Add, col("age"), col("price"))), "numeric");
  EXPECT_EQ(typeName(bin(Op::Mod, num("5"), num("2"))), "integer");
}

TEST_F(TypeCheckExprTest, DateTimeArithmetic) {
  EXPECT_EQ(typeName(bin(Op::Add, col("d"), num("1"))), "date");
  EXPECT_EQ(typeName(bin(Op::Sub, col("d"), col("d"))), "integer");
  EXPECT_EQ(typeName(bin(Op::Add, col("d"), cast(str("1 day"), Type(K::Interval)))),
            "timestamp without time zone");
  EXPECT_EQ(typeName(bin(Op::Sub, col("ts"), col("ts"))), "interval");
  EXPECT_EQ(typeName(bin(Op::Add, col("tz"), str("1 day"))), "timestamp with time zone");
  EXPECT_EQ(typeName(bin(Op::Sub, col("d"), col("tz"))), "interval");
  EXPECT_EQ(typeName(bin(Op::Sub, col("tz"), str("2024-01-01"))), "interval");
}

TEST_F(TypeCheckExprTest, ConcatAndJson) {
  EXPECT_EQ(typeName(bin(Op::Concat, str("a"), num("1"))), "text");
  EXPECT_EQ(typeName(bin(Op::Concat, col("code"), col("age"))), "text");
  EXPECT_EQ(typeName(bin(Op::JsonGet, col("jb"), str("a"))), "jsonb");
  EXPECT_EQ(typeName(bin(Op::JsonGetText, col("j"), num("0"))), "text");
  EXPECT_EQ(typeName(bin(Op::Concat, col("jb"), col("jb"))), "jsonb");
}

TEST_F(TypeCheckExprTest, OperatorDoesNotExist) {
  EXPECT_EQ(whereErrors(bin(Op::Eq, col("age"), col("name"))),
            std::vector<std::string>{"type-mismatch: operator does not exist: integer = text"});
  EXPECT_EQ(hints(diags.pending()[0]),
            std::vector<std::string>{"No operator matches the given name and argument types. You "
                                     "might need to add explicit type casts."});
}

TEST_F(TypeCheckExprTest, MoreOperatorErrors) {
  EXPECT_EQ(whereErrors(bin(Op::Eq, col("j"), str("{}"))),
            std::vector<std::string>{"type-mismatch: operator does not exist: json = unknown"});
}

TEST_F(TypeCheckExprTest, PrefixOperatorErrors) {
  EXPECT_EQ(valueErrors(unary(UnaryExpr::Op::Neg, col("name"))),
            std::vector<std::string>{"type-mismatch: operator does not exist: - text"});
  EXPECT_EQ(hints(diags.pending()[0]),
            std::vector<std::string>{"No operator matches the given name and argument type. You "
                                     "might need to add an explicit type cast."});
}

TEST_F(TypeCheckExprTest, AmbiguousOperator) {
  EXPECT_EQ(valueErrors(bin(Op::Add, str("1"), str("2"))),
            std::vector<std::string>{"type-mismatch: operator is not unique: unknown + unknown"});
}

TEST_F(TypeCheckExprTest, ComparisonValidatesTheUnknownSide) {
  EXPECT_EQ(
      whereErrors(bin(Op::Gt, col("age"), str("abc"))),
      std::vector<std::string>{"invalid-literal: invalid input syntax for type integer: \"abc\""});
}

TEST_F(TypeCheckExprTest, ComparisonValidatesDates) {
  EXPECT_EQ(whereErrors(bin(Op::Gt, col("ts"), str("2024-13-01"))),
            std::vector<std::string>{
                "invalid-literal: date/time field value out of range: \"2024-13-01\""});
}

TEST_F(TypeCheckExprTest, BooleanConnectives) {
  EXPECT_EQ(whereErrors(bin(Op::And, col("age"), col("flag"))),
            std::vector<std::string>{
                "type-mismatch: argument of AND must be type boolean, not type integer"});
}

TEST_F(TypeCheckExprTest, NotNeedsBoolean) {
  EXPECT_EQ(whereErrors(unary(UnaryExpr::Op::Not, col("age"))),
            std::vector<std::string>{
                "type-mismatch: argument of NOT must be type boolean, not type integer"});
}

TEST_F(TypeCheckExprTest, FunctionOverloads) {
  EXPECT_EQ(typeName(call("round", num("1.5"))), "numeric");
  EXPECT_EQ(typeName(call("round", num("1"))), "double precision");
  EXPECT_EQ(typeName(call("round", str("1.5"))), "double precision");
  EXPECT_EQ(typeName(call("abs", col("sm"))), "smallint");
  EXPECT_EQ(typeName(call("length", col("code"))), "integer");
  EXPECT_EQ(typeName(call("substr", str("abc"), num("1"))), "text");
  EXPECT_EQ(typeName(call("mod", num("5"), num("2.0"))), "numeric");
  EXPECT_EQ(typeName(call("upper", col("code"))), "text");
  EXPECT_EQ(typeName(call("concat", num("1"), num("2"))), "text");
  EXPECT_EQ(typeName(call("jsonb_build_object", str("a"), num("1"))), "jsonb");
  EXPECT_EQ(typeName(call("to_jsonb", col("age"))), "jsonb");
  EXPECT_EQ(typeName(call("date_trunc", str("day"), col("tz"))), "timestamp with time zone");
  EXPECT_EQ(typeName(call("now")), "timestamp with time zone");
  EXPECT_EQ(typeName(call("gen_random_uuid")), "uuid");
}

TEST_F(TypeCheckExprTest, FunctionDoesNotExist) {
  EXPECT_EQ(valueErrors(call("lower", col("age"))),
            std::vector<std::string>{"undefined-function: function lower(integer) does not exist"});
  EXPECT_EQ(hints(diags.pending()[0]),
            std::vector<std::string>{"No function matches the given name and argument types. You "
                                     "might need to add explicit type casts."});
}

TEST_F(TypeCheckExprTest, RoundOfDoubleWithScaleDoesNotExist) {
  EXPECT_EQ(valueErrors(call("round", col("f"), num("2"))),
            std::vector<std::string>{
                "undefined-function: function round(double precision, integer) does not exist"});
}

TEST_F(TypeCheckExprTest, AmbiguousFunction) {
  EXPECT_EQ(valueErrors(call("date_trunc", str("day"), str("2024-01-01"))),
            std::vector<std::string>{
                "undefined-function: function date_trunc(unknown, unknown) is not unique"});
}

TEST_F(TypeCheckExprTest, PolymorphicUnknown) {
  EXPECT_EQ(valueErrors(call("to_jsonb", str("abc"))),
            std::vector<std::string>{"type-mismatch: could not determine polymorphic type "
                                     "because input has type unknown"});
}

TEST_F(TypeCheckExprTest, FunctionArgumentsAreValidated) {
  EXPECT_EQ(
      valueErrors(call("left", col("name"), str("x"))),
      std::vector<std::string>{"invalid-literal: invalid input syntax for type integer: \"x\""});
}

TEST_F(TypeCheckExprTest, AggregatesOnlyInSubqueries) {
  EXPECT_EQ(
      valueErrors(call("count", col("age"))),
      std::vector<std::string>{"invalid-aggregate: aggregate functions are not allowed in UPDATE"});
}

TEST_F(TypeCheckExprTest, AggregateInWhere) {
  EXPECT_EQ(
      whereErrors(bin(Op::Gt, call("sum", col("age")), num("1"))),
      std::vector<std::string>{"invalid-aggregate: aggregate functions are not allowed in WHERE"});
}

TEST_F(TypeCheckExprTest, CaseUnifiesElseFirst) {
  auto c = std::make_unique<CaseExpr>(loc());
  c->whens.push_back({col("flag"), num("1")});
  c->elseExpr = cast(str("x"), Type(K::Text));
  EXPECT_EQ(
      valueErrors(std::move(c)),
      std::vector<std::string>{"type-mismatch: CASE types text and integer cannot be matched"});
}

TEST_F(TypeCheckExprTest, CaseResultTypes) {
  auto c = std::make_unique<CaseExpr>(loc());
  c->whens.push_back({col("flag"), num("1")});
  c->elseExpr = cast(num("2.5"), Type(K::Float4));
  EXPECT_EQ(typeName(std::move(c)), "real");
  auto u = std::make_unique<CaseExpr>(loc());
  u->whens.push_back({col("flag"), str("a")});
  EXPECT_EQ(typeName(std::move(u)), "text");
}

TEST_F(TypeCheckExprTest, CaseValidatesUnknownBranches) {
  auto c = std::make_unique<CaseExpr>(loc());
  c->whens.push_back({col("flag"), num("1")});
  c->elseExpr = str("x");
  EXPECT_EQ(
      valueErrors(std::move(c)),
      std::vector<std::string>{"invalid-literal: invalid input syntax for type integer: \"x\""});
}

TEST_F(TypeCheckExprTest, CaseWhenMustBeBoolean) {
  auto c = std::make_unique<CaseExpr>(loc());
  c->whens.push_back({num("1"), num("1")});
  EXPECT_EQ(valueErrors(std::move(c)),
            std::vector<std::string>{
                "type-mismatch: argument of CASE/WHEN must be type boolean, not type integer"});
}

TEST_F(TypeCheckExprTest, CoalesceGreatestNullif) {
  EXPECT_EQ(typeName(call("coalesce", num("1"), num("2.5"))), "numeric");
  EXPECT_EQ(typeName(call("coalesce", null(), str("x"))), "text");
  EXPECT_EQ(typeName(call("greatest", num("1"), cast(num("2"), Type(K::Int8)), num("3.0"))),
            "numeric");
  EXPECT_EQ(typeName(call("nullif", num("1"), num("2.5"))), "numeric");
  EXPECT_EQ(typeName(call("nullif", str("a"), str("b"))), "text");
}

TEST_F(TypeCheckExprTest, CoalesceMismatch) {
  EXPECT_EQ(
      valueErrors(call("coalesce", col("age"), col("name"))),
      std::vector<std::string>{"type-mismatch: COALESCE types integer and text cannot be matched"});
}

TEST_F(TypeCheckExprTest, InListUnifiesConstants) {
  std::vector<ExprPtr> items;
  items.push_back(num("1"));
  items.push_back(str("x"));
  EXPECT_EQ(
      whereErrors(std::make_unique<InListExpr>(loc(), col("age"), std::move(items), false)),
      std::vector<std::string>{"invalid-literal: invalid input syntax for type integer: \"x\""});
}

TEST_F(TypeCheckExprTest, InListFallsBackToComparisons) {
  std::vector<ExprPtr> items;
  items.push_back(num("1"));
  items.push_back(cast(str("x"), Type(K::Text)));
  EXPECT_EQ(whereErrors(std::make_unique<InListExpr>(loc(), col("age"), std::move(items), true)),
            std::vector<std::string>{"type-mismatch: operator does not exist: integer <> text"});
}

TEST_F(TypeCheckExprTest, CastsAndTypedLiterals) {
  EXPECT_EQ(typeName(cast(col("age"), Type(K::Text))), "text");
  EXPECT_EQ(typeName(cast(str("abcdef"), Type(K::Varchar, 3))), "character varying(3)");
  EXPECT_EQ(valueErrors(cast(boolean(true), Type(K::Date))),
            std::vector<std::string>{"type-mismatch: cannot cast type boolean to date"});
}

TEST_F(TypeCheckExprTest, TypedLiteralIsValidated) {
  EXPECT_EQ(valueErrors(cast(str("2024-02-30"), Type(K::Date), CastExpr::Syntax::TypedLiteral)),
            std::vector<std::string>{
                "invalid-literal: date/time field value out of range: \"2024-02-30\""});
}

TEST_F(TypeCheckExprTest, CastOfNumberConstant) {
  EXPECT_EQ(valueErrors(cast(num("1e20"), Type(K::Int4))),
            std::vector<std::string>{"invalid-literal: integer out of range"});
}

TEST_F(TypeCheckExprTest, LikeBetweenIsTests) {
  EXPECT_EQ(whereErrors(std::make_unique<LikeExpr>(loc(), col("age"), str("a%"), false, false)),
            std::vector<std::string>{"type-mismatch: operator does not exist: integer ~~ unknown"});
}

TEST_F(TypeCheckExprTest, BetweenValidatesBounds) {
  EXPECT_EQ(whereErrors(std::make_unique<BetweenExpr>(loc(), col("f"), num("1"), str("x"), false)),
            std::vector<std::string>{
                "invalid-literal: invalid input syntax for type double precision: \"x\""});
}

TEST_F(TypeCheckExprTest, IsTrueNeedsBoolean) {
  EXPECT_EQ(
      whereErrors(std::make_unique<IsTestExpr>(loc(), col("age"), IsTestExpr::Test::True, false)),
      std::vector<std::string>{
          "type-mismatch: argument of IS TRUE must be type boolean, not type integer"});
}

TEST_F(TypeCheckExprTest, IsDistinctUsesEquality) {
  EXPECT_EQ(
      whereErrors(std::make_unique<IsDistinctExpr>(loc(), col("age"), str("x"), false)),
      std::vector<std::string>{"invalid-literal: invalid input syntax for type integer: \"x\""});
}

TEST_F(TypeCheckExprTest, AtTimeZone) {
  EXPECT_EQ(typeName(bin(Op::AtTimeZone, col("tz"), str("UTC"))), "timestamp without time zone");
  EXPECT_EQ(typeName(bin(Op::AtTimeZone, col("ts"), str("Europe/Paris"))),
            "timestamp with time zone");
  EXPECT_EQ(valueErrors(bin(Op::AtTimeZone, col("tz"), num("5"))),
            std::vector<std::string>{"undefined-function: function pg_catalog.timezone(integer, "
                                     "timestamp with time zone) does not exist"});
}

TEST_F(TypeCheckExprTest, TimezoneConvert) {
  EXPECT_EQ(
      typeName(std::make_unique<TimezoneConvertExpr>(loc(), col("ts"), "UTC", "America/New_York")),
      "timestamp without time zone");
}

TEST_F(TypeCheckExprTest, TimezoneConvertRejectsTimestamptz) {
  EXPECT_EQ(valueErrors(std::make_unique<TimezoneConvertExpr>(loc(), col("tz"), "UTC", "CET")),
            std::vector<std::string>{"invalid-transform: timezone_convert needs a timestamp "
                                     "without time zone; \"tz\" is of type timestamp with time "
                                     "zone"});
  EXPECT_EQ(hints(diags.pending()[0]).size(), 1u);
}

TEST_F(TypeCheckExprTest, TimezoneConvertRejectsOtherTypes) {
  EXPECT_EQ(valueErrors(std::make_unique<TimezoneConvertExpr>(loc(), col("age"), "UTC", "")),
            (std::vector<std::string>{
                "invalid-transform: timezone_convert needs a non-empty toValue",
                "invalid-transform: timezone_convert needs a timestamp column; \"age\" is of "
                "type integer"}));
}

namespace {
std::unique_ptr<SelectStmt> selectFrom(std::vector<ExprPtr> items, const std::string &table) {
  auto q = std::make_unique<SelectStmt>();
  q->loc = SourceLoc{1, 90, 1};
  for (ExprPtr &i : items)
    q->items.push_back({std::move(i), ""});
  TableRef r;
  r.name = table;
  r.loc = SourceLoc{1, 91, 1};
  q->from.push_back(std::move(r));
  return q;
}
} // namespace

TEST_F(TypeCheckExprTest, ScalarSubqueryTypeAndAggregates) {
  std::vector<ExprPtr> items;
  items.push_back(call("max", col("price")));
  EXPECT_EQ(typeName(std::make_unique<SubqueryExpr>(loc(), selectFrom(std::move(items), "t"))),
            "numeric");
  EXPECT_TRUE(messages().empty()) << ::testing::PrintToString(messages());
}

TEST_F(TypeCheckExprTest, ScalarSubqueryWithTwoColumns) {
  std::vector<ExprPtr> items;
  items.push_back(col("id"));
  items.push_back(col("age"));
  EXPECT_EQ(valueErrors(std::make_unique<SubqueryExpr>(loc(), selectFrom(std::move(items), "t"))),
            std::vector<std::string>{"type-mismatch: subquery must return only one column"});
}

TEST_F(TypeCheckExprTest, InSubqueryComparesWithEquality) {
  std::vector<ExprPtr> items;
  items.push_back(col("name"));
  EXPECT_EQ(whereErrors(std::make_unique<InSubqueryExpr>(loc(), col("age"),
                                                         selectFrom(std::move(items), "t"), false)),
            std::vector<std::string>{"type-mismatch: operator does not exist: integer = text"});
}

TEST_F(TypeCheckExprTest, ExistsIsBoolean) {
  std::vector<ExprPtr> items;
  items.push_back(num("1"));
  auto q = selectFrom(std::move(items), "t");
  q->where = bin(Op::Gt, call("count", col("age")), num("1"));
  EXPECT_EQ(
      whereErrors(std::make_unique<ExistsExpr>(loc(), std::move(q), false)),
      std::vector<std::string>{"invalid-aggregate: aggregate functions are not allowed in WHERE"});
}

TEST_F(TypeCheckExprTest, StarSubqueryCountsColumns) {
  auto q = std::make_unique<SelectStmt>();
  q->loc = SourceLoc{1, 90, 1};
  q->items.push_back({nullptr, ""});
  TableRef r;
  r.name = "t";
  q->from.push_back(std::move(r));
  EXPECT_EQ(valueErrors(std::make_unique<SubqueryExpr>(loc(), std::move(q))),
            std::vector<std::string>{"type-mismatch: subquery must return only one column"});
}

TEST_F(TypeCheckExprTest, DateUnitsAreChecked) {
  EXPECT_EQ(typeName(call("date_part", str("dow"), col("d"))), "double precision");
  EXPECT_EQ(valueErrors(call("date_trunc", str("fortnight"), col("tz"))),
            std::vector<std::string>{"invalid-literal: unit \"fortnight\" not recognized for "
                                     "type timestamp with time zone"});
}
