#pragma once

#include "ir/Location.h"

#include <functional>
#include <string>
#include <vector>

namespace shc {

class ColumnRefExpr;
class Expr;
class Operation;
struct SqlStatement;
struct Migration;

/// One column an operation reads or writes.
struct ColumnAccess {
  std::string table;
  std::string column;
  SourceLoc loc;
};

/// The table and column `ref` names; `defaultTable` when it is unresolved.
ColumnAccess columnAccess(const ColumnRefExpr &ref, const std::string &defaultTable);

/// Calls `fn` on every column reference of `e` (subqueries included) that
/// names a table of the schema; a column of a WITH query or a FROM subquery
/// stands for everything that query reads, which is followed instead.
void forEachBaseRead(const Expr &e, const std::function<void(const ColumnRefExpr &)> &fn);

/// What an operation reads and writes, at column granularity. Shared by the
/// idempotency analysis, the dependence analysis, plan and lint. Read-only.
struct OperationEffects {
  std::vector<ColumnAccess> reads;
  std::vector<ColumnAccess> writes;
  /// Tables whose rows are inserted or deleted (customSQL INSERT/DELETE),
  /// and those whose rows are inserted.
  std::vector<std::string> rowWrites;
  std::vector<ColumnAccess> rowInserts; ///< column is empty
  /// True when the operation could not be analysed (opaque customSQL): it may
  /// read or write anything.
  bool opaque = false;
};

/// The effects of one operation. Needs resolved IR (after resolve).
OperationEffects computeEffects(const Operation &op);
/// The effects of one statement of a validated customSQL (opaque when our
/// grammar did not analyse it).
OperationEffects computeEffects(const SqlStatement &st);
/// The union over a migration's operations.
OperationEffects computeEffects(const Migration &m);

} // namespace shc
