//===- SqliteIntrospect.h - tables and columns of a SQLite file -*- C++ -*-===//
#pragma once

#include "ir/Runtime.h"

namespace shc {

class SqliteDb;

/// Every table and view of the main database but SQLite's own (`sqlite_*`),
/// sorted by name, from sqlite_schema and `pragma table_xinfo`: the type as
/// declared (`VARCHAR(32)`, "" when none), NOT NULL, and membership of the
/// primary key. Generated columns are listed; hidden columns of virtual
/// tables are not. A view whose definition no longer resolves is left out.
llvm::Expected<std::vector<LiveTable>> introspectSqliteTables(SqliteDb &db);

} // namespace shc
