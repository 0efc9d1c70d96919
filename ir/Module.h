#pragma once

#include "ir/Dialect.h"
#include "ir/Expr.h"
#include "ir/ScalarLocator.h"
#include "ir/Signature.h"
#include "ir/Statement.h"
#include "ir/Verdict.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace shc {

// ---------------------------------------------------------------------------
// Schema (from kind: Table)
// ---------------------------------------------------------------------------

/// A field of a Table spec's dialect entry that the IR does not model (a
/// hypertable's time column, a CQL clustering order), flattened to its
/// scalar leaves: `path` as written, list items as `[i]`
/// ("hypertable.compression.interval", "clusteringOrder.column"). Only the
/// dialect that owns the entry reads them (Dialect::check, its emitter).
struct Setting {
  std::string path;
  std::string value;
  SourceLoc loc;
};

/// The setting at `path`, or null.
const Setting *findSetting(llvm::ArrayRef<Setting> settings, llvm::StringRef path);

struct Column {
  std::string name;
  Type type;
  std::string typeSpelling; ///< as written in the spec
  bool notNull = false;
  bool primaryKey = false;
  std::optional<std::string> defaultValue;
  SourceLoc loc;
  std::vector<Setting> settings; ///< the column's other fields (Setting)
};

struct Table {
  std::string database;
  /// The PostgreSQL schema the spec places it in (`schema.postgres.schema`);
  /// "" when the spec names none: SchemaHero then creates it unqualified, in
  /// the default schema (public).
  std::string schema;
  std::string name;
  /// metadata.name of its Table document ("" for a bare spec or a live
  /// table): `requires` may name a table by either name.
  std::string metadataName;
  /// Whether an unqualified name in SQL that runs as written (customSQL)
  /// reaches this table: PostgreSQL resolves such names through search_path,
  /// whose first schema is public unless the database says otherwise.
  bool onSearchPath = true;
  /// Read from the live database (--uri) rather than a Table spec: a spec of
  /// the same name, in any schema, wins over it.
  bool live = false;
  std::vector<Column> columns;
  std::vector<std::string> primaryKey; ///< Cassandra: partition keys first
  size_t partitionKeyCount = 0;        ///< Cassandra only
  SourceLoc loc;
  /// The schema entry's fields the IR does not model (Setting), but
  /// `columns`.
  std::vector<Setting> settings;
  /// What the live database (--uri) says about the table beyond its columns
  /// (LiveTable::settings), also for a table a spec describes; located at
  /// the live table.
  std::vector<Setting> liveSettings;
  /// For the table a WITH query or a FROM subquery stands for (resolve):
  /// that query, so analyses can see what its columns read.
  const DmlQuery *fromQuery = nullptr;
  const SelectStmt *fromSelect = nullptr;

  const Column *findColumn(llvm::StringRef name) const;
  /// The schema that identifies it: `schema`, or "public" when none is named.
  llvm::StringRef schemaOrDefault() const {
    return schema.empty() ? llvm::StringRef("public") : llvm::StringRef(schema);
  }
  /// "test.users" for a table the spec places in a schema, else "users": for
  /// messages, plans and the effects analyses, where two tables of one name
  /// must stay apart.
  std::string displayName() const;
};

/// The tables a reference `schema.name` can mean (`schema` empty when the
/// name is unqualified) for a migration of `database`: the same name, the
/// same database (a table or a migration without one matches any; there is
/// no fallback to another database), and the named schema when there is one
/// ("public" also matches a spec that names no schema). In `tables` order.
std::vector<const Table *> findTables(llvm::ArrayRef<std::unique_ptr<Table>> tables,
                                      llvm::StringRef database, llvm::StringRef schema,
                                      llvm::StringRef name);
/// Whether `t` is in `database` and `schema` as findTables matches them.
bool tableIsIn(const Table &t, llvm::StringRef database, llvm::StringRef schema);

// ---------------------------------------------------------------------------
// Data migrations (from kind: DataMigration)
// ---------------------------------------------------------------------------

enum class Phase : uint8_t { BeforeSchema, AfterSchema };
llvm::StringRef phaseName(Phase p); ///< "before_schema" / "after_schema"

class Operation {
public:
  enum class Kind : uint8_t { Update, CustomSql };
  virtual ~Operation();
  Kind getKind() const { return kind; }
  SourceLoc getLoc() const { return loc; }
  /// An error was reported about this operation (lowering, resolve,
  /// typecheck, custom-sql): analyses give it no verdict and reviewer rules
  /// skip it, so that one mistake gives one diagnostic.
  bool hasErrors = false;
  /// `batchSize` (its own, else its migration's): apply runs the UPDATE or
  /// DELETE in keyset batches of this many rows, each its own transaction
  /// (docs/batching.md); 0: one statement.
  unsigned batchSize = 0;
  SourceLoc batchSizeLoc;

protected:
  Operation(Kind k, SourceLoc loc) : kind(k), loc(loc) {}

private:
  Kind kind;
  SourceLoc loc;
};
using OperationPtr = std::unique_ptr<Operation>;

/// How a transformUpdate assignment was written, kept for plans and lint.
enum class TransformKind : uint8_t {
  None,
  TimezoneConvert,
  FormatChange,
  TypeCast,
  StringTransform,
};

struct Assignment {
  std::string column;
  SourceLoc loc; ///< of the column name
  const Column *resolved = nullptr;
  ExprPtr value;
  /// A calculatedUpdate expression kept as written, not parsed: the target
  /// dialect has no SQL checks yet (docs/dialects.md); `value` is null then.
  std::string uncheckedText;
  TransformKind transform = TransformKind::None;
};

/// staticUpdate, calculatedUpdate and transformUpdate all lower to this:
/// UPDATE table SET column = expr, ... [WHERE where].
class UpdateOp : public Operation {
public:
  enum class Origin : uint8_t { Static, Calculated, Transform };
  UpdateOp(SourceLoc loc, Origin origin) : Operation(Kind::Update, loc), origin(origin) {}
  Origin origin;
  std::string table;
  /// The schema qualifier as written (`test` of `table: test.users`), or "".
  std::string schema;
  SourceLoc tableLoc;
  const Table *resolved = nullptr;
  std::vector<Assignment> assignments;
  ExprPtr where; ///< may be null (updates every row)
  /// A where kept as written, not parsed (as Assignment::uncheckedText).
  std::string uncheckedWhere;
  /// Where the where/condition value was written, also when it did not parse
  /// (then `where` is null, but the update does not lack a WHERE).
  SourceLoc whereLoc;
  // customSQL only: UPDATE t AS alias ... FROM from ... RETURNING returning
  // (for a DELETE, `from` is its USING list).
  std::string alias;
  std::vector<TableRef> from;
  std::vector<SelectStmt::Item> returning;
  static bool classof(const Operation *o) { return o->getKind() == Kind::Update; }
};
llvm::StringRef updateOriginName(UpdateOp::Origin o); ///< "staticUpdate", ...

/// customSQL: opaque text, optionally parse-checked.
class CustomSqlOp : public Operation {
public:
  explicit CustomSqlOp(SourceLoc loc) : Operation(Kind::CustomSql, loc) {}
  std::string sql;
  ScalarLocator sqlLocator; ///< maps offsets in `sql` to file positions
  bool validate = false;
  /// Filled when `validate` is true and PostgreSQL's parser accepted the
  /// text: one entry per statement, in order (ir/Statement.h).
  std::vector<SqlStatement> statements;
  bool parsed = false;
  static bool classof(const Operation *o) { return o->getKind() == Kind::CustomSql; }
};

struct Requirement {
  std::string name;
  SourceLoc loc;
};

struct Migration {
  std::string name;
  SourceLoc loc; ///< of metadata.name / spec.name
  /// metadata.name when it differs from `name` (spec.name wins): `requires`
  /// may name a migration by either.
  std::string metadataName;
  std::string database;
  Phase phase = Phase::AfterSchema;
  bool declaredIdempotent = false;
  /// `spec.batchSize`: the default of its operations (Operation::batchSize).
  unsigned batchSize = 0;
  std::vector<Requirement> requires;
  std::vector<OperationPtr> operations;
  /// Which `spec.schema` list the operations came from ("postgres" for a
  /// cockroachdb target without its own list).
  std::string sourceDialectKey;
  /// The dialect keys that have a non-empty operation list, in spec order
  /// (the frontend infers the target from them when --dialect is not given).
  std::vector<std::string> operationKeys;
  /// The other dialect keys whose operation list holds the same operations
  /// as the one compiled (one YAML anchor, or the same text): they must give
  /// the same data there (the portability pass).
  std::vector<std::string> sharedWith;
  /// Set by resolve: a before_schema migration checked offline names a table
  /// or column the Table specs lack (a warning); those names stay unbound.
  bool schemaUnchecked = false;
};

/// Everything one compilation sees: the schema and the migrations, for one
/// target. Owns its nodes; the SourceManager that locations refer to is
/// owned by the caller.
class Module {
public:
  explicit Module(const Dialect &target) : target(&target) {}
  const Dialect &getTarget() const { return *target; }

  std::vector<std::unique_ptr<Table>> tables;
  /// Tables whose spec says `isDeleted: true`: gone after the schema change,
  /// still there before it (before_schema migrations may use them).
  std::vector<std::unique_ptr<Table>> deletedTables;
  /// The schema as it is before the Table specs are applied, which
  /// before_schema migrations run against: the live database (--uri) or an
  /// older copy of the specs (--before-specs). `beforeSchemaKnown` is false
  /// when neither was given (docs/schema-scope.md).
  std::vector<std::unique_ptr<Table>> beforeTables;
  bool beforeSchemaKnown = false;
  std::vector<std::unique_ptr<Migration>> migrations;
  /// Input paths in load order, for the output header.
  std::vector<std::string> inputs;
  /// Filled from the live database's function catalogue when one is given:
  /// every visible overload of the function names the migrations call. When
  /// `liveFunctionsLoaded` is set, a name with no row here and none in the
  /// built-in catalogue does not exist in that database.
  std::vector<Signature> liveFunctions;
  bool liveFunctionsLoaded = false;
  /// The target's own flags given on the command line (Dialect::flags),
  /// by name: read by its checks and its emitter.
  std::vector<std::string> dialectFlags;
  bool hasDialectFlag(llvm::StringRef name) const {
    return std::find(dialectFlags.begin(), dialectFlags.end(), name) != dialectFlags.end();
  }

  /// The first table named `name` by spec.name or metadata.name, in
  /// `database` (see findTables), or null: what `requires` may name.
  const Table *findTableByName(llvm::StringRef name, llvm::StringRef database) const;

private:
  const Dialect *target;
};

} // namespace shc
