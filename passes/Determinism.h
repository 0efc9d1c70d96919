#pragma once

// Where an expression gets a different value on a second run of the same
// migration: a call whose functionProperties() say runVarying (now(),
// random(), nextval(), gen_random_uuid() ...), or a date/time literal that
// the server reads as the time of the run (Catalog::isRunTimeLiteral). Shared
// by the idempotency analysis and the lint rules.

#include "ir/Location.h"

#include <optional>
#include <string>

namespace shc {

class Catalog;
class Expr;
class FuncCallExpr;

struct NonDeterminism {
  SourceLoc loc;
  std::string what; ///< "now()" or "'today' (the time of the run)", for messages
  const FuncCallExpr *call = nullptr; ///< null for a literal
};

/// The first source of non-determinism in `e` (subqueries included). With
/// `followDerived`, a column of a WITH query or a FROM subquery stands for
/// what that query computes.
std::optional<NonDeterminism> findNonDeterminism(const Expr &e, const Catalog &cat,
                                                 bool followDerived = true);

/// Whether `e` is never NULL on a row: a non-NULL literal, a NOT NULL column,
/// or a null-preserving function (or operator, cast) of such values; also
/// coalesce/greatest/least with one such argument.
bool isNeverNull(const Expr &e, const Catalog &cat);

} // namespace shc
