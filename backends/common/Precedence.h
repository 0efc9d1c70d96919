//===- Precedence.h - Operator precedence for SQL emission ------*- C++ -*-===//
//
// The binding strength of each expression form, loosest first, as in
// PostgreSQL's gram.y. Emitters parenthesise a child only when the grammar
// would otherwise attach it differently, so re-emitted SQL parses back to the
// same tree.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>

namespace shc {

enum class Prec : uint8_t {
  Lowest,         ///< a delimited slot: function argument, CASE arm, SET value
  Or,             ///< OR (left)
  Xor,            ///< XOR (left; MySQL)
  And,            ///< AND (left)
  Not,            ///< NOT (prefix, right)
  Is,             ///< IS [NOT] NULL/TRUE/DISTINCT FROM, ISNULL (non-assoc)
  Comparison,     ///< < > = <= >= <> (non-assoc)
  Pattern,        ///< BETWEEN, IN, LIKE, ILIKE, SIMILAR (non-assoc)
  Op,             ///< any other operator: ||, ->, ->> (left)
  Additive,       ///< binary + - (left)
  Multiplicative, ///< * / % (left)
  Power,          ///< ^ (left)
  AtTimeZone,     ///< AT TIME ZONE (left)
  UnaryMinus,     ///< prefix + - (right)
  Typecast,       ///< postfix :: (left)
  Primary,        ///< literals, names, calls, CASE, (subquery): never need parentheses
};

enum class Assoc : uint8_t { Left, Right, None };

/// Which operand of an operator a child sits in. Prefix operators have only
/// a Right operand; postfix ones (IS NULL, ::) only a Left one.
enum class Side : uint8_t { Left, Right };

inline Assoc assocOf(Prec p) {
  switch (p) {
  case Prec::Not:
  case Prec::UnaryMinus:
    return Assoc::Right;
  case Prec::Is:
  case Prec::Comparison:
  case Prec::Pattern:
    return Assoc::None;
  default:
    return Assoc::Left;
  }
}

/// Whether a child binding with `child` strength needs parentheses in the
/// `side` operand of an operator binding with `parent` strength.
inline bool needsParens(Prec child, Prec parent, Side side) {
  if (child == Prec::Primary)
    return false;
  if (child != parent)
    return child < parent;
  switch (assocOf(parent)) {
  case Assoc::None:
    return true;
  case Assoc::Left:
    return side == Side::Right;
  case Assoc::Right:
    return side == Side::Left;
  }
  return true;
}

} // namespace shc
