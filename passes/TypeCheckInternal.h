#pragma once

// Internal to the typecheck pass (passes/TypeCheck*.cpp): coercion rules and
// overload resolution over the dialect's Catalog. The algorithm is
// PostgreSQL's (parse_coerce.c, parse_func.c, parse_oper.c), which is driven
// entirely by catalogue data: categories, preferred types and casts.

#include "ir/Types.h"
#include "ir/Signature.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <string>

namespace shc {

class Catalog;
class Expr;

/// can_coerce_type for one argument in implicit context: exact type, "any",
/// an unknown literal, a polymorphic parameter (checked separately), or an
/// implicit cast.
bool canCoerceImplicitly(const Catalog &cat, const Type &input, const SigType &target);

/// The digits of a number constant (`12`, `-1.5`: a number literal, maybe
/// under a minus), or "" for anything else.
std::string numberText(const Expr &e);

/// Whether the argument cannot be reasoned about: not type-checked (Any),
/// already failed (Error), or a type outside the model (Other).
inline bool isOpaque(const Type &t) {
  return t.isIndeterminate() || t.getKind() == TypeKind::Other;
}

/// select_common_type over the types of a CASE/COALESCE/IN/... list, in
/// PostgreSQL's order. Unknowns alone resolve to text. On a category
/// conflict, `conflict` is the index of the type that could not be matched.
struct CommonType {
  std::optional<Type> type;
  size_t conflict = 0;
};
CommonType selectCommonType(const Catalog &cat, llvm::ArrayRef<Type> types);

/// The outcome of resolving a call against a list of overloads.
struct Resolution {
  enum Status {
    Found,
    NotFound,
    Ambiguous,
    /// A polymorphic parameter saw only unknown literals.
    PolymorphicUnknown,
    /// An argument is opaque (see isOpaque): no verdict, no error.
    Opaque,
  };
  Status status = NotFound;
  const Signature *sig = nullptr;
  /// The type each argument is coerced to (Unknown for "any" parameters).
  llvm::SmallVector<Type, 4> paramTypes;
  Type result;
};

/// func_get_detail / oper_select_candidate: exact match (for binary operators
/// an unknown side takes the other side's type), then the candidates every
/// argument coerces to implicitly, then func_select_candidate's tie-breaks
/// (exact matches, preferred types, unknowns resolved by category, a single
/// known type). `isOperator` enables binary_oper_exact.
Resolution resolveOverload(const Catalog &cat, llvm::ArrayRef<Signature> candidates,
                           llvm::ArrayRef<Type> args, bool isOperator);

} // namespace shc
