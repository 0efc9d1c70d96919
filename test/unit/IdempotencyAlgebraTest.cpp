// The string decisions of the idempotency algebra against brute force: every
// replace(x, a, b) over small alphabets, compared with PostgreSQL's replace
// semantics applied twice to every short input.
#include "passes/IdempotencyAlgebra.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace shc::idem;

namespace {

/// PostgreSQL's replace(): every occurrence, left to right, without overlap.
std::string pgReplace(const std::string &x, const std::string &a, const std::string &b) {
  if (a.empty())
    return x;
  std::string out;
  size_t at = 0;
  for (size_t hit; (hit = x.find(a, at)) != std::string::npos; at = hit + a.size())
    out += x.substr(at, hit - at) + b;
  return out + x.substr(at);
}

std::vector<std::string> allStrings(const std::string &alphabet, size_t maxLen) {
  std::vector<std::string> out{""};
  for (size_t len = 1, begin = 0; len <= maxLen; ++len) {
    size_t end = out.size();
    for (size_t i = begin; i < end; ++i)
      for (char c : alphabet)
        out.push_back(out[i] + c);
    begin = end;
  }
  return out;
}

/// Some input of length <= 8 that replace changes on a second run.
bool bruteForceNotIdempotent(const std::string &a, const std::string &b) {
  for (const std::string &x : allStrings("abx", 8)) {
    std::string once = pgReplace(x, a, b);
    if (pgReplace(once, a, b) != once)
      return true;
  }
  return false;
}

} // namespace

TEST(IdempotencyAlgebraTest, ReplaceWitnessAgreesWithBruteForce) {
  // Every pattern of 1-3 characters over {a, b}, every replacement of 0-2.
  std::vector<std::string> froms = allStrings("ab", 3), tos = allStrings("ab", 2);
  unsigned checked = 0;
  for (const std::string &a : froms) {
    if (a.empty())
      continue;
    for (const std::string &b : tos) {
      std::string w = replaceWitness(a, b).value_or("?");
      EXPECT_EQ(!w.empty(), bruteForceNotIdempotent(a, b)) << "replace(x, '" << a << "', '" << b
                                                          << "')";
      if (!w.empty()) { // the witness really is one
        std::string once = pgReplace(w, a, b);
        EXPECT_NE(pgReplace(once, a, b), once) << a << " -> " << b << " on " << w;
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, 14u * 7u);
}

TEST(IdempotencyAlgebraTest, DeletionClosedForm) {
  // replace(x, a, '') is idempotent iff |a| <= 1 or a is one character repeated.
  for (const std::string &a : allStrings("abc", 4)) {
    if (a.empty())
      continue;
    bool repeated = a.find_first_not_of(a[0]) == std::string::npos;
    EXPECT_EQ(replaceWitness(a, "")->empty(), repeated) << a;
    if (!repeated) // the witness of the proof: a[0] . a . a[1..]
      EXPECT_EQ(pgReplace(a.substr(0, 1) + a + a.substr(1), a, ""), a);
  }
}

TEST(IdempotencyAlgebraTest, ReplaceUnicode) {
  EXPECT_EQ(replaceWitness("ß", ""), "");
  EXPECT_EQ(replaceWitness("ä", "ae"), "");
  EXPECT_EQ(replaceWitness("ss", "ß"), ""); // decided on code points, not bytes
  EXPECT_FALSE(replaceWitness("éé", "é")->empty());
  // Long strings are not searched (bounded time), but deletion has its
  // closed form at any length.
  std::string longA(40, 'a');
  EXPECT_FALSE(replaceWitness(longA + "b", "x"));
  EXPECT_EQ(replaceWitness(longA, ""), "");
  EXPECT_EQ(replaceWitness(longA + "b", "")->size(), 2 * longA.size() + 2);
}

TEST(IdempotencyAlgebraTest, RunPatterns) {
  ASSERT_TRUE(parseRunPattern("\\s+"));
  EXPECT_EQ(parseRunPattern("\\s+")->named, CharClass::Named::Space);
  EXPECT_EQ(parseRunPattern("[[:space:]]+")->named, CharClass::Named::Space);
  EXPECT_EQ(parseRunPattern("[-_]+")->members, (std::vector<uint32_t>{'-', '_'}));
  EXPECT_EQ(parseRunPattern(" +")->members, (std::vector<uint32_t>{' '}));
  EXPECT_FALSE(parseRunPattern("\\s*"));
  EXPECT_FALSE(parseRunPattern("[a-z]+"));
  EXPECT_FALSE(parseRunPattern("[^a]+"));
  EXPECT_FALSE(parseRunPattern(".+"));
  EXPECT_FALSE(parseRunPattern("ab+"));
}

TEST(IdempotencyAlgebraTest, FactsOfConstants) {
  Fact lower{Fact::Kind::Lowercase, "", 0, {}};
  EXPECT_TRUE(constantSatisfies("n/a", false, lower));
  EXPECT_FALSE(constantSatisfies("N/A", false, lower));
  EXPECT_FALSE(constantSatisfies("é", false, lower)); // non-ASCII: not assumed
  Fact init{Fact::Kind::Initcapped, "", 0, {}};
  EXPECT_TRUE(constantSatisfies("Hello World-Foo", false, init));
  EXPECT_FALSE(constantSatisfies("Hello world", false, init));
  Fact ge{Fact::Kind::Ge, "0", 0, {}};
  EXPECT_TRUE(constantSatisfies("0.5", true, ge));
  EXPECT_FALSE(constantSatisfies("-1", true, ge));
  Fact rounded{Fact::Kind::Rounded, "", -1, {}};
  EXPECT_TRUE(constantSatisfies("120", true, rounded));
  EXPECT_FALSE(constantSatisfies("125", true, rounded));
}

TEST(IdempotencyAlgebraTest, Implication) {
  std::vector<Fact> s{{Fact::Kind::Rounded, "", 0, {}}, {Fact::Kind::Truncated, "month", 0, {}}};
  EXPECT_TRUE(implies(s, {Fact::Kind::Rounded, "", 2, {}}));
  EXPECT_FALSE(implies(s, {Fact::Kind::Rounded, "", -1, {}}));
  EXPECT_TRUE(implies(s, {Fact::Kind::Truncated, "day", 0, {}}));
  EXPECT_FALSE(implies(s, {Fact::Kind::Truncated, "week", 0, {}})); // a month starts any day
  std::vector<Fact> noSpace{{Fact::Kind::NoSubstring, " ", 0, {}}};
  EXPECT_TRUE(implies(noSpace, {Fact::Kind::TrimLeft, " ", 0, {}}));
  EXPECT_TRUE(implies(noSpace, {Fact::Kind::NoSubstring, "a b", 0, {}}));
}
