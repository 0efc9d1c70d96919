//===- SqliteDialect.cpp - SQLite, and rqlite as its flavor ----------------===//
//
// Type names follow SQLite's affinity rules (INT -> Int8, CHAR/CLOB/TEXT ->
// Text, BLOB -> Bytea, REAL/FLOA/DOUB -> Float8, else Numeric), except that
// the conventional BOOLEAN, DATE, DATETIME/TIMESTAMP, JSON and UUID keep
// their meaning so that literals are checked against it.
//
//===----------------------------------------------------------------------===//

#include "backends/sqlite/SqliteDialect.h"

#include "backends/common/TypeSpelling.h"
#include "backends/sqlite/SqliteRuntime.h"

using namespace shc;
using K = TypeKind;

std::optional<Type> shc::parseSqliteColumnType(llvm::StringRef spelling) {
  TypeSpelling sp;
  if (!splitTypeSpelling(spelling, sp))
    return std::nullopt;
  llvm::StringRef n = sp.name;
  bool array = sp.array;
  if (n == "bool" || n == "boolean")
    return Type(K::Bool, -1, -1, array);
  if (n == "date")
    return Type(K::Date, -1, -1, array);
  if (n == "datetime" || n.startswith("timestamp"))
    return Type(K::Timestamp, -1, -1, array);
  if (n == "json")
    return Type(K::Json, -1, -1, array);
  if (n == "uuid")
    return Type(K::Uuid, -1, -1, array);
  if (n.contains("int"))
    return Type(K::Int8, -1, -1, array);
  if (n.contains("char") || n.contains("clob") || n.contains("text"))
    return Type(K::Text, -1, -1, array);
  if (n.contains("blob"))
    return Type(K::Bytea, -1, -1, array);
  if (n.contains("real") || n.contains("floa") || n.contains("doub"))
    return Type(K::Float8, -1, -1, array);
  return Type(K::Numeric, -1, -1, array);
}

const SqliteFlavor &shc::sqliteFlavor() {
  static const SqliteFlavor flavor{"sqlite", "SQLite", false};
  return flavor;
}

std::vector<llvm::StringRef> SqliteDialect::specKeys() const {
  if (flavor.key == sqliteFlavor().key)
    return {flavor.key};
  return {flavor.key, sqliteFlavor().key};
}

const Runtime *SqliteDialect::runtime() const {
  // rqlite is reached over HTTP: compile only.
  return flavor.replicatesStatements ? nullptr : &sqliteRuntime();
}

const Dialect &shc::sqliteDialect() {
  static const SqliteDialect dialect(sqliteFlavor());
  return dialect;
}
