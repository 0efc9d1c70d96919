//===- IdempotencyChain.cpp - a value over its own column as steps --------===//
//
// Reads a value such as lower(btrim(email)) as the chain of steps of the
// idempotency algebra (IdempotencyAlgebra.h): each call of a modelled
// function whose other arguments are constants becomes a step with its facts,
// a cast within a type becomes a coercion step, and the assignment to the
// column adds the coercion to the column's type (varchar(n), numeric(p,s),
// timestamp to date). Anything else is not a chain, and the reason says why.
//
//===----------------------------------------------------------------------===//

#include "passes/IdempotencyAlgebra.h"
#include "ir/Catalog.h"
#include "passes/IdempotencyInternal.h"

#include "ir/Module.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace shc;
using namespace shc::idem;

namespace {

using K = Fact::Kind;
using SK = Step::Kind;

/// A non-NULL constant argument: its text, and whether it is a number.
struct Const {
  std::string text;
  bool number = false;
  bool null = false;
};

std::optional<Const> constantOf(const Expr &e) {
  if (auto *lit = llvm::dyn_cast<LiteralExpr>(&e)) {
    using LK = LiteralExpr::LitKind;
    return Const{lit->text, lit->litKind == LK::Integer || lit->litKind == LK::Numeric,
                 lit->litKind == LK::Null};
  }
  if (auto *u = llvm::dyn_cast<UnaryExpr>(&e); u && u->operand && u->op != UnaryExpr::Op::Not)
    if (std::optional<Const> c = constantOf(*u->operand); c && c->number)
      return Const{(u->op == UnaryExpr::Op::Neg ? "-" : "") + c->text, true, false};
  if (auto *c = llvm::dyn_cast<CastExpr>(&e); c && c->operand)
    if (std::optional<Const> k = constantOf(*c->operand)) {
      k->number = k->number || c->target.isNumeric();
      return k;
    }
  return std::nullopt;
}

bool isStringType(const Type &t) {
  return t.is(TypeKind::Text) || t.is(TypeKind::Varchar) || t.is(TypeKind::Char);
}
bool isIntType(const Type &t) {
  return t.is(TypeKind::Int2) || t.is(TypeKind::Int4) || t.is(TypeKind::Int8);
}

/// Converting `from` to `to` loses nothing (implicit conversions PostgreSQL
/// inserts before a function: varchar to text, int4 to numeric, date to
/// timestamp ...).
bool exactConversion(const Type &from, const Type &to) {
  if (from.sameBase(to) || (isStringType(from) && to.is(TypeKind::Text)))
    return true;
  if (isIntType(from) && (to.is(TypeKind::Numeric) || to.is(TypeKind::Int8)))
    return true;
  if ((from.is(TypeKind::Int2) || from.is(TypeKind::Int4)) &&
      (to.is(TypeKind::Float8) || to.is(TypeKind::Int4)))
    return true;
  // A date is midnight of its day (or the first time of that day when
  // midnight falls in a DST gap): the day is kept.
  return (from.is(TypeKind::Float4) && to.is(TypeKind::Float8)) ||
         (from.is(TypeKind::Date) &&
          (to.is(TypeKind::Timestamp) || to.is(TypeKind::TimestampTz)));
}

/// CAST(x AS t) then the assignment back to `col`: t(col(v)) = v for every
/// value v of t, so a second run's cast gives back the first run's value.
bool roundTrips(const Type &t, const Type &col) {
  if (t.isArray() || col.isArray())
    return false;
  if (isStringType(col))
    return !(col.is(TypeKind::Char) && (t.is(TypeKind::Json) || t.is(TypeKind::Jsonb))) &&
           t.getKind() >= TypeKind::Bool && t.getKind() <= TypeKind::Inet;
  if (isIntType(t))
    return isIntType(col) || col.is(TypeKind::Numeric);
  if (t.is(TypeKind::Numeric))
    return col.is(TypeKind::Numeric) && col.getMod1() < 0;
  return t.is(TypeKind::Date) && (col.is(TypeKind::Timestamp) || col.is(TypeKind::TimestampTz));
}

std::string canonicalUnit(std::string u) {
  u = llvm::StringRef(u).trim().lower();
  static const std::pair<const char *, const char *> synonyms[] = {
      {"microsecond", "microseconds"}, {"us", "microseconds"},   {"usec", "microseconds"},
      {"millisecond", "milliseconds"}, {"ms", "milliseconds"},   {"msec", "milliseconds"},
      {"seconds", "second"},           {"sec", "second"},        {"secs", "second"},
      {"minutes", "minute"},           {"min", "minute"},        {"mins", "minute"},
      {"hours", "hour"},               {"hr", "hour"},           {"hrs", "hour"},
      {"days", "day"},                 {"weeks", "week"},        {"months", "month"},
      {"mon", "month"},                {"mons", "month"},        {"quarters", "quarter"},
      {"years", "year"},               {"yr", "year"},           {"yrs", "year"},
      {"decades", "decade"},           {"centuries", "century"}, {"millennia", "millennium"},
      {"millenniums", "millennium"},
  };
  for (const auto &[from, to] : synonyms)
    if (u == from)
      return to;
  return u;
}

struct ChainBuilder {
  const Catalog &catalog;
  const std::string &table;
  llvm::StringRef column;
  std::vector<Step> steps;
  std::optional<Type> leadingCast; ///< a first step that changes the type
  std::string failure;

  bool fail(std::string why) {
    if (failure.empty())
      failure = std::move(why);
    return false;
  }

  static Step step(SK kind, std::string name, std::vector<Fact> facts) {
    Step s{kind, std::move(name)};
    s.establishes = facts;
    s.identityWhen = std::move(facts);
    return s;
  }
  static Fact fact(K kind, std::string text = "", int64_t n = 0) {
    return Fact{kind, std::move(text), n, {}};
  }

  bool build(const Expr &e) {
    if (isColumn(e, table, column))
      return true;
    if (auto *c = llvm::dyn_cast<CastExpr>(&e))
      return c->operand && build(*c->operand) && addCast(*c);
    if (auto *f = llvm::dyn_cast<FuncCallExpr>(&e))
      return addCall(*f);
    if (auto *ref = llvm::dyn_cast<ColumnRefExpr>(&e);
        ref && ref->table && (ref->table->fromQuery || ref->table->fromSelect))
      return fail("it reads " + column.str() + " through " + describe(e) +
                  ", which a WITH query or a subquery in FROM computes");
    return fail(describe(e) + " is not a function of " + column.str() + " the analysis models");
  }

  bool addCast(const CastExpr &c) {
    const Type &from = c.operand->getType(), &to = c.target;
    if (from.isIndeterminate() || to.isIndeterminate())
      return fail("the types of " + describe(c) + " are not known");
    if (!from.sameBase(to) && !(isStringType(from) && isStringType(to))) {
      if (!steps.empty() || leadingCast || !isColumn(*c.operand, table, column))
        return fail("a cast that changes the type inside the value is not modelled");
      leadingCast = to;
      return true;
    }
    return addCoercion(to, "CAST AS " + c.spelling);
  }

  /// A conversion to `to` within its type (varchar(n), numeric(p,s)).
  bool addCoercion(const Type &to, std::string name) {
    if ((to.is(TypeKind::Varchar) || to.is(TypeKind::Char)) && to.getMod1() > 0) {
      Step s = step(SK::Length, std::move(name), {fact(K::MaxLength, "", to.getMod1())});
      s.n = to.getMod1();
      if ((s.bpchar = to.is(TypeKind::Char))) {
        s.establishes.push_back(fact(K::TrimRight, " "));
        s.identityWhen.push_back(fact(K::TrimRight, " "));
      }
      steps.push_back(std::move(s));
    } else if (to.is(TypeKind::Numeric) && to.getMod1() > 0) {
      Step s = step(SK::Round, std::move(name), {fact(K::Rounded, "", to.getMod2())});
      s.n = to.getMod2();
      steps.push_back(std::move(s));
    }
    return true;
  }

  bool addCall(const FuncCallExpr &f) {
    const FunctionProperties &props = catalog.functionProperties(f.name, f.args.size());
    if (props.selfIdempotence() == FunctionProperties::SelfIdempotence::Unknown)
      return fail(f.name + "() is not one of the functions the analysis models");
    // The argument that carries the column; the others must be constants.
    size_t at = props.role == AlgebraRole::DateTrunc ? 1 : 0;
    if (props.role == AlgebraRole::Greatest || props.role == AlgebraRole::Least)
      for (size_t i = 0; i < f.args.size(); ++i)
        if (f.args[i] && !constantOf(*f.args[i]))
          at = i;
    if (at >= f.args.size() || !f.args[at])
      return fail(describe(f) + " has no argument to apply it to");
    std::vector<Const> consts;
    for (size_t i = 0; i < f.args.size(); ++i) {
      if (i == at)
        continue;
      std::optional<Const> k = f.args[i] ? constantOf(*f.args[i]) : std::nullopt;
      if (!k)
        return fail(describe(f) + " has an argument that is not a constant");
      consts.push_back(*k);
    }
    if (!build(*f.args[at]))
      return false;
    const Type &in = f.args[at]->getType(), &out = f.getType();
    if (in.isIndeterminate() || out.isIndeterminate())
      return fail("the types of " + describe(f) + " are not known");
    if (!exactConversion(in, out) && props.role != AlgebraRole::Prefix &&
        props.role != AlgebraRole::NeverIdempotent)
      return fail(describe(f) + " converts " + in.str() + " to " + out.str());
    return addStep(f, props.role, consts);
  }

  bool addStep(const FuncCallExpr &f, AlgebraRole role, const std::vector<Const> &k);
};

bool ChainBuilder::addStep(const FuncCallExpr &f, AlgebraRole role,
                           const std::vector<Const> &k) {
  using R = AlgebraRole;
  auto arg = [&](size_t i) -> std::optional<Const> {
    return i < k.size() && !k[i].null ? std::optional<Const>(k[i]) : std::nullopt;
  };
  auto intArg = [&](size_t i) -> std::optional<int64_t> {
    std::optional<Const> c = arg(i);
    long long v;
    if (!c || llvm::StringRef(c->text).getAsInteger(10, v))
      return std::nullopt;
    return v;
  };
  if (llvm::any_of(k, [](const Const &c) { return c.null; }) && role != R::Coalesce)
    return fail(describe(f) + " has a NULL argument");
  std::string name = f.name;
  switch (role) {
  case R::Lower:
  case R::Upper:
  case R::Initcap:
    steps.push_back(step(role == R::Lower   ? SK::Lower
                         : role == R::Upper ? SK::Upper
                                            : SK::Initcap,
                         name,
                         {fact(role == R::Lower   ? K::Lowercase
                               : role == R::Upper ? K::Uppercase
                                                  : K::Initcapped)}));
    return true;
  case R::Trim: {
    Step s{SK::Trim, name};
    s.a = arg(0) ? arg(0)->text : " ";
    s.trimLeft = name != "rtrim";
    s.trimRight = name != "ltrim";
    if (!s.a.empty()) {
      if (s.trimLeft)
        s.establishes.push_back(fact(K::TrimLeft, s.a));
      if (s.trimRight)
        s.establishes.push_back(fact(K::TrimRight, s.a));
    }
    s.identityWhen = s.establishes;
    steps.push_back(std::move(s));
    return true;
  }
  case R::Replace: {
    if (k.size() != 2)
      return fail(describe(f) + " is not replace(x, from, to)");
    Step s{SK::Replace, name};
    s.a = k[0].text;
    s.b = k[1].text;
    if (!s.a.empty() && s.a != s.b) {
      s.identityWhen = {fact(K::NoSubstring, s.a)};
      std::optional<std::string> witness = replaceWitness(s.a, s.b);
      if (!witness) // too long to decide: neither proved nor refuted
        return fail(describe(f) + " replaces text too long for the analysis");
      s.witness = *witness;
      if (s.witness.empty())
        s.establishes = s.identityWhen;
    }
    steps.push_back(std::move(s));
    return true;
  }
  case R::RegexpReplace: {
    std::optional<CharClass> cls = arg(0) ? parseRunPattern(arg(0)->text) : std::nullopt;
    if (!cls || k.size() != 3 || k[2].text != "g" || k[1].text.find('\\') != std::string::npos)
      return fail(describe(f) + " is not regexp_replace(x, 'C+', r, 'g') for a character "
                                "class C the analysis models");
    Step s{SK::RegexpReplace, name};
    s.cls = *cls;
    s.b = k[1].text;
    Fact none{K::Runs, "", 0, *cls};
    std::vector<uint32_t> r = codePoints(s.b);
    bool allIn = !r.empty() && llvm::all_of(r, [&](uint32_t c) { return cls->contains(c) == true; });
    bool noneIn = llvm::all_of(r, [&](uint32_t c) { return cls->contains(c) == false; });
    s.identityWhen = {allIn ? Fact{K::Runs, s.b, 0, *cls} : none};
    if (allIn || noneIn)
      s.establishes = s.identityWhen;
    steps.push_back(std::move(s));
    return true;
  }
  case R::Coalesce:
  case R::Nullif: {
    if (k.empty() || k[0].null) { // coalesce(x, NULL): x
      steps.push_back(step(SK::Coalesce, name, {}));
      return true;
    }
    Step s = role == R::Coalesce ? step(SK::Coalesce, name, {fact(K::NotNull)})
                                 : step(SK::Nullif, name, {fact(K::NotEqual, k[0].text)});
    s.a = k[0].text;
    s.numeric = k[0].number;
    steps.push_back(std::move(s));
    return true;
  }
  case R::Greatest:
  case R::Least: {
    bool greatest = role == R::Greatest;
    Const bound = k.empty() ? Const{} : k[0];
    for (const Const &c : k) {
      std::optional<long double> x = numberOf(c.text), y = numberOf(bound.text);
      if (!x || !y || !c.number) {
        if (k.size() > 1)
          return fail(describe(f) + " compares with several constants that are not numbers");
        continue;
      }
      if (greatest ? *x > *y : *x < *y)
        bound = c;
    }
    if (k.empty())
      return fail(describe(f) + " has no constant to compare with");
    Step s = step(greatest ? SK::Greatest : SK::Least, name,
                  {fact(greatest ? K::Ge : K::Le, bound.text), fact(K::NotNull)});
    s.a = bound.text;
    s.numeric = bound.number;
    steps.push_back(std::move(s));
    return true;
  }
  case R::Round: {
    std::optional<int64_t> places = k.empty() ? std::optional<int64_t>(0) : intArg(0);
    if (!places)
      return fail(describe(f) + " rounds to places that are not an integer constant");
    Step s = step(SK::Round, name, {fact(K::Rounded, "", *places)});
    s.n = *places;
    steps.push_back(std::move(s));
    return true;
  }
  case R::Floor:
  case R::Ceil:
    steps.push_back(step(role == R::Floor ? SK::Floor : SK::Ceil, name, {fact(K::Rounded)}));
    return true;
  case R::Abs:
    steps.push_back(step(SK::Abs, name, {fact(K::Ge, "0")}));
    return true;
  case R::DateTrunc: {
    std::string unit = canonicalUnit(k[0].text);
    if (k.size() > 1)
      unit += "@" + k[1].text;
    Step s = step(SK::DateTrunc, name, {fact(K::Truncated, unit)});
    s.a = unit;
    steps.push_back(std::move(s));
    return true;
  }
  case R::Prefix: {
    std::optional<int64_t> first = intArg(0), count = intArg(1);
    if (!first || (k.size() > 1 && !count))
      return fail(describe(f) + " takes positions that are not integer constants");
    Step s{SK::Prefix, name};
    s.identityWhen = {fact(K::MaxLength, "", 0)};
    if (name == "left") {
      if (*first < 0)
        s.notIdempotent = "it drops the last " + std::to_string(-*first) +
                          " characters again on every run";
      else
        s.n = *first;
    } else if (*first > 1) {
      s.notIdempotent = "it drops leading characters again on every run";
    } else if (!count) {
      s.identityWhen.clear(); // substring(x, 1): x
      steps.push_back(std::move(s));
      return true;
    } else {
      s.n = std::max<int64_t>(0, *first + *count - 1);
    }
    if (s.notIdempotent.empty()) {
      s.establishes = {fact(K::MaxLength, "", s.n)};
      s.identityWhen = s.establishes;
    }
    steps.push_back(std::move(s));
    return true;
  }
  case R::NeverIdempotent: {
    Step s{SK::NeverIdempotent, name};
    s.notIdempotent = name + "() of its own result is another value";
    steps.push_back(std::move(s));
    return true;
  }
  case R::None:
    break;
  }
  return fail(f.name + "() is not one of the functions the analysis models");
}

/// The assignment of the chain's result of type `u` to the column.
bool addAssignment(ChainBuilder &b, const Type &u, const Type &col) {
  if (u.isIndeterminate() || col.isIndeterminate() || col.is(TypeKind::Other) ||
      u.is(TypeKind::Other))
    return b.fail("the column's type is not modelled");
  if (b.leadingCast) {
    if (!roundTrips(*b.leadingCast, col))
      return b.fail("a cast to " + b.leadingCast->str() + " and the assignment back to " +
                    col.str() + " may not give back the same value");
    if (!u.sameBase(*b.leadingCast) && !(isStringType(u) && isStringType(*b.leadingCast)))
      return b.fail("the value is not of the type it was cast to");
    return true;
  }
  if (u.sameBase(col) || (isStringType(u) && isStringType(col)))
    return b.addCoercion(col, col.str());
  if ((u.is(TypeKind::Timestamp) || u.is(TypeKind::TimestampTz)) && col.is(TypeKind::Date)) {
    b.steps.push_back(
        ChainBuilder::step(SK::ToDate, "date", {ChainBuilder::fact(K::Truncated, "day")}));
    return true;
  }
  if ((u.is(TypeKind::Numeric) || u.is(TypeKind::Float8) || u.is(TypeKind::Float4)) &&
      isIntType(col)) {
    Step s = ChainBuilder::step(SK::Round, col.str(), {ChainBuilder::fact(K::Rounded)});
    b.steps.push_back(std::move(s));
    return true;
  }
  if (exactConversion(u, col))
    return true;
  return b.fail("assigning " + u.str() + " to a " + col.str() + " column is not modelled");
}

} // namespace

std::optional<Chain> idem::buildChain(const Expr &value, const Catalog &catalog,
                                      const std::string &table, llvm::StringRef column,
                                      const Type &columnType, std::string &why) {
  ChainBuilder b{catalog, table, column, {}, std::nullopt, ""};
  if (!b.build(value) || !addAssignment(b, value.getType(), columnType)) {
    why = b.failure;
    return std::nullopt;
  }
  return Chain{std::move(b.steps)};
}
