#pragma once

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>

namespace shc {

/// Scalar types of the SQL type system the IR is typed in. A dialect's
/// catalogue maps its column types onto these kinds (a MySQL `datetime` is a
/// Timestamp) and says how they behave: categories, casts, literal input
/// (ir/Catalog.h).
enum class TypeKind : uint8_t {
  Unknown, ///< an untyped literal ('abc' or NULL) not yet coerced (PG "unknown")
  Bool,
  Int2,
  Int4,
  Int8,
  Numeric,
  Float4,
  Float8,
  Text,
  Varchar,
  Char, ///< character(n), PG bpchar
  Bytea,
  Date,
  Time,
  TimeTz,
  Timestamp,
  TimestampTz,
  Interval,
  Uuid,
  Json,
  Jsonb,
  Inet,
  Other, ///< a type we do not model (enum, domain, extension type); name kept
  Any,   ///< result of something not type-checked (function outside the catalog)
  Error, ///< an expression that already failed to type-check: silences cascades
};

/// A type's category, which drives overload resolution and the unification of
/// CASE/COALESCE/IN branches (the letters are PostgreSQL's typcategory codes,
/// which the catalogues use as a shared vocabulary).
enum class TypeCategory : char {
  Array = 'A',
  Boolean = 'B',
  DateTime = 'D',
  Network = 'I',
  Numeric = 'N',
  String = 'S',
  Timespan = 'T',
  User = 'U',
  Unknown = 'X',
};

class Type {
public:
  Type() = default;
  explicit Type(TypeKind k, int32_t mod1 = -1, int32_t mod2 = -1, bool array = false)
      : kind(k), mod1(mod1), mod2(mod2), array(array) {}
  static Type other(llvm::StringRef name, bool array = false) {
    Type t(TypeKind::Other, -1, -1, array);
    t.otherName = name.str();
    return t;
  }

  TypeKind getKind() const { return kind; }
  bool isArray() const { return array; }
  /// varchar(n)/char(n) length, numeric precision, time precision; -1 if none.
  int32_t getMod1() const { return mod1; }
  /// numeric scale; -1 if none.
  int32_t getMod2() const { return mod2; }
  llvm::StringRef getOtherName() const { return otherName; }

  /// The element type of an array, or the type itself.
  Type elementType() const { Type t = *this; t.array = false; return t; }
  Type arrayOf() const { Type t = *this; t.array = true; return t; }
  /// The same type without length/precision modifiers.
  Type withoutModifiers() const { Type t = *this; t.mod1 = t.mod2 = -1; return t; }

  bool is(TypeKind k) const { return !array && kind == k; }
  bool isUnknown() const { return !array && kind == TypeKind::Unknown; }
  /// Any or Error: the checker must not report further problems about it.
  bool isIndeterminate() const { return kind == TypeKind::Any || kind == TypeKind::Error; }
  bool isNumeric() const;
  bool isInteger() const;
  bool isString() const;
  bool isDateTime() const;

  /// The IR's spelling (--emit=ir), the SQL standard's names where it has
  /// one: "integer", "character varying(20)", "numeric(10,2)",
  /// "timestamp with time zone", "text[]". Diagnostics spell types through
  /// Catalog::typeName.
  std::string str() const;

  /// Same type, modifiers included.
  friend bool operator==(const Type &a, const Type &b) {
    return a.kind == b.kind && a.array == b.array && a.mod1 == b.mod1 && a.mod2 == b.mod2 &&
           a.otherName == b.otherName;
  }
  friend bool operator!=(const Type &a, const Type &b) { return !(a == b); }
  /// Same type ignoring modifiers (varchar(10) ~ varchar(20)).
  bool sameBase(const Type &o) const {
    return kind == o.kind && array == o.array && otherName == o.otherName;
  }

private:
  TypeKind kind = TypeKind::Unknown;
  int32_t mod1 = -1;
  int32_t mod2 = -1;
  bool array = false;
  std::string otherName;
};

/// The context a cast is allowed in: implicitly (in any expression), on
/// assignment to a column, or only when written as a cast.
enum class CastContext : uint8_t { Implicit, Assignment, Explicit };

} // namespace shc
