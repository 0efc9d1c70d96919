// The expression parser: each construct parses into the expected IR shape.
// Precedence cases were checked against PostgreSQL 15's own parser.
#include "ExprParserTestUtil.h"

#include <gtest/gtest.h>

using namespace shc;
using shc::test::sexpr;

TEST(ExprParserLiterals, Numbers) {
  EXPECT_EQ(sexpr("42"), "(int 42)");
  EXPECT_EQ(sexpr("1.5"), "(num 1.5)");
  EXPECT_EQ(sexpr(".5"), "(num .5)");
  EXPECT_EQ(sexpr("1e3"), "(num 1e3)");
  EXPECT_EQ(sexpr("1.5E-3"), "(num 1.5E-3)");
  EXPECT_EQ(sexpr("1."), "(num 1.)");
  EXPECT_EQ(sexpr("99999999999999999999"), "(int 99999999999999999999)");
}

TEST(ExprParserLiterals, NegativeNumbersFoldLikePostgres) {
  EXPECT_EQ(sexpr("-1"), "(int -1)");
  EXPECT_EQ(sexpr("- 2.5"), "(num -2.5)");
  EXPECT_EQ(sexpr("- -1"), "(int 1)");
  EXPECT_EQ(sexpr("-(1)"), "(neg (int 1))");
  EXPECT_EQ(sexpr("+1"), "(pos (int 1))");
  EXPECT_EQ(sexpr("-x"), "(neg (col x))");
}

TEST(ExprParserLiterals, Strings) {
  EXPECT_EQ(sexpr("'abc'"), "(str 'abc')");
  EXPECT_EQ(sexpr("'it''s'"), "(str 'it's')");
  EXPECT_EQ(sexpr("''"), "(str '')");
  EXPECT_EQ(sexpr("'a\\nb'"), "(str 'a\\nb')"); // standard strings keep backslashes
  EXPECT_EQ(sexpr("$$it's$$"), "(str 'it's')");
  EXPECT_EQ(sexpr("'ä €'"), "(str 'ä €')");
}

TEST(ExprParserLiterals, EscapeStrings) {
  EXPECT_EQ(sexpr("E'a\\nb'"), "(str 'a\nb')");
  EXPECT_EQ(sexpr("e'tab\\there'"), "(str 'tab\there')");
  EXPECT_EQ(sexpr("E'it\\'s'"), "(str 'it's')");
  EXPECT_EQ(sexpr("E'it''s'"), "(str 'it's')");
  EXPECT_EQ(sexpr("E'\\\\'"), "(str '\\')");
  EXPECT_EQ(sexpr("E'\\101\\x42'"), "(str 'AB')");
  EXPECT_EQ(sexpr("E'\\u00e4'"), "(str 'ä')");
  EXPECT_EQ(sexpr("E'\\U0001F600'"), "(str '\xF0\x9F\x98\x80')");
  EXPECT_EQ(sexpr("E'\\uD83D\\uDE00'"), "(str '\xF0\x9F\x98\x80')");
  EXPECT_EQ(sexpr("E'\\q'"), "(str 'q')");
}

TEST(ExprParserLiterals, BooleansAndNull) {
  EXPECT_EQ(sexpr("TRUE"), "true");
  EXPECT_EQ(sexpr("false"), "false");
  EXPECT_EQ(sexpr("NuLl"), "null");
}

TEST(ExprParserLiterals, TypedLiterals) {
  EXPECT_EQ(sexpr("INTERVAL '1 day'"), "(typed \"interval\" (str '1 day'))");
  EXPECT_EQ(sexpr("interval(3) '1 s'"), "(typed \"interval(3)\" (str '1 s'))");
  EXPECT_EQ(sexpr("DATE '2024-01-01'"), "(typed \"date\" (str '2024-01-01'))");
  EXPECT_EQ(sexpr("TIMESTAMP '2024-01-01 10:00'"),
            "(typed \"timestamp\" (str '2024-01-01 10:00'))");
  EXPECT_EQ(sexpr("timestamp with time zone '2024-01-01 10:00+02'"),
            "(typed \"timestamp with time zone\" (str '2024-01-01 10:00+02'))");
  EXPECT_EQ(sexpr("time(3) '10:00'"), "(typed \"time(3)\" (str '10:00'))");
  EXPECT_EQ(sexpr("double precision '1.5'"), "(typed \"double precision\" (str '1.5'))");
  EXPECT_EQ(sexpr("varchar(3) 'abc'"), "(typed \"varchar(3)\" (str 'abc'))");
  EXPECT_EQ(sexpr("numeric(10, 2) '1.5'"), "(typed \"numeric(10,2)\" (str '1.5'))");
  EXPECT_EQ(sexpr("int '1'"), "(typed \"int\" (str '1'))");
  EXPECT_EQ(sexpr("BOOLEAN 'yes'"), "(typed \"boolean\" (str 'yes'))");
  EXPECT_EQ(sexpr("float8 '1'"), "(typed \"float8\" (str '1'))");
  EXPECT_EQ(sexpr("pg_catalog.Date '2024-01-01'"),
            "(typed \"pg_catalog.date\" (str '2024-01-01'))");
  EXPECT_EQ(sexpr("uuid E'\\x41'"), "(typed \"uuid\" (str 'A'))");

  test::Parsed p = test::parseExpr("DATE '2024-01-01'");
  auto *cast = llvm::dyn_cast_or_null<CastExpr>(p.expr.get());
  ASSERT_NE(cast, nullptr);
  EXPECT_EQ(cast->syntax, CastExpr::Syntax::TypedLiteral);
  EXPECT_EQ(cast->target.getKind(), TypeKind::Date);
}

TEST(ExprParserNames, ColumnRefs) {
  EXPECT_EQ(sexpr("status"), "(col status)");
  EXPECT_EQ(sexpr("Status"), "(col status)");
  EXPECT_EQ(sexpr("\"Name\""), "(col Name)");
  EXPECT_EQ(sexpr("\"select\""), "(col select)");
  EXPECT_EQ(sexpr("\"a\"\"b\""), "(col a\"b)");
  EXPECT_EQ(sexpr("t.c"), "(col t.c)");
  EXPECT_EQ(sexpr("T.C"), "(col t.c)");
  EXPECT_EQ(sexpr("\"T\".\"C\""), "(col T.C)");
  EXPECT_EQ(sexpr("t.\"Order\""), "(col t.Order)");
  EXPECT_EQ(sexpr("t.order"), "(col t.order)"); // any keyword after a dot
  EXPECT_EQ(sexpr("ÄBc_1$"), "(col Äbc_1$)");   // only ASCII letters fold
}

TEST(ExprParserNames, ColumnLocations) {
  test::Parsed p = test::parseExpr("x = tbl.col");
  auto *eq = llvm::dyn_cast_or_null<BinaryExpr>(p.expr.get());
  ASSERT_NE(eq, nullptr);
  SourceLoc start = test::exprStart();
  EXPECT_EQ(eq->getLoc().col, start.col);
  EXPECT_EQ(eq->opLoc.col, start.col + 2);
  auto *ref = llvm::cast<ColumnRefExpr>(eq->rhs.get());
  EXPECT_EQ(ref->getLoc().col, start.col + 4);
  EXPECT_EQ(ref->nameLoc.col, start.col + 8);
  EXPECT_EQ(ref->qualifier, "tbl");
  auto *bare = llvm::cast<ColumnRefExpr>(eq->lhs.get());
  EXPECT_EQ(bare->nameLoc, bare->getLoc());
}

TEST(ExprParserNames, NonReservedKeywordsAreColumns) {
  EXPECT_EQ(sexpr("date > '2024-01-01'"), "(> (col date) (str '2024-01-01'))");
  EXPECT_EQ(sexpr("name = 'x'"), "(= (col name) (str 'x'))");
  EXPECT_EQ(sexpr("type IS NULL"), "(is-null (col type))");
  EXPECT_EQ(sexpr("value * 2"), "(* (col value) (int 2))");
  for (const char *kw :
       {"status",  "year",      "month",    "day",      "hour",      "minute",    "second",
        "time",    "timestamp", "interval", "position", "substring", "trim",      "extract",
        "zone",    "at",        "escape",   "unknown",  "double",    "precision", "varying",
        "without", "filter",    "over",     "within",   "between",   "exists",    "row",
        "char",    "character", "bit",      "key",      "data",      "text",      "coalesce",
        "int",     "numeric",   "varchar",  "boolean",  "real"})
    EXPECT_EQ(sexpr(std::string(kw) + " = 1"), "(= (col " + std::string(kw) + ") (int 1))") << kw;
}

TEST(ExprParserNames, ReservedKeywordsAreNotColumns) {
  for (const char *kw :
       {"select", "from", "where", "and",   "or",    "not",   "case",  "when", "then",
        "else",   "end",  "in",    "table", "order", "group", "limit", "all",  "any",
        "is",     "like", "ilike", "left",  "right", "join",  "only"}) {
    std::string out = sexpr(std::string(kw) + " = 1");
    EXPECT_EQ(out.rfind("error expr-syntax", 0), 0u) << kw << ": " << out;
  }
  EXPECT_EQ(sexpr("select = 1"), "error expr-syntax col 0: syntax error at or near \"select\"");
  EXPECT_EQ(sexpr("left = 1"), "error expr-syntax col 5: syntax error at or near \"=\"");
}

TEST(ExprParserNames, KeywordsAreCaseInsensitive) {
  EXPECT_EQ(sexpr("a iS nOt NuLl AnD b BeTwEeN 1 aNd 2"),
            "(and (is-not-null (col a)) (between (col b) (int 1) (int 2)))");
}

TEST(ExprParserOperators, Arithmetic) {
  EXPECT_EQ(sexpr("a + b * c - d / e % f"),
            "(- (+ (col a) (* (col b) (col c))) (% (/ (col d) (col e)) (col f)))");
  EXPECT_EQ(sexpr("a - b - c"), "(- (- (col a) (col b)) (col c))");
  EXPECT_EQ(sexpr("a - (b - c)"), "(- (col a) (- (col b) (col c)))");
  EXPECT_EQ(sexpr("a ^ b ^ c"), "(^ (^ (col a) (col b)) (col c))");
  EXPECT_EQ(sexpr("a * b ^ c"), "(* (col a) (^ (col b) (col c)))");
}

TEST(ExprParserOperators, UnaryMinusBindsTighterThanPower) {
  EXPECT_EQ(sexpr("-2 ^ 2"), "(^ (int -2) (int 2))");
  EXPECT_EQ(sexpr("-a ^ 2"), "(^ (neg (col a)) (int 2))");
  EXPECT_EQ(sexpr("2 ^ -a"), "(^ (int 2) (neg (col a)))");
  EXPECT_EQ(sexpr("- x::int"), "(neg (:: \"int\" (col x)))");
  EXPECT_EQ(sexpr("a * -1"), "(* (col a) (int -1))");
}

TEST(ExprParserOperators, OperatorsBindTighterThanComparison) {
  EXPECT_EQ(sexpr("a || b = c"), "(= (|| (col a) (col b)) (col c))");
  EXPECT_EQ(sexpr("a || b || c"), "(|| (|| (col a) (col b)) (col c))");
  EXPECT_EQ(sexpr("a || b + c"), "(|| (col a) (+ (col b) (col c)))");
  EXPECT_EQ(sexpr("a -> 'b' ->> 'c'"), "(->> (-> (col a) (str 'b')) (str 'c'))");
  EXPECT_EQ(sexpr("a->>'b' = 'x'"), "(= (->> (col a) (str 'b')) (str 'x'))");
}

TEST(ExprParserOperators, OperatorCharactersSplitLikePostgres) {
  EXPECT_EQ(sexpr("a=-1"), "(= (col a) (int -1))");
  EXPECT_EQ(sexpr("a<-1"), "(< (col a) (int -1))");
  EXPECT_EQ(sexpr("a>=-b"), "(>= (col a) (neg (col b)))");
  EXPECT_EQ(sexpr("a!=1"), "(<> (col a) (int 1))");
  EXPECT_EQ(sexpr("a<>1"), "(<> (col a) (int 1))");
  EXPECT_EQ(sexpr("a=+1"), "(= (col a) (pos (int 1)))");
  EXPECT_EQ(sexpr("1--comment"), "(int 1)");
  EXPECT_EQ(sexpr("1 /* a /* nested */ b */ + 2"), "(+ (int 1) (int 2))");
}

TEST(ExprParserOperators, ComparisonAndBoolean) {
  EXPECT_EQ(sexpr("NOT a = b"), "(not (= (col a) (col b)))");
  EXPECT_EQ(sexpr("a = NOT b"), "(= (col a) (not (col b)))");
  EXPECT_EQ(sexpr("a = NOT b = c"), "(= (col a) (not (= (col b) (col c))))");
  EXPECT_EQ(sexpr("NOT NOT a"), "(not (not (col a)))");
  EXPECT_EQ(sexpr("a AND b OR c AND d"), "(or (and (col a) (col b)) (and (col c) (col d)))");
  EXPECT_EQ(sexpr("a OR b AND c"), "(or (col a) (and (col b) (col c)))");
  EXPECT_EQ(sexpr("NOT a AND b"), "(and (not (col a)) (col b))");
  EXPECT_EQ(sexpr("a AND b AND c"), "(and (and (col a) (col b)) (col c))");
  EXPECT_EQ(sexpr("a <= b"), "(<= (col a) (col b))");
  EXPECT_EQ(sexpr("a >= b"), "(>= (col a) (col b))");
}

TEST(ExprParserOperators, IsBindsLooserThanComparison) {
  EXPECT_EQ(sexpr("a = b IS NULL"), "(is-null (= (col a) (col b)))");
  // gram.y reduces `a IS NULL` before it sees `=`: valid, as in PostgreSQL.
  EXPECT_EQ(sexpr("a IS NULL = b"), "(= (is-null (col a)) (col b))");
  EXPECT_EQ(sexpr("a IS NULL IS NULL"), "(is-null (is-null (col a)))");
  EXPECT_EQ(sexpr("NOT a IS NULL"), "(not (is-null (col a)))");
  EXPECT_EQ(sexpr("a ISNULL IS DISTINCT FROM b"), "(is-distinct (is-null (col a)) (col b))");
}

TEST(ExprParserOperators, PatternOperatorsBindTighterThanComparison) {
  EXPECT_EQ(sexpr("a = b LIKE c"), "(= (col a) (like (col b) (col c)))");
  EXPECT_EQ(sexpr("a IN (1) = b"), "(= (in (col a) ((int 1))) (col b))");
  EXPECT_EQ(sexpr("a IN (1) LIKE b"), "(like (in (col a) ((int 1))) (col b))");
  EXPECT_EQ(sexpr("a LIKE b || c"), "(like (col a) (|| (col b) (col c)))");
  EXPECT_EQ(sexpr("a BETWEEN 1 AND 2 + 3"), "(between (col a) (int 1) (+ (int 2) (int 3)))");
  EXPECT_EQ(sexpr("a BETWEEN 1 AND 2 = true"), "(= (between (col a) (int 1) (int 2)) true)");
}

TEST(ExprParserOperators, Casts) {
  EXPECT_EQ(sexpr("x::int + 1"), "(+ (:: \"int\" (col x)) (int 1))");
  EXPECT_EQ(sexpr("x::text::int"), "(:: \"int\" (:: \"text\" (col x)))");
  EXPECT_EQ(sexpr("'1'::int * 2"), "(* (:: \"int\" (str '1')) (int 2))");
  EXPECT_EQ(sexpr("CAST(x AS integer)"), "(cast \"integer\" (col x))");
  EXPECT_EQ(sexpr("x::varchar(10)"), "(:: \"varchar(10)\" (col x))");
  EXPECT_EQ(sexpr("x::Character  Varying( 10 )"), "(:: \"character varying(10)\" (col x))");
  EXPECT_EQ(sexpr("x::double precision"), "(:: \"double precision\" (col x))");
  EXPECT_EQ(sexpr("x::timestamp with time zone"), "(:: \"timestamp with time zone\" (col x))");
  EXPECT_EQ(sexpr("x::time without time zone"), "(:: \"time without time zone\" (col x))");
  EXPECT_EQ(sexpr("x::timestamp(3) with time zone"),
            "(:: \"timestamp(3) with time zone\" (col x))");
  EXPECT_EQ(sexpr("x::numeric(10,2)"), "(:: \"numeric(10,2)\" (col x))");
  EXPECT_EQ(sexpr("x::int[]"), "(:: \"int[]\" (col x))");
  EXPECT_EQ(sexpr("x::text []"), "(:: \"text[]\" (col x))");
  EXPECT_EQ(sexpr("x::int[3][]"), "(:: \"int[][]\" (col x))");
  EXPECT_EQ(sexpr("x::int ARRAY"), "(:: \"int[]\" (col x))");
  EXPECT_EQ(sexpr("x::bit varying(5)"), "(:: \"bit varying(5)\" (col x))");
  EXPECT_EQ(sexpr("x::INTEGER"), "(:: \"integer\" (col x))");
  EXPECT_EQ(sexpr("x::float(24)"), "(:: \"float(24)\" (col x))");
  EXPECT_EQ(sexpr("x::national character varying(3)"),
            "(:: \"national character varying(3)\" (col x))");
  EXPECT_EQ(sexpr("x::public.mytype"), "(:: \"public.mytype\" (col x))");
  EXPECT_EQ(sexpr("x::\"MyType\""), "(:: \"\"MyType\"\" (col x))");

  test::Parsed p = test::parseExpr("CAST(x AS character varying(10))");
  auto *cast = llvm::dyn_cast_or_null<CastExpr>(p.expr.get());
  ASSERT_NE(cast, nullptr);
  EXPECT_EQ(cast->syntax, CastExpr::Syntax::CastFunc);
  EXPECT_EQ(cast->target.getKind(), TypeKind::Varchar);
  EXPECT_EQ(cast->target.getMod1(), 10);
  p = test::parseExpr("x::int[]");
  cast = llvm::dyn_cast_or_null<CastExpr>(p.expr.get());
  ASSERT_NE(cast, nullptr);
  EXPECT_EQ(cast->syntax, CastExpr::Syntax::DoubleColon);
  EXPECT_TRUE(cast->target.isArray());
  EXPECT_EQ(cast->target.elementType().getKind(), TypeKind::Int4);
}

TEST(ExprParserOperators, AtTimeZone) {
  EXPECT_EQ(sexpr("x AT TIME ZONE 'UTC'"), "(at-time-zone (col x) (str 'UTC'))");
  EXPECT_EQ(sexpr("x AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Paris'"),
            "(at-time-zone (at-time-zone (col x) (str 'UTC')) (str 'Europe/Paris'))");
  EXPECT_EQ(sexpr("a + b AT TIME ZONE 'UTC'"), "(+ (col a) (at-time-zone (col b) (str 'UTC')))");
  EXPECT_EQ(sexpr("-a AT TIME ZONE z"), "(at-time-zone (neg (col a)) (col z))");
}

TEST(ExprParserPredicates, IsTests) {
  EXPECT_EQ(sexpr("a IS NULL"), "(is-null (col a))");
  EXPECT_EQ(sexpr("a IS NOT NULL"), "(is-not-null (col a))");
  EXPECT_EQ(sexpr("a ISNULL"), "(is-null (col a))");
  EXPECT_EQ(sexpr("a NOTNULL"), "(is-not-null (col a))");
  EXPECT_EQ(sexpr("a IS TRUE"), "(is-true (col a))");
  EXPECT_EQ(sexpr("a IS NOT FALSE"), "(is-not-false (col a))");
  EXPECT_EQ(sexpr("a IS UNKNOWN"), "(is-unknown (col a))");
  EXPECT_EQ(sexpr("a IS DISTINCT FROM b"), "(is-distinct (col a) (col b))");
  EXPECT_EQ(sexpr("a IS NOT DISTINCT FROM b + 1"), "(is-not-distinct (col a) (+ (col b) (int 1)))");
}

TEST(ExprParserPredicates, InBetweenLike) {
  EXPECT_EQ(sexpr("a IN (1, 2, 3)"), "(in (col a) ((int 1) (int 2) (int 3)))");
  EXPECT_EQ(sexpr("a NOT IN ('x')"), "(not-in (col a) ((str 'x')))");
  EXPECT_EQ(sexpr("x BETWEEN 1 AND 2 AND y"), "(and (between (col x) (int 1) (int 2)) (col y))");
  EXPECT_EQ(sexpr("x NOT BETWEEN SYMMETRIC a AND b"), "(not-between-sym (col x) (col a) (col b))");
  EXPECT_EQ(sexpr("x BETWEEN ASYMMETRIC 1 AND 2"), "(between (col x) (int 1) (int 2))");
  EXPECT_EQ(sexpr("x BETWEEN a - 1 AND b::int"),
            "(between (col x) (- (col a) (int 1)) (:: \"int\" (col b)))");
  EXPECT_EQ(sexpr("a LIKE 'x%'"), "(like (col a) (str 'x%'))");
  EXPECT_EQ(sexpr("a NOT ILIKE 'x%'"), "(not-ilike (col a) (str 'x%'))");
  EXPECT_EQ(sexpr("a LIKE 'x!%' ESCAPE '!'"), "(like (col a) (str 'x!%') escape (str '!'))");
  EXPECT_EQ(sexpr("a LIKE b ESCAPE c || d"), "(like (col a) (col b) escape (|| (col c) (col d)))");
  EXPECT_EQ(sexpr("a LIKE b AND c"), "(and (like (col a) (col b)) (col c))");
}

TEST(ExprParserPredicates, Case) {
  EXPECT_EQ(sexpr("CASE WHEN a > 1 THEN 'big' WHEN a > 0 THEN 'small' ELSE 'none' END"),
            "(case (when (> (col a) (int 1)) (str 'big')) (when (> (col a) (int 0)) "
            "(str 'small')) (else (str 'none')))");
  EXPECT_EQ(sexpr("CASE a WHEN 1 THEN true END"), "(case (col a) (when (int 1) true))");
  EXPECT_EQ(sexpr("CASE a + 1 WHEN 1 THEN x ELSE y END = 2"),
            "(= (case (+ (col a) (int 1)) (when (int 1) (col x)) (else (col y))) (int 2))");
}

TEST(ExprParserCalls, PlainCalls) {
  EXPECT_EQ(sexpr("lower(name)"), "(call lower (col name))");
  EXPECT_EQ(sexpr("NOW()"), "(call now)");
  EXPECT_EQ(sexpr("count(*)"), "(call count *)");
  EXPECT_EQ(sexpr("count(DISTINCT x)"), "(call count distinct (col x))");
  EXPECT_EQ(sexpr("count(ALL x)"), "(call count (col x))");
  EXPECT_EQ(sexpr("coalesce(a, b, 'x')"), "(call coalesce (col a) (col b) (str 'x'))");
  EXPECT_EQ(sexpr("NULLIF(a, '')"), "(call nullif (col a) (str ''))");
  EXPECT_EQ(sexpr("greatest(a, b) < least(c, d)"),
            "(< (call greatest (col a) (col b)) (call least (col c) (col d)))");
  EXPECT_EQ(sexpr("left(s, 2) || right(s, 2)"),
            "(|| (call left (col s) (int 2)) (call right (col s) (int 2)))");
  EXPECT_EQ(sexpr("\"MyFunc\"(1)"), "(call MyFunc (int 1))");
  EXPECT_EQ(sexpr("current_schema()"), "(call current_schema)");
}

TEST(ExprParserCalls, SpecialForms) {
  EXPECT_EQ(sexpr("EXTRACT(YEAR FROM ts)"), "(extract extract (str 'year') (col ts))");
  EXPECT_EQ(sexpr("extract(Epoch from ts)"), "(extract extract (str 'epoch') (col ts))");
  EXPECT_EQ(sexpr("extract('Month' from ts)"), "(extract extract (str 'month') (col ts))");
  EXPECT_EQ(sexpr("POSITION('a' IN s)"), "(position position (str 'a') (col s))");
  EXPECT_EQ(sexpr("SUBSTRING(s FROM 2 FOR 3)"), "(substring substring (col s) (int 2) (int 3))");
  EXPECT_EQ(sexpr("substring(s for 3 from 2)"), "(substring substring (col s) (int 2) (int 3))");
  EXPECT_EQ(sexpr("substring(s from 2)"), "(substring substring (col s) (int 2))");
  EXPECT_EQ(sexpr("substring(s for 3)"), "(substring substring (col s) (int 1) (int 3))");
  EXPECT_EQ(sexpr("substring(s, 2, 3)"), "(call substring (col s) (int 2) (int 3))");
  EXPECT_EQ(sexpr("TRIM(s)"), "(trim btrim (col s))");
  EXPECT_EQ(sexpr("trim(both from s)"), "(trim btrim (col s))");
  EXPECT_EQ(sexpr("TRIM(BOTH 'x' FROM s)"), "(trim btrim (col s) (str 'x'))");
  EXPECT_EQ(sexpr("trim(leading 'x' from s)"), "(trim ltrim (col s) (str 'x'))");
  EXPECT_EQ(sexpr("trim(trailing from s)"), "(trim rtrim (col s))");
  EXPECT_EQ(sexpr("CURRENT_DATE"), "(noparens current_date)");
  EXPECT_EQ(sexpr("current_timestamp"), "(noparens current_timestamp)");
  EXPECT_EQ(sexpr("CURRENT_TIME"), "(noparens current_time)");
  EXPECT_EQ(sexpr("LocalTimestamp"), "(noparens localtimestamp)");
  EXPECT_EQ(sexpr("localtime"), "(noparens localtime)");
  EXPECT_EQ(sexpr("current_user"), "(noparens current_user)");
}

TEST(ExprParserSubqueries, Exists) {
  EXPECT_EQ(sexpr("EXISTS (SELECT 1 FROM t WHERE t.a = b)"),
            "(exists (select (int 1) from t where (= (col t.a) (col b))))");
  EXPECT_EQ(sexpr("EXISTS (SELECT 1 FROM test.t u WHERE u.a = b)"),
            "(exists (select (int 1) from test.t as u where (= (col u.a) (col b))))");
  EXPECT_EQ(sexpr("EXISTS (SELECT 1 FROM a JOIN b ON a.x = b.x LEFT OUTER JOIN c AS k ON true "
                  "CROSS JOIN d, e)"),
            "(exists (select (int 1) from a JOIN b on (= (col a.x) (col b.x)) LEFT JOIN c as k "
            "on true CROSS JOIN d e))");
  EXPECT_EQ(sexpr("x IN (SELECT a FROM t GROUP BY a, 2 HAVING count(*) > 1 "
                  "ORDER BY a DESC NULLS FIRST, b LIMIT 5 OFFSET 10)"),
            "(in (col x) (select (col a) from t group by (col a), (int 2) having (> (call count "
            "*) (int 1)) order by (col a) desc nulls first, (col b) limit (int 5) offset (int 10)))");
  EXPECT_EQ(sexpr("EXISTS (SELECT 1 FROM (SELECT a FROM t) AS s (b) WHERE s.b = 1)"),
            "(exists (select (int 1) from (select (col a) from t) as s (b) where (= (col s.b) "
            "(int 1))))");
  EXPECT_EQ(sexpr("NOT EXISTS (SELECT * FROM Orders o WHERE o.uid = u.id)"),
            "(not-exists (select * from orders as o where (= (col o.uid) (col u.id))))");
  EXPECT_EQ(sexpr("NOT (EXISTS (SELECT 1))"), "(not (exists (select (int 1))))");
}

TEST(ExprParserSubqueries, InAndScalar) {
  EXPECT_EQ(sexpr("x IN (SELECT id FROM users u WHERE u.active LIMIT 10)"),
            "(in (col x) (select (col id) from users as u where (col u.active) limit (int 10)))");
  EXPECT_EQ(sexpr("x NOT IN (SELECT DISTINCT a AS b, c d FROM t1, \"T2\" AS t2)"),
            "(not-in (col x) (select distinct (col a) as b (col c) as d from t1 T2 as t2))");
  EXPECT_EQ(sexpr("(SELECT max(a) FROM t) > 1"),
            "(> (subquery (select (call max (col a)) from t)) (int 1))");
  EXPECT_EQ(sexpr("x = (SELECT 1 LIMIT ALL)"), "(= (col x) (subquery (select (int 1))))");
}

TEST(ExprParserSubqueries, Locations) {
  test::Parsed p = test::parseExpr("EXISTS (SELECT 1 FROM t)");
  auto *ex = llvm::dyn_cast_or_null<ExistsExpr>(p.expr.get());
  ASSERT_NE(ex, nullptr);
  EXPECT_EQ(ex->getLoc().col, test::exprStart().col);
  EXPECT_EQ(ex->query->loc.col, test::exprStart().col + 8);
  ASSERT_EQ(ex->query->from.size(), 1u);
  EXPECT_EQ(ex->query->from[0].loc.col, test::exprStart().col + 22);
}

TEST(ExprParserMisc, ParenthesesAreMarked) {
  test::Parsed p = test::parseExpr("(a + b) * c");
  auto *mul = llvm::dyn_cast_or_null<BinaryExpr>(p.expr.get());
  ASSERT_NE(mul, nullptr);
  EXPECT_FALSE(mul->parenthesized);
  EXPECT_TRUE(mul->lhs->parenthesized);
  EXPECT_EQ(mul->getLoc().col, test::exprStart().col); // the `(`
  EXPECT_EQ(mul->lhs->getLoc().col, test::exprStart().col + 1);
  EXPECT_EQ(mul->opLoc.col, test::exprStart().col + 8);
}

TEST(ExprParserMisc, LocationsAfterMultiByteCharacters) {
  // 'ä' is two bytes; columns count bytes.
  test::Parsed p = test::parseExpr("'ä' = x");
  auto *eq = llvm::dyn_cast_or_null<BinaryExpr>(p.expr.get());
  ASSERT_NE(eq, nullptr);
  EXPECT_EQ(eq->opLoc.col, test::exprStart().col + 5);
  EXPECT_EQ(eq->rhs->getLoc().col, test::exprStart().col + 7);
}

TEST(ExprParserMisc, WhitespaceAndComments) {
  EXPECT_EQ(sexpr("  a\n\t=\r\n  1  -- trailing comment"), "(= (col a) (int 1))");
  EXPECT_EQ(sexpr("a /* comment */ = 1"), "(= (col a) (int 1))");
}
