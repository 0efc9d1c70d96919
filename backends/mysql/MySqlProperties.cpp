//===- MySqlProperties.cpp - what the analyses know of MariaDB's functions ===//
//
// Volatility from MariaDB's manual: the clock functions (NOW, CURDATE,
// UNIX_TIMESTAMP() ...), RAND and UUID give another value on another run;
// SYSDATE even within one statement. NULL handling: most functions return
// NULL for a NULL argument; CONCAT does too (unlike PostgreSQL's), while
// CONCAT_WS skips NULLs. Roles in the idempotency algebra for the functions
// that behave as their PostgreSQL namesakes (LOWER and UPPER fold by the
// collation, which is still idempotent). Edit the table to add one.
//
//===----------------------------------------------------------------------===//

#include "backends/common/SignatureTable.h"
#include "backends/mysql/MySqlCatalog.h"

using namespace shc;

namespace {

using R = AlgebraRole;

const PropertyRow rows[] = {
    {"lower", 'i', "n", R::Lower},
    {"lcase", 'i', "n", R::Lower},
    {"upper", 'i', "n", R::Upper},
    {"ucase", 'i', "n", R::Upper},
    {"trim", 'i', "n", R::Trim},
    {"btrim", 'i', "n", R::Trim},
    {"ltrim", 'i', "n", R::Trim},
    {"rtrim", 'i', "n", R::Trim},
    {"replace", 'i', "n", R::Replace},
    {"coalesce", 'i', "", R::Coalesce},
    {"ifnull", 'i', "", R::Coalesce},
    {"nullif", 'i', "", R::Nullif},
    {"greatest", 'i', "n", R::Greatest}, // NULL if any argument is NULL
    {"least", 'i', "n", R::Least},
    {"round", 'i', "n", R::Round},
    {"truncate", 'i', "n", R::Round},
    {"floor", 'i', "n", R::Floor},
    {"ceil", 'i', "n", R::Ceil},
    {"ceiling", 'i', "n", R::Ceil},
    {"abs", 'i', "n", R::Abs},
    {"left", 'i', "n", R::Prefix},
    {"substring", 'i', "n", R::Prefix},
    {"substr", 'i', "n", R::Prefix},
    {"md5", 'i', "n", R::NeverIdempotent},
    {"sha1", 'i', "n", R::NeverIdempotent},
    {"sha2", 'i', "", R::NeverIdempotent},
    {"reverse", 'i', "n", R::NeverIdempotent},
    {"hex", 'i', "n", R::NeverIdempotent},
    {"quote", 'i', "", R::NeverIdempotent},
    {"to_base64", 'i', "n", R::NeverIdempotent},
    {"concat", 'i', "n", R::None},
    {"concat_ws", 'i', "", R::None},
    {"if", 'i', "", R::None},
    {"rand", 'v', "r", R::None},
    {"uuid", 'v', "r", R::None},
    {"sysdate", 'v', "r", R::None},
    {"now", 's', "r", R::None},
    {"current_timestamp", 's', "r", R::None},
    {"utc_timestamp", 's', "r", R::None},
    {"curdate", 's', "r", R::None},
    {"current_date", 's', "r", R::None},
    {"utc_date", 's', "r", R::None},
    {"curtime", 's', "r", R::None},
    {"unix_timestamp", 's', "r", R::None}, // with an argument it reads the session zone
    {"from_unixtime", 's', "n", R::None},
    {"convert_tz", 's', "", R::None},     // NULL for an unknown zone
    {"str_to_date", 'i', "", R::None},    // NULL for text not in the format
    {"json_extract", 'i', "", R::None},
    {"json_value", 'i', "", R::None},
    {"regexp_substr", 'i', "", R::None},
};

// Deterministic and NULL for a NULL argument, with no algebra role.
const char *plain[] = {
    "sqrt", "exp", "ln", "log", "log2", "log10", "pow", "power", "sign", "mod", "crc32", "conv",
    "length", "char_length", "character_length", "octet_length", "locate", "instr", "position",
    "lpad", "rpad", "repeat", "space", "insert", "substring_index", "right", "unhex",
    "from_base64", "format", "ascii", "ord", "soundex", "strcmp", "regexp_replace",
    "regexp_instr", "date", "time", "year", "month", "day", "dayofmonth", "dayofweek",
    "dayofyear", "weekday", "week", "quarter", "hour", "minute", "second", "microsecond",
    "last_day", "datediff", "date_add", "date_sub", "adddate", "subdate", "date_format",
    "makedate", "maketime", "sec_to_time", "time_to_sec", "to_days", "from_days", "timediff",
    "extract", "interval", "json_unquote", "json_set", "json_insert", "json_replace",
    "json_remove", "json_valid", "json_contains", "json_length", "json_type", "json_keys",
    "json_merge_patch", "json_quote"};
// Deterministic, with NULL arguments allowed.
const char *nullTolerant[] = {"pi", "field", "find_in_set", "elt", "json_object", "json_array"};

} // namespace

const FunctionProperties &MySqlCatalog::functionProperties(llvm::StringRef fn, size_t) const {
  static const PropertyTable table = [] {
    PropertyTable t;
    t.addAll(plain, 'i', "n");
    t.addAll(nullTolerant, 'i', "");
    t.add(rows);
    return t;
  }();
  return table.lookup(fn);
}
