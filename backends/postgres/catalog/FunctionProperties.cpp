//===- FunctionProperties.cpp - one table of function properties ----------===//
//
// Volatility and strictness are pg_proc's (provolatile, proisstrict) on
// PostgreSQL 15, read with
//   select proname, string_agg(distinct provolatile::text, ''), bool_or(proisstrict)
//   from pg_proc where pronamespace = 'pg_catalog'::regnamespace and proname in (...)
//   group by 1
// for every function of Functions.cpp, the volatile functions
// migrations call (sequences, uuid-ossp, session and lock functions) and the
// SQL forms coalesce/greatest/least/nullif. A name with volatilities "is"
// (date_part, length ...) has both kinds of overloads: the row keeps the
// worse one only when it matters for a second run (age(x) reads the date).
// Edit the table, not the code, to add a function.
//
//===----------------------------------------------------------------------===//

#include "backends/postgres/catalog/CatalogTables.h"

#include "llvm/ADT/StringMap.h"

using namespace shc;

namespace {

struct Row {
  const char *name;
  int arity; ///< -1: any number of arguments
  char volatility; ///< 'i', 's' or 'v' as in pg_proc
  /// 'r' runVarying, 'e' outsideEffects, 'n' nullPreserving.
  const char *flags;
  AlgebraRole role;
};

using R = AlgebraRole;

const Row rows[] = {
    // The idempotency algebra's normalisers and clamps.
    {"lower", -1, 'i', "n", R::Lower},
    {"upper", -1, 'i', "n", R::Upper},
    {"initcap", -1, 'i', "n", R::Initcap},
    {"btrim", -1, 'i', "n", R::Trim},
    {"ltrim", -1, 'i', "n", R::Trim},
    {"rtrim", -1, 'i', "n", R::Trim},
    {"replace", -1, 'i', "n", R::Replace},
    {"regexp_replace", -1, 'i', "n", R::RegexpReplace},
    {"coalesce", -1, 'i', "", R::Coalesce},
    {"nullif", -1, 'i', "", R::Nullif},
    {"greatest", -1, 'i', "", R::Greatest},
    {"least", -1, 'i', "", R::Least},
    {"round", -1, 'i', "n", R::Round},
    {"trunc", -1, 'i', "n", R::Round},
    {"floor", -1, 'i', "n", R::Floor},
    {"ceil", -1, 'i', "n", R::Ceil},
    {"ceiling", -1, 'i', "n", R::Ceil},
    {"abs", -1, 'i', "n", R::Abs},
    {"date_trunc", -1, 's', "n", R::DateTrunc},
    {"left", -1, 'i', "n", R::Prefix},
    {"substring", -1, 'i', "n", R::Prefix},
    {"substr", -1, 'i', "n", R::Prefix},
    {"md5", -1, 'i', "n", R::NeverIdempotent},
    {"sha256", -1, 'i', "n", R::NeverIdempotent},
    {"reverse", -1, 'i', "n", R::NeverIdempotent},
    // Another value on every run.
    {"now", -1, 's', "rn", R::None},
    {"current_timestamp", -1, 's', "rn", R::None},
    {"current_date", -1, 's', "rn", R::None},
    {"current_time", -1, 's', "rn", R::None},
    {"localtime", -1, 's', "rn", R::None},
    {"localtimestamp", -1, 's', "rn", R::None},
    {"statement_timestamp", -1, 's', "rn", R::None},
    {"transaction_timestamp", -1, 's', "rn", R::None},
    {"clock_timestamp", -1, 'v', "rn", R::None},
    {"timeofday", -1, 'v', "rn", R::None},
    {"age", 1, 's', "rn", R::None}, // age(x) is age(current_date, x)
    {"age", -1, 'i', "n", R::None},
    {"random", -1, 'v', "rn", R::None},
    {"random_normal", -1, 'v', "rn", R::None},
    {"gen_random_uuid", -1, 'v', "rn", R::None},
    {"uuid_generate_v1", -1, 'v', "rn", R::None},
    {"uuid_generate_v1mc", -1, 'v', "rn", R::None},
    {"uuid_generate_v4", -1, 'v', "rn", R::None},
    {"setseed", -1, 'v', "re", R::None},
    {"nextval", -1, 'v', "ren", R::None},
    {"setval", -1, 'v', "ren", R::None},
    {"currval", -1, 'v', "rn", R::None},
    {"lastval", -1, 'v', "rn", R::None},
    {"txid_current", -1, 's', "ren", R::None},
    {"txid_current_if_assigned", -1, 's', "r", R::None},
    {"pg_current_xact_id", -1, 's', "ren", R::None},
    {"pg_current_xact_id_if_assigned", -1, 's', "r", R::None},
    {"pg_backend_pid", -1, 's', "rn", R::None},
    // State outside the tables.
    {"set_config", -1, 'v', "e", R::None},
    {"pg_notify", -1, 'v', "e", R::None},
    {"lo_import", -1, 'v', "ren", R::None},
    {"lo_unlink", -1, 'v', "en", R::None},
    {"pg_terminate_backend", -1, 'v', "en", R::None},
    {"pg_cancel_backend", -1, 'v', "en", R::None},
    {"pg_sleep", -1, 'v', "e", R::None},
    {"pg_advisory_lock", -1, 'v', "e", R::None},
    {"pg_advisory_xact_lock", -1, 'v', "e", R::None},
    {"pg_advisory_unlock", -1, 'v', "e", R::None},
    {"pg_try_advisory_lock", -1, 'v', "ern", R::None},
    {"pg_try_advisory_xact_lock", -1, 'v', "ern", R::None},
    {"pg_advisory_lock_shared", -1, 'v', "e", R::None},
    {"pg_advisory_xact_lock_shared", -1, 'v', "e", R::None},
    {"pg_advisory_unlock_shared", -1, 'v', "e", R::None},
    {"pg_advisory_unlock_all", -1, 'v', "e", R::None},
    {"pg_try_advisory_lock_shared", -1, 'v', "ern", R::None},
    {"pg_try_advisory_xact_lock_shared", -1, 'v', "ern", R::None},
    // The rest of the built-in catalogue: deterministic. Stable ones read
    // settings (DateStyle, TimeZone, lc_*), which a second run shares.
    {"array_append", -1, 'i', "", R::None},
    {"array_cat", -1, 'i', "", R::None},
    {"array_length", -1, 'i', "", R::None},
    {"array_position", -1, 'i', "", R::None},
    {"array_prepend", -1, 'i', "", R::None},
    {"array_to_string", -1, 's', "", R::None},
    {"ascii", -1, 'i', "n", R::None},
    {"avg", -1, 'i', "", R::None},
    {"bit_length", -1, 'i', "n", R::None},
    {"bool_and", -1, 'i', "", R::None},
    {"bool_or", -1, 'i', "", R::None},
    {"cardinality", -1, 'i', "n", R::None},
    {"cbrt", -1, 'i', "n", R::None},
    {"char_length", -1, 'i', "n", R::None},
    {"character_length", -1, 'i', "n", R::None},
    {"chr", -1, 'i', "n", R::None},
    {"concat", -1, 's', "", R::None},
    {"concat_ws", -1, 's', "", R::None},
    {"count", -1, 'i', "", R::None},
    {"current_setting", -1, 's', "", R::None},
    {"date_part", -1, 's', "n", R::None},
    {"decode", -1, 'i', "n", R::None},
    {"degrees", -1, 'i', "n", R::None},
    {"div", -1, 'i', "n", R::None},
    {"encode", -1, 'i', "n", R::None},
    {"every", -1, 'i', "", R::None},
    {"exp", -1, 'i', "n", R::None},
    {"extract", -1, 's', "n", R::None},
    {"family", -1, 'i', "n", R::None},
    {"format", -1, 's', "", R::None},
    {"host", -1, 'i', "n", R::None},
    {"isfinite", -1, 'i', "n", R::None},
    {"json_array_length", -1, 'i', "n", R::None},
    {"json_build_object", -1, 's', "", R::None},
    {"json_extract_path_text", -1, 'i', "", R::None},
    {"json_typeof", -1, 'i', "n", R::None},
    {"jsonb_array_length", -1, 'i', "n", R::None},
    {"jsonb_build_object", -1, 's', "", R::None},
    {"jsonb_extract_path_text", -1, 'i', "", R::None},
    {"jsonb_pretty", -1, 'i', "n", R::None},
    {"jsonb_set", -1, 'i', "", R::None},
    {"jsonb_strip_nulls", -1, 'i', "n", R::None},
    {"jsonb_typeof", -1, 'i', "n", R::None},
    {"justify_days", -1, 'i', "n", R::None},
    {"justify_hours", -1, 'i', "n", R::None},
    {"justify_interval", -1, 'i', "n", R::None},
    {"length", -1, 's', "n", R::None},
    {"like_escape", -1, 'i', "n", R::None},
    {"ln", -1, 'i', "n", R::None},
    {"log", -1, 'i', "n", R::None},
    {"log10", -1, 'i', "n", R::None},
    {"lpad", -1, 'i', "n", R::None},
    {"make_date", -1, 'i', "n", R::None},
    {"make_interval", -1, 'i', "n", R::None},
    {"make_time", -1, 'i', "n", R::None},
    {"make_timestamp", -1, 'i', "n", R::None},
    {"make_timestamptz", -1, 's', "n", R::None},
    {"masklen", -1, 'i', "n", R::None},
    {"max", -1, 'i', "", R::None},
    {"min", -1, 'i', "", R::None},
    {"mod", -1, 'i', "n", R::None},
    {"num_nonnulls", -1, 'i', "", R::None},
    {"num_nulls", -1, 'i', "", R::None},
    {"octet_length", -1, 'i', "n", R::None},
    {"pi", -1, 'i', "n", R::None},
    {"position", -1, 'i', "n", R::None},
    {"pow", -1, 'i', "n", R::None},
    {"power", -1, 'i', "n", R::None},
    {"quote_ident", -1, 'i', "n", R::None},
    {"quote_literal", -1, 's', "n", R::None},
    {"quote_nullable", -1, 's', "", R::None},
    {"radians", -1, 'i', "n", R::None},
    {"regexp_match", -1, 'i', "", R::None},
    {"repeat", -1, 'i', "n", R::None},
    {"right", -1, 'i', "n", R::None},
    {"rpad", -1, 'i', "n", R::None},
    {"sign", -1, 'i', "n", R::None},
    {"split_part", -1, 'i', "n", R::None},
    {"sqrt", -1, 'i', "n", R::None},
    {"starts_with", -1, 'i', "n", R::None},
    {"string_agg", -1, 'i', "", R::None},
    {"string_to_array", -1, 'i', "", R::None},
    {"strpos", -1, 'i', "n", R::None},
    {"sum", -1, 'i', "", R::None},
    {"timezone", -1, 's', "n", R::None},
    {"to_char", -1, 's', "n", R::None},
    {"to_date", -1, 's', "n", R::None},
    {"to_hex", -1, 'i', "n", R::None},
    {"to_json", -1, 's', "n", R::None},
    {"to_jsonb", -1, 's', "n", R::None},
    {"to_number", -1, 's', "n", R::None},
    {"to_timestamp", -1, 's', "n", R::None},
    {"translate", -1, 'i', "n", R::None},
    {"width_bucket", -1, 'i', "n", R::None},
    // SQL value functions without parentheses that do not vary.
    {"current_user", -1, 's', "n", R::None},
    {"current_role", -1, 's', "n", R::None},
    {"session_user", -1, 's', "n", R::None},
    {"user", -1, 's', "n", R::None},
    {"current_catalog", -1, 's', "n", R::None},
    {"current_schema", -1, 's', "n", R::None},
};

FunctionProperties fromRow(const Row &r) {
  FunctionProperties p;
  p.known = true;
  p.volatility = r.volatility == 'i'   ? Volatility::Immutable
                 : r.volatility == 's' ? Volatility::Stable
                                       : Volatility::Volatile;
  llvm::StringRef flags(r.flags);
  p.runVarying = flags.contains('r');
  p.outsideEffects = flags.contains('e');
  p.nullPreserving = flags.contains('n');
  p.role = r.role;
  return p;
}

/// A name's rows: the one for any arity, and at most one for a given arity.
struct Entry {
  FunctionProperties any;
  int arity = -2; ///< an arity with its own row, or -2
  FunctionProperties atArity;
};

const llvm::StringMap<Entry> &index() {
  static const llvm::StringMap<Entry> map = [] {
    llvm::StringMap<Entry> m;
    for (const Row &r : rows) {
      Entry &e = m[r.name];
      if (r.arity < 0) {
        e.any = fromRow(r);
      } else {
        e.arity = r.arity;
        e.atArity = fromRow(r);
      }
    }
    return m;
  }();
  return map;
}

} // namespace

const FunctionProperties &shc::pg::functionProperties(llvm::StringRef name, size_t numArgs) {
  static const FunctionProperties unknown;
  const auto &m = index();
  auto it = m.find(name);
  if (it == m.end())
    return unknown;
  const Entry &e = it->second;
  if (e.arity >= 0 && static_cast<size_t>(e.arity) == numArgs)
    return e.atArity;
  return e.any.known ? e.any : unknown;
}
