//===- Signature.h - function and operator signatures -------------*- C++ -*-===//
//
// The vocabulary of a Catalog's function and operator entries: parameter and
// result types, which may be polymorphic (one type variable shared by several
// parameters, as in `coalesce(anycompatible, ...)`).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Types.h"

#include "llvm/ADT/SmallVector.h"

#include <string>

namespace shc {

/// Polymorphic pseudo-types, which a signature may use in place of a
/// concrete type.
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
  /// Whether `t` is exactly this declared type (modifiers ignored).
  bool sameAs(const Type &t) const { return poly == Poly::None && type.sameBase(t); }
  std::string str() const;
};

/// One overload of a function or an operator.
struct Signature {
  std::string name;
  llvm::SmallVector<SigType, 4> params;
  SigType result;
  bool variadic = false; ///< the last parameter repeats (VARIADIC "any")
  bool aggregate = false;
  unsigned defaults = 0; ///< trailing parameters with defaults
};

} // namespace shc
