// The expression parser's errors: PostgreSQL's wording, rule ids, and exact
// positions (columns count bytes from the start of the text).
#include "test/unit/TestDialects.h"
#include "ExprParserTestUtil.h"

#include <gtest/gtest.h>

using namespace shc;
using shc::test::sexpr;

TEST(ExprParserErrors, StatementSeparatorIsRejectedWithAHint) {
  test::Parsed p = test::parseExpr("1=1; DROP TABLE x");
  EXPECT_EQ(p.expr, nullptr);
  ASSERT_EQ(p.diags.size(), 1u);
  const Diagnostic &d = p.diags[0];
  EXPECT_EQ(d.rule, "expr-syntax");
  EXPECT_EQ(d.message, "syntax error at or near \";\"");
  EXPECT_EQ(d.loc.line, test::exprStart().line);
  EXPECT_EQ(d.loc.col, test::exprStart().col + 3);
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_FALSE(d.notes[0].loc.isValid());
  EXPECT_EQ(d.notes[0].message,
            "a where/expression value holds a single SQL expression; use customSQL for "
            "statements");
  EXPECT_EQ(sexpr("a = 1;"), "error expr-syntax col 5: syntax error at or near \";\"");
}

TEST(ExprParserErrors, SyntaxErrorsAtTheOffendingToken) {
  EXPECT_EQ(sexpr("a = = b"), "error expr-syntax col 4: syntax error at or near \"=\"");
  EXPECT_EQ(sexpr("a b"), "error expr-syntax col 2: syntax error at or near \"b\"");
  EXPECT_EQ(sexpr("f(a b)"), "error expr-syntax col 4: syntax error at or near \"b\"");
  EXPECT_EQ(sexpr("a)"), "error expr-syntax col 1: syntax error at or near \")\"");
  EXPECT_EQ(sexpr("a IN ()"), "error expr-syntax col 6: syntax error at or near \")\"");
  EXPECT_EQ(sexpr("CASE END"), "error expr-syntax col 5: syntax error at or near \"END\"");
  EXPECT_EQ(sexpr("'abc' 'def'"), "error expr-syntax col 6: syntax error at or near \"'def'\"");
  // NOT and WITH are PostgreSQL's one-token-lookahead cases.
  EXPECT_EQ(sexpr("a NOT b"), "error expr-syntax col 2: syntax error at or near \"NOT\"");
  EXPECT_EQ(sexpr("x::time with tz"), "error expr-syntax col 8: syntax error at or near \"with\"");
  EXPECT_EQ(sexpr("a = {1}"), "error expr-syntax col 4: syntax error at or near \"{\"");
}

TEST(ExprParserErrors, EndOfInput) {
  EXPECT_EQ(sexpr("a AND"), "error expr-syntax col 5: syntax error at end of input");
  EXPECT_EQ(sexpr("(a  "), "error expr-syntax col 2: syntax error at end of input");
  EXPECT_EQ(sexpr("CASE WHEN a THEN b"), "error expr-syntax col 18: syntax error at end of input");
  EXPECT_EQ(sexpr(""), "error expr-syntax col 0: syntax error at end of input");
  EXPECT_EQ(sexpr("  -- only a comment"), "error expr-syntax col 0: syntax error at end of input");
}

TEST(ExprParserErrors, NonAssociativeOperatorsAsInPostgres) {
  EXPECT_EQ(sexpr("a = b = c"), "error expr-syntax col 6: syntax error at or near \"=\"");
  EXPECT_EQ(sexpr("a < b > c"), "error expr-syntax col 6: syntax error at or near \">\"");
  EXPECT_EQ(sexpr("a IS DISTINCT FROM b IS NULL"),
            "error expr-syntax col 21: syntax error at or near \"IS\"");
  EXPECT_EQ(sexpr("a IS DISTINCT FROM b ISNULL"),
            "error expr-syntax col 21: syntax error at or near \"ISNULL\"");
  EXPECT_EQ(sexpr("a LIKE b NOT LIKE c"),
            "error expr-syntax col 9: syntax error at or near \"NOT\"");
  EXPECT_EQ(sexpr("a LIKE b IN (1)"), "error expr-syntax col 9: syntax error at or near \"IN\"");
  EXPECT_EQ(sexpr("a BETWEEN b AND c LIKE d"),
            "error expr-syntax col 18: syntax error at or near \"LIKE\"");
  EXPECT_EQ(sexpr("a LIKE b ESCAPE c ESCAPE d"),
            "error expr-syntax col 18: syntax error at or near \"ESCAPE\"");
  EXPECT_EQ(sexpr("a = b ESCAPE c"), "error expr-syntax col 6: syntax error at or near \"ESCAPE\"");
  EXPECT_EQ(sexpr("a BETWEEN b = c = d AND e"),
            "error expr-syntax col 16: syntax error at or near \"=\"");
  // Parentheses make each of them valid.
  EXPECT_EQ(sexpr("(a = b) = c"), "(= (= (col a) (col b)) (col c))");
  EXPECT_EQ(sexpr("a LIKE (b IN (1))"), "(like (col a) (in (col b) ((int 1))))");
}

TEST(ExprParserErrors, LexicalErrors) {
  EXPECT_EQ(sexpr("'unterminated"),
            "error expr-syntax col 0: unterminated quoted string at or near \"'unterminated\"");
  EXPECT_EQ(sexpr("a = 'it''s"),
            "error expr-syntax col 4: unterminated quoted string at or near \"'it''s\"");
  EXPECT_EQ(sexpr("a = \"Name"),
            "error expr-syntax col 4: unterminated quoted identifier at or near \"\"Name\"");
  EXPECT_EQ(sexpr("a = E'x\\'"),
            "error expr-syntax col 4: unterminated quoted string at or near \"E'x\\'\"");
  EXPECT_EQ(sexpr("x = X'0F"),
            "error expr-syntax col 4: unterminated hexadecimal string literal at or near \"X'0F\"");
  EXPECT_EQ(sexpr("$$abc"),
            "error expr-syntax col 0: unterminated dollar-quoted string at or near \"$$abc\"");
  EXPECT_EQ(sexpr("1 /* open"),
            "error expr-syntax col 2: unterminated /* comment at or near \"/* open\"");
  EXPECT_EQ(sexpr("1 + 123abc"),
            "error expr-syntax col 4: trailing junk after numeric literal at or near \"123a\"");
  EXPECT_EQ(sexpr("0x1F"),
            "error expr-syntax col 0: trailing junk after numeric literal at or near \"0x\"");
  EXPECT_EQ(sexpr("numeric(10,2) * 2"), // a type name, never a function
            "error expr-syntax col 14: syntax error at or near \"*\"");
  EXPECT_EQ(sexpr("int(5)"), "error expr-syntax col 3: syntax error at or near \"(\"");
  EXPECT_EQ(sexpr("\"\" = 1"),
            "error expr-syntax col 0: zero-length delimited identifier at or near \"\"\"\"");
  // An earlier syntax error wins, as PostgreSQL's scanner runs one token ahead.
  EXPECT_EQ(sexpr("a = = 'open"), "error expr-syntax col 4: syntax error at or near \"=\"");
}

TEST(ExprParserErrors, EscapeStringErrors) {
  EXPECT_EQ(sexpr("x = E'ab\\u12'"),
            "error expr-syntax col 8: invalid Unicode escape at or near \"E'ab\\u12'\"");
  EXPECT_EQ(sexpr("E'\\uD800'"),
            "error expr-syntax col 2: invalid Unicode surrogate pair at or near \"E'\\uD800'\"");
  EXPECT_EQ(sexpr("E'\\U00110000'"),
            "error expr-syntax col 2: invalid Unicode escape value at or near \"E'\\U00110000'\"");
  EXPECT_EQ(sexpr("E'\\xff'"),
            "error expr-syntax col 0: invalid byte sequence for encoding \"UTF8\": 0xff");
  EXPECT_EQ(sexpr("E'\\0'"),
            "error expr-syntax col 0: invalid byte sequence for encoding \"UTF8\": 0x00");
}

TEST(ExprParserErrors, EncodingErrors) {
  std::string withNul("a = 1 AND b\0", 12);
  EXPECT_EQ(sexpr(withNul), "error expr-syntax col 11: invalid NUL byte in expression");
  EXPECT_EQ(sexpr("a = '\xff'"),
            "error expr-syntax col 5: invalid byte sequence for encoding \"UTF8\": 0xff");
  EXPECT_EQ(sexpr("a = '\xc3('"),
            "error expr-syntax col 5: invalid byte sequence for encoding \"UTF8\": 0xc3 0x28");
  EXPECT_EQ(sexpr("'\xed\xa0\x80'"), // a UTF-16 surrogate encoded in UTF-8
            "error expr-syntax col 1: invalid byte sequence for encoding \"UTF8\": 0xed 0xa0 0x80");
}

TEST(ExprParserErrors, UnsupportedConstructs) {
  auto unsup = [](int col, const std::string &what) {
    return "error unsupported-construct col " + std::to_string(col) +
           ": unsupported SQL construct '" + what + "' in an expression; use customSQL";
  };
  EXPECT_EQ(sexpr("ARRAY[1]"), unsup(0, "ARRAY[...]"));
  EXPECT_EQ(sexpr("a = ARRAY(SELECT 1)"), unsup(4, "ARRAY(...)"));
  EXPECT_EQ(sexpr("x[1]"), unsup(1, "[...] subscript"));
  EXPECT_EQ(sexpr("a BETWEEN x[1] AND 2"), unsup(11, "[...] subscript"));
  EXPECT_EQ(sexpr("count(*) OVER (PARTITION BY a)"), unsup(9, "OVER (window function)"));
  EXPECT_EQ(sexpr("sum(x) FILTER (WHERE y) > 1"), unsup(7, "FILTER"));
  EXPECT_EQ(sexpr("percentile_cont(0.5) WITHIN GROUP (ORDER BY x)"), unsup(21, "WITHIN GROUP"));
  EXPECT_EQ(sexpr("string_agg(x, ',' ORDER BY x)"), unsup(18, "ORDER BY in a function call"));
  EXPECT_EQ(sexpr("x SIMILAR TO 'a%'"), unsup(2, "SIMILAR TO"));
  EXPECT_EQ(sexpr("x COLLATE \"C\" = y"), unsup(2, "COLLATE"));
  EXPECT_EQ(sexpr("a = $1"), unsup(4, "$n parameter"));
  EXPECT_EQ(sexpr("a = ANY(b)"), unsup(4, "ANY(...)"));
  EXPECT_EQ(sexpr("a > all (select 1)"), unsup(4, "ALL(...)"));
  EXPECT_EQ(sexpr("ROW(1, 2) = x"), unsup(0, "ROW(...)"));
  EXPECT_EQ(sexpr("(1, 2) = x"), unsup(0, "(a, b) row constructor"));
  EXPECT_EQ(sexpr("a @> b"), unsup(2, "@> operator"));
  EXPECT_EQ(sexpr("a #>> '{x}'"), unsup(2, "#>> operator"));
  EXPECT_EQ(sexpr("|/ a"), unsup(0, "|/ operator"));
  // An operator may end in - only if it has one of ~!@#%^&|`?: `||-` is one.
  EXPECT_EQ(sexpr("a||-1"), unsup(1, "||- operator"));
  EXPECT_EQ(sexpr("->> a"), unsup(0, "->> operator"));
  EXPECT_EQ(sexpr("a.b.c = 1"), unsup(0, "three-part name"));
  EXPECT_EQ(sexpr("pg_catalog.lower(x)"), unsup(0, "schema-qualified function name"));
  EXPECT_EQ(sexpr("f(a => 1)"), unsup(2, "name => value argument"));
  EXPECT_EQ(sexpr("f(VARIADIC a)"), unsup(2, "VARIADIC"));
  EXPECT_EQ(sexpr("interval '1' day"), unsup(13, "INTERVAL field qualifier"));
  EXPECT_EQ(sexpr("CURRENT_TIMESTAMP(3)"), unsup(0, "CURRENT_TIMESTAMP(precision)"));
  EXPECT_EQ(sexpr("B'101' = x"), unsup(0, "B'...' bit string"));
  EXPECT_EQ(sexpr("U&'\\0041' = x"), unsup(0, "U&'...' string"));
  EXPECT_EQ(sexpr("x = $q$a$q$"), unsup(4, "$tag$ dollar-quoted string"));
  EXPECT_EQ(sexpr("x IS NOT DOCUMENT"), unsup(9, "IS DOCUMENT"));
  EXPECT_EQ(sexpr("a OPERATOR(pg_catalog.=) b"), unsup(2, "OPERATOR(...)"));
  EXPECT_EQ(sexpr("x IN (SELECT a FROM t UNION SELECT b FROM u)"),
            unsup(22, "UNION in a subquery"));
  EXPECT_EQ(sexpr("x IN (SELECT a FROM t FETCH FIRST 1 ROW ONLY)"),
            unsup(22, "FETCH in a subquery"));
  EXPECT_EQ(sexpr("x IN (SELECT a FROM t LIMIT 1 OFFSET 2 ROWS)"),
            unsup(39, "OFFSET ... ROWS"));
  EXPECT_EQ(sexpr("EXISTS (SELECT 1 FROM a NATURAL JOIN b)"), unsup(24, "NATURAL JOIN"));
  EXPECT_EQ(sexpr("EXISTS (SELECT 1 FROM a JOIN b USING (x))"), unsup(31, "JOIN ... USING"));
  EXPECT_EQ(sexpr("EXISTS (SELECT 1 FROM d.public.t)"), unsup(31, "database-qualified table name"));
  EXPECT_EQ(sexpr("EXISTS (SELECT 1 FROM LATERAL (SELECT 1) s)"), unsup(22, "LATERAL"));
  EXPECT_EQ(sexpr("EXISTS (SELECT 1 FROM (a JOIN b ON true))"),
            unsup(22, "parenthesised FROM item"));
  EXPECT_EQ(sexpr("x IN (SELECT DISTINCT ON (a) a FROM t)"), unsup(13, "DISTINCT ON"));
}

TEST(ExprParserErrors, OnlyTheFirstErrorIsReported) {
  EXPECT_EQ(test::parseExpr("a = = b = = c").diags.size(), 1u);
  EXPECT_EQ(test::parseExpr("ARRAY[1] = x[1]").diags.size(), 1u);
  EXPECT_EQ(sexpr("ARRAY[1] = x[1]"), "error unsupported-construct col 0: unsupported SQL "
                                      "construct 'ARRAY[...]' in an expression; use customSQL");
}

TEST(ExprParserErrors, PositionsCountBytesAfterMultiByteCharacters) {
  // The 5th character (index 4) of ASCII text is 4 bytes in.
  test::Parsed p = test::parseExpr("a = ;");
  ASSERT_EQ(p.diags.size(), 1u);
  EXPECT_EQ(p.diags[0].loc.col, test::exprStart().col + 4);
  // After 'ä' (2 bytes) the `;` is the 18th character but 19th byte.
  p = test::parseExpr("status = 'ä' AND ;");
  ASSERT_EQ(p.diags.size(), 1u);
  EXPECT_EQ(p.diags[0].message, "syntax error at or near \";\"");
  EXPECT_EQ(p.diags[0].loc.col, test::exprStart().col + 18);
  EXPECT_EQ(sexpr("'€😀' = = 1"), "error expr-syntax col 12: syntax error at or near \"=\"");
}

TEST(ExprParserErrors, PositionsFollowTheScalarLocator) {
  // A block scalar: each line of the text starts a new run in the file.
  ScalarLocator locator;
  locator.addRun(0, SourceLoc{1, 7, 5}); // "a = 1\n"
  locator.addRun(6, SourceLoc{1, 8, 5}); // "AND = 2"
  DiagnosticEngine diags;
  EXPECT_EQ(parseExpression("a = 1\nAND = 2", locator, postgresCatalog(), diags), nullptr);
  std::vector<Diagnostic> out = diags.takeSorted();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].loc.line, 8u);
  EXPECT_EQ(out[0].loc.col, 9u);
}

TEST(ExprParserErrors, DeepNestingIsRejectedNotCrashing) {
  auto nested = [](unsigned n, const char *open, const char *close) {
    std::string s;
    for (unsigned i = 0; i < n; ++i)
      s += open;
    s += "1";
    for (unsigned i = 0; i < n; ++i)
      s += close;
    return s;
  };
  EXPECT_EQ(sexpr(nested(200, "(", ")")), "(int 1)");
  EXPECT_EQ(sexpr(nested(201, "(", ")")),
            "error expr-syntax col 200: expression is nested too deeply");
  EXPECT_EQ(sexpr(nested(100000, "(", ")")),
            "error expr-syntax col 200: expression is nested too deeply");
  EXPECT_EQ(sexpr(nested(200, "f(", ")")).substr(0, 9), "(call f (");
  EXPECT_EQ(sexpr(nested(300, "CASE WHEN x THEN ", " END")).substr(0, 40),
            "error expr-syntax col 3400: expression i");
  // Nesting without parentheses is bounded too.
  std::string nots;
  for (int i = 0; i < 100000; ++i)
    nots += "NOT ";
  EXPECT_EQ(sexpr(nots + "x").substr(0, 40), "error expr-syntax col 9996: expression i");
  std::string chain = "a = 0";
  for (int i = 1; i < 5000; ++i)
    chain += " OR a = " + std::to_string(i);
  EXPECT_EQ(sexpr(chain).substr(0, 18), "error expr-syntax ");
  std::string shortChain = "a = 0";
  for (int i = 1; i < 500; ++i)
    shortChain += " OR a = " + std::to_string(i);
  EXPECT_EQ(sexpr(shortChain).substr(0, 4), "(or ");
}
