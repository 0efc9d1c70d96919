//===- CassandraLiterals.h - values written as CQL literals --------*- C++ -*-===//
//
// A staticUpdate value (or a literal of a `where`) written for a column of
// a CQL type: uuid and timeuuid bare, timestamp/date/time/inet quoted,
// blob as 0x..., text with '' for a quote, booleans and numbers bare, NULL.
// A collection column's value is written in the YAML as JSON text (a YAML
// list is not a staticUpdate value): '["a", "b"]' for set<text> or
// list<text>, '{"k": 1}' for map<text, int>; it becomes {'a', 'b'},
// ['a', 'b'], {'k': 1}, map keys in sorted order so the output is
// deterministic. A value that is not one of its type is refused, with the
// reason.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>

namespace shc {

class Expr;
struct Column;

/// How the value was written in the YAML or SQL.
enum class CqlValueKind { String, Number, Bool, Null };

/// Appends the CQL literal of `value` for type `typeSpelling` ("uuid",
/// "set<text>", "frozen<map<text,int>>") to `out`; false with `error` set
/// when `value` is not a value of that type.
bool formatCqlLiteral(llvm::StringRef typeSpelling, CqlValueKind kind, llvm::StringRef value,
                      std::string &out, std::string &error);

/// Whether `e` (a literal, its negation or a cast of one) was written as
/// a CQL literal for `col`: Written with the text appended to `out`,
/// NotLiteral for anything else (a function call), Invalid with `error`.
enum class CqlLiteralResult { Written, NotLiteral, Invalid };
CqlLiteralResult writeCqlLiteral(const Expr &e, const Column &col, std::string &out,
                                 std::string &error);

/// `text` as a CQL string literal: '...' with '' for a quote.
std::string cqlString(llvm::StringRef text);

} // namespace shc
