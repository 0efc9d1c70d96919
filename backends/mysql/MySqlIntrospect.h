//===- MySqlIntrospect.h - tables, functions and estimates of MySQL -*- C++ -*-===//
//
// What --uri reads of a MySQL or MariaDB database, through
// information_schema of the database the URI names (MySQL's "schema"):
// tables and views with their columns, the stored functions a spec calls,
// and the rows a statement would touch by EXPLAIN.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Runtime.h"
#include "ir/Types.h"

#include <optional>

namespace shc {

class MySqlDb;

/// A column type as MySQL spells it (`int(10) unsigned`) as the dialect's
/// Type; nullopt when it is not one.
using MySqlTypeParser = std::optional<Type> (*)(llvm::StringRef spelling);

/// Every table and view of the connection's database, sorted by name, with
/// its columns in order: COLUMN_TYPE as the type (`varchar(32)`,
/// `int(10) unsigned`), NOT NULL, and membership of the primary key. The
/// schema is "" (MySQL's databases are not searched) and every table is on
/// the search path.
llvm::Expected<std::vector<LiveTable>> introspectMySqlTables(MySqlDb &db);

/// The stored functions of the connection's database named in `names`
/// (MySQL's function names ignore case), their parameter and result types
/// read by `parseType`; a type it does not know accepts anything.
llvm::Expected<std::vector<Signature>>
introspectMySqlFunctions(MySqlDb &db, const std::vector<std::string> &names,
                         MySqlTypeParser parseType);

/// The rows EXPLAIN expects `statement` to examine in its first table (the
/// table an UPDATE or DELETE writes).
llvm::Expected<double> estimateMySqlRows(MySqlDb &db, llvm::StringRef statement);

} // namespace shc
