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
  std::string name;
  std::vector<LiveColumn> columns;
};

/// Every table, view and foreign table in the connection's search_path (the
/// first schema wins for a name), columns in attnum order, tables by name.
llvm::Expected<std::vector<LiveTable>> introspectTables(Connection &conn);

/// Every overload visible on the search_path (pg_proc) of the given function
/// names, so calls outside the built-in catalogue can be type-checked.
llvm::Expected<std::vector<Signature>>
introspectFunctions(Connection &conn, const std::vector<std::string> &names);

/// The planner's estimate of the rows `statement` touches: EXPLAIN without
/// ANALYZE, so nothing is scanned or changed.
llvm::Expected<double> estimateRows(Connection &conn, llvm::StringRef statement);

} // namespace shc
