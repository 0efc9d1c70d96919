//===- LiteralInputInterval.cpp - interval input as PostgreSQL decodes it ---===//
//
// interval_in of PostgreSQL 15: the field splitter shared with dates, then
// DecodeInterval ("1 day 2 hours", "1-2", "3 04:05:06", "1 day ago"), and on
// a format error DecodeISO8601Interval ("P1Y2M3DT4H5M6S",
// "P0001-02-03T04:05:06").
//
//===----------------------------------------------------------------------===//

#include "backends/postgres/catalog/LiteralInputFields.h"
#include "backends/postgres/catalog/LiteralInputUnits.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

using namespace shc;
using namespace shc::pg;
using namespace shc::pg::dt;

namespace {


int unitMask(Unit u, bool hasFraction) {
  switch (u) {
  case Unit::Microsec:
    return M_USEC;
  case Unit::Millisec:
    return M_MSEC;
  case Unit::Second:
    return hasFraction ? (M_SECOND | M_MSEC | M_USEC) : M_SECOND;
  case Unit::Minute:
    return M_MINUTE;
  case Unit::Hour:
    return M_HOUR;
  case Unit::Day:
    return M_DAY;
  case Unit::Week:
    return M_WEEK;
  case Unit::Month:
    return M_MONTH;
  case Unit::Year:
    return M_YEAR;
  case Unit::Decade:
    return M_DOY; // distinct bits; the names do not matter
  case Unit::Century:
    return M_DOW;
  case Unit::Millennium:
    return M_ADBC;
  default:
    return -1;
  }
}

/// DecodeTime for intervals: hours unbounded, minutes < 60, seconds <= 60.
Err decodeIntervalTime(const char *str) {
  char *cp;
  errno = 0;
  long long hour = std::strtoll(str, &cp, 10);
  if (errno == ERANGE)
    return Err::FieldOverflow;
  if (*cp != ':')
    return Err::BadFormat;
  long min = std::strtol(cp + 1, &cp, 10), sec = 0;
  double fsec = 0;
  if (*cp == '.' || (*cp == ':' && (sec = std::strtol(cp + 1, &cp, 10), true))) {
    if (*cp == '.') {
      char *end;
      fsec = std::strtod(cp, &end);
      if (end == cp || *end != '\0')
        return Err::BadFormat;
    } else if (*cp != '\0') {
      return Err::BadFormat;
    }
  } else if (*cp != '\0') {
    return Err::BadFormat;
  }
  if (hour < 0 || min < 0 || min > 59 || sec < 0 || sec > 60 || fsec < 0 || fsec > 1)
    return Err::FieldOverflow;
  return Err::Ok;
}

Err parseFraction(const char *cp) {
  if (cp[1] == '\0')
    return Err::Ok;
  char *end;
  errno = 0;
  std::strtod(cp, &end);
  return (*end != '\0' || errno) ? Err::BadFormat : Err::Ok;
}

/// Running totals, to report the overflows interval_in reports.
struct Totals {
  double years = 0, months = 0, days = 0, usec = 0;
  Err add(Unit u, double v) {
    switch (u) {
    case Unit::Microsec:
      usec += v;
      break;
    case Unit::Millisec:
      usec += v * 1e3;
      break;
    case Unit::Second:
      usec += v * 1e6;
      break;
    case Unit::Minute:
      usec += v * 6e7;
      break;
    case Unit::Hour:
      usec += v * 3.6e9;
      break;
    case Unit::Day:
      days += v;
      break;
    case Unit::Week:
      days += v * 7;
      break;
    case Unit::Month:
      months += v;
      break;
    case Unit::Year:
      years += v;
      break;
    case Unit::Decade:
      years += v * 10;
      break;
    case Unit::Century:
      years += v * 100;
      break;
    case Unit::Millennium:
      years += v * 1000;
      break;
    default:
      break;
    }
    const double int32Max = 2147483647.0;
    if (std::fabs(years) > int32Max || std::fabs(days) > int32Max || std::fabs(months) > int32Max ||
        std::fabs(usec) > 9.2e18)
      return Err::FieldOverflow;
    return Err::Ok;
  }
};

Err decodeInterval(std::vector<Field> &fields) {
  Totals totals;
  int fmask = 0;
  Unit type = Unit::None;
  for (size_t idx = fields.size(); idx-- > 0;) {
    const Field &f = fields[idx];
    int tmask = 0;
    switch (f.type) {
    case FieldType::Time:
      if (Err e = decodeIntervalTime(f.text.c_str()); e != Err::Ok)
        return e;
      tmask = TimeMask;
      type = Unit::Day;
      break;
    case FieldType::Tz:
      if (f.text.find(':', 1) != std::string::npos &&
          decodeIntervalTime(f.text.c_str() + 1) == Err::Ok) {
        tmask = TimeMask;
        type = Unit::Day;
        break;
      }
      [[fallthrough]];
    case FieldType::Date:
    case FieldType::Number: {
      if (type == Unit::None)
        type = Unit::Second;
      const char *s = f.text.c_str();
      char *cp;
      errno = 0;
      double value = static_cast<double>(std::strtoll(s, &cp, 10));
      if (errno == ERANGE)
        return Err::FieldOverflow;
      bool fraction = false;
      if (*cp == '-') {
        long v2 = std::strtol(cp + 1, &cp, 10);
        if (errno == ERANGE || v2 < 0 || v2 >= 12)
          return Err::FieldOverflow;
        if (*cp != '\0')
          return Err::BadFormat;
        type = Unit::Month;
        value = value * 12 + (s[0] == '-' ? -v2 : v2);
      } else if (*cp == '.') {
        if (Err e = parseFraction(cp); e != Err::Ok)
          return e;
        fraction = true;
        value += (s[0] == '-' ? -1 : 1) * std::strtod(cp, nullptr);
      } else if (*cp != '\0') {
        return Err::BadFormat;
      }
      if (Err e = totals.add(type, value); e != Err::Ok)
        return e;
      tmask = unitMask(type, fraction);
      if (tmask < 0)
        return Err::BadFormat;
      if (type == Unit::Hour)
        type = Unit::Day;
      break;
    }
    case FieldType::String:
    case FieldType::Special: {
      Unit u = lookupUnit(f.text);
      if (u == Unit::Ignore)
        continue;
      if (u == Unit::Ago) { // sets an invalid unit: "1.5 ago" is rejected
        type = Unit::Ago;
        break;
      }
      if (u == Unit::None)
        return Err::BadFormat;
      type = u;
      break;
    }
    }
    if (tmask & fmask)
      return Err::BadFormat;
    fmask |= tmask;
  }
  if (fmask == 0)
    return Err::BadFormat;
  if (std::fabs(totals.years * 12 + totals.months) > 2147483647.0)
    return Err::IntervalRange;
  return Err::Ok;
}

/// ParseISO8601Number: anything strtod takes, |value| <= 1e15.
Err parseIsoNumber(const char *&str) {
  if (!(std::isdigit(static_cast<unsigned char>(*str)) || *str == '-' || *str == '.'))
    return Err::BadFormat;
  char *end;
  errno = 0;
  double v = std::strtod(str, &end);
  if (end == str || errno != 0)
    return Err::BadFormat;
  if (std::isnan(v) || v < -1.0e15 || v > 1.0e15)
    return Err::FieldOverflow;
  str = end;
  return Err::Ok;
}

size_t isoIntegerWidth(const char *s) {
  if (*s == '-')
    ++s;
  size_t n = 0;
  while (std::isdigit(static_cast<unsigned char>(s[n])))
    ++n;
  return n;
}

/// The extended alternative format after "<n>-" ("MM-DD") or "<n>:"
/// ("MM:SS"); `toTime` is set when a date part is followed by "T".
Err isoExtended(const char *&str, char sep, bool date, bool &toTime) {
  for (int part = 0; part < 2; ++part) {
    if (part == 1) {
      if (*str != sep)
        return Err::BadFormat;
      ++str;
    }
    if (Err e = parseIsoNumber(str); e != Err::Ok)
      return e;
    if (*str == '\0')
      return Err::Ok;
    if (date && *str == 'T') {
      toTime = true;
      return Err::Ok;
    }
  }
  return Err::BadFormat;
}

Err decodeIsoInterval(llvm::StringRef text) {
  std::string buf = text.str();
  const char *str = buf.c_str();
  if (buf.size() < 2 || str[0] != 'P')
    return Err::BadFormat;
  ++str;
  bool datePart = true, haveField = false;
  while (*str) {
    if (*str == 'T') {
      datePart = false;
      haveField = false;
      ++str;
      continue;
    }
    const char *fieldStart = str;
    if (Err e = parseIsoNumber(str); e != Err::Ok)
      return e;
    char unit = *str;
    if (unit)
      ++str;
    if (datePart) {
      switch (unit) {
      case 'Y':
      case 'M':
      case 'W':
      case 'D':
        break;
      case 'T':
      case '\0':
        if (isoIntegerWidth(fieldStart) == 8 && !haveField) {
          if (unit == '\0')
            return Err::Ok;
          datePart = false;
          haveField = false;
          continue;
        }
        [[fallthrough]];
      case '-': {
        if (haveField)
          return Err::BadFormat;
        if (unit == '\0')
          return Err::Ok;
        if (unit == 'T') {
          datePart = false;
          continue;
        }
        bool toTime = false;
        if (Err e = isoExtended(str, '-', true, toTime); e != Err::Ok)
          return e;
        if (!toTime)
          return Err::Ok;
        haveField = false;
        continue; // the loop consumes the 'T'
      }
      default:
        return Err::BadFormat;
      }
    } else {
      switch (unit) {
      case 'H':
      case 'M':
      case 'S':
        break;
      case '\0':
        if (isoIntegerWidth(fieldStart) == 6 && !haveField)
          return Err::Ok;
        [[fallthrough]];
      case ':': {
        if (haveField)
          return Err::BadFormat;
        if (unit == '\0')
          return Err::Ok;
        bool toTime = false;
        return isoExtended(str, ':', false, toTime);
      }
      default:
        return Err::BadFormat;
      }
    }
    haveField = true;
  }
  return Err::Ok;
}

} // namespace

bool input::interval(llvm::StringRef text, LiteralInputError &error) {
  std::vector<Field> fields;
  Err err = parseFields(text, fields);
  if (err == Err::Ok)
    err = decodeInterval(fields);
  if (err == Err::BadFormat)
    err = decodeIsoInterval(text);
  if (err == Err::FieldOverflow)
    err = Err::IntervalOverflow;
  if (err == Err::Ok)
    return true;
  return reportError(err, "interval", text, error);
}
