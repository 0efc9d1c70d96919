// The SQLite runtime's connection strings, introspection and the split of a
// compiled SQLite file for apply --ddl.

#include "SqliteTestUtil.h"

#include "backends/sqlite/SqliteDb.h"

#include <gtest/gtest.h>

using namespace shc;
using namespace shc::sqlitetest;

namespace {

std::string fileUri(llvm::StringRef uri, bool *create = nullptr) {
  bool c = false;
  std::optional<std::string> f = sqliteFileUri(uri, c);
  if (create)
    *create = c;
  return f ? *f : "<none>";
}

TEST(SqliteRuntime, UriForms) {
  EXPECT_EQ(fileUri("sqlite:///tmp/a.db"), "file:///tmp/a.db");
  EXPECT_EQ(fileUri("sqlite://a.db"), "file:a.db");
  EXPECT_EQ(fileUri("sqlite://dir/a.db?mode=ro"), "file:dir/a.db?mode=ro");
  EXPECT_EQ(fileUri("sqlite:a.db"), "file:a.db");
  EXPECT_EQ(fileUri("sqlite:/tmp/a.db"), "file:/tmp/a.db");
  EXPECT_EQ(fileUri("file:/tmp/a.db?cache=shared"), "file:/tmp/a.db?cache=shared");
  EXPECT_EQ(fileUri("postgres://localhost/db"), "<none>");
  EXPECT_EQ(fileUri("/tmp/a.db"), "<none>");
  bool create = true;
  fileUri("sqlite:///tmp/a.db", &create);
  EXPECT_FALSE(create);
  fileUri("sqlite:///tmp/a.db?cache=shared&mode=rwc", &create);
  EXPECT_TRUE(create);
  fileUri("file::memory:", &create);
  EXPECT_TRUE(create);
}

TEST(SqliteRuntime, MissingFileIsAnErrorUnlessModeRwc) {
  TempDb db;
  auto conn = sqliteRuntime().connect(db.uri());
  ASSERT_FALSE(static_cast<bool>(conn));
  EXPECT_EQ(llvm::toString(conn.takeError()),
            "cannot open the SQLite database " + db.uri() +
                ": unable to open database file (apply creates no database: a missing file is "
                "an error unless the URI has ?mode=rwc)");
  EXPECT_NE(::access(db.path.c_str(), F_OK), 0); // still missing
  conn = sqliteRuntime().connect(db.uri() + "?mode=rwc");
  ASSERT_TRUE(static_cast<bool>(conn)) << llvm::toString(conn.takeError());
  EXPECT_EQ(db.query("SELECT count(*) FROM sqlite_schema"), "0");
}

TEST(SqliteRuntime, NotADatabaseOrNotSqlite) {
  TempDb db;
  FILE *f = std::fopen(db.path.c_str(), "w");
  std::fputs("this is not a database, but it is long enough to have a header page......\n", f);
  std::fclose(f);
  auto conn = sqliteRuntime().connect(db.uri());
  ASSERT_FALSE(static_cast<bool>(conn));
  EXPECT_EQ(llvm::toString(conn.takeError()),
            "cannot open the SQLite database " + db.uri() + ": file is not a database");
  conn = sqliteRuntime().connect("mysql://u:secret@h/db");
  ASSERT_FALSE(static_cast<bool>(conn));
  std::string msg = llvm::toString(conn.takeError());
  EXPECT_NE(msg.find("not a SQLite URI"), std::string::npos);
}

TEST(SqliteRuntime, RedactsKeys) {
  const Runtime &rt = sqliteRuntime();
  EXPECT_EQ(rt.redact("sqlite:///tmp/a.db"), "sqlite:///tmp/a.db");
  EXPECT_EQ(rt.redact("sqlite:///a.db?mode=rw&key=s3cr%26t&cipher=x"),
            "sqlite:///a.db?mode=rw&key=***&cipher=x");
  EXPECT_EQ(rt.redact("file:a.db?PASSWORD=pw&hexkey=abcd#frag"),
            "file:a.db?PASSWORD=***&hexkey=***#frag");
  // A connect error names the database without the key.
  auto conn = rt.connect("sqlite:///nonexistent/dir/x.db?key=topsecret");
  ASSERT_FALSE(static_cast<bool>(conn));
  std::string msg = llvm::toString(conn.takeError());
  EXPECT_EQ(msg.find("topsecret"), std::string::npos);
  EXPECT_NE(msg.find("key=***"), std::string::npos);
}

TEST(SqliteRuntime, TablesFromPragmaTableInfo) {
  TempDb db;
  ASSERT_EQ(db.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(32) NOT NULL, "
                    "bio);"
                    "CREATE TABLE a_pairs (x INT, y TEXT, PRIMARY KEY (x, y));"
                    "CREATE VIEW v AS SELECT email FROM users;"
                    "CREATE VIEW broken AS SELECT * FROM users;"
                    "CREATE INDEX users_email ON users (email);"),
            "");
  ASSERT_EQ(db.exec("ALTER TABLE users RENAME TO people; ALTER TABLE people RENAME TO users;"), "");
  ASSERT_EQ(db.exec("CREATE TABLE gone (x); CREATE VIEW dangling AS SELECT x FROM gone; "
                    "DROP TABLE gone;"),
            "");
  auto conn = sqliteRuntime().connect(db.uri());
  ASSERT_TRUE(static_cast<bool>(conn));
  auto tables = (*conn)->tables();
  ASSERT_TRUE(static_cast<bool>(tables)) << llvm::toString(tables.takeError());
  std::string out;
  for (const LiveTable &t : *tables) {
    out += t.schema + "|" + t.name + (t.onSearchPath ? "" : "(hidden)") + ":";
    for (const LiveColumn &c : t.columns)
      out += " " + c.name + " '" + c.type + "'" + (c.notNull ? " notnull" : "") +
             (c.primaryKey ? " pk" : "");
    out += "\n";
  }
  EXPECT_EQ(out, "|a_pairs: x 'INT' pk y 'TEXT' pk\n"
                 "|broken: id 'INTEGER' email 'VARCHAR(32)' bio ''\n"
                 "|users: id 'INTEGER' pk email 'VARCHAR(32)' notnull bio ''\n"
                 "|v: email 'VARCHAR(32)'\n");
  auto fns = (*conn)->functions({"lower"});
  ASSERT_TRUE(static_cast<bool>(fns));
  EXPECT_TRUE(fns->empty());
  auto est = (*conn)->estimateRows("UPDATE users SET bio = 1");
  ASSERT_FALSE(static_cast<bool>(est));
  EXPECT_NE(llvm::toString(est.takeError()).find("no row estimates"), std::string::npos);
}

} // namespace
