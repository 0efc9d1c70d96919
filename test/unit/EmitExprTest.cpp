//===- EmitExprTest.cpp - PostgreSQL expression emission ------------------===//
//
// Spellings and minimal parenthesisation. The parse-back property (minimal
// and fully parenthesised text give the same libpg_query tree) is checked by
// the fully-parenthesised mode below on a few shapes; each expectation here is
// an exact string.
//
//===----------------------------------------------------------------------===//

#include "EmitTestUtil.h"

#include <gtest/gtest.h>

using namespace shc;
using namespace shc::testutil;

namespace {

TEST(EmitExprTest, Literals) {
  EXPECT_EQ(pg(str("active")), "'active'");
  EXPECT_EQ(pg(num("42")), "42");
  EXPECT_EQ(pg(num("1.5")), "1.5");
  EXPECT_EQ(pg(num("1e10")), "1e10");
  EXPECT_EQ(pg(num("+3")), "3");
  EXPECT_EQ(pg(num("-3")), "-3");
  EXPECT_EQ(pg(boolean(true)), "TRUE");
  EXPECT_EQ(pg(boolean(false)), "FALSE");
  EXPECT_EQ(pg(null()), "NULL");
  EXPECT_EQ(pg(str("back\\slash")), "E'back\\\\slash'");
  EXPECT_EQ(pg(str("$$ ü")), "'$$ ü'");
}

TEST(EmitExprTest, MalformedNumberIsRejected) {
  DiagnosticEngine diags;
  bool ok = true;
  for (const char *bad : {"0x1F", "1_000", ".inf", "1..2", "--1", "1e", ""}) {
    pg(*num(bad), &ok, &diags);
    EXPECT_FALSE(ok) << bad;
  }
  EXPECT_EQ(diags.getNumErrors(), 7u);
}

TEST(EmitExprTest, NulInStringFails) {
  DiagnosticEngine diags;
  bool ok = true;
  pg(*bin(Op::Eq, col("a"), str(std::string("x\0y", 3), at(5, 20))), &ok, &diags);
  EXPECT_FALSE(ok);
  std::vector<Diagnostic> ds = diags.takeSorted();
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].rule, "unsupported-in-dialect");
  EXPECT_EQ(ds[0].loc, at(5, 20));
}

TEST(EmitExprTest, ColumnReferences) {
  EXPECT_EQ(pg(col("email")), "email");
  EXPECT_EQ(pg(col("order", "id")), "\"order\".id");
  EXPECT_EQ(pg(col("Name")), "\"Name\"");
  EXPECT_EQ(pg(col("u", "user")), "u.\"user\"");
}

TEST(EmitExprTest, ArithmeticAssociativity) {
  EXPECT_EQ(pg(bin(Op::Sub, col("a"), bin(Op::Sub, col("b"), col("c")))), "a - (b - c)");
  EXPECT_EQ(pg(bin(Op::Sub, bin(Op::Sub, col("a"), col("b")), col("c"))), "a - b - c");
  EXPECT_EQ(pg(bin(Op::Add, col("a"), bin(Op::Add, col("b"), col("c")))), "a + (b + c)");
  EXPECT_EQ(pg(bin(Op::Mul, bin(Op::Add, col("a"), col("b")), col("c"))), "(a + b) * c");
  EXPECT_EQ(pg(bin(Op::Add, col("a"), bin(Op::Mul, col("b"), col("c")))), "a + b * c");
  EXPECT_EQ(pg(bin(Op::Div, col("a"), bin(Op::Mod, col("b"), col("c")))), "a / (b % c)");
  EXPECT_EQ(pg(bin(Op::Pow, col("a"), bin(Op::Pow, col("b"), col("c")))), "a ^ (b ^ c)");
  EXPECT_EQ(pg(bin(Op::Pow, bin(Op::Pow, col("a"), col("b")), col("c"))), "a ^ b ^ c");
  EXPECT_EQ(pg(bin(Op::Mul, bin(Op::Add, bin(Op::Add, col("login_count"), num("1")), num("0")),
                   num("2"))),
            "(login_count + 1 + 0) * 2");
}

TEST(EmitExprTest, OtherOperatorsBindBetweenComparisonAndAddition) {
  EXPECT_EQ(pg(bin(Op::Concat, col("a"), bin(Op::Add, col("b"), col("c")))), "a || b + c");
  EXPECT_EQ(pg(bin(Op::Add, bin(Op::Concat, col("a"), col("b")), col("c"))), "(a || b) + c");
  EXPECT_EQ(pg(bin(Op::Concat, col("a"), bin(Op::Concat, col("b"), col("c")))), "a || (b || c)");
  EXPECT_EQ(pg(bin(Op::Eq, bin(Op::JsonGetText, col("j"), str("k")), str("v"))), "j ->> 'k' = 'v'");
  EXPECT_EQ(pg(bin(Op::JsonGet, bin(Op::JsonGet, col("j"), str("a")), num("0"))), "j -> 'a' -> 0");
}

TEST(EmitExprTest, BooleanConnectives) {
  EXPECT_EQ(pg(bin(Op::And, bin(Op::Or, col("a"), col("b")), col("c"))), "(a OR b) AND c");
  EXPECT_EQ(pg(bin(Op::Or, col("a"), bin(Op::And, col("b"), col("c")))), "a OR b AND c");
  EXPECT_EQ(pg(bin(Op::And, bin(Op::And, col("a"), col("b")), col("c"))), "a AND b AND c");
  EXPECT_EQ(pg(bin(Op::And, col("a"), bin(Op::And, col("b"), col("c")))), "a AND (b AND c)");
  EXPECT_EQ(pg(notE(bin(Op::And, col("a"), col("b")))), "NOT (a AND b)");
  EXPECT_EQ(pg(notE(bin(Op::Eq, col("a"), col("b")))), "NOT a = b");
  EXPECT_EQ(pg(notE(notE(col("a")))), "NOT NOT a");
  EXPECT_EQ(pg(bin(Op::Eq, notE(col("a")), col("b"))), "(NOT a) = b");
  EXPECT_EQ(pg(bin(Op::And, notE(col("a")), col("b"))), "NOT a AND b");
  EXPECT_EQ(pg(bin(Op::And, isNull(col("full_name")),
                   bin(Op::Or, bin(Op::Eq, col("status"), str("active")), isNull(col("status"))))),
            "full_name IS NULL AND (status = 'active' OR status IS NULL)");
}

TEST(EmitExprTest, ComparisonsAreNonAssociative) {
  EXPECT_EQ(pg(bin(Op::Eq, bin(Op::Eq, col("a"), col("b")), col("c"))), "(a = b) = c");
  EXPECT_EQ(pg(bin(Op::Eq, col("a"), bin(Op::Eq, col("b"), col("c")))), "a = (b = c)");
  EXPECT_EQ(pg(bin(Op::Lt, bin(Op::Add, col("a"), num("1")), col("b"))), "a + 1 < b");
  EXPECT_EQ(pg(bin(Op::Ne, col("a"), num("-1"))), "a <> -1");
}

TEST(EmitExprTest, IsTests) {
  EXPECT_EQ(pg(isTest(bin(Op::Eq, col("a"), col("b")), IsTestExpr::Test::True)), "(a = b) IS TRUE");
  EXPECT_EQ(pg(isTest(bin(Op::Lt, col("a"), col("b")), IsTestExpr::Test::True)), "(a < b) IS TRUE");
  EXPECT_EQ(pg(isTest(col("a"), IsTestExpr::Test::False, true)), "a IS NOT FALSE");
  EXPECT_EQ(pg(isTest(col("a"), IsTestExpr::Test::Unknown)), "a IS UNKNOWN");
  EXPECT_EQ(pg(isTest(isNull(col("a")), IsTestExpr::Test::Null, true)), "(a IS NULL) IS NOT NULL");
  EXPECT_EQ(pg(isNull(bin(Op::Add, col("a"), col("b")))), "a + b IS NULL");
  EXPECT_EQ(pg(isNull(notE(col("a")))), "(NOT a) IS NULL");
  EXPECT_EQ(pg(bin(Op::Eq, isNull(col("a")), col("b"))), "(a IS NULL) = b");
  EXPECT_EQ(pg(std::make_unique<IsDistinctExpr>(at(), col("a"), col("b"), true)),
            "a IS NOT DISTINCT FROM b");
  EXPECT_EQ(
      pg(std::make_unique<IsDistinctExpr>(at(), col("a"), bin(Op::Eq, col("b"), col("c")), false)),
      "a IS DISTINCT FROM (b = c)");
}

TEST(EmitExprTest, UnaryMinusNeverFormsAComment) {
  EXPECT_EQ(pg(neg(neg(col("x")))), "-(-x)");
  EXPECT_EQ(pg(neg(num("-1"))), "-(-1)");
  EXPECT_EQ(pg(bin(Op::Sub, col("x"), num("-1"))), "x - -1");
  EXPECT_EQ(pg(bin(Op::Sub, col("x"), neg(num("1")))), "x - -1");
  EXPECT_EQ(pg(bin(Op::Mul, col("x"), neg(col("y")))), "x * -y");
  EXPECT_EQ(pg(neg(bin(Op::Add, col("a"), col("b")))), "-(a + b)");
  EXPECT_EQ(pg(neg(bin(Op::Pow, col("a"), col("b")))), "-(a ^ b)");
  EXPECT_EQ(pg(bin(Op::Pow, neg(col("a")), col("b"))), "-a ^ b");
  EXPECT_EQ(pg(unary(UnaryExpr::Op::Plus, neg(col("a")))), "+(-a)");
}

TEST(EmitExprTest, Casts) {
  EXPECT_EQ(pg(bin(Op::Add, castTo(col("x"), Type(TypeKind::Int4)), num("1"))), "x::integer + 1");
  EXPECT_EQ(pg(castTo(bin(Op::Add, col("x"), num("1")), Type(TypeKind::Int4))), "(x + 1)::integer");
  EXPECT_EQ(pg(castTo(bin(Op::Add, col("x"), num("1")), Type(TypeKind::Int4),
                      CastExpr::Syntax::CastFunc)),
            "CAST(x + 1 AS integer)");
  EXPECT_EQ(pg(castTo(num("-5"), Type(TypeKind::Text))), "(-5)::text");
  EXPECT_EQ(pg(castTo(neg(col("a")), Type(TypeKind::Text))), "(-a)::text");
  EXPECT_EQ(pg(neg(castTo(col("a"), Type(TypeKind::Int8)))), "-a::bigint");
  EXPECT_EQ(pg(castTo(castTo(col("x"), Type(TypeKind::Text)), Type(TypeKind::Varchar, 255))),
            "x::text::character varying(255)");
  EXPECT_EQ(pg(castTo(col("x"), Type(TypeKind::TimestampTz), CastExpr::Syntax::CastFunc)),
            "CAST(x AS timestamp with time zone)");
  EXPECT_EQ(pg(castTo(col("x"), Type(TypeKind::Numeric, 10, 2))), "x::numeric(10,2)");
  EXPECT_EQ(pg(castTo(col("x"), Type(TypeKind::Text).arrayOf())), "x::text[]");
  EXPECT_EQ(pg(castTo(col("x"), Type::other("public.mood"))), "x::public.mood");
  EXPECT_EQ(pg(castTo(col("x"), Type::other("My Type\""))), "x::\"My Type\"\"\"");
}

TEST(EmitExprTest, TypedLiterals) {
  using S = CastExpr::Syntax;
  EXPECT_EQ(pg(castTo(str("1 day"), Type(TypeKind::Interval), S::TypedLiteral)),
            "INTERVAL '1 day'");
  EXPECT_EQ(
      pg(bin(Op::Add, col("d"), castTo(str("1 day"), Type(TypeKind::Interval), S::TypedLiteral))),
      "d + INTERVAL '1 day'");
  EXPECT_EQ(pg(castTo(str("2024-02-29"), Type(TypeKind::Date), S::TypedLiteral)),
            "DATE '2024-02-29'");
  EXPECT_EQ(pg(castTo(castTo(str("1 day"), Type(TypeKind::Interval), S::TypedLiteral),
                      Type(TypeKind::Text))),
            "INTERVAL '1 day'::text");
  // Arrays have no typed-literal form: fall back to ::.
  EXPECT_EQ(pg(castTo(str("{a}"), Type(TypeKind::Text).arrayOf(), S::TypedLiteral)),
            "'{a}'::text[]");
}

TEST(EmitExprTest, Functions) {
  EXPECT_EQ(pg(call("lower", col("email"))), "lower(email)");
  EXPECT_EQ(pg(call("concat", col("first_name"), str(" "), col("last_name"))),
            "concat(first_name, ' ', last_name)");
  EXPECT_EQ(pg(call("now")), "now()");
  EXPECT_EQ(pg(call("coalesce", col("a"), num("0"))), "coalesce(a, 0)");
  EXPECT_EQ(pg(call("substring", col("s"), num("1"), num("10"))), "substring(s, 1, 10)");
  EXPECT_EQ(pg(call("left", col("s"), num("2"))), "left(s, 2)");
  EXPECT_EQ(pg(call("order", col("s"))), "\"order\"(s)");
  EXPECT_EQ(pg(call("int", col("s"))), "\"int\"(s)");
  EXPECT_EQ(pg(call("MyFunc", col("s"))), "\"MyFunc\"(s)");
  auto star = call("count");
  llvm::cast<FuncCallExpr>(*star).star = true;
  EXPECT_EQ(pg(star), "count(*)");
  auto distinct = call("count", col("x"));
  llvm::cast<FuncCallExpr>(*distinct).distinct = true;
  EXPECT_EQ(pg(distinct), "count(DISTINCT x)");
  EXPECT_EQ(pg(call("lower", bin(Op::Or, col("a"), col("b")))), "lower(a OR b)");
}

TEST(EmitExprTest, SpecialCallForms) {
  using F = FuncCallExpr::Form;
  EXPECT_EQ(pg(special(F::NoParens, "current_date")), "CURRENT_DATE");
  EXPECT_EQ(pg(special(F::NoParens, "current_timestamp", num("3"))), "CURRENT_TIMESTAMP(3)");
  EXPECT_EQ(pg(special(F::Extract, "extract", str("year"), col("created_at"))),
            "EXTRACT(year FROM created_at)");
  EXPECT_EQ(pg(special(F::Extract, "extract", str("epoch"), col("ts"))), "EXTRACT(epoch FROM ts)");
  EXPECT_EQ(pg(special(F::Extract, "extract", str("SECOND"), col("ts"))),
            "EXTRACT(second FROM ts)");
  // Keywords other than the six field names, and odd text, go as strings.
  EXPECT_EQ(pg(special(F::Extract, "extract", str("time"), col("ts"))), "EXTRACT('time' FROM ts)");
  EXPECT_EQ(pg(special(F::Extract, "extract", str("a b"), col("ts"))), "EXTRACT('a b' FROM ts)");
  EXPECT_EQ(pg(special(F::Position, "position", str("@"), col("email"))), "POSITION('@' IN email)");
  // POSITION's operands are b_expr: no IN, LIKE, AND, AT TIME ZONE bare.
  EXPECT_EQ(pg(special(F::Position, "position", bin(Op::Concat, col("a"), col("b")),
                       bin(Op::AtTimeZone, col("c"), str("UTC")))),
            "POSITION(a || b IN (c AT TIME ZONE 'UTC'))");
  EXPECT_EQ(pg(special(F::Substring, "substring", col("s"), num("2"), num("3"))),
            "SUBSTRING(s FROM 2 FOR 3)");
  EXPECT_EQ(pg(special(F::Substring, "substring", col("s"), num("2"))), "SUBSTRING(s FROM 2)");
  EXPECT_EQ(pg(special(F::Trim, "btrim", col("y"), str("x"))), "TRIM(BOTH 'x' FROM y)");
  EXPECT_EQ(pg(special(F::Trim, "ltrim", col("y"))), "TRIM(LEADING FROM y)");
  EXPECT_EQ(pg(special(F::Trim, "rtrim", col("y"), str(" "))), "TRIM(TRAILING ' ' FROM y)");
}

TEST(EmitExprTest, MalformedSpecialCallIsAnIrError) {
  DiagnosticEngine diags;
  bool ok = true;
  pg(*special(FuncCallExpr::Form::Trim, "upper", col("y")), &ok, &diags);
  EXPECT_FALSE(ok);
  std::vector<Diagnostic> ds = diags.takeSorted();
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].rule, "ir-verifier");
}

TEST(EmitExprTest, Case) {
  auto searched = std::make_unique<CaseExpr>(at());
  searched->whens.push_back({col("verified"), str("ok")});
  searched->elseExpr = str("pending");
  EXPECT_EQ(pg(*searched), "CASE WHEN verified THEN 'ok' ELSE 'pending' END");

  auto simple = std::make_unique<CaseExpr>(at());
  simple->operand = bin(Op::Add, col("a"), num("1"));
  simple->whens.push_back({num("1"), str("one")});
  simple->whens.push_back({num("2"), bin(Op::Or, col("x"), col("y"))});
  EXPECT_EQ(pg(*simple), "CASE a + 1 WHEN 1 THEN 'one' WHEN 2 THEN x OR y END");
  EXPECT_EQ(pg(bin(Op::Mul, std::move(simple), num("2"))),
            "CASE a + 1 WHEN 1 THEN 'one' WHEN 2 THEN x OR y END * 2");
}

TEST(EmitExprTest, PatternPredicates) {
  EXPECT_EQ(pg(std::make_unique<InListExpr>(at(), col("a"), list(num("1"), num("2")), false)),
            "a IN (1, 2)");
  EXPECT_EQ(pg(std::make_unique<InListExpr>(at(), bin(Op::Eq, col("a"), col("b")),
                                            list(boolean(true)), true)),
            "(a = b) NOT IN (TRUE)");
  auto like = std::make_unique<LikeExpr>(at(), col("name"), str("a!%%"), false, true);
  like->escape = str("!");
  EXPECT_EQ(pg(*like), "name ILIKE 'a!%%' ESCAPE '!'");
  EXPECT_EQ(pg(std::make_unique<LikeExpr>(at(), bin(Op::Concat, col("a"), col("b")), str("x%"),
                                          true, false)),
            "a || b NOT LIKE 'x%'");
  EXPECT_EQ(pg(std::make_unique<LikeExpr>(
                at(), std::make_unique<LikeExpr>(at(), col("a"), col("b"), false, false), col("c"),
                false, false)),
            "(a LIKE b) LIKE c");
}

TEST(EmitExprTest, Between) {
  EXPECT_EQ(pg(std::make_unique<BetweenExpr>(at(), col("a"), num("1"), num("10"), false)),
            "a BETWEEN 1 AND 10");
  auto sym = std::make_unique<BetweenExpr>(at(), col("a"), col("b"), col("c"), true);
  sym->symmetric = true;
  EXPECT_EQ(pg(*sym), "a NOT BETWEEN SYMMETRIC b AND c");
  EXPECT_EQ(
      pg(bin(Op::And, std::make_unique<BetweenExpr>(at(), col("x"), col("a"), col("b"), false),
             col("c"))),
      "x BETWEEN a AND b AND c");
  EXPECT_EQ(pg(std::make_unique<BetweenExpr>(at(), col("x"), col("a"),
                                             bin(Op::And, col("b"), col("c")), false)),
            "x BETWEEN a AND (b AND c)");
  // The lower bound is a b_expr: AT TIME ZONE needs parentheses even nested.
  EXPECT_EQ(pg(std::make_unique<BetweenExpr>(
                at(), col("x"), bin(Op::Add, col("a"), bin(Op::AtTimeZone, col("b"), str("UTC"))),
                col("c"), false)),
            "x BETWEEN a + (b AT TIME ZONE 'UTC') AND c");
  EXPECT_EQ(pg(std::make_unique<BetweenExpr>(
                at(), col("x"), call("f", bin(Op::And, col("a"), col("b"))), col("c"), false)),
            "x BETWEEN f(a AND b) AND c");
}

TEST(EmitExprTest, TimeZones) {
  EXPECT_EQ(pg(bin(Op::AtTimeZone, col("ts"), str("UTC"))), "ts AT TIME ZONE 'UTC'");
  EXPECT_EQ(pg(bin(Op::AtTimeZone, col("ts"), bin(Op::Concat, col("a"), col("b")))),
            "ts AT TIME ZONE (a || b)");
  auto tz =
      std::make_unique<TimezoneConvertExpr>(at(), col("created_at"), "UTC", "America/New_York");
  EXPECT_EQ(pg(*tz), "(created_at AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York'");
  EXPECT_EQ(pg(castTo(std::move(tz), Type(TypeKind::Date))),
            "((created_at AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York')::date");
}

TEST(EmitExprTest, Subqueries) {
  auto q = select(list(col("a"), col("b")), {{"t", "x"}, {"u", ""}},
                  bin(Op::Gt, col("x", "a"), num("1")));
  EXPECT_EQ(pg(std::make_unique<SubqueryExpr>(at(), std::move(q))),
            "(SELECT a, b FROM t x, u WHERE x.a > 1)");
  EXPECT_EQ(
      pg(std::make_unique<ExistsExpr>(at(), select(list(num("1")), {{"orders", "o"}}), false)),
      "EXISTS (SELECT 1 FROM orders o)");
  EXPECT_EQ(
      pg(bin(Op::And, std::make_unique<ExistsExpr>(at(), select(list(nullptr), {{"t", ""}}), true),
             col("c"))),
      "NOT EXISTS (SELECT * FROM t) AND c");
  EXPECT_EQ(pg(std::make_unique<InSubqueryExpr>(
                at(), col("id"), select(list(col("user_id")), {{"order", ""}}), true)),
            "id NOT IN (SELECT user_id FROM \"order\")");
  auto full = select(list(call("max", col("total"))), {{"orders", ""}});
  full->distinct = true;
  full->items[0].alias = "order";
  full->limit = num("1");
  EXPECT_EQ(pg(std::make_unique<SubqueryExpr>(at(), std::move(full))),
            "(SELECT DISTINCT max(total) AS \"order\" FROM orders LIMIT 1)");
}

TEST(EmitExprTest, FullyParenthesizedOracle) {
  DiagnosticEngine diags;
  PostgresExprEmitter e(diags);
  e.setFullyParenthesized(true);
  std::string out;
  auto tree = bin(Op::Or, bin(Op::And, col("a"), notE(col("b"))),
                  isNull(bin(Op::Add, col("c"), bin(Op::Mul, col("d"), num("2")))));
  ASSERT_TRUE(succeeded(e.emit(*tree, out)));
  EXPECT_EQ(out, "((a AND (NOT b)) OR ((c + (d * 2)) IS NULL))");
}

} // namespace
