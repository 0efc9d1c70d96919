//===- MySqlFunctions.cpp - MariaDB 10.11's functions and operators ------===//
//
// The scalar functions a data migration calls, with the result type MariaDB
// gives each (probed with CREATE TABLE ... AS SELECT and
// information_schema.columns: backends/mysql/catalog/probe-functions.py
// prints these rows from a live server, and integration/mysql-functions.test
// compares them). Integer results are int8 (the server widens to BIGINT as
// needed), string results text. Edit the tables, not the code.
//
//===----------------------------------------------------------------------===//

#include "backends/common/SignatureTable.h"
#include "backends/mysql/MySqlCatalog.h"

using namespace shc;

namespace {

#include "backends/mysql/catalog/MySqlFunctionRows.inc"

// Functions whose result type follows their arguments.
const FunctionRow polymorphicRows[] = {
    {"coalesce", "anycompatible,variadic anycompatible", "anycompatible"},
    {"ifnull", "anycompatible,anycompatible", "anycompatible"},
    {"nullif", "anycompatible,anycompatible", "anycompatible"},
    {"if", "bool,anycompatible,anycompatible", "anycompatible"},
    {"greatest", "anycompatible,variadic anycompatible", "anycompatible"},
    {"least", "anycompatible,variadic anycompatible", "anycompatible"},
    // SQL's special forms, as the builder represents them: INTERVAL n UNIT,
    // EXTRACT(unit FROM x), POSITION(a IN b), TRIM([BOTH|LEADING|TRAILING]
    // [chars] FROM x) (MySqlExprEmitter refuses btrim() called by name).
    {"interval", "any,text", "interval"},
    {"isnull", "any", "int8"},
    {"extract", "text,timestamp", "int8"},
    {"extract", "text,time", "int8"},
    {"position", "text,text", "int8"},
    {"btrim", "text", "text"},
    {"btrim", "text,text", "text"},
    {"ltrim", "text,text", "text"},
    {"rtrim", "text,text", "text"},
};

const FunctionRow aggregateRows[] = {
    {"avg", "float8", "numeric"},
    {"count", "", "int8"},
    {"count", "any", "int8"},
    {"group_concat", "text", "text"},
    {"max", "anyelement", "anyelement"},
    {"min", "anyelement", "anyelement"},
    {"sum", "int8", "numeric"},
    {"sum", "numeric", "numeric"},
    {"sum", "float8", "float8"},
};

const OperatorRow operatorRows[] = {
    {"+", "int8", "int8", "int8"},
    {"+", "numeric", "numeric", "numeric"},
    {"+", "float8", "float8", "float8"},
    {"+", "date", "interval", "date"},
    {"+", "timestamp", "interval", "timestamp"},
    {"+", "interval", "date", "date"},
    {"+", "interval", "timestamp", "timestamp"},
    {"-", "int8", "int8", "int8"},
    {"-", "numeric", "numeric", "numeric"},
    {"-", "float8", "float8", "float8"},
    {"-", "date", "interval", "date"},
    {"-", "timestamp", "interval", "timestamp"},
    {"*", "int8", "int8", "int8"},
    {"*", "numeric", "numeric", "numeric"},
    {"*", "float8", "float8", "float8"},
    // `/` on integers gives a DECIMAL (5 / 2 = 2.5000); DIV truncates.
    {"/", "int8", "int8", "numeric"},
    {"/", "numeric", "numeric", "numeric"},
    {"/", "float8", "float8", "float8"},
    {"%", "int8", "int8", "int8"},
    {"%", "numeric", "numeric", "numeric"},
    {"%", "float8", "float8", "float8"},
    {"DIV", "int8", "int8", "int8"},
    {"DIV", "numeric", "numeric", "int8"},
    {"DIV", "float8", "float8", "int8"},
    {"XOR", "bool", "bool", "bool"},
    {"REGEXP", "text", "text", "bool"},
    {"~~", "text", "text", "bool"},
    {"!~~", "text", "text", "bool"},
    {"-", "", "int8", "int8"},
    {"-", "", "numeric", "numeric"},
    {"-", "", "float8", "float8"},
    {"+", "", "int8", "int8"},
    {"+", "", "numeric", "numeric"},
    {"+", "", "float8", "float8"},
};

const char *comparable[] = {"int8", "numeric", "float8", "text", "bytea",
                            "bool", "date",    "timestamp", "time"};

const SignatureTable &table() {
  static const SignatureTable t = [] {
    SignatureTable t;
    t.addFunctions(functionRows);
    t.addFunctions(polymorphicRows);
    t.addFunctions(aggregateRows, /*aggregate=*/true);
    t.addOperators(operatorRows);
    t.addComparisons(comparable);
    return t;
  }();
  return t;
}

} // namespace

llvm::ArrayRef<Signature> MySqlCatalog::lookupFunction(llvm::StringRef fn) const {
  return table().function(fn);
}

llvm::ArrayRef<Signature> MySqlCatalog::lookupOperator(llvm::StringRef op, bool prefix) const {
  return table().op(op, prefix);
}
