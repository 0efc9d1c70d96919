//===- TypeNames.h - PostgreSQL's column type spellings ------------*- C++ -*-===//
#pragma once

#include "ir/Types.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace shc {
struct NameEntry;
}

namespace shc::pg {

/// A column type as a Table spec or a cast writes it, normalised; a name
/// it does not know is Type::other(name); nullopt for text that is not a
/// type name (bad modifiers such as `varchar(abc)`). `extraNames` (a
/// flavor's own) are looked up first.
std::optional<Type> parseColumnType(llvm::StringRef spelling, llvm::ArrayRef<NameEntry> extraNames);

/// The base name of `spelling` when it names no built-in type nor one of
/// the common extensions' (citext, hstore, geometry ...); nullopt when it
/// is known or quoted.
std::optional<std::string> unknownTypeName(llvm::StringRef spelling,
                                           llvm::ArrayRef<NameEntry> extraNames);

/// ` (did you mean 'integer'?)` for such a name, or "".
std::string suggestTypeName(llvm::StringRef name, llvm::ArrayRef<NameEntry> extraNames);

} // namespace shc::pg
