//===- FunctionCatalog.cpp - pg_proc rows for the modelled types -----------===//
//
// Generated once from a PostgreSQL 15 server with
//   select proname, proargtypes, prorettype, prokind = 'a', pronargdefaults
//   from pg_proc where proname in (...) and pronamespace = 'pg_catalog'
// keeping only overloads whose parameter and result types are modelled (plus
// the polymorphic pseudo-types). Set-returning functions are left out: they
// are not allowed in UPDATE. Edit the table, not the code, to add a function.
//
//===----------------------------------------------------------------------===//

#include "backends/postgres/catalog/CatalogTables.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"

#include <functional>
#include <vector>

using namespace shc;

namespace {

struct FunctionRow {
  const char *name;
  const char *params; ///< comma-separated; "variadic " marks the last one
  const char *result;
  bool aggregate;
  unsigned defaults;
};

const FunctionRow functionRows[] = {
    {"abs", "float4", "float4", false, 0},
    {"abs", "float8", "float8", false, 0},
    {"abs", "int2", "int2", false, 0},
    {"abs", "int4", "int4", false, 0},
    {"abs", "int8", "int8", false, 0},
    {"abs", "numeric", "numeric", false, 0},
    {"age", "timestamp", "interval", false, 0},
    {"age", "timestamp,timestamp", "interval", false, 0},
    {"age", "timestamptz", "interval", false, 0},
    {"age", "timestamptz,timestamptz", "interval", false, 0},
    {"age", "xid", "int4", false, 0}, // makes age('...') ambiguous, as in PostgreSQL
    {"array_append", "anycompatiblearray,anycompatible", "anycompatiblearray", false, 0},
    {"array_cat", "anycompatiblearray,anycompatiblearray", "anycompatiblearray", false, 0},
    {"array_length", "anyarray,int4", "int4", false, 0},
    {"array_position", "anycompatiblearray,anycompatible", "int4", false, 0},
    {"array_position", "anycompatiblearray,anycompatible,int4", "int4", false, 0},
    {"array_prepend", "anycompatible,anycompatiblearray", "anycompatiblearray", false, 0},
    {"array_to_string", "anyarray,text", "text", false, 0},
    {"array_to_string", "anyarray,text,text", "text", false, 0},
    {"ascii", "text", "int4", false, 0},
    {"avg", "float4", "float8", true, 0},
    {"avg", "float8", "float8", true, 0},
    {"avg", "int2", "numeric", true, 0},
    {"avg", "int4", "numeric", true, 0},
    {"avg", "int8", "numeric", true, 0},
    {"avg", "interval", "interval", true, 0},
    {"avg", "numeric", "numeric", true, 0},
    {"bit_length", "bytea", "int4", false, 0},
    {"bit_length", "text", "int4", false, 0},
    {"bool_and", "bool", "bool", true, 0},
    {"bool_or", "bool", "bool", true, 0},
    {"btrim", "bytea,bytea", "bytea", false, 0},
    {"btrim", "text", "text", false, 0},
    {"btrim", "text,text", "text", false, 0},
    {"cardinality", "anyarray", "int4", false, 0},
    {"cbrt", "float8", "float8", false, 0},
    {"ceil", "float8", "float8", false, 0},
    {"ceil", "numeric", "numeric", false, 0},
    {"ceiling", "float8", "float8", false, 0},
    {"ceiling", "numeric", "numeric", false, 0},
    {"char_length", "bpchar", "int4", false, 0},
    {"char_length", "text", "int4", false, 0},
    {"character_length", "bpchar", "int4", false, 0},
    {"character_length", "text", "int4", false, 0},
    {"chr", "int4", "text", false, 0},
    {"clock_timestamp", "", "timestamptz", false, 0},
    {"concat", "variadic any", "text", false, 0},
    {"concat_ws", "text,variadic any", "text", false, 0},
    {"count", "", "int8", true, 0},
    {"count", "any", "int8", true, 0},
    {"date_part", "text,date", "float8", false, 0},
    {"date_part", "text,interval", "float8", false, 0},
    {"date_part", "text,time", "float8", false, 0},
    {"date_part", "text,timestamp", "float8", false, 0},
    {"date_part", "text,timestamptz", "float8", false, 0},
    {"date_part", "text,timetz", "float8", false, 0},
    {"date_trunc", "text,interval", "interval", false, 0},
    {"date_trunc", "text,timestamp", "timestamp", false, 0},
    {"date_trunc", "text,timestamptz", "timestamptz", false, 0},
    {"date_trunc", "text,timestamptz,text", "timestamptz", false, 0},
    {"decode", "text,text", "bytea", false, 0},
    {"degrees", "float8", "float8", false, 0},
    {"div", "numeric,numeric", "numeric", false, 0},
    {"encode", "bytea,text", "text", false, 0},
    {"every", "bool", "bool", true, 0},
    {"exp", "float8", "float8", false, 0},
    {"exp", "numeric", "numeric", false, 0},
    {"extract", "text,date", "numeric", false, 0},
    {"extract", "text,interval", "numeric", false, 0},
    {"extract", "text,time", "numeric", false, 0},
    {"extract", "text,timestamp", "numeric", false, 0},
    {"extract", "text,timestamptz", "numeric", false, 0},
    {"extract", "text,timetz", "numeric", false, 0},
    {"family", "inet", "int4", false, 0},
    {"floor", "float8", "float8", false, 0},
    {"floor", "numeric", "numeric", false, 0},
    {"format", "text", "text", false, 0},
    {"format", "text,variadic any", "text", false, 0},
    {"gen_random_uuid", "", "uuid", false, 0},
    {"host", "inet", "text", false, 0},
    {"initcap", "text", "text", false, 0},
    {"isfinite", "date", "bool", false, 0},
    {"isfinite", "interval", "bool", false, 0},
    {"isfinite", "timestamp", "bool", false, 0},
    {"isfinite", "timestamptz", "bool", false, 0},
    {"json_array_length", "json", "int4", false, 0},
    {"json_build_object", "", "json", false, 0},
    {"json_build_object", "variadic any", "json", false, 0},
    {"json_extract_path_text", "json,variadic _text", "text", false, 0},
    {"json_typeof", "json", "text", false, 0},
    {"jsonb_array_length", "jsonb", "int4", false, 0},
    {"jsonb_build_object", "", "jsonb", false, 0},
    {"jsonb_build_object", "variadic any", "jsonb", false, 0},
    {"jsonb_extract_path_text", "jsonb,variadic _text", "text", false, 0},
    {"jsonb_pretty", "jsonb", "text", false, 0},
    {"jsonb_set", "jsonb,_text,jsonb,bool", "jsonb", false, 1},
    {"jsonb_strip_nulls", "jsonb", "jsonb", false, 0},
    {"jsonb_typeof", "jsonb", "text", false, 0},
    {"justify_days", "interval", "interval", false, 0},
    {"justify_hours", "interval", "interval", false, 0},
    {"justify_interval", "interval", "interval", false, 0},
    {"left", "text,int4", "text", false, 0},
    {"length", "bpchar", "int4", false, 0},
    {"length", "bytea", "int4", false, 0},
    {"length", "text", "int4", false, 0},
    {"like_escape", "bytea,bytea", "bytea", false, 0},
    {"like_escape", "text,text", "text", false, 0},
    {"ln", "float8", "float8", false, 0},
    {"ln", "numeric", "numeric", false, 0},
    {"log", "float8", "float8", false, 0},
    {"log", "numeric", "numeric", false, 0},
    {"log", "numeric,numeric", "numeric", false, 0},
    {"log10", "float8", "float8", false, 0},
    {"log10", "numeric", "numeric", false, 0},
    {"lower", "text", "text", false, 0},
    {"lpad", "text,int4", "text", false, 0},
    {"lpad", "text,int4,text", "text", false, 0},
    {"ltrim", "bytea,bytea", "bytea", false, 0},
    {"ltrim", "text", "text", false, 0},
    {"ltrim", "text,text", "text", false, 0},
    {"make_date", "int4,int4,int4", "date", false, 0},
    {"make_interval", "int4,int4,int4,int4,int4,int4,float8", "interval", false, 7},
    {"make_time", "int4,int4,float8", "time", false, 0},
    {"make_timestamp", "int4,int4,int4,int4,int4,float8", "timestamp", false, 0},
    {"make_timestamptz", "int4,int4,int4,int4,int4,float8", "timestamptz", false, 0},
    {"make_timestamptz", "int4,int4,int4,int4,int4,float8,text", "timestamptz", false, 0},
    {"masklen", "inet", "int4", false, 0},
    {"max", "anyarray", "anyarray", true, 0},
    {"max", "bpchar", "bpchar", true, 0},
    {"max", "date", "date", true, 0},
    {"max", "float4", "float4", true, 0},
    {"max", "float8", "float8", true, 0},
    {"max", "inet", "inet", true, 0},
    {"max", "int2", "int2", true, 0},
    {"max", "int4", "int4", true, 0},
    {"max", "int8", "int8", true, 0},
    {"max", "interval", "interval", true, 0},
    {"max", "numeric", "numeric", true, 0},
    {"max", "text", "text", true, 0},
    {"max", "time", "time", true, 0},
    {"max", "timestamp", "timestamp", true, 0},
    {"max", "timestamptz", "timestamptz", true, 0},
    {"max", "timetz", "timetz", true, 0},
    {"md5", "bytea", "text", false, 0},
    {"md5", "text", "text", false, 0},
    {"min", "anyarray", "anyarray", true, 0},
    {"min", "bpchar", "bpchar", true, 0},
    {"min", "date", "date", true, 0},
    {"min", "float4", "float4", true, 0},
    {"min", "float8", "float8", true, 0},
    {"min", "inet", "inet", true, 0},
    {"min", "int2", "int2", true, 0},
    {"min", "int4", "int4", true, 0},
    {"min", "int8", "int8", true, 0},
    {"min", "interval", "interval", true, 0},
    {"min", "numeric", "numeric", true, 0},
    {"min", "text", "text", true, 0},
    {"min", "time", "time", true, 0},
    {"min", "timestamp", "timestamp", true, 0},
    {"min", "timestamptz", "timestamptz", true, 0},
    {"min", "timetz", "timetz", true, 0},
    {"mod", "int2,int2", "int2", false, 0},
    {"mod", "int4,int4", "int4", false, 0},
    {"mod", "int8,int8", "int8", false, 0},
    {"mod", "numeric,numeric", "numeric", false, 0},
    {"now", "", "timestamptz", false, 0},
    {"num_nonnulls", "variadic any", "int4", false, 0},
    {"num_nulls", "variadic any", "int4", false, 0},
    {"octet_length", "bpchar", "int4", false, 0},
    {"octet_length", "bytea", "int4", false, 0},
    {"octet_length", "text", "int4", false, 0},
    {"pi", "", "float8", false, 0},
    {"position", "bytea,bytea", "int4", false, 0},
    {"position", "text,text", "int4", false, 0},
    {"pow", "float8,float8", "float8", false, 0},
    {"pow", "numeric,numeric", "numeric", false, 0},
    {"power", "float8,float8", "float8", false, 0},
    {"power", "numeric,numeric", "numeric", false, 0},
    {"quote_ident", "text", "text", false, 0},
    {"quote_literal", "anyelement", "text", false, 0},
    {"quote_literal", "text", "text", false, 0},
    {"quote_nullable", "anyelement", "text", false, 0},
    {"quote_nullable", "text", "text", false, 0},
    {"radians", "float8", "float8", false, 0},
    {"random", "", "float8", false, 0},
    {"regexp_match", "text,text", "_text", false, 0},
    {"regexp_match", "text,text,text", "_text", false, 0},
    {"regexp_replace", "text,text,text", "text", false, 0},
    {"regexp_replace", "text,text,text,int4", "text", false, 0},
    {"regexp_replace", "text,text,text,int4,int4", "text", false, 0},
    {"regexp_replace", "text,text,text,int4,int4,text", "text", false, 0},
    {"regexp_replace", "text,text,text,text", "text", false, 0},
    {"repeat", "text,int4", "text", false, 0},
    {"replace", "text,text,text", "text", false, 0},
    {"reverse", "text", "text", false, 0},
    {"right", "text,int4", "text", false, 0},
    {"round", "float8", "float8", false, 0},
    {"round", "numeric", "numeric", false, 0},
    {"round", "numeric,int4", "numeric", false, 0},
    {"rpad", "text,int4", "text", false, 0},
    {"rpad", "text,int4,text", "text", false, 0},
    {"rtrim", "bytea,bytea", "bytea", false, 0},
    {"rtrim", "text", "text", false, 0},
    {"rtrim", "text,text", "text", false, 0},
    {"sha256", "bytea", "bytea", false, 0},
    {"sign", "float8", "float8", false, 0},
    {"sign", "numeric", "numeric", false, 0},
    {"split_part", "text,text,int4", "text", false, 0},
    {"sqrt", "float8", "float8", false, 0},
    {"sqrt", "numeric", "numeric", false, 0},
    {"starts_with", "text,text", "bool", false, 0},
    {"statement_timestamp", "", "timestamptz", false, 0},
    {"string_agg", "bytea,bytea", "bytea", true, 0},
    {"string_agg", "text,text", "text", true, 0},
    {"string_to_array", "text,text", "_text", false, 0},
    {"string_to_array", "text,text,text", "_text", false, 0},
    {"strpos", "text,text", "int4", false, 0},
    {"substr", "bytea,int4", "bytea", false, 0},
    {"substr", "bytea,int4,int4", "bytea", false, 0},
    {"substr", "text,int4", "text", false, 0},
    {"substr", "text,int4,int4", "text", false, 0},
    {"substring", "bytea,int4", "bytea", false, 0},
    {"substring", "bytea,int4,int4", "bytea", false, 0},
    {"substring", "text,int4", "text", false, 0},
    {"substring", "text,int4,int4", "text", false, 0},
    {"substring", "text,text", "text", false, 0},
    {"substring", "text,text,text", "text", false, 0},
    {"sum", "float4", "float4", true, 0},
    {"sum", "float8", "float8", true, 0},
    {"sum", "int2", "int8", true, 0},
    {"sum", "int4", "int8", true, 0},
    {"sum", "int8", "numeric", true, 0},
    {"sum", "interval", "interval", true, 0},
    {"sum", "numeric", "numeric", true, 0},
    {"timeofday", "", "text", false, 0},
    {"timezone", "interval,timestamp", "timestamptz", false, 0},
    {"timezone", "interval,timestamptz", "timestamp", false, 0},
    {"timezone", "interval,timetz", "timetz", false, 0},
    {"timezone", "text,timestamp", "timestamptz", false, 0},
    {"timezone", "text,timestamptz", "timestamp", false, 0},
    {"timezone", "text,timetz", "timetz", false, 0},
    {"to_char", "float4,text", "text", false, 0},
    {"to_char", "float8,text", "text", false, 0},
    {"to_char", "int4,text", "text", false, 0},
    {"to_char", "int8,text", "text", false, 0},
    {"to_char", "interval,text", "text", false, 0},
    {"to_char", "numeric,text", "text", false, 0},
    {"to_char", "timestamp,text", "text", false, 0},
    {"to_char", "timestamptz,text", "text", false, 0},
    {"to_date", "text,text", "date", false, 0},
    {"to_hex", "int4", "text", false, 0},
    {"to_hex", "int8", "text", false, 0},
    {"to_json", "anyelement", "json", false, 0},
    {"to_jsonb", "anyelement", "jsonb", false, 0},
    {"to_number", "text,text", "numeric", false, 0},
    {"to_timestamp", "float8", "timestamptz", false, 0},
    {"to_timestamp", "text,text", "timestamptz", false, 0},
    {"transaction_timestamp", "", "timestamptz", false, 0},
    {"translate", "text,text,text", "text", false, 0},
    {"trunc", "float8", "float8", false, 0},
    {"trunc", "numeric", "numeric", false, 0},
    {"trunc", "numeric,int4", "numeric", false, 0},
    {"upper", "text", "text", false, 0},
    {"width_bucket", "anycompatible,anycompatiblearray", "int4", false, 0},
    {"width_bucket", "float8,float8,float8,int4", "int4", false, 0},
    {"width_bucket", "numeric,numeric,numeric,int4", "int4", false, 0},
};

} // namespace

SigType shc::pg::parseSigType(llvm::StringRef name) {
  SigType s;
  bool array = name.consume_front("_");
  using K = TypeKind;
  auto concrete = [&](K k) {
    s.type = Type(k, -1, -1, array);
    return s;
  };
  auto poly = [&](Poly p) {
    s.poly = p;
    return s;
  };
  return llvm::StringSwitch<std::function<SigType()>>(name)
      .Case("bool", [&] { return concrete(K::Bool); })
      .Case("int2", [&] { return concrete(K::Int2); })
      .Case("int4", [&] { return concrete(K::Int4); })
      .Case("int8", [&] { return concrete(K::Int8); })
      .Case("numeric", [&] { return concrete(K::Numeric); })
      .Case("float4", [&] { return concrete(K::Float4); })
      .Case("float8", [&] { return concrete(K::Float8); })
      .Case("text", [&] { return concrete(K::Text); })
      .Case("varchar", [&] { return concrete(K::Varchar); })
      .Case("bpchar", [&] { return concrete(K::Char); })
      .Case("bytea", [&] { return concrete(K::Bytea); })
      .Case("date", [&] { return concrete(K::Date); })
      .Case("time", [&] { return concrete(K::Time); })
      .Case("timetz", [&] { return concrete(K::TimeTz); })
      .Case("timestamp", [&] { return concrete(K::Timestamp); })
      .Case("timestamptz", [&] { return concrete(K::TimestampTz); })
      .Case("interval", [&] { return concrete(K::Interval); })
      .Case("uuid", [&] { return concrete(K::Uuid); })
      .Case("json", [&] { return concrete(K::Json); })
      .Case("jsonb", [&] { return concrete(K::Jsonb); })
      .Case("inet", [&] { return concrete(K::Inet); })
      .Case("xid", [&] { s.type = Type::other("xid", array); return s; })
      .Case("any", [&] { return poly(Poly::Any); })
      .Case("anyelement", [&] { return poly(Poly::AnyElement); })
      .Case("anynonarray", [&] { return poly(Poly::AnyNonArray); })
      .Case("anyarray", [&] { return poly(Poly::AnyArray); })
      .Case("anycompatible", [&] { return poly(Poly::AnyCompatible); })
      .Case("anycompatiblearray", [&] { return poly(Poly::AnyCompatibleArray); })
      .Case("anycompatiblenonarray", [&] { return poly(Poly::AnyCompatibleNonArray); })
      .Default([&] { return concrete(K::Error); })();
}

/// Builds a Signature from a row: "text,variadic any" and the like.
static Signature makeSignature(llvm::StringRef name, llvm::StringRef params,
                               llvm::StringRef result) {
  Signature sig;
  sig.name = name.str();
  llvm::SmallVector<llvm::StringRef, 8> parts;
  params.split(parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef p : parts) {
    p = p.trim();
    if (p.consume_front("variadic "))
      sig.variadic = true;
    sig.params.push_back(pg::parseSigType(p));
  }
  sig.result = pg::parseSigType(result);
  return sig;
}

llvm::ArrayRef<Signature> shc::pg::lookupFunction(llvm::StringRef name) {
  static const llvm::StringMap<std::vector<Signature>> table = [] {
    llvm::StringMap<std::vector<Signature>> t;
    for (const FunctionRow &r : functionRows) {
      Signature sig = makeSignature(r.name, r.params, r.result);
      sig.aggregate = r.aggregate;
      sig.defaults = r.defaults;
      t[r.name].push_back(std::move(sig));
    }
    return t;
  }();
  auto it = table.find(name);
  if (it == table.end())
    return {};
  return it->second;
}
