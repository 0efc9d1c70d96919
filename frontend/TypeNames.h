#pragma once

#include "ir/Dialect.h"
#include "ir/Types.h"

#include "llvm/ADT/StringRef.h"

#include <optional>

namespace shc {

/// Normalises a column type as written in a Table spec (or in a cast) for a
/// dialect: for the postgres family `int`/`int4` -> integer,
/// `varchar(n)` -> character varying(n), `decimal(p,s)` -> numeric(p,s),
/// `timestamptz` -> timestamp with time zone, `text[]` -> array of text.
/// Case-insensitive. Names it does not know become Type::other(name).
/// Returns nullopt only for text that is not a type name at all (bad
/// modifiers such as `varchar(abc)`).
std::optional<Type> parseTypeName(llvm::StringRef spelling, Dialect dialect);

} // namespace shc
