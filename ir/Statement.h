//===- Statement.h - customSQL statements in the IR -------------*- C++ -*-===//
//
// A customSQL is split into statements (PostgreSQL's parser gives the
// boundaries and the kinds). The DML statements are then parsed again by our
// grammar's DML rules (grammar/SqlExpr.g4: dmlStatement) into this IR:
//
//   [WITH name [(cols)] AS (query), ...]
//   UPDATE t [AS a] SET c = e, ... [FROM items] [WHERE e] [RETURNING items]
//   DELETE FROM t [AS a] [USING items] [WHERE e] [RETURNING items]
//   INSERT INTO t [AS a] [(cols)] {VALUES (...), ... | SELECT ... | DEFAULT VALUES}
//          [ON CONFLICT [(cols) [WHERE e]] DO NOTHING | DO UPDATE SET ... [WHERE e]]
//          [RETURNING items]
//   SELECT ...
//
// UPDATE and DELETE are UpdateOps (a DELETE has no assignments), so resolve,
// typecheck and the idempotency analysis treat them like the other
// operations. A statement our grammar does not cover stays opaque: it is
// emitted as written and reported as "not analysed", never rejected.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Expr.h"
#include "ir/Location.h"
#include "ir/Verdict.h"

#include "llvm/ADT/StringRef.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace shc {

class UpdateOp;
struct Column;
struct Table;

enum class StatementKind : uint8_t { Update, Insert, Delete, Select, Ddl, Other };
llvm::StringRef statementKindName(StatementKind k); ///< "update", "insert", ...

enum class OnConflict : uint8_t { None, DoNothing, DoUpdate };

/// A column named in an INSERT column list or an ON CONFLICT target.
struct ColumnName {
  std::string name;
  SourceLoc loc;
  const Column *resolved = nullptr; ///< filled by resolve
};

/// INSERT INTO table [AS alias] [(columns)] source [ON CONFLICT ...]
/// [RETURNING ...].
struct InsertStmt {
  enum class Source : uint8_t { Values, Select, DefaultValues };

  SourceLoc loc;
  std::string table;
  std::string schema; ///< the qualifier of `schema.table` as written, or ""
  SourceLoc tableLoc;
  std::string alias;
  const Table *resolved = nullptr; ///< filled by resolve
  /// The column list; empty means every column of the table, in order
  /// (resolve then fills `targets` from the table).
  std::vector<ColumnName> columns;
  /// The columns the source's values go to, in order: the column list, or
  /// the table's columns. Filled by resolve.
  std::vector<const Column *> targets;

  Source source = Source::Values;
  /// VALUES rows; a null entry is DEFAULT.
  std::vector<std::vector<ExprPtr>> rows;
  std::unique_ptr<SelectStmt> select;

  OnConflict onConflict = OnConflict::None;
  SourceLoc onConflictLoc;
  std::vector<ColumnName> conflictColumns;
  ExprPtr conflictWhere; ///< the arbiter index predicate
  /// DO UPDATE SET ... [WHERE ...]: an UpdateOp on the insert's table whose
  /// expressions also see `excluded`, the row proposed for insertion.
  std::unique_ptr<UpdateOp> conflictUpdate;

  std::vector<SelectStmt::Item> returning;

  InsertStmt();
  InsertStmt(InsertStmt &&);
  InsertStmt &operator=(InsertStmt &&);
  ~InsertStmt();
};

/// The query of one statement or one WITH entry: exactly one of the three.
struct DmlQuery {
  StatementKind kind = StatementKind::Other;
  std::unique_ptr<UpdateOp> update; ///< Update, Delete
  std::unique_ptr<InsertStmt> insert;
  std::unique_ptr<SelectStmt> select;

  DmlQuery();
  DmlQuery(DmlQuery &&);
  DmlQuery &operator=(DmlQuery &&);
  ~DmlQuery();
  explicit operator bool() const { return update || insert || select; }
};

/// name [(columns)] AS ( query ): later entries and the statement see it as
/// a table whose columns are the query's output (its select list or its
/// RETURNING list).
struct CommonTableExpr {
  std::string name;
  SourceLoc loc;
  std::vector<ColumnName> columnNames; ///< the optional (columns) list
  DmlQuery query;
  /// The table the statement sees: columns named by resolve, typed by
  /// typecheck.
  std::unique_ptr<Table> derived;

  CommonTableExpr();
  CommonTableExpr(CommonTableExpr &&);
  CommonTableExpr &operator=(CommonTableExpr &&);
  ~CommonTableExpr();
};

struct SqlStatement {
  StatementKind kind = StatementKind::Other;
  std::string keyword; ///< PostgreSQL's node name, e.g. "UpdateStmt"
  size_t offset = 0;   ///< byte range in CustomSqlOp::sql
  size_t length = 0;
  SourceLoc loc;
  /// Parsed by our grammar into `with` and `query`; false for opaque
  /// statements.
  bool analysed = false;
  /// Why the statement is not analysed (for the warning), when !analysed,
  /// and where the analysis stopped (invalid when it did not start).
  std::string notAnalysedReason;
  SourceLoc notAnalysedLoc;
  std::string table; ///< target table (UPDATE/INSERT/DELETE), "" otherwise
  std::string schema; ///< its schema qualifier as written, or ""
  SourceLoc tableLoc;
  OnConflict onConflict = OnConflict::None;

  std::vector<CommonTableExpr> with;
  /// The analysed statement after its WITH list.
  DmlQuery query;

  SqlStatement();
  SqlStatement(SqlStatement &&);
  SqlStatement &operator=(SqlStatement &&);
  ~SqlStatement();
};

/// Calls `fn` on each top-level expression of `q`: values, assignments,
/// conditions, select and RETURNING lists (subqueries inside them are
/// reached through forEachChild).
void forEachQueryExpr(const DmlQuery &q, const std::function<void(const Expr &)> &fn);
/// The same over a SELECT (also its FROM subqueries).
void forEachSelectExpr(const SelectStmt &s, const std::function<void(const Expr &)> &fn);
/// The same over a statement's WITH queries and its query.
void forEachStatementExpr(const SqlStatement &st, const std::function<void(const Expr &)> &fn);

} // namespace shc
