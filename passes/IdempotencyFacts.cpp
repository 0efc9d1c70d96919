//===- IdempotencyFacts.cpp - which facts imply and keep which ------------===//
//
// The relations of the idempotency algebra (IdempotencyAlgebra.h): implication
// between facts, which steps keep which facts of their input, and facts of
// constants. Every rule is on the safe side: a case-mapping function keeps a
// fact about a constant only when that constant is ASCII without letters
// (case mapping neither creates nor removes such characters, in any locale),
// and a fact about characters the server's locale classifies (\s against a
// non-ASCII character) is never assumed.
//
//===----------------------------------------------------------------------===//

#include "passes/IdempotencyAlgebra.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <cmath>
#include <cstdlib>

using namespace shc;
using namespace shc::idem;

std::optional<bool> CharClass::contains(uint32_t c) const {
  switch (named) {
  case Named::Space:
    if (c >= 0x80)
      return std::nullopt;
    return c == ' ' || (c >= '\t' && c <= '\r');
  case Named::Digit:
    if (c >= 0x80)
      return std::nullopt;
    return c >= '0' && c <= '9';
  case Named::None:
    return llvm::is_contained(members, c);
  }
  return std::nullopt;
}

std::optional<long double> idem::numberOf(const std::string &text) {
  llvm::StringRef t = llvm::StringRef(text).trim();
  if (t.empty() || !llvm::all_of(t, [](char c) {
        return llvm::isDigit(c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      }))
    return std::nullopt;
  std::string s = t.str();
  char *end = nullptr;
  long double v = std::strtold(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

namespace {

using K = Fact::Kind;
using S = Step::Kind;

bool ascii(const std::string &s) {
  return llvm::all_of(s, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}
bool noLetters(const std::string &s) {
  return ascii(s) && llvm::none_of(s, [](char c) { return llvm::isAlpha(c); });
}
bool noAlnum(const std::string &s) {
  return ascii(s) && llvm::none_of(s, [](char c) { return llvm::isAlnum(c); });
}
/// PostgreSQL's initcap on ASCII: upper after a non-alphanumeric, else lower.
std::string initcapAscii(const std::string &s) {
  std::string out;
  bool prevAlnum = false;
  for (char c : s) {
    out += prevAlnum ? llvm::toLower(c) : llvm::toUpper(c);
    prevAlnum = llvm::isAlnum(c);
  }
  return out;
}

bool contains(const std::vector<uint32_t> &set, uint32_t c) { return llvm::is_contained(set, c); }

/// Every code point of `s` is known not to be in `cls`.
bool noneIn(const std::string &s, const CharClass &cls) {
  return llvm::all_of(codePoints(s), [&](uint32_t c) { return cls.contains(c) == false; });
}
/// Every code point of `s` is known to be in `cls`.
bool allIn(const std::string &s, const CharClass &cls) {
  return llvm::all_of(codePoints(s), [&](uint32_t c) { return cls.contains(c) == true; });
}

/// Whether the decimal `text` has no digits beyond 10^-places.
bool roundedTo(const std::string &text, int64_t places) {
  llvm::StringRef t = llvm::StringRef(text).trim();
  t.consume_front("-");
  t.consume_front("+");
  auto [intPart, frac] = t.split('.');
  if (intPart.empty() && frac.empty())
    return false;
  if (!llvm::all_of(intPart, llvm::isDigit) || !llvm::all_of(frac, llvm::isDigit))
    return false;
  frac = frac.rtrim('0');
  if (places >= 0)
    return static_cast<int64_t>(frac.size()) <= places;
  llvm::StringRef digits = intPart.ltrim('0');
  return frac.empty() && (digits.empty() || (static_cast<int64_t>(digits.size()) > -places &&
                                             digits.take_back(-places).rtrim('0').empty()));
}

/// date_trunc units, finest first; -1 for units without an order here.
int unitRank(llvm::StringRef unit) {
  static const char *const order[] = {"microseconds", "milliseconds", "second", "minute",
                                      "hour",         "day",          "week",   "month",
                                      "quarter",      "year",         "decade", "century",
                                      "millennium"};
  for (int i = 0; i < 13; ++i)
    if (unit == order[i])
      return i;
  return -1;
}

/// Truncated(u) implies Truncated(v): v is finer, and a week start is not
/// implied by a month (or coarser) start.
bool truncImplies(llvm::StringRef u, llvm::StringRef v) {
  if (u == v)
    return true;
  auto [uu, uz] = u.split('@');
  auto [vu, vz] = v.split('@');
  int ru = unitRank(uu), rv = unitRank(vu);
  if (uz != vz || ru < 0 || rv < 0)
    return false;
  return rv <= ru && (vu != "week" || uu == "week");
}

int compareNumbers(const std::string &a, const std::string &b) {
  std::optional<long double> x = numberOf(a), y = numberOf(b);
  if (!x || !y)
    return a == b ? 0 : 2; // 2: not comparable
  return *x < *y ? -1 : *x > *y ? 1 : 0;
}

bool sameFact(const Fact &a, const Fact &b) {
  return a.kind == b.kind && a.text == b.text && a.n == b.n && a.cls == b.cls;
}

bool firstNotIn(const std::string &k, const std::string &chars, bool last) {
  std::vector<uint32_t> cps = codePoints(k);
  if (cps.empty())
    return false;
  return !contains(codePoints(chars), last ? cps.back() : cps.front());
}

} // namespace

std::string Fact::describe() const {
  auto quoted = [](const std::string &t) { return "'" + t + "'"; };
  switch (kind) {
  case K::Lowercase:
    return "lower-case";
  case K::Uppercase:
    return "upper-case";
  case K::Initcapped:
    return "initcapped";
  case K::TrimLeft:
    return "without a leading " + quoted(text);
  case K::TrimRight:
    return "without a trailing " + quoted(text);
  case K::NoSubstring:
    return "free of " + quoted(text);
  case K::Runs:
    return text.empty() ? "free of " + cls.spelling
                        : "with each run of " + cls.spelling + " written " + quoted(text);
  case K::MaxLength:
    return "at most " + std::to_string(n) + " characters long";
  case K::NotNull:
    return "not NULL";
  case K::NotEqual:
    return "never " + quoted(text);
  case K::Ge:
    return ">= " + text;
  case K::Le:
    return "<= " + text;
  case K::Rounded:
    return "rounded to " + std::to_string(n) + " places";
  case K::Truncated:
    return "truncated to " + quoted(text);
  }
  return "?";
}

bool idem::constantSatisfies(const std::string &k, bool numeric, const Fact &f) {
  std::vector<uint32_t> cps = codePoints(k);
  switch (f.kind) {
  case K::Lowercase:
    return ascii(k) && llvm::none_of(k, [](char c) { return (c >= 'A' && c <= 'Z'); });
  case K::Uppercase:
    return ascii(k) && llvm::none_of(k, [](char c) { return (c >= 'a' && c <= 'z'); });
  case K::Initcapped:
    return ascii(k) && initcapAscii(k) == k;
  case K::TrimLeft:
    return cps.empty() || firstNotIn(k, f.text, false);
  case K::TrimRight:
    return cps.empty() || firstNotIn(k, f.text, true);
  case K::NoSubstring:
    return k.find(f.text) == std::string::npos;
  case K::Runs: {
    // Every maximal run of the class in k is exactly f.text.
    std::string run;
    for (size_t i = 0; i <= cps.size(); ++i) {
      std::optional<bool> in = i < cps.size() ? f.cls.contains(cps[i]) : false;
      if (!in)
        return false;
      if (*in) {
        run += std::string(1, static_cast<char>(cps[i]));
        continue;
      }
      if (!run.empty() && run != f.text)
        return false;
      run.clear();
    }
    return true;
  }
  case K::MaxLength:
    return static_cast<int64_t>(cps.size()) <= f.n;
  case K::NotNull:
    return true;
  case K::NotEqual:
    return numeric ? compareNumbers(k, f.text) != 0 && compareNumbers(k, f.text) != 2
                   : k != f.text;
  case K::Ge:
    return numeric ? (compareNumbers(k, f.text) == 0 || compareNumbers(k, f.text) == 1)
                   : k == f.text;
  case K::Le:
    return numeric ? (compareNumbers(k, f.text) == 0 || compareNumbers(k, f.text) == -1)
                   : k == f.text;
  case K::Rounded:
    return numeric && roundedTo(k, f.n);
  case K::Truncated:
    return false;
  }
  return false;
}

bool idem::implies(const std::vector<Fact> &s, const Fact &f) {
  for (const Fact &g : s) {
    if (sameFact(g, f))
      return true;
    if (g.kind == f.kind) {
      switch (f.kind) {
      case K::TrimLeft:
      case K::TrimRight:
        if (llvm::all_of(codePoints(f.text),
                         [&](uint32_t c) { return contains(codePoints(g.text), c); }))
          return true;
        break;
      case K::NoSubstring:
        if (f.text.find(g.text) != std::string::npos)
          return true;
        break;
      case K::MaxLength:
      case K::Rounded:
        if (g.n <= f.n)
          return true;
        break;
      case K::Ge:
        if (compareNumbers(g.text, f.text) == 1)
          return true;
        break;
      case K::Le:
        if (compareNumbers(g.text, f.text) == -1)
          return true;
        break;
      case K::Truncated:
        if (truncImplies(g.text, f.text))
          return true;
        break;
      default:
        break;
      }
    }
    if (f.kind == K::NoSubstring) {
      std::vector<uint32_t> cps = codePoints(f.text);
      if (g.kind == K::Lowercase && llvm::any_of(f.text, [](char c) { return (c >= 'A' && c <= 'Z'); }))
        return true;
      if (g.kind == K::Uppercase && llvm::any_of(f.text, [](char c) { return (c >= 'a' && c <= 'z'); }))
        return true;
      if (g.kind == K::MaxLength && static_cast<int64_t>(cps.size()) > g.n)
        return true;
      if (g.kind == K::Runs) {
        std::vector<uint32_t> r = codePoints(g.text);
        for (size_t i = 0; i < cps.size(); ++i) {
          if (g.cls.contains(cps[i]) != true)
            continue;
          if (r.empty() || (r.size() == 1 && cps[i] != r[0]))
            return true;
          if (r.size() == 1 && i + 1 < cps.size() && g.cls.contains(cps[i + 1]) == true)
            return true;
        }
      }
    }
  }
  // No character of a trimmed set anywhere: trimmed on both sides.
  if (f.kind == K::TrimLeft || f.kind == K::TrimRight)
    return llvm::all_of(codePoints(f.text), [&](uint32_t c) {
      return implies(s, Fact{K::NoSubstring, utf8({c}), 0, {}});
    });
  return false;
}

bool idem::preserves(const Step &st, const Fact &f) {
  S k = st.kind;
  if (k == S::Nullif)
    return f.kind != K::NotNull; // the value or NULL
  if (k == S::Coalesce && f.kind != K::NotNull)
    return constantSatisfies(st.a, st.numeric, f);
  bool caseMap = k == S::Lower || k == S::Upper || k == S::Initcap;
  bool deletes = k == S::Trim || k == S::Prefix || k == S::Length; // only removes characters
  switch (f.kind) {
  case K::NotNull:
    return true; // every step but nullif: strict and never NULL on values
  case K::NotEqual:
    return false;
  case K::Lowercase:
  case K::Uppercase:
    if (deletes || (k == S::Lower && f.kind == K::Lowercase) ||
        (k == S::Upper && f.kind == K::Uppercase))
      return true;
    // What they insert (`to`, the replacement) must itself be in that case.
    if (k == S::Replace || k == S::RegexpReplace)
      return constantSatisfies(st.b, false, f);
    return false;
  case K::Initcapped:
    if (k == S::Initcap || k == S::Prefix || k == S::Length)
      return true;
    if (k == S::Trim)
      return noAlnum(st.a);
    if (k == S::Replace)
      return noAlnum(st.a) && noAlnum(st.b) && !st.b.empty();
    if (k == S::RegexpReplace)
      return !st.b.empty() && noAlnum(st.b) &&
             (st.cls.named == CharClass::Named::Space ||
              (st.cls.named == CharClass::Named::None &&
               llvm::all_of(st.cls.members, [](uint32_t c) {
                 return c < 0x80 && !llvm::isAlnum(static_cast<char>(c));
               })));
    return false;
  case K::TrimLeft:
  case K::TrimRight: {
    bool right = f.kind == K::TrimRight;
    if (caseMap)
      return noLetters(f.text);
    if (k == S::Trim) {
      bool sameSide = right ? st.trimRight : st.trimLeft;
      return !sameSide || llvm::all_of(codePoints(st.a), [&](uint32_t c) {
        return contains(codePoints(f.text), c);
      });
    }
    if (k == S::Prefix)
      return !right;
    if (k == S::Length)
      return !right || llvm::is_contained(f.text, ' ');
    if (k == S::Replace || k == S::RegexpReplace)
      return firstNotIn(st.b, f.text, right);
    return false;
  }
  case K::NoSubstring: {
    bool single = codePoints(f.text).size() == 1;
    if (deletes)
      return true;
    if (caseMap)
      return noLetters(f.text);
    if (k == S::Replace)
      return single && st.b.find(f.text) == std::string::npos;
    if (k == S::RegexpReplace)
      return (single && st.b.find(f.text) == std::string::npos) ||
             (noneIn(f.text, st.cls) && !st.b.empty() && allIn(st.b, st.cls));
    return false;
  }
  case K::Runs: {
    bool shortRun = codePoints(f.text).size() <= 1;
    if (k == S::Trim || k == S::Prefix || k == S::Length)
      return shortRun;
    if (caseMap)
      return f.cls.named != CharClass::Named::None ||
             llvm::all_of(f.cls.members,
                          [](uint32_t c) { return c < 0x80 && !llvm::isAlpha(static_cast<char>(c)); });
    if (k == S::Replace)
      return noneIn(st.a, f.cls) && noneIn(st.b, f.cls) && (!st.b.empty() || f.text.empty());
    if (k == S::RegexpReplace)
      return st.cls == f.cls && st.b == f.text;
    return false;
  }
  case K::MaxLength:
    if (deletes)
      return true;
    if (k == S::Replace)
      return codePoints(st.b).size() <= codePoints(st.a).size();
    if (k == S::RegexpReplace)
      return codePoints(st.b).size() <= 1;
    return false;
  case K::Ge:
  case K::Le: {
    bool ge = f.kind == K::Ge;
    int cmp = compareNumbers(st.a, f.text); // the step's constant against c
    switch (k) {
    case S::Greatest:
      return ge || cmp == 0 || cmp == -1;
    case S::Least:
      return !ge || cmp == 0 || cmp == 1;
    case S::Round:
      return roundedTo(f.text, st.n);
    case S::Floor:
      return !ge || roundedTo(f.text, 0);
    case S::Ceil:
      return ge || roundedTo(f.text, 0);
    case S::Abs:
      return ge;
    default:
      return false;
    }
  }
  case K::Rounded:
    if (k == S::Round || k == S::Floor || k == S::Ceil || k == S::Abs)
      return true;
    if (k == S::Greatest || k == S::Least)
      return st.numeric && roundedTo(st.a, f.n);
    return false;
  case K::Truncated:
    if (k == S::DateTrunc)
      return truncImplies(st.a, f.text) || truncImplies(f.text, st.a);
    if (k == S::ToDate)
      return unitRank(llvm::StringRef(f.text).split('@').first) >= unitRank("day") &&
             llvm::StringRef(f.text).split('@').second.empty();
    return false;
  }
  return false;
}
