//===- LiteralInputDateParts.cpp - date/time field decoders ----------------===//
//
// The field-level helpers of PostgreSQL 15's datetime.c: DecodeTime,
// DecodeTimezone, DecodeNumberField, DecodeNumber, DecodeDate and
// ValidateDate, used by the decoder in LiteralInputDateTime.cpp.
//
//===----------------------------------------------------------------------===//

#include "backends/postgres/catalog/LiteralInputDecoder.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

using namespace shc;
using namespace shc::pg;
using namespace shc::pg::dt;

namespace {
bool isLeap(long y) { return (y % 4 == 0) && ((y % 100 != 0) || (y % 400 == 0)); }
const int dayTab[2][12] = {{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
                           {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}};

Err parseFractionalSecond(const char *cp, long &fsec) {
  if (cp[1] == '\0') { // a bare "." is zero (ParseFraction)
    fsec = 0;
    return Err::Ok;
  }
  char *end = nullptr;
  errno = 0;
  double frac = std::strtod(cp, &end);
  if (end == cp || *end != '\0' || errno)
    return Err::BadFormat;
  fsec = static_cast<long>(std::rint(frac * 1000000));
  return Err::Ok;
}

} // namespace

namespace shc::pg::dt {

long strToInt(const char *s, const char **end, bool &overflow) {
  errno = 0;
  char *e = nullptr;
  long v = std::strtol(s, &e, 10);
  *end = e;
  overflow = errno == ERANGE || v > 2147483647L || v < -2147483648L;
  return v;
}

Err Decoder::decodeTime(const std::string &str, int &tmask) {
  tmask = TimeMask;
  const char *cp;
  bool ovf;
  tm.hour = strToInt(str.c_str(), &cp, ovf);
  if (ovf)
    return Err::FieldOverflow;
  if (*cp != ':')
    return Err::BadFormat;
  tm.min = strToInt(cp + 1, &cp, ovf);
  if (ovf)
    return Err::FieldOverflow;
  if (*cp == '\0') {
    tm.sec = 0;
    tm.fsec = 0;
  } else if (*cp == '.') {
    if (Err e = parseFractionalSecond(cp, tm.fsec); e != Err::Ok)
      return e;
    tm.sec = tm.min;
    tm.min = tm.hour;
    tm.hour = 0;
  } else if (*cp == ':') {
    tm.sec = strToInt(cp + 1, &cp, ovf);
    if (ovf)
      return Err::FieldOverflow;
    if (*cp == '\0')
      tm.fsec = 0;
    else if (*cp == '.') {
      if (Err e = parseFractionalSecond(cp, tm.fsec); e != Err::Ok)
        return e;
    } else
      return Err::BadFormat;
  } else {
    return Err::BadFormat;
  }
  if (tm.hour < 0 || tm.min < 0 || tm.min > 59 || tm.sec < 0 || tm.sec > 60 || tm.fsec < 0 ||
      tm.fsec > 1000000)
    return Err::FieldOverflow;
  return Err::Ok;
}

Err Decoder::decodeTimezone(const std::string &str) {
  if (str.empty() || (str[0] != '+' && str[0] != '-'))
    return Err::BadFormat;
  const char *cp;
  bool ovf;
  long hr = strToInt(str.c_str() + 1, &cp, ovf), min = 0, sec = 0;
  if (ovf)
    return Err::TzDispOverflow;
  if (*cp == ':') {
    min = strToInt(cp + 1, &cp, ovf);
    if (ovf)
      return Err::TzDispOverflow;
    if (*cp == ':') {
      sec = strToInt(cp + 1, &cp, ovf);
      if (ovf)
        return Err::TzDispOverflow;
    }
  } else if (*cp == '\0' && str.size() > 3) {
    min = hr % 100;
    hr = hr / 100;
  }
  if (hr < 0 || hr > 15 || min < 0 || min >= 60 || sec < 0 || sec >= 60)
    return Err::TzDispOverflow;
  return *cp == '\0' ? Err::Ok : Err::BadFormat;
}

Err Decoder::decodeNumberField(std::string str, int &tmask) {
  size_t dot = str.find('.');
  if (dot != std::string::npos) {
    if (dot + 1 < str.size()) {
      errno = 0;
      double frac = std::strtod(str.c_str() + dot, nullptr);
      if (errno)
        return Err::BadFormat;
      tm.fsec = static_cast<long>(std::rint(frac * 1000000));
    }
    str.resize(dot);
  } else if ((fmask & DateMask) != DateMask) {
    if (str.size() >= 6) {
      size_t len = str.size();
      tmask = DateMask;
      tm.mday = std::atol(str.substr(len - 2).c_str());
      tm.mon = std::atol(str.substr(len - 4, 2).c_str());
      tm.year = std::atol(str.substr(0, len - 4).c_str());
      if (len - 4 == 2)
        is2digits = true;
      return Err::Ok;
    }
  }
  if ((fmask & TimeMask) != TimeMask) {
    if (str.size() == 6) {
      tmask = TimeMask;
      tm.sec = std::atol(str.substr(4).c_str());
      tm.min = std::atol(str.substr(2, 2).c_str());
      tm.hour = std::atol(str.substr(0, 2).c_str());
      return Err::Ok;
    }
    if (str.size() == 4) {
      tmask = TimeMask;
      tm.sec = 0;
      tm.min = std::atol(str.substr(2).c_str());
      tm.hour = std::atol(str.substr(0, 2).c_str());
      return Err::Ok;
    }
  }
  return Err::BadFormat;
}

Err Decoder::decodeNumber(const std::string &str, int &tmask) {
  tmask = 0;
  const char *cp;
  bool ovf;
  long val = strToInt(str.c_str(), &cp, ovf);
  if (ovf)
    return Err::FieldOverflow;
  if (cp == str.c_str())
    return Err::BadFormat;
  size_t flen = str.size();
  if (*cp == '.') {
    if (cp - str.c_str() > 2) {
      int saved = fmask;
      fmask |= DateMask;
      Err e = decodeNumberField(str, tmask);
      fmask = saved;
      return e;
    }
    if (Err e = parseFractionalSecond(cp, tm.fsec); e != Err::Ok)
      return e;
  } else if (*cp != '\0') {
    return Err::BadFormat;
  }
  if (flen == 3 && (fmask & DateMask) == M_YEAR && val >= 1 && val <= 366) {
    tmask = M_DOY | M_MONTH | M_DAY;
    tm.yday = val;
    return Err::Ok;
  }
  switch (fmask & DateMask) {
  case 0:
    if (flen >= 3) {
      tmask = M_YEAR;
      tm.year = val;
    } else {
      tmask = M_MONTH; // DateOrder MDY
      tm.mon = val;
    }
    break;
  case M_YEAR:
    tmask = M_MONTH;
    tm.mon = val;
    break;
  case M_MONTH:
    if (haveTextMonth && flen >= 3) {
      tmask = M_YEAR;
      tm.year = val;
    } else {
      tmask = M_DAY;
      tm.mday = val;
    }
    break;
  case M_YEAR | M_MONTH:
    if (haveTextMonth && flen >= 3 && is2digits) {
      tmask = M_DAY;
      tm.mday = tm.year;
      tm.year = val;
      is2digits = false;
    } else {
      tmask = M_DAY;
      tm.mday = val;
    }
    break;
  case M_DAY:
    tmask = M_MONTH;
    tm.mon = val;
    break;
  case M_MONTH | M_DAY:
    tmask = M_YEAR;
    tm.year = val;
    break;
  case M_YEAR | M_MONTH | M_DAY:
    return decodeNumberField(str, tmask);
  default:
    return Err::BadFormat;
  }
  if (tmask == M_YEAR)
    is2digits = flen <= 2;
  return Err::Ok;
}

Err Decoder::decodeDate(std::string str, int &tmask) {
  // DecodeDate works on a copy of the field mask.
  int saved = fmask;
  Err e = decodeDateParts(str, tmask);
  fmask = saved;
  return e;
}

Err Decoder::decodeDateParts(std::string str, int &tmask) {
  tmask = 0;
  std::vector<std::string> parts;
  size_t i = 0;
  while (i < str.size()) {
    while (i < str.size() && !std::isalnum(static_cast<unsigned char>(str[i])))
      ++i;
    if (i >= str.size())
      return Err::BadFormat;
    size_t start = i;
    if (std::isdigit(static_cast<unsigned char>(str[i])))
      while (i < str.size() && std::isdigit(static_cast<unsigned char>(str[i])))
        ++i;
    else if (std::isalpha(static_cast<unsigned char>(str[i])))
      while (i < str.size() && std::isalpha(static_cast<unsigned char>(str[i])))
        ++i;
    parts.push_back(str.substr(start, i - start));
    if (i < str.size())
      ++i; // drop one separator
  }
  std::vector<bool> done(parts.size(), false);
  for (size_t k = 0; k < parts.size(); ++k) {
    if (!std::isalpha(static_cast<unsigned char>(parts[k][0])))
      continue;
    Keyword kw = lookupKeyword(parts[k]);
    if (kw.kind == KwKind::Ignore)
      continue;
    if (kw.kind != KwKind::Month || (fmask & M_MONTH))
      return Err::BadFormat;
    tm.mon = kw.value;
    haveTextMonth = true;
    fmask |= M_MONTH;
    tmask |= M_MONTH;
    done[k] = true;
  }
  for (size_t k = 0; k < parts.size(); ++k) {
    if (done[k] || std::isalpha(static_cast<unsigned char>(parts[k][0])))
      continue;
    if (parts[k].empty())
      return Err::BadFormat;
    int dmask = 0;
    if (Err e = decodeNumber(parts[k], dmask); e != Err::Ok)
      return e;
    if (fmask & dmask)
      return Err::BadFormat;
    fmask |= dmask;
    tmask |= dmask;
  }
  if ((fmask & ~(M_DOY | M_TZ)) != DateMask)
    return Err::BadFormat;
  return Err::Ok;
}

Err Decoder::validateDate() {
  if (fmask & M_YEAR) {
    if (isJulian) {
      // the year is already correct
    } else if (bc) {
      if (tm.year <= 0)
        return Err::FieldOverflow;
      tm.year = -(tm.year - 1);
    } else if (is2digits) {
      if (tm.year < 0)
        return Err::FieldOverflow;
      if (tm.year < 70)
        tm.year += 2000;
      else if (tm.year < 100)
        tm.year += 1900;
    } else if (tm.year <= 0) {
      return Err::FieldOverflow;
    }
  }
  if (fmask & M_DOY) {
    long y = tm.year, d = tm.yday;
    long m = 0;
    while (m < 12 && d > dayTab[isLeap(y)][m])
      d -= dayTab[isLeap(y)][m++];
    if (m == 12) { // past the end of the year: j2date carries into next year
      ++y;
      m = 0;
    }
    tm.year = y;
    tm.mon = m + 1;
    tm.mday = d;
  }
  if ((fmask & M_MONTH) && (tm.mon < 1 || tm.mon > 12))
    return Err::MdFieldOverflow;
  if ((fmask & M_DAY) && (tm.mday < 1 || tm.mday > 31))
    return Err::MdFieldOverflow;
  if ((fmask & DateMask) == DateMask && tm.mday > dayTab[isLeap(tm.year)][tm.mon - 1])
    return Err::FieldOverflow;
  return Err::Ok;
}

bool timeOverflows(const Tm &t) {
  if (t.hour < 0 || t.hour > 24 || t.min < 0 || t.min >= 60 || t.sec < 0 || t.sec > 60 ||
      t.fsec < 0 || t.fsec > 1000000)
    return true;
  return ((t.hour * 60 + t.min) * 60 + t.sec) * 1000000LL + t.fsec > 86400LL * 1000000;
}

} // namespace shc::pg::dt
