//===- Statement.h - customSQL statements in the IR -------------*- C++ -*-===//
//
// A customSQL is split into statements (PostgreSQL's parser gives the
// boundaries). UPDATE and DELETE whose shape our expression parser covers are
// analysed: they carry an UpdateOp (a DELETE has no assignments) that resolve
// and typecheck treat like any other update. INSERT is classified (ON
// CONFLICT) but its values are not analysed. Everything else is opaque.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Location.h"

#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>

namespace shc {

class UpdateOp;

enum class StatementKind : uint8_t { Update, Insert, Delete, Ddl, Other };
llvm::StringRef statementKindName(StatementKind k); ///< "update", "insert", ...

enum class OnConflict : uint8_t { None, DoNothing, DoUpdate };

struct SqlStatement {
  StatementKind kind = StatementKind::Other;
  std::string keyword; ///< PostgreSQL's node name, e.g. "UpdateStmt"
  size_t offset = 0;   ///< byte range in CustomSqlOp::sql
  size_t length = 0;
  SourceLoc loc;
  /// UPDATE/DELETE parsed into `update`; false for opaque statements.
  bool analysed = false;
  /// Why the statement is not analysed (for the warning), when !analysed.
  std::string notAnalysedReason;
  bool hasWith = false;
  std::string table; ///< target table (UPDATE/INSERT/DELETE), "" otherwise
  SourceLoc tableLoc;
  OnConflict onConflict = OnConflict::None;
  /// Analysed UPDATE (assignments + where) or DELETE (where only).
  std::unique_ptr<UpdateOp> update;

  SqlStatement();
  SqlStatement(SqlStatement &&);
  SqlStatement &operator=(SqlStatement &&);
  ~SqlStatement();
};

} // namespace shc
