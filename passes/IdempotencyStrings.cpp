//===- IdempotencyStrings.cpp - replace() and regexp_replace() patterns ---===//
//
// When is replace(x, a, b) idempotent?
//
// It is exactly when no result of it contains `a`. If a result r contains
// `a` (and b != a), a second run replaces the first occurrence of `a` in r:
// with |b| != |a| the length changes, otherwise the text differs where that
// occurrence was. If no result contains `a`, a second run finds nothing.
//
// Deleting (b = ''): idempotent iff |a| <= 1 or `a` is one character
// repeated (c^k). Proof. If a = c^k, a run of c's in x loses k at a time and
// keeps fewer than k; runs stay separated by the other characters, which are
// kept, so no result holds c^k. Otherwise a[i] != a[i-1] for some i, and
// x = a[0] . a . a[1..] is a witness: `a` does not occur at position 0 of x
// (that would need a[i] = a[i-1] for every i), so PostgreSQL's left-to-right
// scan finds it at position 1, deletes it and resumes after it, where fewer
// than |a| characters are left; the result a[0] . a[1..] is `a` itself.
// "The pattern overlaps itself across the removed gap" is this: the text
// before and after a removed occurrence joins into a new one.
//
// With b != '' the joins can also run through b (replace(x, 'aa', 'a') turns
// 'aaaa' into 'aa'), so the general case is decided exactly by exploring an
// automaton: the replace scan is a transducer whose state is the length of
// the partial match of `a` it holds back (the KMP automaton of `a`; on a full
// match it emits b and restarts, as PostgreSQL resumes after a match), and a
// second KMP automaton of `a` watches what it emits. A breadth-first search
// over the pairs of states, reading the characters of a and b plus one
// character that is in neither (all such characters behave alike), reaches
// "the output holds a" iff some input does; the path read is the witness. At
// most (|a|+1)^2 states, so the search always ends.
//
//===----------------------------------------------------------------------===//

#include "passes/IdempotencyAlgebra.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"

#include <cctype>
#include <deque>
#include <map>

using namespace shc;
using namespace shc::idem;

std::vector<uint32_t> idem::codePoints(const std::string &s) {
  std::vector<uint32_t> out;
  auto *p = reinterpret_cast<const llvm::UTF8 *>(s.data()), *end = p + s.size();
  while (p < end) {
    llvm::UTF32 cp;
    const llvm::UTF8 *start = p;
    if (llvm::convertUTF8Sequence(&p, end, &cp, llvm::strictConversion) != llvm::conversionOK) {
      cp = *start; // an invalid byte stands for itself
      p = start + 1;
    }
    out.push_back(cp);
  }
  return out;
}

std::string idem::utf8(const std::vector<uint32_t> &cps) {
  std::string out;
  for (uint32_t c : cps) {
    char buf[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
    char *at = buf;
    if (llvm::ConvertCodePointToUTF8(c, at))
      out.append(buf, at);
  }
  return out;
}

namespace {

/// The KMP automaton of a pattern: step(q, c) is the length of the longest
/// prefix of the pattern that is a suffix of (pattern[0..q) + c).
struct Kmp {
  std::vector<uint32_t> pat;
  std::vector<size_t> fail;
  explicit Kmp(std::vector<uint32_t> p) : pat(std::move(p)), fail(pat.size(), 0) {
    for (size_t i = 1, k = 0; i < pat.size(); ++i) {
      while (k > 0 && pat[i] != pat[k])
        k = fail[k - 1];
      if (pat[i] == pat[k])
        ++k;
      fail[i] = k;
    }
  }
  size_t step(size_t q, uint32_t c) const {
    if (q == pat.size())
      q = fail[q - 1];
    while (q > 0 && pat[q] != c)
      q = fail[q - 1];
    return pat[q] == c ? q + 1 : 0;
  }
};

} // namespace

std::optional<std::string> idem::replaceWitness(const std::string &from,
                                                const std::string &to) {
  std::vector<uint32_t> a = codePoints(from), b = codePoints(to);
  if (a.empty() || a == b)
    return std::string();
  if (b.empty()) { // the closed form above
    if (llvm::all_of(a, [&](uint32_t c) { return c == a[0]; }))
      return std::string();
    std::vector<uint32_t> x{a[0]};
    x.insert(x.end(), a.begin(), a.end());
    x.insert(x.end(), a.begin() + 1, a.end());
    return utf8(x);
  }
  if (a.size() > 32 || b.size() > 64) // (|a|+1)^2 states: keep the search small
    return std::nullopt;
  Kmp scan(a), watch(a);
  size_t m = a.size();
  // The alphabet: the characters of a and b, and one in neither.
  std::vector<uint32_t> sigma = a;
  sigma.insert(sigma.end(), b.begin(), b.end());
  llvm::sort(sigma);
  sigma.erase(std::unique(sigma.begin(), sigma.end()), sigma.end());
  for (uint32_t other : {'x', 'y', 'z', '0', '#'})
    if (!llvm::is_contained(sigma, other)) {
      sigma.push_back(other);
      break;
    }
  // Feeds `out` to the watcher from state p; m when it sees `a`.
  auto watchAll = [&](size_t p, llvm::ArrayRef<uint32_t> out) {
    for (uint32_t c : out)
      if ((p = watch.step(p, c)) == m)
        return m;
    return p;
  };
  using State = std::pair<size_t, size_t>; // (scan, watch)
  std::map<State, std::pair<State, uint32_t>> parent;
  std::deque<State> queue{{0, 0}};
  parent[{0, 0}] = {{0, 0}, 0};
  auto path = [&](State s, std::vector<uint32_t> tail) {
    std::vector<uint32_t> x;
    while (s != State{0, 0}) {
      auto [prev, c] = parent[s];
      x.push_back(c);
      s = prev;
    }
    std::reverse(x.begin(), x.end());
    x.insert(x.end(), tail.begin(), tail.end());
    return utf8(x);
  };
  while (!queue.empty()) {
    State s = queue.front();
    queue.pop_front();
    auto [q, p] = s;
    // The input ends here: the held-back partial match is emitted as is.
    if (watchAll(p, llvm::makeArrayRef(a).take_front(q)) == m)
      return path(s, {});
    for (uint32_t c : sigma) {
      size_t q2 = scan.step(q, c);
      std::vector<uint32_t> out;
      if (q2 == m) { // a match: emit the replacement, restart
        out = b;
        q2 = 0;
      } else { // the characters that can no longer start a match
        std::vector<uint32_t> held(a.begin(), a.begin() + q);
        held.push_back(c);
        out.assign(held.begin(), held.end() - q2);
      }
      size_t p2 = watchAll(p, out);
      if (p2 == m)
        return path(s, {c});
      State next{q2, p2};
      if (!parent.count(next)) {
        parent[next] = {s, c};
        queue.push_back(next);
      }
    }
  }
  return std::string();
}

std::optional<CharClass> idem::parseRunPattern(const std::string &pattern) {
  llvm::StringRef p(pattern);
  if (!p.consume_back("+") || p.empty())
    return std::nullopt;
  CharClass cls;
  cls.spelling = p.str();
  if (p == "\\s" || p == "[[:space:]]") {
    cls.named = CharClass::Named::Space;
    return cls;
  }
  if (p == "\\d" || p == "[[:digit:]]") {
    cls.named = CharClass::Named::Digit;
    return cls;
  }
  if (p == "\\t" || p == "\\n") {
    cls.members = {p == "\\t" ? uint32_t('\t') : uint32_t('\n')};
    return cls;
  }
  if (p.size() == 2 && p[0] == '\\' && std::ispunct(static_cast<unsigned char>(p[1]))) { // an escaped literal
    cls.members = {static_cast<unsigned char>(p[1])};
    return cls;
  }
  if (p.startswith("[") && p.endswith("]") && p.size() > 2) {
    llvm::StringRef body = p.drop_front().drop_back();
    if (body.startswith("^") || body.contains('\\') || body.contains('[') || body.contains(']'))
      return std::nullopt;
    std::vector<uint32_t> cps = codePoints(body.str());
    for (size_t i = 1; i + 1 < cps.size(); ++i)
      if (cps[i] == '-') // a range
        return std::nullopt;
    cls.members = cps;
    return cls;
  }
  std::vector<uint32_t> one = codePoints(p.str());
  if (one.size() == 1 && !llvm::StringRef(".^$*+?()[]{}|\\").contains(p[0])) {
    cls.members = one;
    return cls;
  }
  return std::nullopt;
}
