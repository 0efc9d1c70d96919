#pragma once

// Internal to ir/LiteralInputDate*.cpp: the state of PostgreSQL's
// DecodeDateTime / DecodeTimeOnly while it assigns fields.

#include "backends/postgres/catalog/LiteralInputFields.h"

#include <string>
#include <vector>

namespace shc::pg::dt {

/// The broken-down value being decoded (struct pg_tm + fsec).
struct Tm {
  long year = 0, mon = 0, mday = 0, hour = 0, min = 0, sec = 0, yday = 0;
  long fsec = 0; // microseconds
};

/// time_overflows: the fields exceed 24:00:00.
bool timeOverflows(const Tm &t);

/// strtol limited to the int range, as PostgreSQL's strtoint.
long strToInt(const char *s, const char **end, bool &overflow);

class Decoder {
public:
  Decoder(std::vector<Field> &fields, bool timeOnly) : fields(fields), timeOnly(timeOnly) {}

  Err run();
  Tm tm;
  Special dtype = Special::None;
  int fmask = 0;
  std::string unknownZone; ///< set with Err::UnknownZone
  /// A full zone name that may observe DST: a time needs a date to use it.
  bool namedZoneWithDst = false;

private:
  std::vector<Field> &fields;
  bool timeOnly;
  bool haveTextMonth = false, is2digits = false, bc = false, isJulian = false;
  enum class Prefix { None, IsoTime, Julian } ptype = Prefix::None;
  int mer = 0; // 0 = 24h, 1 = AM, 2 = PM

  Err decodeDateField(size_t i, int &tmask);
  Err decodeNumberFieldAt(size_t i, int &tmask);
  Err zoneOrRunTogether(const std::string &text, int &tmask);

  Err decodeDate(std::string str, int &tmask);
  Err decodeDateParts(std::string str, int &tmask);
  Err decodeNumber(const std::string &str, int &tmask);
  Err decodeNumberField(std::string str, int &tmask);
  Err decodeTime(const std::string &str, int &tmask);
  Err decodeTimezone(const std::string &str);
  Err validateDate();
};

} // namespace shc::pg::dt
