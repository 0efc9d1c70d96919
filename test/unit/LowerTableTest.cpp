// kind: Table lowering: columns, types, primary keys, dialect selection, and
// SchemaHero's fields (unknown ones are warnings, wrong shapes errors).
#include "test/unit/TestDialects.h"
#include "LowerTestFixture.h"

using namespace shc;
using namespace shc::test;

namespace {

class LowerTableTest : public LowerFixture {
protected:
  const Table &onlyTable() const {
    EXPECT_EQ(module->tables.size(), 1u);
    return *module->tables.at(0);
  }
};

const char *const UsersTable = "apiVersion: schemas.schemahero.io/v1alpha4\n"
                               "kind: Table\n"
                               "metadata:\n"
                               "  name: users\n"
                               "spec:\n"
                               "  database: mydb\n"
                               "  name: users\n"
                               "  schema:\n"
                               "    postgres:\n"
                               "      primaryKey: [id]\n"
                               "      columns:\n"
                               "        - name: id\n"
                               "          type: integer\n"
                               "        - name: email\n"
                               "          type: varchar(255)\n"
                               "          constraints:\n"
                               "            notNull: true\n"
                               "        - name: status\n"
                               "          type: text\n"
                               "          default: active\n"
                               "      indexes:\n"
                               "        - columns: [email]\n"
                               "          isUnique: true\n"
                               "          whatever: 1\n";

const char *const WhateverWarning =
    "unknown-table-field: unknown field 'whatever' in 'indexes'; ignored";

TEST_F(LowerTableTest, PostgresTable) {
  EXPECT_TRUE(lower(UsersTable));
  EXPECT_EQ(messages(), (std::vector<std::string>{WhateverWarning}));
  EXPECT_EQ(diags.pending()[0].severity, Severity::Warning);
  const Table &t = onlyTable();
  EXPECT_EQ(t.name, "users");
  EXPECT_EQ(t.database, "mydb");
  EXPECT_EQ(t.loc, at(7, 9));
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[0].name, "id");
  EXPECT_EQ(t.columns[0].loc, at(12, 17));
  EXPECT_EQ(t.columns[0].type.getKind(), TypeKind::Int4);
  EXPECT_EQ(t.columns[0].typeSpelling, "integer");
  EXPECT_TRUE(t.columns[0].primaryKey);
  EXPECT_TRUE(t.columns[0].notNull);
  EXPECT_TRUE(t.columns[1].notNull);
  EXPECT_FALSE(t.columns[1].primaryKey);
  EXPECT_EQ(t.columns[1].type.getKind(), TypeKind::Varchar);
  EXPECT_EQ(t.columns[1].type.getMod1(), 255);
  EXPECT_FALSE(t.columns[2].notNull);
  EXPECT_EQ(t.columns[2].defaultValue, std::optional<std::string>("active"));
  EXPECT_EQ(t.primaryKey, (std::vector<std::string>{"id"}));
  EXPECT_NE(t.findColumn("email"), nullptr);
}

TEST_F(LowerTableTest, CockroachFallsBackToPostgresSchema) {
  EXPECT_TRUE(lower(UsersTable, cockroachDialect()));
  EXPECT_EQ(onlyTable().columns.size(), 3u);
}

TEST_F(LowerTableTest, NoSchemaForTargetIsNotAdded) {
  EXPECT_TRUE(lower(UsersTable, mysqlDialect()));
  EXPECT_TRUE(module->tables.empty());
  EXPECT_EQ(messages(), (std::vector<std::string>{WhateverWarning}));
}

TEST_F(LowerTableTest, UnknownColumnFieldSuggests) {
  EXPECT_FALSE(lower("kind: Table\nspec:\n  name: t\n  schema:\n    postgres:\n"
                     "      columns:\n        - name: a\n          typ: text\n"));
  EXPECT_EQ(messages(),
            (std::vector<std::string>{
                "unknown-table-field: unknown field 'typ' in 'columns' (did you mean 'type'?); "
                "ignored",
                "missing-field: missing field 'type' in 'columns'",
            }));
  EXPECT_EQ(diags.pending()[0].loc, at(8, 11));
}

TEST_F(LowerTableTest, PrimaryKeyMustNameAColumn) {
  EXPECT_FALSE(lower("kind: Table\nspec:\n  name: t\n  schema:\n    postgres:\n"
                     "      primaryKey: [idd]\n"
                     "      columns:\n        - {name: id, type: int}\n"));
  EXPECT_EQ(messages(),
            (std::vector<std::string>{
                "unknown-column: primary key column \"idd\" does not exist (did you mean 'id'?)"}));
  EXPECT_EQ(diags.pending()[0].loc, at(6, 20));
}

TEST_F(LowerTableTest, DuplicateColumn) {
  EXPECT_FALSE(lower("kind: Table\nspec:\n  name: t\n  schema:\n    postgres:\n"
                     "      columns:\n        - {name: id, type: int}\n"
                     "        - {name: id, type: text}\n"));
  ASSERT_EQ(diags.pending().size(), 1u);
  EXPECT_EQ(diags.pending()[0].rule, "duplicate-key");
  EXPECT_EQ(diags.pending()[0].message, "column \"id\" specified more than once");
  EXPECT_EQ(diags.pending()[0].loc, at(8, 18));
  EXPECT_EQ(diags.pending()[0].notes[0].loc, at(7, 18));
  EXPECT_EQ(onlyTable().columns.size(), 1u);
}

TEST_F(LowerTableTest, CassandraPrimaryKey) {
  EXPECT_TRUE(lower("kind: Table\nspec:\n  name: t\n  schema:\n    cassandra:\n"
                    "      primaryKey: [[a, b], c]\n"
                    "      columns:\n"
                    "        - {name: a, type: int}\n"
                    "        - {name: b, type: text}\n"
                    "        - {name: c, type: int, isStatic: false}\n",
                    cassandraDialect()));
  const Table &t = onlyTable();
  EXPECT_EQ(t.primaryKey, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(t.partitionKeyCount, 2u);
  EXPECT_TRUE(diags.pending().empty());
}

TEST_F(LowerTableTest, OtherDialectSchemasAreCheckedToo) {
  EXPECT_TRUE(lower("kind: Table\nspec:\n  name: t\n  schema:\n"
                    "    postgres:\n      columns: [{name: a, type: int}]\n"
                    "    mysql:\n      columns: [{name: a, type: int, colation: x}]\n"));
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "unknown-table-field: unknown field 'colation' in 'columns' (did you "
                            "mean 'collation'?); ignored"}));
  EXPECT_EQ(onlyTable().columns.size(), 1u);
}

TEST_F(LowerTableTest, DeletedTableIsNotInTheSchema) {
  EXPECT_TRUE(lower("kind: Table\nspec:\n  name: t\n  schema:\n    postgres:\n"
                    "      isDeleted: true\n      columns: [{name: a, type: int}]\n"));
  EXPECT_TRUE(module->tables.empty());
}

TEST_F(LowerTableTest, SameTableTwiceIsAnError) {
  EXPECT_FALSE(lower(std::string(UsersTable) + "---\n" + UsersTable));
  EXPECT_EQ(module->tables.size(), 1u);
  ASSERT_EQ(diags.pending().size(), 3u); // the error and two `whatever` warnings
  EXPECT_EQ(diags.pending()[2].message, "table \"users\" is defined more than once");
  EXPECT_EQ(diags.pending()[2].notes[0].loc, at(7, 9));
}

TEST_F(LowerTableTest, LenientSectionsStillNeedTheirShape) {
  EXPECT_FALSE(lower("kind: Table\nspec:\n  name: t\n  seedData: {rows: []}\n  schema:\n"
                     "    postgres:\n      columns: [{name: a, type: int}]\n"
                     "      foreignKeys: {columns: [a]}\n"));
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "invalid-field: 'foreignKeys' must be a list, found a mapping"}));
}

} // namespace
