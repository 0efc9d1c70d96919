//===- IdempotencyAlgebra.cpp - is f(f(x)) = f(x)? ------------------------===//
//
// Decides a value that reads its own column. Idempotent only with a proof:
// the chain's steps (IdempotencyChain.cpp) pass the theorem of
// IdempotencyAlgebra.h, or the value is the column, a CASE that maps its
// outputs to themselves, a timezone_convert between the same zone, or
// arithmetic that is the identity (x + 0) or a constant (x * 0). Not
// idempotent only with a counterexample: arithmetic that accumulates
// (x + 1, 2 * x, x || 'a'), a CASE output mapped to another one, or a chain
// of one step that changes its own result (a replace whose pattern re-forms,
// shown with an input; substring from position 3; md5). Otherwise unknown,
// with the fact the proof lacks.
//
//===----------------------------------------------------------------------===//

#include "passes/IdempotencyAlgebra.h"
#include "passes/IdempotencyInternal.h"

#include "ir/Module.h"
#include "ir/TimeZones.h"

#include "llvm/ADT/STLExtras.h"

using namespace shc;
using namespace shc::idem;

namespace {

/// a * x + b over the column; `opaque` when b also holds a term that does not
/// read the column but is not a constant (another column): it may be any
/// value on some row.
struct Affine {
  long double a = 0, b = 0;
  bool opaque = false;
};

bool mentions(const Expr &e, const std::string &table, llvm::StringRef column) {
  if (isColumn(e, table, column))
    return true;
  bool found = false;
  forEachChild(e, [&](const Expr &c) { found = found || mentions(c, table, column); });
  return found;
}

std::optional<Affine> affine(const Expr &e, const std::string &table, llvm::StringRef column,
                             bool &usesColumn) {
  if (isColumn(e, table, column)) {
    usesColumn = true;
    return Affine{1, 0};
  }
  if (!llvm::isa<LiteralExpr>(e) && !llvm::isa<UnaryExpr>(e) && !llvm::isa<BinaryExpr>(e) &&
      !mentions(e, table, column) && e.getType().isNumeric())
    return Affine{0, 0, true};
  if (auto *lit = llvm::dyn_cast<LiteralExpr>(&e)) {
    if (lit->litKind != LiteralExpr::LitKind::Integer &&
        lit->litKind != LiteralExpr::LitKind::Numeric)
      return std::nullopt;
    std::optional<long double> v = numberOf(lit->text);
    return v ? std::optional<Affine>(Affine{0, *v}) : std::nullopt;
  }
  if (auto *u = llvm::dyn_cast<UnaryExpr>(&e); u && u->operand && u->op != UnaryExpr::Op::Not) {
    std::optional<Affine> x = affine(*u->operand, table, column, usesColumn);
    if (x && u->op == UnaryExpr::Op::Neg)
      *x = Affine{-x->a, -x->b};
    return x;
  }
  auto *bin = llvm::dyn_cast<BinaryExpr>(&e);
  if (!bin || !bin->lhs || !bin->rhs)
    return std::nullopt;
  std::optional<Affine> l = affine(*bin->lhs, table, column, usesColumn);
  std::optional<Affine> r = affine(*bin->rhs, table, column, usesColumn);
  if (!l || !r)
    return std::nullopt;
  switch (bin->op) {
  case BinaryExpr::Op::Add:
    return Affine{l->a + r->a, l->b + r->b, l->opaque || r->opaque};
  case BinaryExpr::Op::Sub:
    return Affine{l->a - r->a, l->b - r->b, l->opaque || r->opaque};
  case BinaryExpr::Op::Mul: {
    bool lConst = l->a == 0 && !l->opaque, rConst = r->a == 0 && !r->opaque;
    if (!lConst && !rConst)
      return std::nullopt;
    const Affine &k = lConst ? *l : *r, &x = lConst ? *r : *l;
    return Affine{x.a * k.b, x.b * k.b, x.opaque && k.b != 0};
  }
  case BinaryExpr::Op::Div:
    if (r->a != 0 || r->opaque || r->b == 0)
      return std::nullopt;
    return Affine{l->a / r->b, l->b / r->b, l->opaque};
  default:
    return std::nullopt;
  }
}

/// x || 'k' and 'k' || x, nested: the number of characters a run appends.
std::optional<size_t> concatGrowth(const Expr &e, const std::string &table,
                                   llvm::StringRef column) {
  if (isColumn(e, table, column))
    return 0;
  auto *bin = llvm::dyn_cast<BinaryExpr>(&e);
  if (!bin || bin->op != BinaryExpr::Op::Concat || !bin->lhs || !bin->rhs)
    return std::nullopt;
  for (int side = 0; side < 2; ++side) {
    const Expr &k = side ? *bin->lhs : *bin->rhs, &rest = side ? *bin->rhs : *bin->lhs;
    auto *lit = llvm::dyn_cast<LiteralExpr>(&k);
    if (lit && lit->litKind == LiteralExpr::LitKind::Null)
      continue;
    // Another column: non-empty on some row.
    if (!lit && mentions(k, table, column))
      continue;
    if (std::optional<size_t> g = concatGrowth(rest, table, column))
      return *g + (lit ? codePoints(lit->text).size() : 1);
  }
  return std::nullopt;
}

/// PostgreSQL's replace(): every occurrence, left to right, without overlap.
std::string replaceAll(const std::string &x, const std::string &a, const std::string &b) {
  std::string out;
  size_t at = 0;
  for (size_t hit; (hit = x.find(a, at)) != std::string::npos; at = hit + a.size())
    out += x.substr(at, hit - at) + b;
  return out + x.substr(at);
}

std::string quote(const std::string &s) { return "'" + s + "'"; }

/// Why a step that was not absorbed and establishes nothing fails.
std::string stepFailure(const Step &s) {
  if (!s.notIdempotent.empty())
    return s.notIdempotent;
  if (s.kind == Step::Kind::Replace && !s.witness.empty()) {
    if (s.b.find(s.a) != std::string::npos)
      return "the replacement " + quote(s.b) + " contains " + quote(s.a) +
             ": a second run replaces it again";
    std::string once = replaceAll(s.witness, s.a, s.b);
    return quote(s.witness) + " becomes " + quote(once) + ", in which a second run replaces " +
           quote(s.a) + " again";
  }
  return s.name + " is not idempotent on its own";
}

/// The theorem of IdempotencyAlgebra.h; "" when it proves the chain, else
/// what the proof lacks.
std::string prove(const Chain &chain) {
  const std::vector<Step> &steps = chain.steps;
  std::vector<Fact> facts;
  std::vector<bool> absorbed(steps.size(), false);
  for (size_t i = 0; i < steps.size(); ++i) {
    const Step &s = steps[i];
    // A step never the identity has no identity facts but a reason.
    bool never = s.identityWhen.empty() && !s.notIdempotent.empty();
    absorbed[i] = !never && llvm::all_of(s.identityWhen,
                                         [&](const Fact &f) { return implies(facts, f); });
    if (absorbed[i])
      continue; // the identity on what reaches it
    if (s.establishes.empty())
      return stepFailure(s);
    std::vector<Fact> kept;
    for (const Fact &f : facts)
      if (preserves(s, f))
        kept.push_back(f);
    kept.insert(kept.end(), s.establishes.begin(), s.establishes.end());
    facts = std::move(kept);
  }
  for (size_t i = 0; i < steps.size(); ++i)
    for (const Fact &f : steps[i].identityWhen) {
      if (implies(facts, f))
        continue;
      std::string by = "a later step";
      for (size_t j = i + 1; j < steps.size(); ++j)
        if (!absorbed[j] && !preserves(steps[j], f)) {
          by = steps[j].name;
          break;
        }
      return "after " + steps[i].name + " the value is " + f.describe() + ", which " + by +
             " may not keep";
    }
  return "";
}

/// The same zone under two names (UTC and Etc/UTC, US/Eastern and
/// America/New_York): converting between them changes nothing.
bool sameZone(const std::string &a, const std::string &b) {
  llvm::StringRef za = canonicalTimeZone(a), zb = canonicalTimeZone(b);
  return llvm::StringRef(a).equals_insensitive(b) || (!za.empty() && za == zb);
}

} // namespace

SelfVerdict idem::judgeSelfAssignment(const Expr &value, const Table *table,
                                      llvm::StringRef column, const Catalog &catalog) {
  std::string tableName = table ? table->name : "";
  std::string head = column.str() + " = " + describe(value) + ": ";
  SelfVerdict accumulates{Verdict::NotIdempotent,
                          column.str() + " is read and written: " + describe(value) +
                              " accumulates"};
  if (isColumn(value, tableName, column))
    return {Verdict::Idempotent, ""};
  if (auto *c = llvm::dyn_cast<CaseExpr>(&value)) {
    SelfVerdict v = judgeCase(*c, table, column, catalog);
    if (v.verdict != Verdict::Idempotent)
      v.reason = head + v.reason;
    return v;
  }
  if (auto *tz = llvm::dyn_cast<TimezoneConvertExpr>(&value)) {
    if (tz->operand && isColumn(*tz->operand, tableName, column) &&
        sameZone(tz->fromZone, tz->toZone))
      return {Verdict::Idempotent, ""};
    return {Verdict::NotIdempotent, head + "it shifts the time again on every run"};
  }
  if (llvm::isa<BinaryExpr>(value) || llvm::isa<UnaryExpr>(value)) {
    bool usesColumn = false;
    if (std::optional<Affine> f = affine(value, tableName, column, usesColumn)) {
      if (!usesColumn || f->a == 0 || (f->a == 1 && f->b == 0 && !f->opaque))
        return {Verdict::Idempotent, ""};
      return accumulates;
    }
    if (std::optional<size_t> growth = concatGrowth(value, tableName, column))
      return *growth ? accumulates : SelfVerdict{Verdict::Idempotent, ""};
    return {Verdict::Unknown, head + "not proved idempotent: an expression the analysis does "
                                     "not model"};
  }
  const Column *col = table ? table->findColumn(column) : nullptr;
  std::string why = "the column is not resolved";
  std::optional<Chain> chain =
      col ? buildChain(value, catalog, tableName, column, col->type, why) : std::nullopt;
  if (!chain)
    return {Verdict::Unknown, head + "not proved idempotent: " + why};
  std::string lacks = prove(*chain);
  if (lacks.empty())
    return {Verdict::Idempotent, ""};
  // A counterexample exists when the value is that one step alone.
  if (chain->steps.size() == 1) {
    const Step &s = chain->steps[0];
    if (!s.notIdempotent.empty() || !s.witness.empty())
      return {Verdict::NotIdempotent, head + lacks};
  }
  return {Verdict::Unknown, head + "not proved idempotent: " + lacks};
}
