#pragma once

// The built-in catalogue the type checker resolves calls against: rows taken
// from PostgreSQL 15's pg_proc, restricted to the modelled types (see
// docs/typing.md for the list and how it was extracted).

#include "ir/Types.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace shc {

/// PostgreSQL's polymorphic pseudo-types, which a signature may use in place
/// of a concrete type.
enum class Poly : uint8_t {
  None,
  Any, ///< "any": accepts anything, no coercion
  AnyElement,
  AnyNonArray,
  AnyArray,
  AnyCompatible,
  AnyCompatibleArray,
  AnyCompatibleNonArray,
};

/// A parameter or result type of a catalogue entry.
struct SigType {
  Type type; ///< meaningful when poly == None
  Poly poly = Poly::None;

  bool isPolymorphic() const { return poly != Poly::None && poly != Poly::Any; }
  /// Whether `t` is exactly this declared type (typmods ignored, as OIDs).
  bool sameAs(const Type &t) const { return poly == Poly::None && type.sameBase(t); }
  std::string str() const;
};

/// Parses the catalogue's compact type names ("int4", "_text", "anyelement").
SigType parseSigType(llvm::StringRef name);

/// One overload: a pg_proc or pg_operator row.
struct Signature {
  std::string name;
  llvm::SmallVector<SigType, 4> params;
  SigType result;
  bool variadic = false; ///< the last parameter repeats (VARIADIC "any")
  bool aggregate = false;
  unsigned defaults = 0; ///< trailing parameters with defaults
};

/// All overloads of a function name (lower-case), in catalogue order; empty
/// when the function is not in the catalogue.
llvm::ArrayRef<Signature> lookupFunction(llvm::StringRef name);

/// All overloads of an operator: prefix operators have one parameter.
llvm::ArrayRef<Signature> lookupOperator(llvm::StringRef name, bool prefix);

} // namespace shc
