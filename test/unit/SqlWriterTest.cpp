//===- SqlWriterTest.cpp - Quoting and escaping ---------------------------===//

#include "backends/common/SqlWriter.h"
#include "backends/postgres/PostgresBackend.h"
#include "ir/Diagnostics.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace shc;

namespace {

const SqlWriter &pgw() { return postgresWriter(); }

TEST(SqlWriterTest, KeywordTableIsSortedAndComplete) {
  llvm::ArrayRef<Keyword> kw = postgresKeywords();
  EXPECT_TRUE(std::is_sorted(kw.begin(), kw.end(),
                             [](const Keyword &a, const Keyword &b) { return a.word < b.word; }));
  // PostgreSQL 15: 151 keywords that are not UNRESERVED, plus the six
  // unreserved EXTRACT fields.
  EXPECT_EQ(kw.size(), 157u);
  size_t reserved = std::count_if(kw.begin(), kw.end(), [](const Keyword &k) {
    return k.category == KeywordCategory::Reserved;
  });
  EXPECT_EQ(reserved, 77u);
}

TEST(SqlWriterTest, KeywordCategories) {
  EXPECT_EQ(pgw().keywordCategory("user"), KeywordCategory::Reserved);
  EXPECT_EQ(pgw().keywordCategory("int"), KeywordCategory::ColName);
  EXPECT_EQ(pgw().keywordCategory("left"), KeywordCategory::TypeFuncName);
  EXPECT_EQ(pgw().keywordCategory("year"), KeywordCategory::Unreserved);
  EXPECT_EQ(pgw().keywordCategory("status"), KeywordCategory::None);
  EXPECT_EQ(pgw().keywordCategory("USER"), KeywordCategory::None); // lookups are lower case
}

TEST(SqlWriterTest, PlainIdentifiersStayBare) {
  for (const char *name : {"users", "status", "name", "type", "year", "a$b", "_x1", "login_count"})
    EXPECT_EQ(pgw().identifier(name), name) << name;
}

TEST(SqlWriterTest, KeywordsAreQuoted) {
  for (const char *name : {"user", "order", "select", "table", "group", "end", "between", "time",
                           "timestamp", "position", "values", "char", "int", "left", "similar"})
    EXPECT_EQ(pgw().identifier(name), std::string("\"") + name + "\"") << name;
}

TEST(SqlWriterTest, CaseAndSpecialCharactersAreQuoted) {
  EXPECT_EQ(pgw().identifier("Name"), "\"Name\"");
  EXPECT_EQ(pgw().identifier("USERS"), "\"USERS\"");
  EXPECT_EQ(pgw().identifier("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(pgw().identifier("first name"), "\"first name\"");
  EXPECT_EQ(pgw().identifier("1st"), "\"1st\"");
  EXPECT_EQ(pgw().identifier("$x"), "\"$x\"");
  EXPECT_EQ(pgw().identifier("a-b"), "\"a-b\"");
  EXPECT_EQ(pgw().identifier("ünï"), "\"ünï\"");
  EXPECT_EQ(pgw().identifier(""), "\"\"");
  EXPECT_EQ(pgw().quotedIdentifier("users"), "\"users\"");
}

TEST(SqlWriterTest, StringLiterals) {
  EXPECT_EQ(pgw().stringLiteral("active"), "'active'");
  EXPECT_EQ(pgw().stringLiteral(""), "''");
  EXPECT_EQ(pgw().stringLiteral("it's"), "'it''s'");
  EXPECT_EQ(pgw().stringLiteral("''"), "''''''");
  EXPECT_EQ(pgw().stringLiteral("back\\slash"), "E'back\\\\slash'");
  EXPECT_EQ(pgw().stringLiteral("it's \\n"), "E'it''s \\\\n'");
  EXPECT_EQ(pgw().stringLiteral("$$ dollar $$"), "'$$ dollar $$'");
  EXPECT_EQ(pgw().stringLiteral("ünïcödé \"q\" 日本"), "'ünïcödé \"q\" 日本'");
  EXPECT_EQ(pgw().stringLiteral("line1\nline2"), "'line1\nline2'");
  EXPECT_EQ(pgw().stringLiteral("1=1; DROP TABLE users"), "'1=1; DROP TABLE users'");
}

TEST(SqlWriterTest, NulByteIsReportedAtTheLiteral) {
  DiagnosticEngine diags;
  std::string out;
  llvm::raw_string_ostream os(out);
  SourceLoc loc{1, 7, 15};
  EXPECT_TRUE(failed(pgw().writeString(os, llvm::StringRef("a\0b", 3), loc, diags)));
  EXPECT_EQ(os.str(), "");
  std::vector<Diagnostic> ds = diags.takeSorted();
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].rule, "unsupported-in-dialect");
  EXPECT_EQ(ds[0].loc, loc);
  EXPECT_EQ(ds[0].message,
            "string literal contains a NUL byte, which PostgreSQL text cannot store");
}

TEST(SqlWriterTest, WriteStringSucceedsForOrdinaryText) {
  DiagnosticEngine diags;
  std::string out;
  llvm::raw_string_ostream os(out);
  EXPECT_TRUE(succeeded(pgw().writeString(os, "o'k", SourceLoc(), diags)));
  EXPECT_EQ(os.str(), "'o''k'");
  EXPECT_EQ(diags.getNumErrors(), 0u);
}

TEST(SqlWriterTest, BooleanAndNullSpelling) {
  EXPECT_EQ(pgw().boolLiteral(true), "TRUE");
  EXPECT_EQ(pgw().boolLiteral(false), "FALSE");
  EXPECT_EQ(pgw().nullLiteral(), "NULL");
}

// The policy is the only thing a new dialect supplies: a MySQL-like one.
TEST(SqlWriterTest, OtherDialectPolicy) {
  static const Keyword kw[] = {{"order", KeywordCategory::Reserved},
                               {"select", KeywordCategory::Reserved}};
  SqlPolicy p;
  p.identQuote = '`';
  p.foldsToLower = false;
  p.keywords = kw;
  p.quoteFrom = KeywordCategory::Reserved;
  p.escaping = StringEscaping::Backslash;
  p.rejectsNul = false;
  SqlWriter w(p);
  EXPECT_EQ(w.identifier("Users"), "Users");
  EXPECT_EQ(w.identifier("ORDER"), "`ORDER`");
  EXPECT_EQ(w.identifier("a`b"), "`a``b`");
  EXPECT_EQ(w.stringLiteral("it's a\\b"), "'it''s a\\\\b'");
  EXPECT_EQ(w.stringLiteral(llvm::StringRef("a\0b", 3)), "'a\\0b'");

  p.escaping = StringEscaping::Standard;
  EXPECT_EQ(SqlWriter(p).stringLiteral("a\\b'"), "'a\\b'''");
}

} // namespace
