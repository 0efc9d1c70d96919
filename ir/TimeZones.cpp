//===- TimeZones.cpp - IANA time zone names --------------------------------===//

#include "ir/TimeZones.h"
#include "ir/Suggest.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <vector>

using namespace shc;

namespace {

struct ZoneName {
  const char *name;
  const char *zone;
};

const ZoneName zoneNames[] = {
#include "ir/TimeZoneNames.inc"
};

int compareLower(llvm::StringRef a, llvm::StringRef b) { return a.compare_insensitive(b); }

} // namespace

llvm::StringRef shc::canonicalTimeZone(llvm::StringRef name) {
  for (llvm::StringRef prefix : {"posix/", "right/"})
    if (name.size() > prefix.size() && name.take_front(prefix.size()).equals_insensitive(prefix))
      name = name.drop_front(prefix.size());
  const ZoneName *end = std::end(zoneNames);
  const ZoneName *it = std::lower_bound(std::begin(zoneNames), end, name,
                                        [](const ZoneName &z, llvm::StringRef n) {
                                          return compareLower(z.name, n) < 0;
                                        });
  if (it != end && compareLower(it->name, name) == 0)
    return it->zone;
  return "";
}

std::string shc::suggestTimeZone(llvm::StringRef name) {
  static const std::vector<llvm::StringRef> names = [] {
    std::vector<llvm::StringRef> v;
    for (const ZoneName &z : zoneNames)
      v.push_back(z.name);
    return v;
  }();
  return didYouMean(name, names);
}

llvm::StringRef shc::timeZoneDataVersion() { return SHC_TZDATA_VERSION; }

bool shc::parseUtcOffset(llvm::StringRef zone, int &minutes) {
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':')
    return false;
  unsigned h = 0, m = 0;
  if (!llvm::isDigit(zone[1]) || !llvm::isDigit(zone[2]) || !llvm::isDigit(zone[4]) ||
      !llvm::isDigit(zone[5]) || zone.substr(1, 2).getAsInteger(10, h) ||
      zone.substr(4, 2).getAsInteger(10, m) || h > 14 || m > 59)
    return false;
  minutes = static_cast<int>(h * 60 + m) * (zone[0] == '-' ? -1 : 1);
  return true;
}
