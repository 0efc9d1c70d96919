// SchemaHero's v1alpha4 Table types (pkg/apis/schemas/v1alpha4 and the Table
// CRD), field by field. Only columns (name, type, constraints.notNull,
// default), primaryKey, isDeleted and the postgres `schema` mean something
// to the compiler; the rest is checked for shape and otherwise ignored
// (docs/schemahero-fields.md says why, field by field).
#include "frontend/TableFields.h"

using namespace shc;
using S = FieldShape;

namespace {

// --- Shared by the SQL dialects ---------------------------------------------

const FieldSpec NotNull[] = {{"notNull", S::Bool}, {"maxLength", S::Int}};
const FieldSpec AutoIncrement[] = {{"autoIncrement", S::Bool}};
const FieldSpec References[] = {{"table", S::Scalar, {}, true}, {"columns", S::ScalarList}};
const FieldSpec ForeignKey[] = {{"columns", S::ScalarList, {}, true},
                                {"references", S::Mapping, References, true},
                                {"onDelete", S::Scalar},
                                {"name", S::Scalar}};
const FieldSpec Index[] = {{"columns", S::ScalarList, {}, true},
                           {"name", S::Scalar},
                           {"isUnique", S::Bool},
                           {"type", S::Scalar}};
const FieldSpec SqlColumn[] = {{"name", S::Scalar, {}, true},
                               {"type", S::Scalar, {}, true},
                               {"constraints", S::Mapping, NotNull},
                               {"attributes", S::Mapping, AutoIncrement},
                               {"default", S::Scalar}};

// --- PostgreSQL family ------------------------------------------------------

const FieldSpec ExecuteParam[] = {{"mode", S::Scalar}, {"name", S::Scalar}, {"type", S::Scalar}};
const FieldSpec TriggerExecute[] = {{"type", S::Scalar},
                                    {"schema", S::Scalar},
                                    {"name", S::Scalar},
                                    {"params", S::MappingList, ExecuteParam}};
// Go reads `forEachRow` from YAML and `forEachRun` from JSON (its tags
// differ); the CRD also has `arguments`.
const FieldSpec Trigger[] = {{"name", S::Scalar},
                             {"constraintTrigger", S::Bool},
                             {"events", S::ScalarList},
                             {"forEachStatement", S::Bool},
                             {"forEachRow", S::Bool},
                             {"forEachRun", S::Bool},
                             {"condition", S::Scalar},
                             {"execute", S::Mapping, TriggerExecute},
                             {"executeProcedure", S::Scalar},
                             {"arguments", S::ScalarList}};
const FieldSpec Postgres[] = {{"schema", S::Scalar},
                              {"primaryKey", S::ScalarList},
                              {"foreignKeys", S::MappingList, ForeignKey},
                              {"indexes", S::MappingList, Index},
                              {"columns", S::MappingList, SqlColumn},
                              {"isDeleted", S::Bool},
                              {"json:triggers", S::MappingList, Trigger},
                              {"triggers", S::MappingList, Trigger}};

const FieldSpec Compression[] = {{"segmentBy", S::Scalar}, {"interval", S::Scalar}};
const FieldSpec Retention[] = {{"interval", S::Scalar}};
const FieldSpec Hypertable[] = {
    {"timeColumnName", S::Scalar},        {"partitioningColumn", S::Scalar},
    {"numberPartitions", S::Int},         {"chunkTimeInterval", S::Scalar},
    {"createDefaultIndexes", S::Bool},    {"ifNotExists", S::Bool},
    {"partitioningFunc", S::Scalar},      {"associatedSchemaName", S::Scalar},
    {"associatedTablePrefix", S::Scalar}, {"migrateData", S::Bool},
    {"timePartitioningFunc", S::Scalar},  {"replicationFactor", S::Int},
    {"dataNodes", S::ScalarList},         {"compression", S::Mapping, Compression},
    {"retention", S::Mapping, Retention}};
const FieldSpec TimescaleDB[] = {{"primaryKey", S::ScalarList},
                                 {"foreignKeys", S::MappingList, ForeignKey},
                                 {"indexes", S::MappingList, Index},
                                 {"columns", S::MappingList, SqlColumn},
                                 {"isDeleted", S::Bool},
                                 {"triggers", S::MappingList, Trigger},
                                 {"hypertable", S::Mapping, Hypertable}};

// --- MySQL ------------------------------------------------------------------

const FieldSpec MysqlColumn[] = {{"name", S::Scalar, {}, true},
                                 {"type", S::Scalar, {}, true},
                                 {"constraints", S::Mapping, NotNull},
                                 {"attributes", S::Mapping, AutoIncrement},
                                 {"default", S::Scalar},
                                 {"charset", S::Scalar},
                                 {"collation", S::Scalar}};
const FieldSpec Mysql[] = {{"primaryKey", S::ScalarList},
                           {"foreignKeys", S::MappingList, ForeignKey},
                           {"indexes", S::MappingList, Index},
                           {"columns", S::MappingList, MysqlColumn},
                           {"isDeleted", S::Bool},
                           {"defaultCharset", S::Scalar},
                           {"collation", S::Scalar}};

// --- SQLite and RQLite (the CRD gives both `strict`) ------------------------

const FieldSpec Sqlite[] = {{"primaryKey", S::ScalarList},
                            {"foreignKeys", S::MappingList, ForeignKey},
                            {"indexes", S::MappingList, Index},
                            {"columns", S::MappingList, SqlColumn},
                            {"isDeleted", S::Bool},
                            {"strict", S::Bool}};

// --- Cassandra --------------------------------------------------------------

// `default` is not in the Go type, but SchemaHero's own fixtures write it.
const FieldSpec CassandraColumn[] = {{"name", S::Scalar, {}, true},
                                     {"type", S::Scalar, {}, true},
                                     {"isStatic", S::Bool},
                                     {"default", S::Scalar}};
const FieldSpec ClusteringOrder[] = {{"column", S::Scalar, {}, true}, {"isDescending", S::Bool}};
const FieldSpec CassandraProperties[] = {{"bloomFilterFPChance", S::Scalar},
                                         {"caching", S::ScalarMap},
                                         {"comment", S::Scalar},
                                         {"compaction", S::ScalarMap},
                                         {"compression", S::ScalarMap},
                                         {"crcCheckChance", S::Scalar},
                                         {"dcLocalReadRepairChance", S::Scalar},
                                         {"defaultTTL", S::Int},
                                         {"gcGraceSeconds", S::Int},
                                         {"maxIndexInterval", S::Int},
                                         {"memtableFlushPeriodMs", S::Int},
                                         {"minIndexInterval", S::Int},
                                         {"readRepairChance", S::Scalar},
                                         {"speculativeRetry", S::Scalar}};
const FieldSpec Cassandra[] = {{"isDeleted", S::Bool},
                               {"primaryKey", S::KeyList},
                               {"clusteringOrder", S::Mapping, ClusteringOrder},
                               {"columns", S::MappingList, CassandraColumn},
                               {"properties", S::Mapping, CassandraProperties}};

// --- TableSpec --------------------------------------------------------------

const FieldSpec SeedValue[] = {{"int", S::Int}, {"str", S::Scalar}};
const FieldSpec SeedColumn[] = {{"column", S::Scalar, {}, true}, {"value", S::Mapping, SeedValue}};
const FieldSpec SeedRow[] = {{"columns", S::MappingList, SeedColumn}};
const FieldSpec SeedData[] = {{"rows", S::MappingList, SeedRow}};
// `schema` is a mapping of dialect keys: the caller checks each entry
// against tableSchemaFields().
const FieldSpec TableSpec[] = {{"database", S::Scalar},
                               {"name", S::Scalar, {}, true},
                               {"requires", S::ScalarList},
                               {"schema", S::Custom},
                               {"seedData", S::Mapping, SeedData}};

} // namespace

llvm::ArrayRef<FieldSpec> shc::tableSpecFields() { return TableSpec; }

llvm::ArrayRef<FieldSpec> shc::tableSchemaFields(llvm::StringRef key) {
  if (key == "timescaledb")
    return TimescaleDB;
  if (key == "mysql")
    return Mysql;
  if (key == "sqlite" || key == "rqlite")
    return Sqlite;
  if (key == "cassandra")
    return Cassandra;
  return Postgres; // postgres, cockroachdb
}
