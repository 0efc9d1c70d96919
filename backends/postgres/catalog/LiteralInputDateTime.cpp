//===- LiteralInputDateTime.cpp - date/time input as PostgreSQL decodes it --===//
//
// A port of the parts of PostgreSQL 15's utils/adt/datetime.c that decide
// whether a date, time or timestamp literal is valid: ParseDateTime (split
// into typed fields), DecodeDateTime / DecodeTimeOnly (assign fields to
// year, month, ... by position and shape), DecodeDate, DecodeNumber,
// DecodeNumberField, DecodeTime, DecodeTimezone and ValidateDate, for
// DateStyle ISO, MDY (the server default). The error codes map to the same
// messages as DateTimeParseError. Intervals are in LiteralInputInterval.cpp.
//
//===----------------------------------------------------------------------===//

#include "backends/postgres/catalog/LiteralInputDecoder.h"

#include "llvm/ADT/STLExtras.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

using namespace shc;
using namespace shc::pg;
using namespace shc::pg::dt;

namespace shc::pg::dt {

/// A date-shaped field where a time zone is expected: "america/new_york",
/// or a run-together time with a zone ("040506-08").
Err Decoder::zoneOrRunTogether(const std::string &text, int &tmask) {
  if (std::isdigit(static_cast<unsigned char>(text[0])) || ptype != Prefix::None) {
    if (ptype != Prefix::None && ptype != Prefix::IsoTime)
      return Err::BadFormat;
    ptype = Prefix::None;
    if ((fmask & TimeMask) == TimeMask)
      return Err::BadFormat;
    size_t dash = text.find('-');
    if (dash == std::string::npos)
      return Err::BadFormat;
    if (Err e = decodeTimezone(text.substr(dash)); e != Err::Ok)
      return e;
    int saved = fmask;
    if (timeOnly)
      fmask |= DateMask;
    Err e = decodeNumberField(text.substr(0, dash), tmask);
    fmask = saved;
    if (e != Err::Ok)
      return e;
    tmask |= M_TZ;
    return Err::Ok;
  }
  if (!isKnownTimeZone(text)) {
    unknownZone = text;
    return Err::UnknownZone;
  }
  // Zones that may observe DST need a date to resolve a bare time's offset.
  static const char *const dstPlainZones[] = {"cet",     "cst6cdt", "eet",      "est5edt", "met",
                                              "mst7mdt", "pst8pdt", "wet",      "eire",    "gb",
                                              "gb-eire", "poland",  "portugal", "navajo",  "nz",
                                              "nz-chat", "cuba",    "egypt",    "israel"};
  llvm::StringRef zone(text);
  if ((zone.contains('/') && !zone.startswith("etc/")) || llvm::is_contained(dstPlainZones, zone))
    namedZoneWithDst = true;
  tmask = M_TZ;
  return Err::Ok;
}

Err Decoder::decodeDateField(size_t i, int &tmask) {
  const std::string &text = fields[i].text;
  if (timeOnly) {
    // DecodeTimeOnly accepts a date only as the first of several fields.
    if (i == 0 && fields.size() >= 2 &&
        (fields.back().type == FieldType::Date || fields[1].type == FieldType::Time))
      return decodeDate(text, tmask);
    return zoneOrRunTogether(text, tmask);
  }
  if (ptype != Prefix::None || (fmask & (M_MONTH | M_DAY)) == (M_MONTH | M_DAY))
    return zoneOrRunTogether(text, tmask);
  return decodeDate(text, tmask);
}

/// The year of a Julian day number (j2date).
static long julianToYear(long jd) {
  unsigned long julian = static_cast<unsigned long>(jd) + 32044;
  unsigned long quad = julian / 146097;
  unsigned long extra = (julian - quad * 146097) * 4 + 3;
  julian += 60 + quad * 3 + extra / 146097;
  quad = julian / 1461;
  julian -= quad * 1461;
  long y = static_cast<long>(julian * 4 / 1461);
  y += static_cast<long>(quad * 4);
  return y - 4800;
}

Err Decoder::decodeNumberFieldAt(size_t i, int &tmask) {
  const std::string &text = fields[i].text;
  if (ptype != Prefix::None) {
    const char *cp;
    bool ovf;
    long value = strToInt(text.c_str(), &cp, ovf);
    if (ovf)
      return Err::FieldOverflow;
    if (*cp != '.' && *cp != '\0')
      return Err::BadFormat;
    if (ptype == Prefix::Julian) {
      if (value < 0)
        return Err::FieldOverflow;
      tmask = DateMask;
      tm.year = julianToYear(value);
      tm.mon = tm.mday = 1;
      isJulian = true;
      if (*cp == '.')
        tmask |= TimeMask;
    } else {
      int saved = fmask;
      fmask |= DateMask;
      Err e = decodeNumberField(text, tmask);
      fmask = saved;
      if (e != Err::Ok)
        return e;
      if (tmask != TimeMask)
        return Err::BadFormat;
    }
    ptype = Prefix::None;
    return Err::Ok;
  }
  size_t flen = text.size();
  size_t dot = text.find('.');
  if (timeOnly) {
    int saved = fmask;
    Err e;
    if (dot != std::string::npos) {
      if (i == 0 && fields.size() >= 2 && fields.back().type == FieldType::Date)
        return decodeDate(text, tmask);
      if (dot <= 2)
        return Err::BadFormat;
      fmask |= DateMask;
      e = decodeNumberField(text, tmask);
    } else if (flen > 4) {
      fmask |= DateMask;
      e = decodeNumberField(text, tmask);
    } else {
      fmask |= DateMask;
      bool savedText = haveTextMonth;
      haveTextMonth = false;
      e = decodeNumber(text, tmask);
      haveTextMonth = savedText;
    }
    fmask = saved;
    return e;
  }
  if (dot != std::string::npos && !(fmask & DateMask))
    return decodeDate(text, tmask);
  if (dot != std::string::npos && dot > 2)
    return decodeNumberField(text, tmask);
  if (flen >= 6 && (!(fmask & DateMask) || !(fmask & TimeMask)))
    return decodeNumberField(text, tmask);
  return decodeNumber(text, tmask);
}

Err Decoder::run() {
  for (size_t i = 0; i < fields.size(); ++i) {
    Field &f = fields[i];
    int tmask = 0;
    Err e = Err::Ok;
    switch (f.type) {
    case FieldType::Date:
      e = decodeDateField(i, tmask);
      break;
    case FieldType::Time:
      if (ptype != Prefix::None) {
        if (ptype != Prefix::IsoTime)
          return Err::BadFormat;
        ptype = Prefix::None;
      }
      e = decodeTime(f.text, tmask);
      if (e == Err::Ok && !timeOnly && timeOverflows(tm))
        e = Err::FieldOverflow;
      break;
    case FieldType::Tz:
      e = decodeTimezone(f.text);
      tmask = M_TZ;
      break;
    case FieldType::Number:
      e = decodeNumberFieldAt(i, tmask);
      break;
    case FieldType::String:
    case FieldType::Special: {
      Keyword kw = lookupKeyword(f.text);
      if (kw.kind == KwKind::Ignore)
        continue;
      switch (kw.kind) {
      case KwKind::Special:
        switch (static_cast<Special>(kw.value)) {
        case Special::Now:
          tmask = timeOnly ? TimeMask : DateMask | TimeMask | M_TZ;
          dtype = Special::Now;
          tm.year = 2000;
          tm.mon = tm.mday = 1;
          break;
        case Special::Zulu:
          tmask = TimeMask | M_TZ;
          if (!timeOnly)
            dtype = Special::None;
          tm.hour = tm.min = tm.sec = 0;
          break;
        case Special::Today:
          if (timeOnly)
            return Err::BadFormat;
          tmask = DateMask;
          dtype = Special::None;
          tm.year = 2000;
          tm.mon = tm.mday = 1;
          break;
        default:
          if (timeOnly)
            return Err::BadFormat;
          tmask = M_SPECIAL;
          dtype = static_cast<Special>(kw.value);
          break;
        }
        break;
      case KwKind::Month:
        if (timeOnly)
          return Err::BadFormat;
        tmask = M_MONTH;
        if ((fmask & M_MONTH) && !haveTextMonth && !(fmask & M_DAY) && tm.mon >= 1 &&
            tm.mon <= 31) {
          tm.mday = tm.mon;
          tmask = M_DAY;
        }
        haveTextMonth = true;
        tm.mon = kw.value;
        break;
      case KwKind::Zone:
        tmask = M_TZ;
        break;
      case KwKind::DstMod:
        tmask = M_DTZMOD;
        break;
      case KwKind::AmPm:
        tmask = M_AMPM;
        mer = kw.value;
        break;
      case KwKind::AdBc:
        tmask = M_ADBC;
        bc = kw.value == 1;
        break;
      case KwKind::Dow:
        if (timeOnly)
          return Err::BadFormat;
        tmask = M_DOW;
        break;
      case KwKind::IsoTime:
        if (!timeOnly && (fmask & DateMask) != DateMask)
          return Err::BadFormat;
        if (ptype != Prefix::None)
          return Err::BadFormat;
        ptype = Prefix::IsoTime;
        break;
      case KwKind::Julian:
        if (ptype != Prefix::None)
          return Err::BadFormat;
        ptype = Prefix::Julian;
        break;
      case KwKind::None:
        // Before giving up, an all-alpha zone name such as "japan"?
        if (f.type == FieldType::String && isKnownTimeZone(f.text)) {
          tmask = M_TZ;
          break;
        }
        return Err::BadFormat;
      default: // ISO field labels ("y2001m02d04") are not supported
        return Err::BadFormat;
      }
      break;
    }
    }
    if (e != Err::Ok)
      return e;
    if (tmask & fmask)
      return Err::BadFormat;
    fmask |= tmask;
  }
  if (ptype != Prefix::None)
    return Err::BadFormat; // a dangling "t" or "j"
  if (Err e = validateDate(); e != Err::Ok)
    return e;
  if (mer != 0 && tm.hour > 12)
    return Err::FieldOverflow;
  if (mer == 1 && tm.hour == 12)
    tm.hour = 0;
  else if (mer == 2 && tm.hour != 12)
    tm.hour += 12;
  return Err::Ok;
}

} // namespace shc::pg::dt

bool input::dateTime(const Type &type, llvm::StringRef text, LiteralInputError &error) {
  TypeKind kind = type.getKind();
  // DateTimeParseError's spelling: "time", "timestamp", but "... with time zone".
  std::string typeName = kind == TypeKind::Time        ? "time"
                         : kind == TypeKind::Timestamp ? "timestamp"
                                                       : type.withoutModifiers().str();
  bool timeOnly = kind == TypeKind::Time || kind == TypeKind::TimeTz;
  std::vector<Field> fields;
  Err err = parseFields(text, fields);
  Decoder d(fields, timeOnly);
  if (err == Err::Ok)
    err = d.run();
  if (err == Err::UnknownZone)
    return reportError(err, typeName, d.unknownZone, error);
  if (err == Err::Ok) {
    int date = d.fmask & DateMask, time = d.fmask & TimeMask;
    if (timeOnly) {
      if (timeOverflows(d.tm))
        err = Err::FieldOverflow;
      else if (time != TimeMask)
        err = Err::BadFormat;
      else if (!(d.fmask & M_TZ) && date && date != DateMask)
        err = Err::BadFormat;
      else if (d.namedZoneWithDst && date != DateMask)
        err = Err::BadFormat;
      else if (!(d.fmask & M_TZ) && (d.fmask & M_DTZMOD))
        err = Err::BadFormat;
    } else if (d.dtype == Special::None || d.dtype == Special::Now) {
      if (date != DateMask)
        err = Err::BadFormat;
      else if ((d.fmask & M_DTZMOD) && !(d.fmask & M_TZ))
        err = Err::BadFormat;
    }
  }
  if (err == Err::Ok && !timeOnly && d.dtype == Special::None) {
    // Range checks of date_in / timestamp_in (Julian day limits).
    long y = d.tm.year;
    if (kind == TypeKind::Date && (y < -4713 || y > 5874897))
      err = Err::DateRange;
    else if (kind != TypeKind::Date && (y < -4713 || y > 294276))
      err = Err::TimestampRange;
  }
  if (err != Err::Ok)
    return reportError(err, typeName, text, error);
  return true;
}
