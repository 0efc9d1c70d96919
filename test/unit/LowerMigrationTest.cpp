// kind: DataMigration lowering: spec fields, list selection per dialect,
// kind dispatch.
#include "test/unit/TestDialects.h"
#include "LowerTestFixture.h"

using namespace shc;
using namespace shc::test;

namespace {

class LowerMigrationTest : public LowerFixture {};

TEST_F(LowerMigrationTest, SeedExampleStaticUpdate) {
  lower("apiVersion: schemas.schemahero.io/v1alpha4\n"
        "kind: DataMigration\n"
        "metadata:\n"
        "  name: set-defaults\n"
        "spec:\n"
        "  database: mydb\n"
        "  name: set-defaults\n"
        "  schema:\n"
        "    postgres:\n"
        "      - staticUpdate:\n"
        "          table: users\n"
        "          set:\n"
        "            status: \"active\"\n"
        "            region: \"us-east-1\"\n"
        "          where: \"status IS NULL\"\n");
  const Migration &m = onlyMigration();
  EXPECT_EQ(m.name, "set-defaults");
  EXPECT_EQ(m.loc, at(7, 9));
  EXPECT_EQ(m.database, "mydb");
  EXPECT_EQ(m.phase, Phase::AfterSchema);
  EXPECT_FALSE(m.declaredIdempotent);
  EXPECT_EQ(m.sourceDialectKey, "postgres");
  ASSERT_EQ(m.operations.size(), 1u);
  const UpdateOp &op = update(0);
  EXPECT_EQ(op.origin, UpdateOp::Origin::Static);
  EXPECT_EQ(op.getLoc(), at(10, 9));
  EXPECT_EQ(op.table, "users");
  EXPECT_EQ(op.tableLoc, at(11, 18));
  ASSERT_EQ(op.assignments.size(), 2u);
  EXPECT_EQ(op.assignments[0].column, "status");
  EXPECT_EQ(op.assignments[0].loc, at(13, 13));
  auto *v = llvm::dyn_cast<LiteralExpr>(op.assignments[0].value.get());
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->litKind, LiteralExpr::LitKind::String);
  EXPECT_EQ(v->text, "active");
  EXPECT_EQ(v->getLoc(), at(13, 21));
  EXPECT_EQ(op.assignments[1].column, "region");
  // Only the expression parser may complain (it may still be a placeholder),
  // and then at the start of the where text.
  EXPECT_TRUE(nonParserDiags().empty());
  for (const Diagnostic &d : diags.pending())
    EXPECT_EQ(d.loc.line, 15u);
  EXPECT_EQ(module->inputs, (std::vector<std::string>{"m.yaml"}));
}

TEST_F(LowerMigrationTest, SpecFields) {
  lower(migration("      - customSQL:\n          sql: SELECT 1\n",
                  "  name: spec-name\n"
                  "  executionOrder: before_schema\n"
                  "  idempotent: true\n"
                  "  requires:\n"
                  "    - table-schema-migration\n"
                  "    - initial-data-setup\n"));
  const Migration &m = onlyMigration();
  EXPECT_EQ(m.name, "spec-name");
  EXPECT_EQ(m.phase, Phase::BeforeSchema);
  EXPECT_TRUE(m.declaredIdempotent);
  ASSERT_EQ(m.requires.size(), 2u);
  EXPECT_EQ(m.requires[0].name, "table-schema-migration");
  EXPECT_EQ(m.requires[0].loc, at(11, 7));
  EXPECT_EQ(m.requires[1].name, "initial-data-setup");
  EXPECT_TRUE(diags.pending().empty());
}

TEST_F(LowerMigrationTest, NameFallsBackToMetadata) {
  EXPECT_TRUE(lower(migration("      - customSQL:\n          sql: SELECT 1\n")));
  EXPECT_EQ(onlyMigration().name, "meta-name");
  EXPECT_EQ(onlyMigration().loc, at(4, 9));
}

TEST_F(LowerMigrationTest, NoNameIsMissingField) {
  EXPECT_FALSE(lower("kind: DataMigration\nspec:\n  database: x\n"));
  EXPECT_TRUE(module->migrations.empty());
  EXPECT_EQ(messages(), (std::vector<std::string>{"missing-field: data migration has no name"}));
  EXPECT_EQ(diags.pending()[0].loc, at(3, 3));
}

TEST_F(LowerMigrationTest, InvalidExecutionOrderListsValidValues) {
  EXPECT_FALSE(lower(migration("      - customSQL:\n          sql: SELECT 1\n",
                               "  executionOrder: before_schem\n")));
  ASSERT_EQ(diags.pending().size(), 1u);
  const Diagnostic &d = diags.pending()[0];
  EXPECT_EQ(d.rule, "invalid-field");
  EXPECT_EQ(d.message, "invalid executionOrder 'before_schem' (did you mean 'before_schema'?)");
  EXPECT_EQ(d.loc, at(7, 19));
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "valid values are before_schema or after_schema");
}

TEST_F(LowerMigrationTest, IdempotentMustBeBoolean) {
  EXPECT_FALSE(
      lower(migration("      - customSQL:\n          sql: SELECT 1\n", "  idempotent: maybe\n")));
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "invalid-field: 'idempotent' must be true or false, found 'maybe'"}));
}

TEST_F(LowerMigrationTest, UnknownSpecFieldSuggests) {
  EXPECT_FALSE(
      lower(migration("      - customSQL:\n          sql: SELECT 1\n", "  idempotant: true\n")));
  EXPECT_EQ(
      messages(),
      (std::vector<std::string>{
          "unknown-field: unknown field 'idempotant' in 'spec' (did you mean 'idempotent'?)"}));
  EXPECT_EQ(diags.pending()[0].loc, at(7, 3));
}

TEST_F(LowerMigrationTest, CockroachFallsBackToPostgresList) {
  EXPECT_TRUE(
      lower(migration("      - customSQL:\n          sql: SELECT 1\n"), cockroachDialect()));
  EXPECT_EQ(onlyMigration().sourceDialectKey, "postgres");
  EXPECT_EQ(onlyMigration().operations.size(), 1u);
}

TEST_F(LowerMigrationTest, OwnListWinsOverPostgres) {
  EXPECT_TRUE(lower(migration("      - customSQL:\n          sql: SELECT 1\n"
                              "    cockroachdb:\n"
                              "      - customSQL:\n          sql: SELECT 2\n"
                              "      - customSQL:\n          sql: SELECT 3\n"),
                    cockroachDialect()));
  EXPECT_EQ(onlyMigration().sourceDialectKey, "cockroachdb");
  EXPECT_EQ(onlyMigration().operations.size(), 2u);
}

TEST_F(LowerMigrationTest, OperationsOnlyForAnotherDialectAreAnError) {
  EXPECT_FALSE(lower(migration("      - customSQL:\n          sql: SELECT 1\n"), mysqlDialect()));
  EXPECT_TRUE(onlyMigration().operations.empty());
  ASSERT_EQ(diags.pending().size(), 1u);
  EXPECT_EQ(diags.pending()[0].severity, Severity::Error);
  EXPECT_EQ(diags.pending()[0].rule, "dialect-mismatch");
  EXPECT_EQ(diags.pending()[0].message,
            "no mysql operations; this spec has postgres operations: use --dialect postgres");
}

TEST_F(LowerMigrationTest, NoOperationsAtAllKeepsMigrationWithNote) {
  EXPECT_TRUE(lower("kind: DataMigration\nmetadata:\n  name: empty\nspec:\n  schema:\n"
                    "    postgres: []\n",
                    mysqlDialect()));
  EXPECT_TRUE(onlyMigration().operations.empty());
  ASSERT_EQ(diags.pending().size(), 1u);
  EXPECT_EQ(diags.pending()[0].severity, Severity::Note);
  EXPECT_EQ(diags.pending()[0].rule, "no-operations");
  EXPECT_EQ(diags.pending()[0].message, "data migration 'empty' has no operations for mysql");
}

TEST_F(LowerMigrationTest, UnknownDialectKeySuggests) {
  EXPECT_FALSE(lower("kind: DataMigration\nmetadata:\n  name: x\nspec:\n  schema:\n"
                     "    postgress:\n      - customSQL:\n          sql: SELECT 1\n"));
  ASSERT_FALSE(diags.pending().empty());
  EXPECT_EQ(diags.pending()[0].rule, "unknown-field");
  EXPECT_EQ(diags.pending()[0].message,
            "unknown field 'postgress' in 'schema' (did you mean 'postgres'?)");
  EXPECT_EQ(diags.pending()[0].loc, at(6, 5));
}

TEST_F(LowerMigrationTest, OtherKindsAreSkippedWithANote) {
  EXPECT_TRUE(lower("apiVersion: databases.schemahero.io/v1alpha4\nkind: Database\n"
                    "metadata:\n  name: mydb\nspec: {}\n---\nkind: View\n"));
  EXPECT_TRUE(module->migrations.empty());
  EXPECT_TRUE(module->tables.empty());
  ASSERT_EQ(diags.pending().size(), 2u);
  EXPECT_EQ(diags.pending()[0].severity, Severity::Note);
  EXPECT_EQ(diags.pending()[0].rule, "kind-skipped");
  EXPECT_EQ(diags.pending()[0].message, "skipping kind 'Database' (not a data migration or table)");
  EXPECT_EQ(diags.pending()[0].loc, at(2, 7));
  EXPECT_EQ(diags.pending()[1].message, "skipping kind 'View' (not a data migration or table)");
}

TEST_F(LowerMigrationTest, MisspeltKindGetsAHint) {
  lower("kind: DataMigraton\n");
  ASSERT_EQ(diags.pending().size(), 1u);
  ASSERT_EQ(diags.pending()[0].notes.size(), 1u);
  EXPECT_EQ(diags.pending()[0].notes[0].message, "did you mean 'DataMigration'?");
}

TEST_F(LowerMigrationTest, MissingKindAndWrongShapes) {
  EXPECT_FALSE(lower("metadata:\n  name: x\n---\njust a string\n---\n"
                     "kind: DataMigration\nspec: [1, 2]\n"));
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "missing-field: missing field 'kind'",
                            "invalid-field: expected a Kubernetes object (a mapping with 'kind'), "
                            "found a string",
                            "invalid-field: 'spec' must be a mapping, found a list",
                        }));
  EXPECT_EQ(diags.pending()[0].loc, at(1, 1));
  EXPECT_EQ(diags.pending()[1].loc, at(4, 1));
  EXPECT_EQ(diags.pending()[2].loc, at(7, 7));
}

TEST_F(LowerMigrationTest, EveryErrorInTheFileIsReported) {
  EXPECT_FALSE(
      lower(migration("      - staticUpdate:\n          tablee: users\n"
                      "      - customSQL:\n          sql: SELECT 1\n          validat: true\n"
                      "      - bogus: {}\n")));
  EXPECT_EQ(messages(),
            (std::vector<std::string>{
                "unknown-field: unknown field 'tablee' in 'staticUpdate' (did you mean 'table'?)",
                "missing-field: missing field 'table' in 'staticUpdate'",
                "missing-field: missing field 'set' in 'staticUpdate'",
                "unknown-field: unknown field 'validat' in 'customSQL' (did you mean 'validate'?)",
                "unknown-field: unknown operation 'bogus'",
            }));
  EXPECT_EQ(onlyMigration().operations.size(), 1u); // the customSQL
}

TEST_F(LowerMigrationTest, InputsInLoadOrder) {
  module = std::make_unique<Module>(postgresDialect());
  uint32_t a = sm.addBuffer("a.yaml", "kind: View\n");
  uint32_t b = sm.addBuffer("b.yaml", "");
  uint32_t files[] = {b, a};
  EXPECT_TRUE(succeeded(lowerToIR(sm, files, *module, dialects(), diags)));
  EXPECT_EQ(module->inputs, (std::vector<std::string>{"b.yaml", "a.yaml"}));
}

TEST_F(LowerMigrationTest, BrokenFileDoesNotStopOthers) {
  module = std::make_unique<Module>(postgresDialect());
  uint32_t bad = sm.addBuffer("bad.yaml", "kind: [\n");
  uint32_t good = sm.addBuffer("good.yaml", migration("      - customSQL:\n          sql: x\n"));
  uint32_t files[] = {bad, good};
  EXPECT_TRUE(failed(lowerToIR(sm, files, *module, dialects(), diags)));
  EXPECT_EQ(module->migrations.size(), 1u);
  ASSERT_EQ(diags.pending().size(), 1u);
  EXPECT_EQ(diags.pending()[0].rule, "yaml-syntax");
  EXPECT_EQ(diags.pending()[0].loc.file, bad);
}

} // namespace

namespace {

/// A bare DataMigration with one customSQL under each of `keys`.
std::string withLists(std::initializer_list<const char *> keys, const char *name = "m") {
  std::string s = std::string("database: d\nname: ") + name + "\nschema:\n";
  for (const char *k : keys)
    s += std::string("  ") + k + ":\n    - customSQL: {sql: SELECT 1}\n";
  return s;
}

/// The key of the dialect inferDialect picks, or "" for none.
std::string inferred(const std::string &yaml) {
  SourceManager sm;
  DiagnosticEngine diags;
  Module module(postgresDialect());
  uint32_t files[] = {sm.addBuffer("m.yaml", yaml)};
  (void)lowerToIR(sm, files, module, dialects(), diags);
  const Dialect *d = inferDialect(module, dialects());
  return d ? d->key().str() : std::string();
}

} // namespace

TEST(InferDialectTest, OnlyWhenEverySpecAgreesOnAnother) {
  EXPECT_EQ(inferred(withLists({"postgres", "mysql"})), ""); // postgres will do
  EXPECT_EQ(inferred(withLists({"mysql"})), "mysql");
  EXPECT_EQ(inferred(withLists({"mysql"}) + "---\n" + withLists({"mysql", "sqlite"}, "n")),
            "mysql");
  // Disagreement, or two that fit: the user must choose.
  EXPECT_EQ(inferred(withLists({"mysql"}) + "---\n" + withLists({"postgres"}, "n")), "");
  EXPECT_EQ(inferred(withLists({"mysql", "sqlite"})), "");
  // cockroachdb runs its own list, timescaledb the postgres one.
  EXPECT_EQ(inferred(withLists({"cockroachdb"})), "cockroachdb");
  EXPECT_EQ(inferred(withLists({"timescaledb"})), "timescaledb");
  // A migration without operations does not vote.
  EXPECT_EQ(
      inferred(withLists({"sqlite"}) + "---\ndatabase: d\nname: e\nschema:\n  postgres: []\n"),
      "sqlite");
  EXPECT_EQ(inferred("database: d\nname: t\nschema:\n  mysql: {columns: []}\n"), "");
}
