// apply --ddl on SQLite: a compiled SQLite file parses back into the script
// it was rendered from, whatever its statements hold (SQLite's quotes,
// trigger bodies); anything else runs as one step, with a warning.

#include "SqliteTestUtil.h"

#include <gtest/gtest.h>

using namespace shc;
using namespace shc::sqlitetest;

namespace {

/// Statements whose strings, quoted names and trigger body hold what a
/// naive split would cut at.
const char *Hostile = "INSERT INTO notes (body) VALUES ('line one\n"
                      "COMMIT;\n"
                      "-- migration: x (after_schema)\n"
                      "it''s'), ('a;b');\n"
                      "SELECT 1 AS [c;d], 2 AS `e;f`, 3 AS \"g;h\";\n"
                      "/* COMMIT; */ UPDATE notes SET body = 'x' -- a ; comment\n"
                      "  WHERE body = 'y';\n"
                      "CREATE TRIGGER notes_t AFTER INSERT ON notes BEGIN\n"
                      "  UPDATE notes SET body = 'z'; DELETE FROM notes WHERE 0;\n"
                      "END;\n";

CompiledScript hostileScript() {
  CompiledScript s = script({{"first", "UPDATE t SET a = 1;\n"},
                             {"it's hostile", Hostile, checksum('b'), true},
                             {"nothing", ""}});
  s.steps[0].phase = Phase::BeforeSchema;
  s.steps[0].ledger->phase = Phase::BeforeSchema;
  std::string &sql0 = s.steps[0].sql;
  sql0.replace(sql0.find("'after_schema'"), 14, "'before_schema'");
  // The ledger INSERT of "it's hostile" quotes its name as SQLite does.
  std::string &sql1 = s.steps[1].sql;
  for (size_t at; (at = sql1.find("'it's hostile'")) != std::string::npos;)
    sql1.replace(at, 14, "'it''s hostile'");
  s.steps[2].empty = true;
  s.steps[2].sql.clear();
  s.steps[2].ledger.reset();
  return s;
}

TEST(SqliteScriptParse, RoundTrip) {
  CompiledScript built = hostileScript();
  std::string text = renderScript(built);
  ParsedScript p = sqliteRuntime().parseCompiledFile(text, "f.sql");
  EXPECT_EQ(p.warning, "");
  EXPECT_EQ(p.script.dialect, "sqlite");
  EXPECT_EQ(p.script.beginTransaction, "BEGIN IMMEDIATE;");
  EXPECT_EQ(p.script.preamble, built.header + "\n" + built.preamble + "\n");
  ASSERT_EQ(p.script.steps.size(), built.steps.size());
  for (size_t i = 0; i < built.steps.size(); ++i) {
    const ScriptStep &a = p.script.steps[i], &b = built.steps[i];
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.phase, b.phase);
    EXPECT_EQ(a.sql, b.sql);
    EXPECT_EQ(a.empty, b.empty);
    ASSERT_EQ(a.ledger.has_value(), b.ledger.has_value()) << b.name;
    if (b.ledger) {
      EXPECT_EQ(a.ledger->name, b.ledger->name);
      EXPECT_EQ(a.ledger->checksum, b.ledger->checksum);
      EXPECT_EQ(a.ledger->idempotent, b.ledger->idempotent);
      EXPECT_EQ(a.ledger->phase, b.ledger->phase);
    }
  }
}

TEST(SqliteScriptParse, ParsedFileApplies) {
  TempDb db;
  ASSERT_EQ(db.exec("CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (0);"
                    "CREATE TABLE notes (body TEXT);"),
            "");
  std::string text = renderScript(hostileScript());
  ParsedScript p = sqliteRuntime().parseCompiledFile(text, "f.sql");
  ApplyReport r = apply(db, p.script);
  ASSERT_TRUE(r.ok()) << r.setupError << r.steps[1].error;
  EXPECT_EQ(r.steps[0].status, StepStatus::Applied);
  EXPECT_EQ(r.steps[1].status, StepStatus::Applied);
  EXPECT_EQ(r.steps[1].rows, 2u); // the rows inserted; not the ledger's
  EXPECT_EQ(db.query("SELECT name FROM schemahero_data_migrations ORDER BY name"),
            "first,it's hostile");
  r = apply(db, sqliteRuntime().parseCompiledFile(text, "f.sql").script);
  EXPECT_EQ(r.steps[0].status, StepStatus::Skipped);
  EXPECT_EQ(r.steps[1].status, StepStatus::Skipped);
}

TEST(SqliteScriptParse, AcceptsTheBeginAndCommitSpellings) {
  std::string text = "-- migration: a (after_schema)\nBEGIN;\nUPDATE t SET a = 1;\nEND;\n"
                     "-- migration: b (after_schema)\nbegin deferred transaction;\nSELECT 1;\n"
                     "commit transaction;\n";
  ParsedScript p = sqliteRuntime().parseCompiledFile(text, "f.sql");
  EXPECT_EQ(p.warning, "");
  ASSERT_EQ(p.script.steps.size(), 2u);
  EXPECT_EQ(p.script.steps[0].sql, "UPDATE t SET a = 1;\n");
  EXPECT_EQ(p.script.steps[1].sql, "SELECT 1;\n");
  EXPECT_FALSE(p.script.steps[0].ledger.has_value());
}

ParsedScript parse(const std::string &text) {
  return sqliteRuntime().parseCompiledFile(text, "f.sql");
}

TEST(SqliteScriptParse, FallsBackToOneStepWithAWarning) {
  const std::string head = "-- migration: a (after_schema)\n";
  struct Case {
    std::string text, warning;
  } cases[] = {
      {head + "UPDATE t SET a = 1;\n", "migration a is not one BEGIN; ... COMMIT; block"},
      {head + "BEGIN;\nUPDATE t SET a = 1;\nCOMMIT;\nROLLBACK;\n",
       "migration a is not one BEGIN; ... COMMIT; block"},
      {head + "BEGIN;\nCOMMIT;\nBEGIN;\nCOMMIT;\n", "migration a holds a COMMIT of its own"},
      {head + "BEGIN;\nSELECT 'open;\nCOMMIT;\n",
       "it ends inside a quoted string, quoted name or comment"},
      {head +
           "BEGIN;\nINSERT INTO schemahero_data_migrations (name, checksum, idempotent, "
           "phase) VALUES ('b', '" +
           checksum('a') + "', 0, 'after_schema');\nCOMMIT;\n",
       "migration a writes the ledger row of migration b"},
      {"-- migration: a (after_schema): no operations for this dialect\nSELECT 1;\n",
       "migration a has no operations but holds statements"},
  };
  for (const Case &c : cases) {
    ParsedScript p = parse(c.text);
    EXPECT_EQ(p.warning,
              "cannot split it at its migration markers: " + c.warning + "; it runs as one step")
        << c.text;
    ASSERT_EQ(p.script.steps.size(), 1u);
    EXPECT_EQ(p.script.steps[0].name, "f.sql");
    EXPECT_EQ(p.script.steps[0].sql, c.text);
    EXPECT_EQ(p.script.preamble, "");
  }
  // Without markers: one step, no warning.
  ParsedScript p = parse("UPDATE t SET a = 1;\n");
  EXPECT_EQ(p.warning, "");
  ASSERT_EQ(p.script.steps.size(), 1u);
}

TEST(SqliteScriptParse, MarkerInsideAStatementIsText) {
  std::string text = "-- migration: a (after_schema)\nBEGIN;\nUPDATE t SET a = 1\n"
                     "-- migration: b (after_schema)\nWHERE a = 2;\nCOMMIT;\n";
  ParsedScript p = parse(text);
  EXPECT_EQ(p.warning, "");
  ASSERT_EQ(p.script.steps.size(), 1u);
  EXPECT_EQ(p.script.steps[0].name, "a");
}

} // namespace
