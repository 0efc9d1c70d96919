#pragma once

#include "ir/Catalog.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace shc::pg {

/// PostgreSQL's input function for `type` (Catalog::checkLiteralInput). Modifiers apply
/// implicit-coercion semantics: varchar(n)/character(n) reject over-long text
/// (unless the excess is spaces) and numeric(p,s) rejects overflow after
/// rounding. Types outside the model (Other, Any, Error) accept everything.
bool checkLiteralInput(const Type &type, llvm::StringRef text, LiteralInputError &error);

// Per-type input functions, shared by the files that implement them.
namespace input {
bool integer(const Type &type, llvm::StringRef text, LiteralInputError &error);
bool numeric(const Type &type, llvm::StringRef text, LiteralInputError &error);
bool floating(const Type &type, llvm::StringRef text, LiteralInputError &error);
bool boolean(llvm::StringRef text, LiteralInputError &error);
bool uuid(llvm::StringRef text, LiteralInputError &error);
bool bytea(llvm::StringRef text, LiteralInputError &error);
bool inet(llvm::StringRef text, LiteralInputError &error);
bool json(llvm::StringRef text, bool binary, LiteralInputError &error);
/// date, time, timetz, timestamp and timestamptz.
bool dateTime(const Type &type, llvm::StringRef text, LiteralInputError &error);
bool interval(llvm::StringRef text, LiteralInputError &error);
/// array_in: `{a,b}`, `{{1,2},{3,4}}`, quoted elements, NULL; each element
/// goes through the element type's input function.
bool array(const Type &type, llvm::StringRef text, LiteralInputError &error);
} // namespace input

/// Whether `unit` (any case) names a field EXTRACT, date_part or date_trunc
/// recognise ("year", "years", "y", "epoch", "dow", ...): PostgreSQL reports
/// `unit "x" not recognized for type ...` otherwise.
bool isKnownDateUnit(llvm::StringRef unit);

/// What a known EXTRACT/date_part/date_trunc unit measures (aliases folded).
enum class DateUnitKind {
  Unknown,
  TimeOfDay, ///< microseconds .. hour
  Day,
  Week,
  Calendar, ///< month, quarter, year, decade, century, millennium
  Special,  ///< julian, isoyear, dow, isodow, doy
  Epoch,
  Zone, ///< timezone, timezone_hour, timezone_minute
};
DateUnitKind classifyDateUnit(llvm::StringRef unit);

/// Whether `name` is a time zone PostgreSQL knows: an abbreviation (utc, est,
/// cet ...), an IANA zone or link name of ir/TimeZones.h (Europe/Paris,
/// US/Eastern; any case), or a POSIX specification (EST5EDT, UTC+3).
bool isKnownTimeZone(llvm::StringRef name);

} // namespace shc::pg
