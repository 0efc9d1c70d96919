#pragma once

#include "ir/Dialect.h"
#include "ir/Types.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace shc {

/// Normalises a column type as written in a Table spec (or in a cast) for a
/// dialect: for the postgres family `int`/`int4` -> integer,
/// `varchar(n)` -> character varying(n), `decimal(p,s)` -> numeric(p,s),
/// `timestamptz` -> timestamp with time zone, `text[]` -> array of text.
/// Case-insensitive. Names it does not know become Type::other(name).
/// Returns nullopt only for text that is not a type name at all (bad
/// modifiers such as `varchar(abc)`).
std::optional<Type> parseTypeName(llvm::StringRef spelling, Dialect dialect);

/// For a postgres-family dialect: the base name of `spelling` ("integr" for
/// "integr[]") when it names no type PostgreSQL has built in, nor one of the
/// common extensions' (citext, hstore, geometry ...): a typo, or a
/// user-defined type. nullopt when it is known, quoted ("MyType"), or the
/// dialect is not in the postgres family.
std::optional<std::string> unknownTypeName(llvm::StringRef spelling, Dialect dialect);

/// ` (did you mean 'integer'?)` for such a name, or "".
std::string suggestTypeName(llvm::StringRef name, Dialect dialect);

} // namespace shc
