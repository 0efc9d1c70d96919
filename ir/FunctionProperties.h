#pragma once

// What the analyses know about a function beyond its signatures: its
// volatility, whether a second run of a migration gets another result,
// whether it changes state outside the tables, how it treats NULL, and its
// role in the idempotency algebra (passes/IdempotencyAlgebra.cpp). Each
// dialect's catalogue answers Catalog::functionProperties from one table of
// its own; analyses keep no list of names.

#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace shc {

/// As PostgreSQL's pg_proc.provolatile: the same result for the same
/// arguments always, within a statement, or not even that.
enum class Volatility : uint8_t { Immutable, Stable, Volatile };

/// The part a function plays in the idempotency algebra: each role knows the
/// fact its result satisfies, when it leaves its argument unchanged, and which
/// facts it keeps, which is what "commutes with" and "absorbs" come down to
/// (passes/IdempotencyChain.cpp and IdempotencyFacts.cpp; docs/idempotency.md,
/// "The algebra").
enum class AlgebraRole : uint8_t {
  None,          ///< not modelled
  Lower,         ///< lower(x)
  Upper,         ///< upper(x)
  Initcap,       ///< initcap(x)
  Trim,          ///< btrim/ltrim/rtrim(x [, chars]); the side comes from the name
  Replace,       ///< replace(x, from, to)
  RegexpReplace, ///< regexp_replace(x, 'C+', r [, 'g']) for a character class C
  Coalesce,      ///< coalesce(x, k)
  Nullif,        ///< nullif(x, k)
  Greatest,      ///< greatest(x, k...)
  Least,         ///< least(x, k...)
  Round,         ///< round/trunc(x [, places])
  Floor,         ///< floor(x)
  Ceil,          ///< ceil/ceiling(x)
  Abs,           ///< abs(x)
  DateTrunc,     ///< date_trunc(unit, x [, zone]): the column is the second argument
  Prefix,        ///< left(x, n), substring/substr(x, start [, n])
  NeverIdempotent, ///< md5, sha256, reverse: f(f(x)) differs from f(x)
};

struct FunctionProperties {
  /// In the table. Unknown functions get the defaults below: nothing is
  /// claimed about them (an analysis that needs a claim answers "unknown").
  bool known = false;
  Volatility volatility = Volatility::Volatile;
  /// A second run of the same statement gets another result: clock functions,
  /// random(), sequences, gen_random_uuid(), age(x) (it reads the date).
  /// Stable functions that only read settings (to_char) are not.
  bool runVarying = false;
  /// Changes state outside the tables: nextval, setval, set_config, pg_notify,
  /// advisory locks, large objects, backend signals.
  bool outsideEffects = false;
  /// NULL in any argument gives NULL, and non-NULL arguments give a non-NULL
  /// result (strict, and never NULL otherwise; not regexp_match, nullif ...).
  bool nullPreserving = false;
  AlgebraRole role = AlgebraRole::None;

  /// f(f(x)) = f(x) in the argument that carries the column.
  enum class SelfIdempotence : uint8_t {
    Unknown,     ///< not modelled
    Always,      ///< lower, btrim, greatest(x, k), round(x, n), date_trunc ...
    Conditional, ///< replace, regexp_replace, left/substring: decided from the constants
    Never,       ///< md5, sha256, reverse
  };
  SelfIdempotence selfIdempotence() const;
};

} // namespace shc
