//===- LiteralInputUnits.cpp - PostgreSQL's date/interval unit words -------===//

#include "backends/postgres/catalog/LiteralInput.h"
#include "backends/postgres/catalog/LiteralInputUnits.h"

#include <string>

using namespace shc;
using namespace shc::pg;
using namespace shc::pg::dt;

namespace {


struct UnitEntry {
  const char *word;
  Unit unit;
};

// deltatktbl (PostgreSQL 15).
const UnitEntry unitTable[] = {
    {"@", Unit::Ignore},
    {"ago", Unit::Ago},
    {"c", Unit::Century},
    {"cent", Unit::Century},
    {"centuries", Unit::Century},
    {"century", Unit::Century},
    {"d", Unit::Day},
    {"day", Unit::Day},
    {"days", Unit::Day},
    {"dec", Unit::Decade},
    {"decade", Unit::Decade},
    {"decades", Unit::Decade},
    {"decs", Unit::Decade},
    {"h", Unit::Hour},
    {"hour", Unit::Hour},
    {"hours", Unit::Hour},
    {"hr", Unit::Hour},
    {"hrs", Unit::Hour},
    {"m", Unit::Minute},
    {"microsecon", Unit::Microsec},
    {"mil", Unit::Millennium},
    {"millennia", Unit::Millennium},
    {"millennium", Unit::Millennium},
    {"millisecon", Unit::Millisec},
    {"mils", Unit::Millennium},
    {"min", Unit::Minute},
    {"mins", Unit::Minute},
    {"minute", Unit::Minute},
    {"minutes", Unit::Minute},
    {"mon", Unit::Month},
    {"mons", Unit::Month},
    {"month", Unit::Month},
    {"months", Unit::Month},
    {"ms", Unit::Millisec},
    {"msec", Unit::Millisec},
    {"msecond", Unit::Millisec},
    {"mseconds", Unit::Millisec},
    {"msecs", Unit::Millisec},
    {"qtr", Unit::Quarter},
    {"quarter", Unit::Quarter},
    {"s", Unit::Second},
    {"sec", Unit::Second},
    {"second", Unit::Second},
    {"seconds", Unit::Second},
    {"secs", Unit::Second},
    {"timezone", Unit::Tz},
    {"timezone_h", Unit::Tz},
    {"timezone_m", Unit::Tz},
    {"us", Unit::Microsec},
    {"usec", Unit::Microsec},
    {"usecond", Unit::Microsec},
    {"useconds", Unit::Microsec},
    {"usecs", Unit::Microsec},
    {"w", Unit::Week},
    {"week", Unit::Week},
    {"weeks", Unit::Week},
    {"y", Unit::Year},
    {"year", Unit::Year},
    {"years", Unit::Year},
    {"yr", Unit::Year},
    {"yrs", Unit::Year},
};

} // namespace

Unit shc::pg::dt::lookupUnit(llvm::StringRef word) {
  llvm::StringRef w = word.take_front(10); // TOKMAXLEN
  for (const UnitEntry &e : unitTable)
    if (w == llvm::StringRef(e.word).take_front(10))
      return e.unit;
  return Unit::None;
}

bool shc::pg::isKnownDateUnit(llvm::StringRef unit) {
  std::string u = unit.lower();
  Unit found = lookupUnit(u);
  if (found != Unit::None && found != Unit::Ignore && found != Unit::Ago)
    return true;
  // Units DecodeSpecial knows (datetktbl).
  for (const char *s : {"epoch", "dow", "doy", "isodow", "isoyear", "julian", "j", "jd"})
    if (u == s)
      return true;
  return false;
}

DateUnitKind shc::pg::classifyDateUnit(llvm::StringRef unit) {
  std::string u = unit.lower();
  if (u == "epoch")
    return DateUnitKind::Epoch;
  for (const char *s : {"dow", "doy", "isodow", "isoyear", "julian", "j", "jd"})
    if (u == s)
      return DateUnitKind::Special;
  switch (lookupUnit(u)) {
  case Unit::Microsec:
  case Unit::Millisec:
  case Unit::Second:
  case Unit::Minute:
  case Unit::Hour:
    return DateUnitKind::TimeOfDay;
  case Unit::Day:
    return DateUnitKind::Day;
  case Unit::Week:
    return DateUnitKind::Week;
  case Unit::Month:
  case Unit::Quarter:
  case Unit::Year:
  case Unit::Decade:
  case Unit::Century:
  case Unit::Millennium:
    return DateUnitKind::Calendar;
  case Unit::Tz:
    return DateUnitKind::Zone;
  default:
    return DateUnitKind::Unknown;
  }
}
