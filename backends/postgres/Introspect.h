//===- Introspect.h - tables and columns of a live database -----*- C++ -*-===//
#pragma once

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace shc {

class Connection;
struct Signature;

struct LiveColumn {
  std::string name;
  std::string type; ///< format_type() spelling, e.g. "character varying(32)"
  bool notNull = false;
  bool primaryKey = false;
};

struct LiveTable {
  std::string schema;
  std::string name;
  /// An unqualified `name` reaches this table: its schema is the first on
  /// the connection's search_path that has a relation of that name.
  bool onSearchPath = false;
  std::vector<LiveColumn> columns;
};

/// Every table, view and foreign table of the user's schemas (not
/// pg_catalog, information_schema or temporary ones), columns in attnum
/// order, tables by schema and name.
llvm::Expected<std::vector<LiveTable>> introspectTables(Connection &conn);

/// Every overload visible on the search_path (pg_proc) of the given function
/// names, so calls outside the built-in catalogue can be type-checked.
llvm::Expected<std::vector<Signature>>
introspectFunctions(Connection &conn, const std::vector<std::string> &names);

/// The planner's estimate of the rows `statement` touches: EXPLAIN without
/// ANALYZE, so nothing is scanned or changed.
llvm::Expected<double> estimateRows(Connection &conn, llvm::StringRef statement);

} // namespace shc
