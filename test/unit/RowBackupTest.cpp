// apply --backup over a fake Connection: the statements it builds from a
// RowWrite, the refusals before anything runs, and the order of backup,
// statement and post-image around each operation.

#include "FakeConnection.h"
#include "backends/postgres/Apply.h"
#include "backends/postgres/RowBackup.h"
#include "ir/CompiledScript.h"

#include <gtest/gtest.h>

using namespace shc;

namespace {

RowWrite usersWrite() {
  RowWrite w;
  w.table = "test.users";
  w.columns = {"status"};
  w.assignments = "status = 'active'";
  w.where = "status IS NULL";
  return w;
}

/// One migration of one operation, with a ledger row.
CompiledScript oneStep(ScriptOp op) {
  CompiledScript s;
  ScriptStep step;
  step.name = "m";
  step.sql = op.sql;
  step.ops.push_back(std::move(op));
  step.ledger = LedgerRecord{"m", std::string(64, 'a'), false, Phase::AfterSchema};
  s.steps.push_back(std::move(step));
  return s;
}

/// A fake server where every table exists and has the key (id).
FakeConnection keyedServer() {
  FakeConnection conn;
  conn.answers["to_regclass($1) IS NOT NULL"] = {{std::string("t")}};
  conn.answers["WITH idx"] = {{std::string("id")}};
  return conn;
}

} // namespace

TEST(RowBackupTest, JsonObjectsQualifyQuoteAndSplitAtFiftyColumns) {
  EXPECT_EQ(jsonObject({"id", "Name"}, "t"), "jsonb_build_object('id', t.id, 'Name', t.\"Name\")");
  EXPECT_EQ(jsonObject({}, "t"), "'{}'::jsonb");
  std::vector<std::string> many;
  for (int i = 0; i < 51; ++i)
    many.push_back("c" + std::to_string(i));
  std::string s = jsonObject(many, "");
  EXPECT_EQ(llvm::StringRef(s).count("jsonb_build_object("), 2u);
  EXPECT_NE(s.find("c49) || jsonb_build_object('c50', c50)"), std::string::npos);
}

TEST(RowBackupTest, RowNameIsTheAliasOrTheTableWithoutItsSchema) {
  RowWrite w = usersWrite();
  EXPECT_EQ(rowName(w), "users");
  w.table = "test.\"My.Table\"";
  EXPECT_EQ(rowName(w), "\"My.Table\"");
  w.alias = "u";
  EXPECT_EQ(rowName(w), "u");
  EXPECT_EQ(fromItem(w), "test.\"My.Table\" AS u");
  w.where.clear();
  EXPECT_EQ(whereClause(w), "");
}

TEST(RowBackupTest, RefusesBeforeAnythingRuns) {
  FakeConnection conn = keyedServer();
  ScriptOp op;
  op.kind = "customSQL";
  op.sql = "INSERT INTO users VALUES (1);\n";
  op.whyNoWrite = "customSQL is an INSERT, not an UPDATE or DELETE";
  CompiledScript script = oneStep(op);
  BackupHooks hooks(script);
  ApplyOptions opts;
  opts.backup = true;
  ApplyReport r = applyScript(conn, script, opts, true, &hooks);
  EXPECT_NE(r.setupError.find("migration 'm', operation #1 (customSQL): customSQL is an INSERT"),
            std::string::npos);
  for (const std::string &s : conn.executed) {
    EXPECT_EQ(s.find("INSERT INTO users"), std::string::npos) << s;
    EXPECT_EQ(s.find("schemahero_data_backups"), std::string::npos) << s;
  }
  EXPECT_EQ(r.steps[0].status, StepStatus::NotRun);
}

TEST(RowBackupTest, RefusesATableWithoutKeyAndAnUpdateOfItsKey) {
  FakeConnection conn;
  conn.answers["to_regclass($1) IS NOT NULL"] = {{std::string("t")}};
  ScriptOp op;
  op.kind = "staticUpdate";
  op.write = usersWrite();
  CompiledScript script = oneStep(op);
  BackupHooks hooks(script);
  llvm::Error e = hooks.setUp(conn);
  EXPECT_NE(llvm::toString(std::move(e)).find("no primary key or unique NOT NULL key"),
            std::string::npos);

  FakeConnection keyed = keyedServer();
  script.steps[0].ops[0].write->columns = {"id"};
  BackupHooks again(script);
  e = again.setUp(keyed);
  EXPECT_NE(llvm::toString(std::move(e)).find("it sets id, a column of the key of test.users"),
            std::string::npos);
}

TEST(RowBackupTest, BacksUpThenRunsThenRecordsWhatItWrote) {
  FakeConnection conn = keyedServer();
  ScriptOp op;
  op.kind = "staticUpdate";
  op.sql = "UPDATE test.users SET status = 'active' WHERE status IS NULL;\n";
  op.write = usersWrite();
  CompiledScript script = oneStep(op);
  BackupHooks hooks(script);
  ApplyOptions opts;
  ApplyReport r = applyScript(conn, script, opts, true, &hooks);
  ASSERT_TRUE(r.ok()) << r.setupError << r.steps[0].error;
  std::vector<std::string> sent = conn.statements();
  auto at = [&](llvm::StringRef needle) {
    for (size_t i = 0; i < sent.size(); ++i)
      if (llvm::StringRef(sent[i]).contains(needle))
        return static_cast<int>(i);
    return -1;
  };
  int create = at("CREATE TABLE IF NOT EXISTS schemahero_data_backups");
  int pre = at("SELECT 'm', 1, 'test.users', 'update', jsonb_build_object('id', users.id), "
               "jsonb_build_object('status', users.status) FROM test.users WHERE (status IS "
               "NULL) FOR UPDATE OF users");
  int run = at("UPDATE test.users SET status = 'active' WHERE status IS NULL;");
  int post = at("SET after = jsonb_build_object('status', users.status) FROM test.users WHERE "
                "shc_backup.txid = txid_current()");
  int ledger = at("INSERT INTO schemahero_data_migrations");
  EXPECT_GE(create, 0);
  EXPECT_LT(create, pre);
  EXPECT_LT(pre, run);
  EXPECT_LT(run, post);
  EXPECT_LT(post, ledger);
}
