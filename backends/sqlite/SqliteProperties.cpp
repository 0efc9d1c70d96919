//===- SqliteProperties.cpp - what the analyses know of SQLite's functions ===//
//
// Volatility from SQLite's function flags (SQLITE_DETERMINISTIC is missing
// on random, randomblob, changes, total_changes, last_insert_rowid, and the
// date and time functions read the clock when asked for 'now'); NULL
// handling from lang_corefunc.html; roles in the idempotency algebra for the
// functions that behave as their PostgreSQL namesakes do (lower and upper
// fold ASCII only, which keeps them idempotent). Edit the table to add one.
//
//===----------------------------------------------------------------------===//

#include "backends/common/SignatureTable.h"
#include "backends/sqlite/SqliteCatalog.h"

using namespace shc;

namespace {

using R = AlgebraRole;

const PropertyRow rows[] = {
    {"lower", 'i', "n", R::Lower},
    {"upper", 'i', "n", R::Upper},
    {"trim", 'i', "n", R::Trim},
    {"ltrim", 'i', "n", R::Trim},
    {"rtrim", 'i', "n", R::Trim},
    {"replace", 'i', "n", R::Replace},
    {"coalesce", 'i', "", R::Coalesce},
    {"ifnull", 'i', "", R::Coalesce},
    {"nullif", 'i', "", R::Nullif},
    {"max", 'i', "", R::Greatest},
    {"min", 'i', "", R::Least},
    {"round", 'i', "n", R::Round},
    {"trunc", 'i', "n", R::Round},
    {"floor", 'i', "n", R::Floor},
    {"ceil", 'i', "n", R::Ceil},
    {"ceiling", 'i', "n", R::Ceil},
    {"abs", 'i', "n", R::Abs},
    {"substr", 'i', "n", R::Prefix},
    {"substring", 'i', "n", R::Prefix},
    {"hex", 'i', "", R::NeverIdempotent},
    {"quote", 'i', "", R::NeverIdempotent},
    {"json_quote", 'i', "", R::NeverIdempotent},
    {"char", 'i', "", R::None},
    {"format", 'i', "", R::None},
    {"printf", 'i', "", R::None},
    {"glob", 'i', "n", R::None},
    {"like", 'i', "n", R::None},
    {"iif", 'i', "", R::None},
    {"instr", 'i', "n", R::None},
    {"length", 'i', "n", R::None},
    {"likelihood", 'i', "", R::None},
    {"likely", 'i', "", R::None},
    {"unlikely", 'i', "", R::None},
    {"sign", 'i', "n", R::None},
    {"soundex", 'i', "", R::None},
    {"typeof", 'i', "", R::None},
    {"unicode", 'i', "n", R::None},
    {"zeroblob", 'i', "n", R::None},
    {"sqlite_version", 'i', "", R::None},
    {"random", 'v', "r", R::None},
    {"randomblob", 'v', "r", R::None},
    {"changes", 'v', "r", R::None},
    {"total_changes", 'v', "r", R::None},
    {"last_insert_rowid", 'v', "r", R::None},
    {"date", 'v', "r", R::None},
    {"time", 'v', "r", R::None},
    {"datetime", 'v', "r", R::None},
    {"julianday", 'v', "r", R::None},
    {"unixepoch", 'v', "r", R::None},
    {"strftime", 'v', "r", R::None},
    {"current_date", 'v', "r", R::None},
    {"current_time", 'v', "r", R::None},
    {"current_timestamp", 'v', "r", R::None},
    {"like_escape", 'i', "n", R::None},
};

const char *deterministicMath[] = {"acos", "asin", "atan", "atan2", "cos", "degrees", "exp",
                                   "ln", "log", "log10", "log2", "mod", "pi", "pow", "power",
                                   "radians", "sin", "sqrt", "tan"};
const char *deterministicJson[] = {"json", "json_array", "json_array_length", "json_extract",
                                   "json_insert", "json_object", "json_patch", "json_remove",
                                   "json_replace", "json_set", "json_type", "json_valid"};

} // namespace

const FunctionProperties &SqliteCatalog::functionProperties(llvm::StringRef fn, size_t) const {
  static const PropertyTable table = [] {
    PropertyTable t;
    t.add(rows);
    t.addAll(deterministicMath, 'i', "n");
    t.addAll(deterministicJson, 'i', "");
    return t;
  }();
  return table.lookup(fn);
}
