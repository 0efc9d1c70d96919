//===- SqliteFunctions.cpp - SQLite 3.40's functions and operators --------===//
//
// The core scalar functions, the date and time functions, the math
// functions (Debian builds them in) and the JSON1 functions, with the
// storage class each returns as typeof() reports it; and the operators of
// lang_expr.html. Volatility follows SQLite's own SQLITE_DETERMINISTIC
// flags, except that the date and time functions count as varying (they read
// the clock when given 'now', which the catalogue cannot tell from the
// arguments' types). Edit the tables, not the code, to add a function.
//
//===----------------------------------------------------------------------===//

#include "backends/common/SignatureTable.h"
#include "backends/sqlite/SqliteCatalog.h"


using namespace shc;

namespace {

// int8 = integer, float8 = real, numeric = integer or real by value.
const FunctionRow functionRows[] = {
    {"abs", "int8", "int8"},
    {"abs", "float8", "float8"},
    {"abs", "numeric", "numeric"},
    {"changes", "", "int8"},
    {"char", "variadic int8", "text"},
    {"coalesce", "anycompatible,variadic anycompatible", "anycompatible"},
    {"format", "text,variadic any", "text"},
    {"glob", "text,text", "bool"},
    {"hex", "any", "text"},
    {"ifnull", "anycompatible,anycompatible", "anycompatible"},
    {"iif", "bool,anycompatible,anycompatible", "anycompatible"},
    {"instr", "text,text", "int8"},
    {"last_insert_rowid", "", "int8"},
    {"length", "any", "int8"},
    // Not callable: the checker types `x LIKE p ESCAPE e` as LIKE over it.
    {"like_escape", "text,text", "text"},
    {"like", "text,text", "bool"},
    {"like", "text,text,text", "bool"},
    {"likelihood", "anyelement,float8", "anyelement"},
    {"likely", "anyelement", "anyelement"},
    {"lower", "text", "text"},
    {"ltrim", "text", "text"},
    {"ltrim", "text,text", "text"},
    {"max", "anycompatible,variadic anycompatible", "anycompatible"},
    {"min", "anycompatible,variadic anycompatible", "anycompatible"},
    {"nullif", "anycompatible,anycompatible", "anycompatible"},
    {"printf", "text,variadic any", "text"},
    {"quote", "any", "text"},
    {"random", "", "int8"},
    {"randomblob", "int8", "bytea"},
    {"replace", "text,text,text", "text"},
    {"round", "float8", "float8"},
    {"round", "float8,int8", "float8"},
    {"rtrim", "text", "text"},
    {"rtrim", "text,text", "text"},
    {"sign", "numeric", "int8"},
    {"soundex", "text", "text"},
    {"sqlite_version", "", "text"},
    {"substr", "text,int8", "text"},
    {"substr", "text,int8,int8", "text"},
    {"substring", "text,int8", "text"},
    {"substring", "text,int8,int8", "text"},
    {"total_changes", "", "int8"},
    {"trim", "text", "text"},
    {"trim", "text,text", "text"},
    {"typeof", "any", "text"},
    {"unicode", "text", "int8"},
    {"unlikely", "anyelement", "anyelement"},
    {"upper", "text", "text"},
    {"zeroblob", "int8", "bytea"},
    // Date and time: a time value, then modifiers; no argument means 'now'.
    {"date", "", "text"},
    {"date", "text", "text"},
    {"date", "text,variadic text", "text"},
    {"time", "", "text"},
    {"time", "text", "text"},
    {"time", "text,variadic text", "text"},
    {"datetime", "", "text"},
    {"current_date", "", "text"},
    {"current_time", "", "text"},
    {"current_timestamp", "", "text"},
    {"datetime", "text", "text"},
    {"datetime", "text,variadic text", "text"},
    {"julianday", "", "float8"},
    {"julianday", "text", "float8"},
    {"julianday", "text,variadic text", "float8"},
    {"unixepoch", "", "int8"},
    {"unixepoch", "text", "int8"},
    {"unixepoch", "text,variadic text", "int8"},
    {"strftime", "text", "text"},
    {"strftime", "text,text", "text"},
    {"strftime", "text,text,variadic text", "text"},
    // Math functions: real results, except as noted by typeof().
    {"acos", "float8", "float8"},
    {"asin", "float8", "float8"},
    {"atan", "float8", "float8"},
    {"atan2", "float8,float8", "float8"},
    {"ceil", "float8", "float8"},
    {"ceiling", "float8", "float8"},
    {"cos", "float8", "float8"},
    {"degrees", "float8", "float8"},
    {"exp", "float8", "float8"},
    {"floor", "float8", "float8"},
    {"ln", "float8", "float8"},
    {"log", "float8", "float8"},
    {"log", "float8,float8", "float8"},
    {"log10", "float8", "float8"},
    {"log2", "float8", "float8"},
    {"mod", "float8,float8", "float8"},
    {"pi", "", "float8"},
    {"pow", "float8,float8", "float8"},
    {"power", "float8,float8", "float8"},
    {"radians", "float8", "float8"},
    {"sin", "float8", "float8"},
    {"sqrt", "float8", "float8"},
    {"tan", "float8", "float8"},
    {"trunc", "float8", "float8"},
    // JSON1: json_extract's result depends on the document.
    {"json", "text", "text"},
    {"json_array", "variadic any", "text"},
    {"json_array_length", "text", "int8"},
    {"json_array_length", "text,text", "int8"},
    {"json_extract", "text,variadic text", "any"},
    {"json_insert", "text,variadic any", "text"},
    {"json_object", "variadic any", "text"},
    {"json_patch", "text,text", "text"},
    {"json_quote", "any", "text"},
    {"json_remove", "text,variadic text", "text"},
    {"json_replace", "text,variadic any", "text"},
    {"json_set", "text,variadic any", "text"},
    {"json_type", "text", "text"},
    {"json_type", "text,text", "text"},
    {"json_valid", "text", "int8"},
};

// Aggregates, for subqueries (an UPDATE's own SET may not aggregate).
const FunctionRow aggregateRows[] = {
    {"avg", "float8", "float8"},
    {"count", "", "int8"},
    {"count", "any", "int8"},
    {"group_concat", "text", "text"},
    {"group_concat", "text,text", "text"},
    {"max", "anyelement", "anyelement"},
    {"min", "anyelement", "anyelement"},
    {"sum", "int8", "int8"},
    {"sum", "float8", "float8"},
    {"sum", "numeric", "numeric"},
    {"total", "float8", "float8"},
};

const OperatorRow operatorRows[] = {
    {"+", "int8", "int8", "int8"},       {"+", "float8", "float8", "float8"},
    {"+", "numeric", "numeric", "numeric"},
    {"-", "int8", "int8", "int8"},       {"-", "float8", "float8", "float8"},
    {"-", "numeric", "numeric", "numeric"},
    {"*", "int8", "int8", "int8"},       {"*", "float8", "float8", "float8"},
    {"*", "numeric", "numeric", "numeric"},
    {"/", "int8", "int8", "int8"},       {"/", "float8", "float8", "float8"},
    {"/", "numeric", "numeric", "numeric"},
    {"%", "int8", "int8", "int8"},       {"%", "float8", "float8", "float8"},
    {"%", "numeric", "numeric", "numeric"},
    {"-", "", "int8", "int8"},           {"-", "", "float8", "float8"},
    {"-", "", "numeric", "numeric"},     {"+", "", "int8", "int8"},
    {"+", "", "float8", "float8"},       {"+", "", "numeric", "numeric"},
    {"~", "", "int8", "int8"},           {"&", "int8", "int8", "int8"},
    {"|", "int8", "int8", "int8"},       {"<<", "int8", "int8", "int8"},
    {">>", "int8", "int8", "int8"},      {"||", "text", "text", "text"},
    {"~~", "text", "text", "bool"},      {"!~~", "text", "text", "bool"},
    {"->", "text", "text", "text"},      {"->>", "text", "text", "any"},
};

/// Comparable storage classes: every comparison operator over each.
const char *comparable[] = {"int8",   "float8", "numeric", "text",     "bytea",
                            "bool",   "date",   "timestamp"};

const SignatureTable &table() {
  static const SignatureTable t = [] {
    SignatureTable t;
    t.addFunctions(functionRows);
    t.addFunctions(aggregateRows, /*aggregate=*/true);
    t.addOperators(operatorRows);
    t.addComparisons(comparable);
    return t;
  }();
  return t;
}

} // namespace

llvm::ArrayRef<Signature> SqliteCatalog::lookupFunction(llvm::StringRef fn) const {
  return table().function(fn);
}

llvm::ArrayRef<Signature> SqliteCatalog::lookupOperator(llvm::StringRef op, bool prefix) const {
  return table().op(op, prefix);
}
