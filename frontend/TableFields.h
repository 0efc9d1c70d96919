#pragma once

// SchemaHero's v1alpha4 Table types as FieldSpec trees, one per dialect key,
// so a spec is checked field by field (unknown fields are warnings) and new
// dialects add a table here. See docs/schemahero-fields.md for what each
// field means to this compiler.

#include "frontend/SpecSchema.h"

namespace shc {

/// The fields of `spec` (TableSpec): database, name, requires, schema,
/// seedData. `schema` is a mapping of dialect keys, checked by the caller.
llvm::ArrayRef<FieldSpec> tableSpecFields();

/// The fields of `spec.schema.<key>` for the dialect key `d`: the Go type
/// behind that key (PostgresqlTableSchema for postgres and cockroachdb,
/// TimescaleDBTableSchema, MysqlTableSchema, SqliteTableSchema,
/// RqliteTableSchema, CassandraTableSchema).
llvm::ArrayRef<FieldSpec> tableSchemaFields(llvm::StringRef key);

} // namespace shc
