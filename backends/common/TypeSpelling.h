//===- TypeSpelling.h - reading column type names, shared by dialects -*- C++ -*-===//
//
// Table-driven type names: each dialect lists (name, kind, modifier rule)
// rows in its backend folder; this reads a spelling the way they all do. A
// spelling is lower-cased, its whitespace collapsed, and split into the words
// of the name, one optional parenthesised modifier list, and an array suffix
// (`[]`, `[3]`, ` array`).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Types.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace shc {

/// How the parenthesised modifiers of a type name are read.
enum class Mods : uint8_t {
  None,      ///< no modifiers allowed
  Length,    ///< (n), n >= 1: varchar, char
  Numeric,   ///< (p) or (p,s)
  TimePrec,  ///< (p), 0 <= p (values above 6 are reduced to 6)
  FloatPrec, ///< float(p): 1-24 real, 25-53 double precision
  Ignore,    ///< any modifiers accepted and dropped (MySQL int(11))
  TinyInt,   ///< MySQL tinyint: (1) means boolean
};

struct NameEntry {
  const char *name;
  TypeKind kind;
  Mods mods;
  int32_t defaultMod = -1; ///< mod1 when none is written (char -> char(1))
};

/// A spelling split into its parts.
struct TypeSpelling {
  std::string name;     ///< words joined by single spaces
  bool hasMods = false; ///< a (...) group was written
  llvm::SmallVector<std::string, 2> mods;
  bool array = false;
};

/// Lower-cases `s` and splits it into name words, one modifier group and an
/// array suffix. False if the text is not a type name at all.
bool splitTypeSpelling(llvm::StringRef s, TypeSpelling &out);

/// Applies the modifier rule of `e` to `sp`; nullopt for bad modifiers.
std::optional<Type> buildType(const NameEntry &e, const TypeSpelling &sp);

/// The row of `names` for `name`, or null.
const NameEntry *findTypeName(llvm::ArrayRef<NameEntry> names, llvm::StringRef name);

/// An unmodelled type keeps its normalised spelling, modifiers included.
Type otherType(const TypeSpelling &sp);

/// A double-quoted type name ("char", "MyType"), optionally an array: it
/// names exactly that type, case kept, never a built-in keyword type.
/// nullopt when `s` is not one quoted identifier.
std::optional<Type> parseQuotedTypeName(llvm::StringRef s);

} // namespace shc
