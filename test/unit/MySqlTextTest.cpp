// The MySQL runtime's text handling, without a server: its URIs and their
// redaction, MySQL's lexical rules, the statements that would commit a
// step's transaction implicitly, the ledger INSERT, and --ddl splitting.

#include "backends/mysql/MySqlApply.h"
#include "backends/mysql/MySqlDb.h"
#include "backends/mysql/MySqlLex.h"
#include "backends/mysql/MySqlScriptParse.h"

#include <gtest/gtest.h>

using namespace shc;

namespace {

std::string checksum(char c) { return std::string(64, c); }

TEST(MySqlUri, ParsesHostPortSocketAndDecodes) {
  auto u = parseMySqlUri("mysql://app:p%40ss@db.example:3307/shop");
  ASSERT_TRUE(bool(u)) << llvm::toString(u.takeError());
  EXPECT_EQ(u->user, "app");
  EXPECT_EQ(u->password.value_or("?"), "p@ss");
  EXPECT_EQ(u->host, "db.example");
  EXPECT_EQ(u->port, 3307u);
  EXPECT_EQ(u->database, "shop");

  auto s = parseMySqlUri("mariadb://root@/test?socket=/tmp/x%20y/mysqld.sock");
  ASSERT_TRUE(bool(s)) << llvm::toString(s.takeError());
  EXPECT_EQ(s->user, "root");
  EXPECT_FALSE(s->password);
  EXPECT_EQ(s->host, "");
  EXPECT_EQ(s->socket, "/tmp/x y/mysqld.sock");

  // An unencoded `/`, `?` and `@` in the password: the user part ends at
  // the last `@`.
  auto odd = parseMySqlUri("mysql://u:a/b?c@d@[::1]:3306/db");
  ASSERT_TRUE(bool(odd)) << llvm::toString(odd.takeError());
  EXPECT_EQ(odd->password.value_or("?"), "a/b?c@d");
  EXPECT_EQ(odd->host, "::1");
  EXPECT_EQ(odd->port, 3306u);
}

TEST(MySqlUri, RefusesWhatItCannotUseWithoutQuotingIt) {
  for (const char *bad : {"postgres://u@h/db", "mysql://u:secretpw@h", "mysql://u:secretpw@h/",
                          "mysql://u:secretpw@h:99999/db", "mysql://u:secretpw@h:port/db",
                          "mysql://u:secretpw@h/db?sslmode=on"}) {
    auto u = parseMySqlUri(bad);
    ASSERT_FALSE(bool(u)) << bad;
    std::string why = llvm::toString(u.takeError());
    EXPECT_EQ(why.find("secretpw"), std::string::npos) << why;
  }
}

TEST(MySqlUri, RedactsThePasswordWhole) {
  EXPECT_EQ(redactMySqlUri("mysql://app:s3cret@h:3306/db"), "mysql://app:***@h:3306/db");
  EXPECT_EQ(redactMySqlUri("mysql://app:a/b?c@d@h/db"), "mysql://app:***@h/db");
  EXPECT_EQ(redactMySqlUri("mysql://app@/db?socket=/s&password=s3cret"),
            "mysql://app@/db?socket=/s&password=***");
  EXPECT_EQ(redactMySqlUri("mysql://root@/db?socket=/s"), "mysql://root@/db?socket=/s");
  EXPECT_EQ(redactMySqlUri("mysql://app:s3cret@h"),
            "<a MySQL URI that cannot be parsed, not shown>");
}

TEST(MySqlUri, ScrubsPiecesOfThePassword) {
  SecretScrubber s = mysqlSecrets("mysql://app:p%40ss%2Fword@h/db");
  EXPECT_EQ(s.scrub("login p@ss/word rejected"), "login *** rejected");
  EXPECT_EQ(s.scrub("saw p%40ss"), "saw ***");
  SecretScrubber bad = mysqlSecrets("mysql://app:Zq9x@h");
  EXPECT_EQ(bad.scrub("host Zq9x@h"), "host ***");
}

TEST(MySqlLex, FollowsMySqlQuotingAndComments) {
  // A `;` inside each kind of quote or comment does not end a statement;
  // `--x` is not a comment, `-- x` and `#` are.
  llvm::StringRef sql = "SELECT 'a\\';b', \"c\"\";d\", `e``;f` FROM t; # x;y\n"
                        "SELECT 1 --1;\nSELECT 2 -- z;\n; /* p;q */ SELECT 3;";
  std::vector<MySqlStatement> st = splitMySqlStatements(sql);
  ASSERT_EQ(st.size(), 4u);
  EXPECT_EQ(st[0].text, "SELECT 'a\\';b', \"c\"\";d\", `e``;f` FROM t;");
  EXPECT_EQ(st[1].text, "SELECT 1 --1;");
  EXPECT_EQ(st[2].text, "SELECT 2 -- z;\n;");
  EXPECT_EQ(st[3].text, "SELECT 3;");
  EXPECT_EQ(unquoteMySqlString("'it''s \\\\ \\n'"), "it's \\ \n");
  EXPECT_EQ(unquoteMySqlName("`a``b`"), "a`b");
  bool open = false;
  lexMySql("SELECT 'x", &open);
  EXPECT_TRUE(open);
}

TEST(MySqlLex, FindsStatementsThatCommitImplicitly) {
  EXPECT_EQ(mysqlStepProblem("UPDATE t SET a = 1;\nDELETE FROM t WHERE b;\n"), "");
  EXPECT_EQ(mysqlStepProblem("CREATE TEMPORARY TABLE x (a int);\nDROP TEMPORARY TABLE x;"), "");
  EXPECT_EQ(mysqlStepProblem("SAVEPOINT s; ROLLBACK TO SAVEPOINT s;"), "");
  EXPECT_EQ(mysqlStepProblem("UPDATE t SET a = 1;\nALTER TABLE t ADD c int;"),
            "`ALTER TABLE t ADD c int;`: ALTER is DDL, which MySQL commits implicitly");
  EXPECT_EQ(mysqlStepProblem("create or replace view v as select 1;"),
            "`create or replace view v as select 1;`: CREATE is DDL, which MySQL commits "
            "implicitly");
  EXPECT_NE(mysqlStepProblem("TRUNCATE t;"), "");
  EXPECT_NE(mysqlStepProblem("/*!40000 ALTER TABLE t DISABLE KEYS */;"), "");
  EXPECT_NE(mysqlStepProblem("LOCK TABLES t WRITE;"), "");
  EXPECT_NE(mysqlStepProblem("COMMIT;"), "");
  EXPECT_NE(mysqlStepProblem("start transaction;"), "");
  EXPECT_NE(mysqlStepProblem("SET autocommit = 1;"), "");
  EXPECT_NE(mysqlStepProblem("BEGIN NOT ATOMIC UPDATE t SET a = 1; END;"), "");
  EXPECT_NE(mysqlStepProblem("GRANT SELECT ON t TO u;"), "");
  // Text that only looks like DDL.
  EXPECT_EQ(mysqlStepProblem("UPDATE t SET note = 'DROP TABLE t; COMMIT';"), "");
}

TEST(MySqlLex, TellsLedgerWritesFromOthers) {
  std::vector<MySqlStatement> st =
      splitMySqlStatements("UPDATE schemahero_data_migrations_copy SET a = 1;\n"
                           "DELETE FROM `schemahero_data_migrations` WHERE name = 'x';\n"
                           "INSERT INTO db.schemahero_data_migrations (name) VALUES ('x');\n"
                           "INSERT INTO t SELECT * FROM schemahero_data_migrations;\n");
  ASSERT_EQ(st.size(), 4u);
  EXPECT_FALSE(st[0].writesLedger);
  EXPECT_TRUE(st[1].writesLedger);
  EXPECT_TRUE(st[2].writesLedger);
  EXPECT_FALSE(st[3].writesLedger);
}

TEST(MySqlLedgerInsert, ReadsTheRowInAnyColumnOrder) {
  auto r = parseMySqlLedgerInsert("INSERT INTO schemahero_data_migrations (phase, name, checksum, "
                                  "idempotent) VALUES ('before_schema', 'it''s', '" +
                                  checksum('a') + "', TRUE);");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->name, "it's");
  EXPECT_EQ(r->checksum, checksum('a'));
  EXPECT_TRUE(r->idempotent);
  EXPECT_EQ(r->phase, Phase::BeforeSchema);
  EXPECT_FALSE(parseMySqlLedgerInsert("INSERT INTO schemahero_data_migrations (name, checksum, "
                                      "idempotent, phase) VALUES ('x', 'short', 0, "
                                      "'after_schema')"));
  EXPECT_FALSE(parseMySqlLedgerInsert("INSERT INTO schemahero_data_migrations (name, checksum, "
                                      "idempotent, phase) SELECT 'x', '" +
                                      checksum('a') + "', 0, 'after_schema'"));
  EXPECT_FALSE(parseMySqlLedgerInsert("INSERT INTO other (name, checksum, idempotent, phase) "
                                      "VALUES ('x', '" +
                                      checksum('a') + "', 0, 'after_schema')"));
}

std::string step(const std::string &name, const std::string &body, char sum = 'a') {
  return "-- migration: " + name + " (after_schema)\nSTART TRANSACTION;\n" + body +
         "INSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) VALUES ('" +
         name + "', '" + checksum(sum) + "', 0, 'after_schema');\nCOMMIT;\n\n";
}

const char *kHeader = "-- dialect: mysql\n\nCREATE TABLE IF NOT EXISTS "
                      "schemahero_data_migrations (name VARCHAR(255) PRIMARY KEY);\n\n";

TEST(MySqlScriptParse, SplitsAtItsOwnMarkers) {
  std::string file = std::string(kHeader) +
                     step("a", "UPDATE t SET note = '-- migration: b (after_schema)\n';\n") +
                     step("b", "# a comment\nUPDATE t SET x = 1;\n", 'b');
  ParsedScript p = parseMySqlCompiledFile(file, "f.sql");
  EXPECT_EQ(p.warning, "");
  EXPECT_EQ(p.script.dialect, "mysql");
  ASSERT_EQ(p.script.steps.size(), 2u);
  EXPECT_EQ(p.script.preamble, kHeader);
  EXPECT_EQ(p.script.steps[0].name, "a");
  ASSERT_TRUE(p.script.steps[0].ledger);
  EXPECT_EQ(p.script.steps[0].ledger->checksum, checksum('a'));
  EXPECT_EQ(p.script.steps[1].ledger->checksum, checksum('b'));
  EXPECT_EQ(p.script.steps[1].sql,
            "# a comment\nUPDATE t SET x = 1;\nINSERT INTO schemahero_data_migrations (name, "
            "checksum, idempotent, phase) VALUES ('b', '" +
                checksum('b') + "', 0, 'after_schema');\n");
}

TEST(MySqlScriptParse, FallsBackToOneStepAndSaysWhy) {
  std::string wrongRow = std::string(kHeader) + step("a", "");
  wrongRow.replace(wrongRow.find("VALUES ('a'"), 11, "VALUES ('z'");
  ParsedScript p = parseMySqlCompiledFile(wrongRow, "f.sql");
  EXPECT_EQ(p.warning, "cannot split it at its migration markers: migration a writes the ledger "
                       "row of migration z; it runs as one step");
  ASSERT_EQ(p.script.steps.size(), 1u);
  EXPECT_EQ(p.script.steps[0].name, "f.sql");
  EXPECT_EQ(p.script.steps[0].sql, wrongRow);

  std::string noBegin =
      std::string(kHeader) + "-- migration: a (after_schema)\nUPDATE t SET x = 1;\n";
  EXPECT_EQ(parseMySqlCompiledFile(noBegin, "f.sql").warning,
            "cannot split it at its migration markers: migration a is not one START "
            "TRANSACTION; ... COMMIT; block; it runs as one step");

  std::string commit = std::string(kHeader) + step("a", "COMMIT;\nUPDATE t SET x = 1;\n");
  EXPECT_EQ(parseMySqlCompiledFile(commit, "f.sql").warning,
            "cannot split it at its migration markers: migration a holds a COMMIT of its "
            "own; it runs as one step");

  ParsedScript none = parseMySqlCompiledFile("UPDATE t SET x = 1;\n", "f.sql");
  EXPECT_EQ(none.warning, "");
  ASSERT_EQ(none.script.steps.size(), 1u);
}

} // namespace

namespace {
TEST(MySqlUri, RedactionAlsoHidesAHostThatIsPartOfThePassword) {
  // The password `pa@ssword1`, and a host that repeats its tail.
  EXPECT_EQ(redactMySqlUri("mysql://u:pa@ssword1@ssword1/db"), "mysql://u:******/db");
}
} // namespace

namespace {
TEST(MySqlScriptParse, TheHeaderNamesTheDialect) {
  EXPECT_EQ(headerDialect("-- Generated by x\n-- dialect: mysql\n\nCREATE TABLE t (a int);\n"),
            "mysql");
  EXPECT_EQ(headerDialect("\n--   dialect:  sqlite \r\n"), "sqlite");
  EXPECT_EQ(headerDialect("SELECT 1;\n-- dialect: mysql\n"), "");
  EXPECT_EQ(headerDialect("-- no dialect here\n"), "");
}
} // namespace
