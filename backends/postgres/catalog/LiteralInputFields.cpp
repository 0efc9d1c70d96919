//===- LiteralInputFields.cpp - date/time fields, keywords and zones -------===//
//
// ParseDateTime and the keyword tables of PostgreSQL 15 (datetktbl and the
// "Default" time zone abbreviation set), shared by the date/time and interval
// input functions.
//
//===----------------------------------------------------------------------===//

#include "backends/postgres/catalog/LiteralInputFields.h"
#include "ir/TimeZones.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cctype>

using namespace shc;
using namespace shc::pg;
using namespace shc::pg::dt;

namespace {

struct KeywordEntry {
  const char *word;
  KwKind kind;
  int value;
};

// datetktbl (PostgreSQL 15, utils/adt/datetime.c).
const KeywordEntry coreKeywords[] = {
    {"-infinity", KwKind::Special, int(Special::Early)},
    {"ad", KwKind::AdBc, 0},
    {"allballs", KwKind::Special, int(Special::Zulu)},
    {"am", KwKind::AmPm, 1},
    {"apr", KwKind::Month, 4},
    {"april", KwKind::Month, 4},
    {"at", KwKind::Ignore, 0},
    {"aug", KwKind::Month, 8},
    {"august", KwKind::Month, 8},
    {"bc", KwKind::AdBc, 1},
    {"d", KwKind::Units, 0},
    {"dec", KwKind::Month, 12},
    {"december", KwKind::Month, 12},
    {"dow", KwKind::Units, 0},
    {"doy", KwKind::Units, 0},
    {"dst", KwKind::DstMod, 0},
    {"epoch", KwKind::Special, int(Special::Epoch)},
    {"feb", KwKind::Month, 2},
    {"february", KwKind::Month, 2},
    {"fri", KwKind::Dow, 5},
    {"friday", KwKind::Dow, 5},
    {"h", KwKind::Units, 0},
    {"infinity", KwKind::Special, int(Special::Late)},
    {"isodow", KwKind::Units, 0},
    {"isoyear", KwKind::Units, 0},
    {"j", KwKind::Julian, 0},
    {"jan", KwKind::Month, 1},
    {"january", KwKind::Month, 1},
    {"jd", KwKind::Julian, 0},
    {"jul", KwKind::Month, 7},
    {"julian", KwKind::Julian, 0},
    {"july", KwKind::Month, 7},
    {"jun", KwKind::Month, 6},
    {"june", KwKind::Month, 6},
    {"m", KwKind::Units, 0},
    {"mar", KwKind::Month, 3},
    {"march", KwKind::Month, 3},
    {"may", KwKind::Month, 5},
    {"mm", KwKind::Units, 0},
    {"mon", KwKind::Dow, 1},
    {"monday", KwKind::Dow, 1},
    {"nov", KwKind::Month, 11},
    {"november", KwKind::Month, 11},
    {"now", KwKind::Special, int(Special::Now)},
    {"oct", KwKind::Month, 10},
    {"october", KwKind::Month, 10},
    {"on", KwKind::Ignore, 0},
    {"pm", KwKind::AmPm, 2},
    {"s", KwKind::Units, 0},
    {"sat", KwKind::Dow, 6},
    {"saturday", KwKind::Dow, 6},
    {"sep", KwKind::Month, 9},
    {"sept", KwKind::Month, 9},
    {"september", KwKind::Month, 9},
    {"sun", KwKind::Dow, 0},
    {"sunday", KwKind::Dow, 0},
    {"t", KwKind::IsoTime, 0},
    {"thu", KwKind::Dow, 4},
    {"thur", KwKind::Dow, 4},
    {"thurs", KwKind::Dow, 4},
    {"thursday", KwKind::Dow, 4},
    {"today", KwKind::Special, int(Special::Today)},
    {"tomorrow", KwKind::Special, int(Special::Today)},
    {"tue", KwKind::Dow, 2},
    {"tues", KwKind::Dow, 2},
    {"tuesday", KwKind::Dow, 2},
    {"wed", KwKind::Dow, 3},
    {"wednesday", KwKind::Dow, 3},
    {"weds", KwKind::Dow, 3},
    {"y", KwKind::Units, 0},
    {"yesterday", KwKind::Special, int(Special::Today)},
};

// select lower(abbrev) from pg_timezone_abbrevs (the "Default" set).
const char *const zoneAbbrevs[] = {
    "acdt", "acsst",  "acst",  "act",    "acwst", "adt",   "aedt",  "aesst", "aest",  "aft",
    "akdt", "akst",   "almst", "almt",   "amst",  "amt",   "anast", "anat",  "arst",  "art",
    "ast",  "awsst",  "awst",  "azost",  "azot",  "azst",  "azt",   "bdst",  "bdt",   "bnt",
    "bort", "bot",    "bra",   "brst",   "brt",   "bst",   "btt",   "cadt",  "cast",  "cct",
    "cdt",  "cest",   "cet",   "cetdst", "chadt", "chast", "chut",  "ckt",   "clst",  "clt",
    "cot",  "cst",    "cxt",   "davt",   "ddut",  "easst", "east",  "eat",   "edt",   "eest",
    "eet",  "eetdst", "egst",  "egt",    "est",   "fet",   "fjst",  "fjt",   "fkst",  "fkt",
    "fnst", "fnt",    "galt",  "gamt",   "gest",  "get",   "gft",   "gilt",  "gmt",   "gyt",
    "hkt",  "hst",    "ict",   "idt",    "iot",   "irkst", "irkt",  "irt",   "ist",   "jayt",
    "jst",  "kdt",    "kgst",  "kgt",    "kost",  "krast", "krat",  "kst",   "lhdt",  "lhst",
    "ligt", "lint",   "lkt",   "magst",  "magt",  "mart",  "mawt",  "mdt",   "mest",  "mesz",
    "met",  "metdst", "mez",   "mht",    "mmt",   "mpt",   "msd",   "msk",   "mst",   "must",
    "mut",  "mvt",    "myt",   "ndt",    "nft",   "novst", "novt",  "npt",   "nst",   "nut",
    "nzdt", "nzst",   "nzt",   "omsst",  "omst",  "pdt",   "pet",   "petst", "pett",  "pgt",
    "pht",  "pkst",   "pkt",   "pmdt",   "pmst",  "pont",  "pst",   "pwt",   "pyst",  "pyt",
    "ret",  "sadt",   "sast",  "sct",    "sgt",   "taht",  "tft",   "tjt",   "tkt",   "tmt",
    "tot",  "trut",   "tvt",   "uct",    "ulast", "ulat",  "ut",    "utc",   "uyst",  "uyt",
    "uzst", "uzt",    "vet",   "vlast",  "vlat",  "volt",  "vut",   "wadt",  "wakt",  "wast",
    "wat",  "wdt",    "wet",   "wetdst", "wft",   "wgst",  "wgt",   "xjt",   "yakst", "yakt",
    "yapt", "yekst",  "yekt",  "z",      "zulu",
};

bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool isAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

/// datetktbl compares at most TOKMAXLEN (10) characters.
bool tokenEquals(llvm::StringRef word, const char *key) {
  return word.take_front(10) == llvm::StringRef(key).take_front(10);
}

const KeywordEntry *findCore(llvm::StringRef word) {
  for (const KeywordEntry &e : coreKeywords)
    if (tokenEquals(word, e.word))
      return &e;
  return nullptr;
}

/// A POSIX TZ specification such as "est5edt" or "abc-3", which pg_tzset
/// accepts as a last resort.
bool isPosixZone(llvm::StringRef s) {
  size_t i = 0;
  while (i < s.size() && isAlpha(s[i]))
    ++i;
  if (i < 3)
    return false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-'))
    ++i;
  if (i >= s.size() || !isDigit(s[i]))
    return false;
  return llvm::all_of(s.substr(i), [](char c) {
    return isAlnum(c) || c == ':' || c == ',' || c == '.' || c == '/' || c == '+' || c == '-';
  });
}

} // namespace

bool shc::pg::isKnownTimeZone(llvm::StringRef name) {
  std::string n = name.lower();
  for (const char *a : zoneAbbrevs)
    if (n == a)
      return true;
  if (!canonicalTimeZone(n).empty())
    return true;
  return n.find('/') == std::string::npos && isPosixZone(n);
}

Keyword dt::lookupKeyword(llvm::StringRef word) {
  for (const char *a : zoneAbbrevs)
    if (word == a)
      return {KwKind::Zone, 0};
  if (const KeywordEntry *e = findCore(word))
    return {e->kind, e->value};
  return {};
}

Err dt::parseFields(llvm::StringRef text, std::vector<Field> &fields) {
  size_t i = 0, n = text.size();
  auto at = [&](size_t k) { return k < n ? text[k] : '\0'; };
  while (i < n) {
    char c = text[i];
    if (isSpace(c)) {
      ++i;
      continue;
    }
    Field f{FieldType::Number, ""};
    if (isDigit(c)) {
      while (isDigit(at(i)))
        f.text += text[i++];
      if (at(i) == ':') {
        f.type = FieldType::Time;
        f.text += text[i++];
        while (isDigit(at(i)) || at(i) == ':' || at(i) == '.')
          f.text += text[i++];
      } else if (at(i) == '-' || at(i) == '/' || at(i) == '.') {
        char delim = text[i];
        f.text += text[i++];
        if (isDigit(at(i))) {
          f.type = delim == '.' ? FieldType::Number : FieldType::Date;
          while (isDigit(at(i)))
            f.text += text[i++];
          if (at(i) == delim) {
            f.type = FieldType::Date;
            f.text += text[i++];
            while (isDigit(at(i)) || at(i) == delim)
              f.text += text[i++];
          }
        } else {
          f.type = FieldType::Date;
          while (isAlnum(at(i)) || at(i) == delim)
            f.text += lower(text[i++]);
        }
      }
    } else if (c == '.') {
      f.text += text[i++];
      while (isDigit(at(i)))
        f.text += text[i++];
    } else if (isAlpha(c)) {
      f.type = FieldType::String;
      while (isAlpha(at(i)))
        f.text += lower(text[i++]);
      bool isDate = false;
      char next = at(i);
      if (next == '-' || next == '/' || next == '.')
        isDate = true;
      else if (next == '+' || isDigit(next))
        isDate = findCore(f.text) == nullptr;
      if (isDate) {
        f.type = FieldType::Date;
        do {
          f.text += lower(text[i++]);
        } while (at(i) == '+' || at(i) == '-' || at(i) == '/' || at(i) == '_' || at(i) == '.' ||
                 at(i) == ':' || isAlnum(at(i)));
      }
    } else if (c == '+' || c == '-') {
      f.text += text[i++];
      while (isSpace(at(i)))
        ++i;
      if (isDigit(at(i))) {
        f.type = FieldType::Tz;
        f.text += text[i++];
        while (isDigit(at(i)) || at(i) == ':' || at(i) == '.' || at(i) == '-')
          f.text += text[i++];
      } else if (isAlpha(at(i))) {
        f.type = FieldType::Special;
        while (isAlpha(at(i)))
          f.text += lower(text[i++]);
      } else {
        return Err::BadFormat;
      }
    } else if (std::ispunct(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    } else {
      return Err::BadFormat;
    }
    fields.push_back(std::move(f));
  }
  return Err::Ok;
}

bool dt::reportError(Err err, llvm::StringRef typeName, llvm::StringRef text,
                     LiteralInputError &error) {
  std::string quoted = "\"" + text.str() + "\"";
  error.detail.clear();
  error.hint.clear();
  switch (err) {
  case Err::FieldOverflow:
    error.message = "date/time field value out of range: " + quoted;
    break;
  case Err::MdFieldOverflow:
    error.message = "date/time field value out of range: " + quoted;
    error.hint = "Perhaps you need a different \"datestyle\" setting.";
    break;
  case Err::IntervalOverflow:
    error.message = "interval field value out of range: " + quoted;
    break;
  case Err::TzDispOverflow:
    error.message = "time zone displacement out of range: " + quoted;
    break;
  case Err::DateRange:
    error.message = "date out of range: " + quoted;
    break;
  case Err::TimestampRange:
    error.message = "timestamp out of range: " + quoted;
    break;
  case Err::IntervalRange:
    error.message = "interval out of range";
    break;
  case Err::UnknownZone: { // the caller passes the zone name as `text`
    error.message = "time zone " + quoted + " not recognized";
    std::string suggestion = suggestTimeZone(text);
    if (!suggestion.empty()) // " (did you mean 'x'?)"
      error.hint = llvm::StringRef(suggestion).trim().drop_front().drop_back().str();
    break;
  }
  default:
    error.message = "invalid input syntax for type " + typeName.str() + ": " + quoted;
    break;
  }
  return false;
}
