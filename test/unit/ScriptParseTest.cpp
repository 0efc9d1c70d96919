// apply --ddl: the SQL lexer (strings, dollar quotes, comments) and the split
// of a compiled file at the migration markers it can prove are its own. A
// compiled file parses back into the script it was rendered from, whatever
// its customSQL holds; anything else runs as one step, with a warning.

#include "test/unit/TestDialects.h"
#include "backends/postgres/ScriptParse.h"
#include "LedgerTestUtil.h"
#include "backends/common/SqlText.h"

#include <gtest/gtest.h>

using namespace shc;
using namespace shc::testutil;

namespace {

/// Each token as KIND:text.
std::vector<std::string> lex(llvm::StringRef sql, bool *open = nullptr) {
  static const char *names[] = {"sp", "line", "block", "str", "qid", "dollar", "w", ";", "p"};
  std::vector<std::string> out;
  for (const SqlToken &t : lexSql(sql, open))
    if (t.kind != SqlTokenKind::Space)
      out.push_back(std::string(names[static_cast<int>(t.kind)]) + ":" +
                    sql.slice(t.begin, t.end).str());
  return out;
}

using Strings = std::vector<std::string>;

/// A customSQL whose strings and dollar-quoted body hold everything the old
/// line-based split cut at.
const char *Hostile = "INSERT INTO notes (body) VALUES ('line one\n"
                      "BEGIN;\n"
                      "COMMIT;\n"
                      "-- migration: x (after_schema)\n"
                      "$shc$ and \\.\n'), (E'it\\'s\\nCOMMIT;'), ($tag$\n"
                      "COMMIT;\n"
                      "-- migration: y (before_schema)\n"
                      "$shc1$ \\.\n$tag$);";

std::unique_ptr<testutil::TestModule> hostileModule(const Dialect &d) {
  auto m = oneMigration(d, Verdict::NotIdempotent, customSql(Hostile), "notes");
  auto before = migration("first", Phase::BeforeSchema);
  before->operations.push_back(update("t", "a", num("1")));
  m->migrations.insert(m->migrations.begin(), std::move(before));
  m->migrations.push_back(migration("nothing", Phase::AfterSchema));
  return m;
}

void expectSameSteps(const CompiledScript &parsed, const CompiledScript &built) {
  ASSERT_EQ(parsed.steps.size(), built.steps.size());
  for (size_t i = 0; i < built.steps.size(); ++i) {
    const ScriptStep &p = parsed.steps[i], &b = built.steps[i];
    EXPECT_EQ(p.name, b.name);
    EXPECT_EQ(p.phase, b.phase);
    EXPECT_EQ(p.sql, b.sql);
    EXPECT_EQ(p.empty, b.empty);
    ASSERT_EQ(p.ledger.has_value(), b.ledger.has_value());
    if (b.ledger) {
      EXPECT_EQ(p.ledger->name, b.ledger->name);
      EXPECT_EQ(p.ledger->checksum, b.ledger->checksum);
      EXPECT_EQ(p.ledger->idempotent, b.ledger->idempotent);
      EXPECT_EQ(p.ledger->phase, b.ledger->phase);
    }
  }
}

} // namespace

TEST(ScriptParseTest, LexesQuotesAndComments) {
  EXPECT_EQ(lex("SELECT 'it''s;', \"a\"\"b\", E'x\\'y;' -- c;\n/* a /* b; */ c */;"),
            (Strings{"w:SELECT", "str:'it''s;'", "p:,", "qid:\"a\"\"b\"", "p:,", "str:E'x\\'y;'",
                     "line:-- c;", "block:/* a /* b; */ c */", ";:;"}));
  // Only E'' strings have backslash escapes; a word ending in e does not.
  EXPECT_EQ(lex("'a\\' ;"), (Strings{"str:'a\\'", ";:;"}));
  EXPECT_EQ(lex("type'a\\' ;"), (Strings{"w:type", "str:'a\\'", ";:;"}));
  EXPECT_EQ(lex("DO $f$ BEGIN; $$ END $f$; $$x;$$"),
            (Strings{"w:DO", "dollar:$f$ BEGIN; $$ END $f$", ";:;", "dollar:$$x;$$"}));
  // $1 is a parameter, a$b one identifier.
  EXPECT_EQ(lex("$1 a$b$c"), (Strings{"p:$", "w:1", "w:a$b$c"}));
  bool open = false;
  lex("SELECT 'a", &open);
  EXPECT_TRUE(open);
  lex("$x$ never closed", &(open = false));
  EXPECT_TRUE(open);
  lex("/* /* */", &(open = false));
  EXPECT_TRUE(open);
  lex("SELECT 1 -- at the end", &(open = false));
  EXPECT_FALSE(open);
}

TEST(ScriptParseTest, ACompiledFileParsesBackIntoItsScript) {
  for (const Dialect *dp : {&postgresDialect(), &cockroachDialect(), &timescaleDialect()}) {
    const Dialect &d = *dp;
    CompiledScript built = compileWithLedger(*hostileModule(d));
    ParsedScript parsed = parseCompiledFile(renderScript(built), "f.sql", "postgres");
    EXPECT_EQ(parsed.warning, "") << d.key().str();
    EXPECT_EQ(parsed.script.dialect, d.key());
    EXPECT_EQ(parsed.script.preamble, built.header + "\n" + built.preamble + "\n");
    expectSameSteps(parsed.script, built);
    // Rendered again, it is the file. (What precedes the first marker is
    // all preamble to apply; as a header it renders without the blank line.)
    CompiledScript again = parsed.script;
    again.header = again.preamble.substr(0, again.preamble.size() - 1);
    again.preamble.clear();
    EXPECT_EQ(renderScript(again), renderScript(built));
  }
}

TEST(ScriptParseTest, AFileWithoutMarkersIsOneStep) {
  ParsedScript p = parseCompiledFile("CREATE TABLE t (x int);\n", "file.sql", "cockroachdb");
  EXPECT_EQ(p.warning, "");
  EXPECT_EQ(p.script.dialect, "cockroachdb");
  ASSERT_EQ(p.script.steps.size(), 1u);
  EXPECT_EQ(p.script.steps[0].name, "file.sql");
  EXPECT_EQ(p.script.steps[0].sql, "CREATE TABLE t (x int);\n");
  EXPECT_FALSE(p.script.steps[0].ledger);
}

TEST(ScriptParseTest, WhatItCannotProveRunsAsOneStep) {
  struct Case {
    std::string text, why;
  } cases[] = {
      {"-- migration: a (after_schema)\nBEGIN;\nSELECT 'x;\nCOMMIT;\n",
       "it ends inside a quoted string, dollar quote or comment"},
      {"-- migration: a (after_schema)\nBEGIN;\nUPDATE t SET x = 1;\n", "migration a is not one"},
      {"-- migration: a (after_schema)\nBEGIN;\nUPDATE t SET x = 1;\nCOMMIT;\nUPDATE t SET x = "
       "2;\n",
       "migration a is not one"},
      {"-- migration: a (after_schema)\nBEGIN;\nUPDATE t SET x = 1;\nCOMMIT;\nBEGIN;\nCOMMIT;\n",
       "migration a holds a COMMIT of its own"},
      {"-- migration: a (after_schema)\nBEGIN;\nSELECT 1;\nROLLBACK;\nSELECT 2;\nCOMMIT;\n",
       "migration a holds a ROLLBACK of its own"},
      {"-- migration: a (after_schema): no operations for this dialect\nSELECT 1;\n",
       "migration a has no operations but holds statements"},
      {"-- migration: a (after_schema)\nBEGIN;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql\n"
       "BEGIN ATOMIC\nSELECT 1;\n-- migration: b (after_schema)\nEND;\nCOMMIT;\n",
       "a BEGIN ATOMIC body hides where its statements end"},
      // A comment line between statements of customSQL that looks like a
      // marker (CockroachDB has no DO blocks to hide it in): the ledger row
      // then names another migration.
      {"-- migration: a (after_schema)\nBEGIN;\nSELECT 1;\n-- migration: b (after_schema)\n"
       "SELECT 2;\nINSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) "
       "VALUES ('a', '" +
           std::string(64, 'a') + "', FALSE, 'after_schema');\nCOMMIT;\n",
       "migration a is not one"},
  };
  for (const Case &c : cases) {
    ParsedScript p = parseCompiledFile(c.text, "f.sql", "postgres");
    EXPECT_NE(p.warning.find(c.why), std::string::npos) << c.text << "\n" << p.warning;
    EXPECT_NE(p.warning.find("; it runs as one step"), std::string::npos);
    ASSERT_EQ(p.script.steps.size(), 1u);
    EXPECT_EQ(p.script.steps[0].sql, c.text);
    EXPECT_TRUE(p.script.preamble.empty());
  }
}

TEST(ScriptParseTest, TheLedgerRowMustNameItsMigration) {
  std::string text = "-- migration: a (after_schema)\nBEGIN;\nUPDATE t SET x = 1;\n"
                     "INSERT INTO schemahero_data_migrations (name, checksum, idempotent, phase) "
                     "VALUES ('b', '" +
                     std::string(64, 'a') + "', FALSE, 'after_schema');\nCOMMIT;\n";
  ParsedScript p = parseCompiledFile(text, "f.sql", "postgres");
  EXPECT_NE(p.warning.find("migration a writes the ledger row of migration b"), std::string::npos);
  std::string fixed = text;
  fixed.replace(fixed.find("('b'"), 4, "('a'");
  p = parseCompiledFile(fixed, "f.sql", "postgres");
  EXPECT_EQ(p.warning, "");
  ASSERT_EQ(p.script.steps.size(), 1u);
  ASSERT_TRUE(p.script.steps[0].ledger);
  EXPECT_EQ(p.script.steps[0].ledger->checksum, std::string(64, 'a'));
}
