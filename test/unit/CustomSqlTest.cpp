// customSQL: the lexical scanner that cuts statements at their top-level
// clauses, libpg_query's cursor mapping, and the statement analysis.
#include "frontend/CustomSql.h"
#include "frontend/CustomSqlScan.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"

#include <gtest/gtest.h>

using namespace shc;

namespace {

TEST(CustomSqlScanTest, CursorCountsCharactersNotBytes) {
  llvm::StringRef s = "SET x = 'ü€' WHER";
  // 'ü' and '€' are 2 and 3 bytes: the 14th character starts at byte 16.
  EXPECT_EQ(cursorToByte(s, 14), 16u);
  EXPECT_EQ(s.substr(cursorToByte(s, 14)), "WHER");
  EXPECT_EQ(cursorToByte(s, 1), 0u);
  EXPECT_EQ(cursorToByte(s, 0), 0u);
  EXPECT_EQ(cursorToByte(s, 1000), s.size());
}

TEST(CustomSqlScanTest, TopLevelIgnoresQuotesCommentsAndParentheses) {
  llvm::StringRef s = "a = f(1, 2), b = 'x, where' /* , where */ -- where\n"
                      ", c = $q$ where $q$ WHERE d";
  size_t comma = findTopLevel(s, 0, s.size(), true, "");
  EXPECT_EQ(s.substr(comma, 3), ", b");
  size_t next = findTopLevel(s, comma + 1, s.size(), true, "");
  EXPECT_EQ(s[next], ',');
  EXPECT_EQ(s.substr(next + 1, 4), " c =");
  size_t where = findTopLevel(s, 0, s.size(), false, "where");
  EXPECT_EQ(s.substr(where), "WHERE d");
  // A word that only contains the keyword is not it.
  llvm::StringRef t = "nowhere = 1";
  EXPECT_EQ(findTopLevel(t, 0, t.size(), false, "where"), t.size());
  // E'' strings have backslash escapes; standard strings do not.
  llvm::StringRef e = "E'a\\' where' where";
  EXPECT_EQ(e.substr(findTopLevel(e, 0, e.size(), false, "where")), "where");
}

struct Analysed {
  CustomSqlOp op{SourceLoc{1, 1, 1}};
  DiagnosticEngine diags;
  bool ok;
  explicit Analysed(std::string sql) {
    op.sql = std::move(sql);
    // Like a block scalar: each line of the text is a run at column 1.
    uint32_t line = 1;
    op.sqlLocator.addRun(0, SourceLoc{1, line, 1});
    for (size_t i = 0; i < op.sql.size(); ++i)
      if (op.sql[i] == '\n')
        op.sqlLocator.addRun(i + 1, SourceLoc{1, ++line, 1});
    op.validate = true;
    ok = analyseCustomSql(op, diags);
  }
};

TEST(CustomSqlAnalyseTest, SplitsAndClassifiesStatements) {
  Analysed a("UPDATE t SET a = 1, b = lower(c) WHERE id = 2;\n"
             "  DELETE FROM t WHERE id < 0; INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING;"
             "DROP TABLE x; SELECT 1");
  ASSERT_TRUE(a.ok);
  ASSERT_EQ(a.op.statements.size(), 5u);
  const SqlStatement &u = a.op.statements[0];
  EXPECT_EQ(u.kind, StatementKind::Update);
  ASSERT_TRUE(u.analysed && u.update);
  ASSERT_EQ(u.update->assignments.size(), 2u);
  EXPECT_EQ(u.update->assignments[1].column, "b");
  EXPECT_EQ(u.update->assignments[1].loc.col, 21u);
  EXPECT_TRUE(u.update->where != nullptr);
  const SqlStatement &d = a.op.statements[1];
  EXPECT_EQ(d.kind, StatementKind::Delete);
  EXPECT_TRUE(d.analysed);
  EXPECT_EQ(d.loc.line, 2u);
  EXPECT_EQ(d.loc.col, 3u);
  EXPECT_EQ(a.op.statements[2].kind, StatementKind::Insert);
  EXPECT_EQ(a.op.statements[2].onConflict, OnConflict::DoNothing);
  EXPECT_EQ(a.op.statements[3].kind, StatementKind::Ddl);
  EXPECT_EQ(a.op.statements[4].kind, StatementKind::Other);
  EXPECT_FALSE(a.op.statements[4].analysed);
}

TEST(CustomSqlAnalyseTest, ShapesOutsideTheGrammarStayOpaque) {
  Analysed a("WITH x AS (SELECT 1) UPDATE t SET a = 1; UPDATE t AS u SET a = 2;"
             "UPDATE t SET (a, b) = (1, 2)");
  ASSERT_TRUE(a.ok);
  ASSERT_EQ(a.op.statements.size(), 3u);
  for (const SqlStatement &st : a.op.statements) {
    EXPECT_FALSE(st.analysed);
    EXPECT_FALSE(st.notAnalysedReason.empty());
  }
  EXPECT_TRUE(a.op.statements[0].hasWith);
}

TEST(CustomSqlAnalyseTest, SyntaxErrorAtItsPosition) {
  Analysed a("UPDATE t\nSET a = 'é' WHER b");
  EXPECT_FALSE(a.ok);
  ASSERT_EQ(a.diags.pending().size(), 1u);
  const Diagnostic &d = a.diags.pending()[0];
  EXPECT_EQ(d.rule, "custom-sql-syntax");
  EXPECT_EQ(d.message, "syntax error at or near \"WHER\"");
  EXPECT_EQ(d.loc.line, 2u);
  EXPECT_EQ(d.loc.col, 14u); // byte column: 'é' is two bytes
  EXPECT_FALSE(a.op.parsed);
}

} // namespace
