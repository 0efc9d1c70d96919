// customSQL: the lexical helpers, libpg_query's cursor mapping, and the
// statement analysis with our grammar's statement rules.
#include "test/unit/TestDialects.h"
#include "frontend/CustomSql.h"
#include "backends/postgres/catalog/CustomSqlScan.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"

#include <gtest/gtest.h>

using namespace shc;

namespace {

TEST(CustomSqlScanTest, CursorCountsCharactersNotBytes) {
  llvm::StringRef s = "SET x = 'ü€' WHER";
  // 'ü' and '€' are 2 and 3 bytes: the 14th character starts at byte 16.
  EXPECT_EQ(pg::cursorToByte(s, 14), 16u);
  EXPECT_EQ(s.substr(pg::cursorToByte(s, 14)), "WHER");
  EXPECT_EQ(pg::cursorToByte(s, 1), 0u);
  EXPECT_EQ(pg::cursorToByte(s, 0), 0u);
  EXPECT_EQ(pg::cursorToByte(s, 1000), s.size());
}

TEST(CustomSqlScanTest, BlanksSkipNestedCommentsAndLineComments) {
  llvm::StringRef s = "  /* a /* b */ c */ -- x\n\t UPDATE";
  EXPECT_EQ(s.substr(pg::skipBlanks(s, 0, s.size())), "UPDATE");
  llvm::StringRef open = " /* never closed";
  EXPECT_EQ(pg::skipBlanks(open, 0, open.size()), open.size());
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
    ok = analyseCustomSql(op, postgresCatalog(), diags);
  }
};

TEST(CustomSqlAnalyseTest, SplitsAndClassifiesStatements) {
  Analysed a("UPDATE t SET a = 1, b = lower(c) WHERE id = 2;\n"
             "  DELETE FROM t WHERE id < 0; INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING;"
             "DROP TABLE x; SELECT 1; VACUUM");
  ASSERT_TRUE(a.ok);
  ASSERT_EQ(a.op.statements.size(), 6u);
  const SqlStatement &u = a.op.statements[0];
  EXPECT_EQ(u.kind, StatementKind::Update);
  ASSERT_TRUE(u.analysed && u.query.update);
  const UpdateOp &up = *u.query.update;
  ASSERT_EQ(up.assignments.size(), 2u);
  EXPECT_EQ(up.assignments[1].column, "b");
  EXPECT_EQ(up.assignments[1].loc.col, 21u);
  EXPECT_TRUE(up.where != nullptr);
  const SqlStatement &d = a.op.statements[1];
  EXPECT_EQ(d.kind, StatementKind::Delete);
  EXPECT_TRUE(d.analysed);
  EXPECT_EQ(d.loc.line, 2u);
  EXPECT_EQ(d.loc.col, 3u);
  const SqlStatement &i = a.op.statements[2];
  EXPECT_EQ(i.kind, StatementKind::Insert);
  EXPECT_EQ(i.onConflict, OnConflict::DoNothing);
  ASSERT_TRUE(i.analysed && i.query.insert);
  EXPECT_EQ(i.query.insert->onConflict, OnConflict::DoNothing);
  ASSERT_EQ(i.query.insert->rows.size(), 1u);
  EXPECT_EQ(a.op.statements[3].kind, StatementKind::Ddl);
  EXPECT_EQ(a.op.statements[4].kind, StatementKind::Select);
  EXPECT_TRUE(a.op.statements[4].analysed);
  EXPECT_EQ(a.op.statements[5].kind, StatementKind::Other);
  EXPECT_FALSE(a.op.statements[5].analysed);
}

TEST(CustomSqlAnalyseTest, WithFromUsingAndReturningAreAnalysed) {
  Analysed a("WITH x (k) AS (SELECT id FROM s) UPDATE t AS u SET a = x.k FROM x WHERE u.id = x.k;\n"
             "DELETE FROM t USING s JOIN r ON r.id = s.id WHERE t.id = s.id RETURNING t.id;\n"
             "INSERT INTO t AS n (a, b) SELECT 1, 'x' ON CONFLICT (a) DO UPDATE SET b = "
             "excluded.b WHERE n.b IS DISTINCT FROM excluded.b");
  ASSERT_TRUE(a.ok);
  ASSERT_EQ(a.op.statements.size(), 3u);
  const SqlStatement &w = a.op.statements[0];
  ASSERT_TRUE(w.analysed) << w.notAnalysedReason;
  ASSERT_EQ(w.with.size(), 1u);
  EXPECT_EQ(w.with[0].name, "x");
  ASSERT_EQ(w.with[0].columnNames.size(), 1u);
  EXPECT_EQ(w.query.update->alias, "u");
  ASSERT_EQ(w.query.update->from.size(), 1u);
  const SqlStatement &d = a.op.statements[1];
  ASSERT_TRUE(d.analysed) << d.notAnalysedReason;
  ASSERT_EQ(d.query.update->from.size(), 2u);
  EXPECT_EQ(d.query.update->from[1].join, JoinKind::Inner);
  EXPECT_TRUE(d.query.update->from[1].on != nullptr);
  EXPECT_EQ(d.query.update->returning.size(), 1u);
  const SqlStatement &i = a.op.statements[2];
  ASSERT_TRUE(i.analysed) << i.notAnalysedReason;
  const InsertStmt &ins = *i.query.insert;
  EXPECT_EQ(ins.alias, "n");
  ASSERT_EQ(ins.columns.size(), 2u);
  EXPECT_TRUE(ins.select != nullptr);
  ASSERT_EQ(ins.conflictColumns.size(), 1u);
  ASSERT_TRUE(ins.conflictUpdate != nullptr);
  EXPECT_EQ(ins.conflictUpdate->assignments.size(), 1u);
  EXPECT_TRUE(ins.conflictUpdate->where != nullptr);
}

TEST(CustomSqlAnalyseTest, ShapesOutsideTheGrammarStayOpaqueWithTheReason) {
  Analysed a("WITH RECURSIVE x AS (SELECT 1) UPDATE t SET a = 1;\n"
             "UPDATE t SET (a, b) = (1, 2);\n"
             "UPDATE t SET a = ARRAY[1, 2];\n"
             "DELETE FROM t USING s NATURAL JOIN r");
  ASSERT_TRUE(a.ok);
  EXPECT_TRUE(a.diags.pending().empty()); // opaque statements are never errors here
  ASSERT_EQ(a.op.statements.size(), 4u);
  for (const SqlStatement &st : a.op.statements)
    EXPECT_FALSE(st.analysed);
  EXPECT_EQ(a.op.statements[0].notAnalysedReason, "WITH RECURSIVE");
  EXPECT_EQ(a.op.statements[1].notAnalysedReason, "(a, b) = ... multi-column assignment");
  EXPECT_EQ(a.op.statements[2].notAnalysedReason, "ARRAY[...]");
  EXPECT_EQ(a.op.statements[2].notAnalysedLoc.line, 3u);
  EXPECT_EQ(a.op.statements[2].notAnalysedLoc.col, 18u);
  EXPECT_EQ(a.op.statements[3].notAnalysedReason, "NATURAL JOIN");
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
