#pragma once

// Shared pieces of the date/time and interval input functions: the field
// splitter (PostgreSQL's ParseDateTime), the keyword table (datetktbl), field
// masks and error codes. Internal to ir/LiteralInput*.cpp.

#include "backends/postgres/catalog/LiteralInput.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace shc::pg::dt {

enum class FieldType { Number, String, Date, Time, Tz, Special };

struct Field {
  FieldType type;
  std::string text; ///< lower-cased where PostgreSQL lower-cases
};

/// PostgreSQL's DTERR_* codes plus the two range errors of date_in and
/// timestamp_in, and an unrecognised zone name.
enum class Err {
  Ok,
  BadFormat,
  FieldOverflow,
  MdFieldOverflow,
  IntervalOverflow,
  TzDispOverflow,
  UnknownZone,
  DateRange,
  TimestampRange,
  IntervalRange,
};

// Field masks (DTK_M(...)).
enum : int {
  M_YEAR = 1 << 0,
  M_MONTH = 1 << 1,
  M_DAY = 1 << 2,
  M_HOUR = 1 << 3,
  M_MINUTE = 1 << 4,
  M_SECOND = 1 << 5,
  M_DOY = 1 << 6,
  M_TZ = 1 << 7,
  M_DTZ = 1 << 8,
  M_DTZMOD = 1 << 9,
  M_AMPM = 1 << 10,
  M_ADBC = 1 << 11,
  M_DOW = 1 << 12,
  M_SPECIAL = 1 << 13,
  M_UNITS = 1 << 14,
  M_WEEK = 1 << 15,
  M_MSEC = 1 << 16,
  M_USEC = 1 << 17,
  DateMask = M_YEAR | M_MONTH | M_DAY,
  TimeMask = M_HOUR | M_MINUTE | M_SECOND,
};

/// Reserved words of datetktbl.
enum class Special { None, Now, Today, Zulu, Epoch, Late, Early };

enum class KwKind {
  None,
  Ignore,
  Special,
  Month,
  Dow,
  AmPm,
  AdBc,
  Zone,
  DstZone,
  DstMod,
  IsoTime,
  Julian,
  Units
};

struct Keyword {
  KwKind kind = KwKind::None;
  int value = 0; ///< month 1-12, Special, AM=1/PM=2, BC=1
};

/// Time zone abbreviations take precedence over the core keywords, as in
/// DecodeDateTime.
Keyword lookupKeyword(llvm::StringRef word);

/// ParseDateTime: splits `text` into typed fields. BadFormat on junk.
Err parseFields(llvm::StringRef text, std::vector<Field> &fields);

/// Fills `error` as DateTimeParseError does and returns false.
bool reportError(Err err, llvm::StringRef typeName, llvm::StringRef text, LiteralInputError &error);

} // namespace shc::pg::dt
