//===- ResolveInternal.h - the name binder of the resolve pass --*- C++ -*-===//
#pragma once

#include "ir/Diagnostics.h"
#include "ir/Module.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

#include <string>
#include <vector>

namespace shc {

/// Binds table and column names (Resolve.cpp: updates and expressions;
/// ResolveStatements.cpp: the customSQL statements).
class Resolver {
public:
  Resolver(const Module &module, DiagnosticEngine &diags);

  /// Selects what `m`'s names are checked against: the tables of its
  /// database, as they are in its phase (ResolveTables.cpp).
  void beginMigration(Migration &m);
  void resolveUpdate(UpdateOp &op);
  void resolveStatement(SqlStatement &st);

private:
  /// One FROM entry visible to column references.
  struct ScopeEntry {
    std::string refName; ///< alias, or the table name when there is none
    const Table *table;  ///< null when the table is unknown (already reported)
  };
  using Scope = llvm::SmallVector<ScopeEntry, 2>;

  struct WithEntry;
  /// The WITH query visible here under `name`, innermost first, or null.
  const WithEntry *findWith(llvm::StringRef name) const;
  // ResolveTables.cpp: which table a name means.
  /// The table `schema.name` (`schema` empty when unqualified) means, or
  /// null after reporting it unknown, ambiguous or not reachable as written.
  const Table *findBaseTable(llvm::StringRef schema, llvm::StringRef name, SourceLoc loc);
  /// The tables of the migration's database and phase named `name`.
  std::vector<const Table *> tablesNamed(llvm::StringRef schema, llvm::StringRef name) const;
  /// Names in scope, for "did you mean" (qualified ones when `qualified`).
  std::vector<std::string> tableNames(bool qualified) const;
  /// "unknown-table"/"unknown-column" as an error, or in a before_schema
  /// migration checked offline a "before-schema-unchecked" warning: the
  /// name may be one the schema change drops (never a false error).
  InFlightDiagnostic unknownName(SourceLoc loc, llvm::StringRef rule, std::string message);
  static std::vector<std::string> columnNames(const Table &table);
  /// Binds the target table of a statement, or reports it unknown.
  bool resolveTarget(const std::string &schema, const std::string &name, SourceLoc loc,
                     const Table *&out);
  void resolveAssignments(UpdateOp &op);
  void resolveExpr(Expr &e);
  void resolveColumn(ColumnRefExpr &ref);
  void resolveSelect(SelectStmt &q);
  /// Adds the entries of a FROM (or USING) list to the innermost scope.
  void resolveFrom(std::vector<TableRef> &from, SourceLoc fallback);
  void resolveItems(std::vector<SelectStmt::Item> &items);

  // ResolveSelect.cpp: FROM subqueries, GROUP BY, HAVING, ORDER BY.
  void resolveFromSubquery(TableRef &t);
  void resolveSelectKeys(SelectStmt &q);
  /// Whether a bare name is a column of a table in scope (no diagnostic).
  bool isInputColumn(llvm::StringRef name) const;
  /// The table a WITH query or a FROM subquery stands for: its output
  /// columns (a `*` expanded over `starTables`), renamed by `names`. Null
  /// when a `*` covers an unknown table, or after reporting too many names
  /// ("<what> \"x\" has 1 columns available but 2 columns specified").
  std::unique_ptr<Table> deriveTable(const std::string &name, SourceLoc loc,
                                     const std::vector<SelectStmt::Item> &items,
                                     const std::vector<const Table *> &starTables,
                                     const std::vector<std::pair<std::string, SourceLoc>> &names,
                                     llvm::StringRef what);

  // ResolveStatements.cpp
  void resolveQuery(DmlQuery &q);
  void resolveDml(UpdateOp &op);
  void resolveInsert(InsertStmt &ins);
  void resolveColumnList(std::vector<ColumnName> &cols, const Table &table, bool insertList);
  void nameWithColumns(CommonTableExpr &cte);

  const Module &module;
  DiagnosticEngine &diags;
  /// The schema's tables by name, in load order: a lookup costs the tables
  /// of that name, not the whole schema.
  llvm::StringMap<llvm::SmallVector<const Table *, 1>> tablesByName;
  std::vector<Scope> scopes; ///< outermost first
  /// FROM entries that exist but this part of the query may not reference
  /// (outside a JOIN's tree, beside a non-LATERAL subquery): for messages.
  std::vector<ScopeEntry> hidden;
  struct WithEntry {
    std::string name;
    const Table *table; ///< null when its columns are unknown
    /// Modifies data without RETURNING: PostgreSQL rejects reading it.
    bool noReturning = false;
  };
  std::vector<WithEntry> withTables; ///< WITH queries in scope, in order
  std::string database;
  Migration *migration = nullptr;
  /// Where the migration's tables come from (Module::beforeTables for a
  /// before_schema migration when that schema is known).
  const std::vector<std::unique_ptr<Table>> *tables = nullptr;
  /// A before_schema migration checked offline: also the deleted tables,
  /// and unknown names are warnings.
  bool beforeSchemaOffline = false;
  /// customSQL is emitted as written: a bare table name there means what
  /// PostgreSQL's search_path finds, not any schema's table.
  bool asWritten = false;
};

/// PostgreSQL's FigureColname: the name of an output column without an
/// alias ("?column?" when there is none).
std::string figureColname(const Expr &e);

} // namespace shc
