//===- LiteralStoreTest.cpp - values kept as literals (SQLite, MySQL) -----===//

#include "backends/common/LiteralStore.h"
#include "backends/mysql/MySqlEmitter.h"
#include "backends/sqlite/SqliteEmitter.h"

#include <gtest/gtest.h>

using namespace shc;

namespace {

/// The store's SQL helpers, with no database behind them.
class SqlOnly : public LiteralStore {
public:
  SqlOnly(const SqlWriter &w, char quote) : LiteralStore(w, quote) {}
  MaybeFailure execute(llvm::StringRef, uint64_t *) override { return std::nullopt; }
  MaybeFailure select(const std::string &, std::vector<std::vector<std::string>> &) override {
    return std::nullopt;
  }
  bool tableExists(llvm::StringRef) override { return false; }
  llvm::Expected<LiteralTable> describe(const std::string &) override { return LiteralTable(); }
  std::vector<std::string> createBackupTable(bool) const override { return {}; }
  std::vector<std::string> createKeysTable(const std::string &) const override { return {}; }
  std::string dropKeysTable() const override { return ""; }
  std::string nowSql() const override { return "now"; }
  std::string agoSql(uint64_t) const override { return "then"; }
  std::string sameBytes(const std::string &a, const std::string &b) const override {
    return a + " == " + b;
  }
  std::vector<std::string> locksOf(const StepRehearsal &) const override { return {}; }
};

LiteralColumn col(const std::string &name) {
  std::string hole(1, kColumnHole);
  return {name, "quote(" + hole + ")", hole};
}

} // namespace

TEST(LiteralStore, ReadsARowBackSortedByColumn) {
  llvm::Expected<LiteralRow> row =
      parseLiteralRow(R"({"seq":"7","site":"'o''hare'","b":"NULL"})", "key");
  ASSERT_TRUE(bool(row));
  ASSERT_EQ(row->size(), 3u);
  EXPECT_EQ((*row)[0], std::make_pair(std::string("b"), std::string("NULL")));
  EXPECT_EQ((*row)[1].first, "seq");
  EXPECT_EQ((*row)[2].second, "'o''hare'");
}

TEST(LiteralStore, RefusesWhatIsNotAnObjectOfStrings) {
  for (const char *text : {"[1]", R"({"a": 1})", "{", ""}) {
    llvm::Expected<LiteralRow> row = parseLiteralRow(text, "key of row 4");
    ASSERT_FALSE(bool(row)) << text;
    EXPECT_NE(llvm::toString(row.takeError()).find("the backup's key of row 4 cannot be read"),
              std::string::npos);
  }
}

TEST(LiteralStore, ShowsLiteralsAsValues) {
  LiteralRow row = {{"a", "9007199254740993"},
                    {"b", "'it''s'"},
                    {"c", "_latin1 X'636166E9'"},
                    {"d", "X'00FF'"},
                    {"e", "NULL"},
                    {"f", "0.30000000000000004"},
                    {"g", "-1.0e-300"},
                    {"h", "b'101'"},
                    {"i", "_utf8mb4 X''"},
                    {"j", "_utf8mb4 X'FF'"}};
  // Numbers as the server wrote them (not re-rounded), text unquoted (latin1
  // bytes as their code points, bytes that are not UTF-8 replaced), bytes
  // and bits as their literal.
  EXPECT_EQ(showLiteralRow(row),
            R"({"a": 9007199254740993, "b": "it's", "c": "café", "d": "X'00FF'", )"
            R"("e": null, "f": 0.30000000000000004, "g": -1.0e-300, "h": "b'101'", "i": "", "j": ")"
            "\xEF\xBF\xBD" R"("})");
}

TEST(LiteralStore, MatchesAKeyAndComparesInKeyOrder) {
  SqlOnly s(sqliteWriter(), '"');
  EXPECT_EQ(s.keyMatch({{"id", "3"}, {"name", "NULL"}}), "id = 3 AND name IS NULL");
  EXPECT_EQ(s.keyMatch({}), "1 = 0");
  EXPECT_EQ(s.keyUpTo({col("a"), col("b"), col("c")}, {"1", "'x'", "2"}, "t"),
            "t.a < 1 OR (t.a = 1 AND (t.b < 'x' OR (t.b = 'x' AND (t.c <= 2))))");
  EXPECT_EQ(s.literalObject({col("a"), col("order")}, "t"),
            "json_object('a', quote(t.a), 'order', quote(t.\"order\"))");
}

TEST(LiteralStore, NamesTheRowsOfAWrite) {
  SqlOnly my(mysqlWriter(), '`');
  RowWrite w;
  w.table = "`app`.`my table`";
  w.where = "a > 1";
  EXPECT_EQ(my.rowName(w), "`my table`");
  EXPECT_EQ(my.fromItem(w), "`app`.`my table`");
  EXPECT_EQ(my.whereClause(w), " WHERE (a > 1)");
  w.isDelete = true;
  EXPECT_EQ(my.writeHead(w), "DELETE FROM `app`.`my table`");
  w.alias = "u";
  EXPECT_EQ(my.rowName(w), "u");
}

TEST(LiteralStore, RefusesWritesItCannotBackUp) {
  LiteralTable t;
  t.key = {col("id")};
  t.columns = {col("id"), col("Note")};
  ScriptOp op;
  op.kind = "customSQL";
  op.whyNoWrite = "customSQL is an INSERT, not an UPDATE or DELETE";
  EXPECT_EQ(backupRefusal(op, &t), op.whyNoWrite);
  op.write = RowWrite();
  op.write->table = "users";
  op.write->columns = {"note"}; // column names are case-insensitive
  EXPECT_EQ(backupRefusal(op, &t), "");
  op.write->columns = {"ID"};
  EXPECT_EQ(backupRefusal(op, &t),
            "it sets ID, a column of the key of users, so its rows could not be found again");
  op.write->columns = {"gone"};
  EXPECT_EQ(backupRefusal(op, &t), "it sets gone, which users does not have");
  t.key.clear();
  EXPECT_EQ(backupRefusal(op, &t), "table users has no primary key or unique NOT NULL key, so "
                                   "its rows cannot be told apart");
}
