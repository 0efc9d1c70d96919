#pragma once

#include "ir/Dialect.h"
#include "ir/Expr.h"
#include "ir/ScalarLocator.h"
#include "ir/Statement.h"
#include "ir/Verdict.h"

#include "llvm/ADT/StringRef.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace shc {

// ---------------------------------------------------------------------------
// Schema (from kind: Table)
// ---------------------------------------------------------------------------

struct Column {
  std::string name;
  Type type;
  std::string typeSpelling; ///< as written in the spec
  bool notNull = false;
  bool primaryKey = false;
  std::optional<std::string> defaultValue;
  SourceLoc loc;
};

struct Table {
  std::string database;
  std::string name;
  std::vector<Column> columns;
  std::vector<std::string> primaryKey; ///< Cassandra: partition keys first
  size_t partitionKeyCount = 0;        ///< Cassandra only
  SourceLoc loc;
  /// For the table a WITH query or a FROM subquery stands for (resolve):
  /// that query, so analyses can see what its columns read.
  const DmlQuery *fromQuery = nullptr;
  const SelectStmt *fromSelect = nullptr;

  const Column *findColumn(llvm::StringRef name) const;
};

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
  /// Filled by the idempotency analysis.
  IdempotencyVerdict idempotency;
  /// An error was reported about this operation (lowering, resolve,
  /// typecheck, custom-sql): analyses give it no verdict and reviewer rules
  /// skip it, so that one mistake gives one diagnostic.
  bool hasErrors = false;

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
  SourceLoc tableLoc;
  const Table *resolved = nullptr;
  std::vector<Assignment> assignments;
  ExprPtr where; ///< may be null (updates every row)
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
  std::string database;
  Phase phase = Phase::AfterSchema;
  bool declaredIdempotent = false;
  std::vector<Requirement> requires;
  std::vector<OperationPtr> operations;
  /// Which `spec.schema` list the operations came from ("postgres" for a
  /// cockroachdb target without its own list).
  std::string sourceDialectKey;
  /// Filled by the idempotency analysis.
  IdempotencyVerdict idempotency;
};

/// A function overload read from the live database's pg_proc (--uri), for a
/// name outside the built-in catalogue. Types are catalog type names
/// ("int4", "_text", "anyelement").
struct LiveFunction {
  std::string name;
  std::vector<std::string> params;
  std::string result;
  bool variadic = false;
  bool aggregate = false;
  unsigned defaults = 0;
};

/// Everything one compilation sees: the schema and the migrations, for one
/// target. Owns its nodes; the SourceManager that locations refer to is
/// owned by the caller.
class Module {
public:
  explicit Module(Dialect target) : target(target) {}
  Dialect getTarget() const { return target; }

  std::vector<std::unique_ptr<Table>> tables;
  std::vector<std::unique_ptr<Migration>> migrations;
  /// Input paths in load order, for the output header.
  std::vector<std::string> inputs;
  /// Filled by the schedule analysis: every migration in execution order
  /// (before_schema first, `requires` respected, ties by name). Empty when
  /// the pass did not run or failed; emitters then use source order.
  std::vector<const Migration *> executionOrder;
  /// Filled from pg_proc when a live database is given: every visible
  /// overload of the function names the migrations call. When
  /// `liveFunctionsLoaded` is set, a name with no row here and none in the
  /// built-in catalogue does not exist in that database.
  std::vector<LiveFunction> liveFunctions;
  bool liveFunctionsLoaded = false;

  /// Case-sensitive lookup (names are already case-folded by the frontend).
  const Table *findTable(llvm::StringRef name) const;

private:
  Dialect target;
};

} // namespace shc
