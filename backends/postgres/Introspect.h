//===- Introspect.h - tables and columns of a live database -----*- C++ -*-===//
#pragma once

#include "ir/Runtime.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace shc {

class Connection;
struct Signature;

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
