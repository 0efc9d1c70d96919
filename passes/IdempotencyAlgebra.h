//===- IdempotencyAlgebra.h - facts and steps of the idempotency algebra --===//
//
// A value that reads only its own column is seen as a chain of steps
// f_n(...f_1(x)), each a call of a function whose other arguments are
// constants (lower, btrim, replace, greatest, round, date_trunc, a cast ...),
// plus the assignment's coercion to the column type. Each step
//   - establishes facts about its result, for every input
//     (lower: "lower-case"; greatest(x, 0): "not NULL and >= 0");
//   - is the identity on a value that satisfies its identity facts
//     (for an idempotent step, the facts it establishes);
//   - preserves some facts of its input (btrim keeps "lower-case").
//
// Theorem (IdempotencyAlgebra.cpp): if every step's identity facts hold of
// the chain's result y = F(x) for every x, then F(y) = y, so F is
// idempotent. Proof: each step, applied to y, meets a value satisfying its
// identity facts and returns it unchanged; so F(y) = y. The facts that hold
// of y are computed forwards: a step's established facts, plus the earlier
// facts it preserves; a step whose identity facts already hold at its input
// is absorbed (the identity there) and keeps every fact.
//
// Commuting idempotent steps are the special case in which each preserves the
// other's facts; absorption (f after g, where g's output is a fixed point of
// f) is a step whose identity facts already hold. Facts hold of NULL (lower
// of NULL is NULL) except NotNull, Ge and Le as greatest/least establish them
// together with NotNull.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Types.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shc {
class Catalog;
class Expr;
namespace idem {

/// The character class C of a regexp_replace pattern `C+`.
struct CharClass {
  enum class Named : uint8_t { None, Space, Digit };
  Named named = Named::None;
  std::vector<uint32_t> members; ///< code points, when named == None
  std::string spelling;          ///< as written, for messages
  /// Whether code point `c` is in the class; nullopt when the server's locale
  /// decides (a non-ASCII character against \s or \d).
  std::optional<bool> contains(uint32_t c) const;
  bool operator==(const CharClass &o) const { return spelling == o.spelling; }
};

struct Fact {
  enum class Kind : uint8_t {
    Lowercase,   ///< lower(y) = y
    Uppercase,   ///< upper(y) = y
    Initcapped,  ///< initcap(y) = y
    TrimLeft,    ///< y does not start with a character of `text`
    TrimRight,   ///< y does not end with a character of `text`
    NoSubstring, ///< y does not contain `text`
    Runs,        ///< each maximal run of `cls` in y is exactly `text` ("": none)
    MaxLength,   ///< y has at most `n` characters
    NotNull,     ///< y is not NULL
    NotEqual,    ///< y is not `text`
    Ge,          ///< y >= `text` (and not NULL, with NotNull)
    Le,          ///< y <= `text`
    Rounded,     ///< y has no digits beyond 10^-n (round(y, n) = y)
    Truncated,   ///< date_trunc(`text`, y) = y; `text` is "unit" or "unit@zone"
  };
  Kind kind;
  std::string text;
  int64_t n = 0;
  CharClass cls;

  std::string describe() const;
};

/// One step of a chain, innermost first.
struct Step {
  enum class Kind : uint8_t {
    Lower, Upper, Initcap, Trim, Replace, RegexpReplace, Coalesce, Nullif, Greatest, Least,
    Round, Floor, Ceil, Abs, DateTrunc, Prefix, NeverIdempotent,
    Length, ///< coercion to varchar(n) / character(n)
    ToDate, ///< coercion of a timestamp to date
  };
  Kind kind;
  std::string name; ///< for reasons: "lower", "btrim", "character varying(10)"
  bool trimLeft = false, trimRight = false; ///< Trim
  bool bpchar = false;                       ///< Length: character(n)
  std::string a, b; ///< Trim: chars; Replace: from, to; RegexpReplace: r; constants
  CharClass cls;    ///< RegexpReplace
  int64_t n = 0;    ///< Round: places; Prefix and Length: characters
  bool numeric = false; ///< Greatest/Least/Coalesce/Nullif: `a` is a number
  std::vector<Fact> establishes, identityWhen;
  /// Replace: a string a first run turns into one that a second run changes
  /// (empty when none exists or for other kinds).
  std::string witness;
  /// A reason this step alone is not idempotent ("" when it may be).
  std::string notIdempotent;
};

/// A value over its own column, innermost step first, ending with the
/// assignment's coercion to the column type (IdempotencyChain.cpp).
struct Chain {
  std::vector<Step> steps;
};
/// The chain of `value` (which reads `column` of `table`), or nullopt with
/// the reason it is not one in `why`.
std::optional<Chain> buildChain(const Expr &value, const Catalog &catalog,
                                const std::string &table, llvm::StringRef column,
                                const Type &columnType, std::string &why);

/// Whether the facts `s` imply `f`.
bool implies(const std::vector<Fact> &s, const Fact &f);
/// Whether the step keeps fact `f` of its input.
bool preserves(const Step &step, const Fact &f);
/// Whether a constant (a step's non-NULL literal argument) satisfies `f`.
bool constantSatisfies(const std::string &k, bool numeric, const Fact &f);

/// UTF-8 to code points (invalid bytes pass through as themselves), and back.
std::vector<uint32_t> codePoints(const std::string &s);
std::string utf8(const std::vector<uint32_t> &cps);

/// replace(x, from, to): whether some x gives a result that contains `from`
/// (then a second run changes it). Returns such an x, "" when none exists,
/// or nullopt when the strings are too long to decide here (more than 32
/// characters to replace, or 64 to insert) (IdempotencyStrings.cpp).
std::optional<std::string> replaceWitness(const std::string &from, const std::string &to);

/// Parses a regexp_replace pattern of the form `C+` (C: \s, \d, [[:space:]],
/// [[:digit:]], a bracket of literal characters, or one literal character).
std::optional<CharClass> parseRunPattern(const std::string &pattern);

/// Numeric value of a constant's text, if it is a number.
std::optional<long double> numberOf(const std::string &text);

} // namespace idem
} // namespace shc
