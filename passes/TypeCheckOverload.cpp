//===- TypeCheckOverload.cpp - overload resolution and common types --------===//
//
// A transcription of parse_func.c (func_get_detail, func_match_argtypes,
// func_select_candidate), parse_oper.c (binary_oper_exact) and parse_coerce.c
// (can_coerce_type, check_generic_type_consistency,
// enforce_generic_type_consistency, select_common_type) over the Catalog the
// pass is given: categories, preferred types and casts are the dialect's. The comments name the PostgreSQL step each block implements.
//
//===----------------------------------------------------------------------===//

#include "passes/TypeCheckInternal.h"

#include "ir/Catalog.h"

#include "llvm/ADT/STLExtras.h"

using namespace shc;

namespace {

/// The catalogue's type category; pseudo-types (polymorphic, "any") are 'P'.
char categoryOf(const Catalog &cat, const SigType &t) {
  return t.poly == Poly::None ? static_cast<char>(cat.category(t.type)) : 'P';
}
bool preferredOf(const Catalog &cat, const SigType &t) {
  return t.poly == Poly::None && cat.isPreferred(t.type);
}

/// A candidate with its parameter list expanded to the call's arity
/// (variadic repeated, defaulted parameters dropped).
struct Candidate {
  const Signature *sig;
  llvm::SmallVector<SigType, 6> params;
};

llvm::SmallVector<Candidate, 8> expand(llvm::ArrayRef<Signature> sigs, size_t nargs) {
  llvm::SmallVector<Candidate, 8> out;
  for (const Signature &s : sigs) {
    size_t n = s.params.size();
    Candidate c{&s, {}};
    if (s.variadic && nargs >= n) {
      // VARIADIC text[] takes text arguments; VARIADIC "any" takes anything.
      SigType each = s.params.back();
      if (each.poly == Poly::None && each.type.isArray())
        each.type = each.type.elementType();
      c.params.append(s.params.begin(), s.params.end() - 1);
      while (c.params.size() < nargs)
        c.params.push_back(each);
    } else if (!s.variadic && nargs <= n && nargs + s.defaults >= n) {
      c.params.append(s.params.begin(), s.params.begin() + nargs);
    } else {
      continue;
    }
    out.push_back(std::move(c));
  }
  return out;
}

bool isArrayFamily(Poly p) { return p == Poly::AnyArray || p == Poly::AnyCompatibleArray; }
bool isElementFamily(Poly p) { return p == Poly::AnyElement || p == Poly::AnyNonArray; }
bool isCompatibleFamily(Poly p) {
  return p == Poly::AnyCompatible || p == Poly::AnyCompatibleArray ||
         p == Poly::AnyCompatibleNonArray;
}

/// The types polymorphic parameters resolve to; `ok` false if inconsistent.
struct PolyBinding {
  bool ok = true;
  std::optional<Type> element;    ///< anyelement family
  std::optional<Type> compatible; ///< anycompatible family
  bool sawElement = false, sawCompatible = false;
};

/// check_generic_type_consistency + the resolution half of
/// enforce_generic_type_consistency.
PolyBinding bindPolymorphic(const Catalog &cat, llvm::ArrayRef<SigType> params,
                            llvm::ArrayRef<Type> args) {
  PolyBinding b;
  llvm::SmallVector<Type, 4> compat;
  bool nonArrayElem = false, nonArrayCompat = false;
  for (size_t i = 0; i < params.size(); ++i) {
    Poly p = params[i].poly;
    if (!params[i].isPolymorphic())
      continue;
    const Type &a = args[i];
    if (isCompatibleFamily(p)) {
      b.sawCompatible = true;
      nonArrayCompat |= p == Poly::AnyCompatibleNonArray;
      if (a.isUnknown())
        continue;
      if (p == Poly::AnyCompatibleArray) {
        if (!a.isArray())
          b.ok = false;
        else
          compat.push_back(a.elementType());
      } else {
        compat.push_back(a);
      }
      continue;
    }
    b.sawElement = true;
    nonArrayElem |= p == Poly::AnyNonArray;
    if (a.isUnknown())
      continue;
    Type elem = a;
    if (isArrayFamily(p)) {
      if (!a.isArray()) {
        b.ok = false;
        continue;
      }
      elem = a.elementType();
    }
    elem = elem.withoutModifiers();
    if (b.element && !b.element->sameBase(elem))
      b.ok = false;
    b.element = elem;
  }
  if (b.element && nonArrayElem && b.element->isArray())
    b.ok = false;
  if (!compat.empty()) {
    CommonType common = selectCommonType(cat, compat);
    if (!common.type)
      b.ok = false;
    else
      b.compatible = common.type->withoutModifiers();
    if (b.compatible && nonArrayCompat && b.compatible->isArray())
      b.ok = false;
  } else if (b.sawCompatible) {
    b.compatible = Type(TypeKind::Text); // all unknown: text, as PostgreSQL
  }
  return b;
}

Type concreteOf(const SigType &t, const PolyBinding &b) {
  switch (t.poly) {
  case Poly::None:
    return t.type;
  case Poly::Any:
    return Type(TypeKind::Unknown);
  case Poly::AnyElement:
  case Poly::AnyNonArray:
    return b.element ? *b.element : Type(TypeKind::Unknown);
  case Poly::AnyArray:
    return b.element ? b.element->arrayOf() : Type(TypeKind::Unknown);
  case Poly::AnyCompatible:
  case Poly::AnyCompatibleNonArray:
    return b.compatible ? *b.compatible : Type(TypeKind::Text);
  case Poly::AnyCompatibleArray:
    return (b.compatible ? *b.compatible : Type(TypeKind::Text)).arrayOf();
  }
  return Type(TypeKind::Error);
}

/// can_coerce_type for a whole argument list, polymorphics included.
bool canCoerceAll(const Catalog &cat, llvm::ArrayRef<Type> args, llvm::ArrayRef<SigType> params) {
  bool generic = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (params[i].isPolymorphic())
      generic = true;
    if (!canCoerceImplicitly(cat, args[i], params[i]))
      return false;
  }
  return !generic || bindPolymorphic(cat, params, args).ok;
}

bool exactMatch(llvm::ArrayRef<Type> args, const Candidate &c) {
  for (size_t i = 0; i < args.size(); ++i)
    if (!c.params[i].sameAs(args[i]))
      return false;
  return true;
}

/// Keeps the candidates with the highest score (all of them if none scores).
template <typename Score>
void keepBest(llvm::SmallVectorImpl<const Candidate *> &cands, Score score) {
  int best = -1;
  llvm::SmallVector<const Candidate *, 8> kept;
  for (const Candidate *c : cands) {
    int s = score(*c);
    if (s > best) {
      best = s;
      kept.clear();
    }
    if (s == best)
      kept.push_back(c);
  }
  cands.assign(kept.begin(), kept.end());
}

/// func_select_candidate.
const Candidate *selectCandidate(const Catalog &cat,
                                 llvm::SmallVectorImpl<const Candidate *> &cands,
                                 llvm::ArrayRef<Type> args) {
  size_t n = args.size();
  // Most exact matches on the known inputs.
  keepBest(cands, [&](const Candidate &c) {
    int m = 0;
    for (size_t i = 0; i < n; ++i)
      if (!args[i].isUnknown() && c.params[i].sameAs(args[i]))
        ++m;
    return m;
  });
  if (cands.size() == 1)
    return cands[0];
  // Exact or preferred (within the input's category) where coercion is needed.
  keepBest(cands, [&](const Candidate &c) {
    int m = 0;
    for (size_t i = 0; i < n; ++i) {
      if (args[i].isUnknown())
        continue;
      if (c.params[i].sameAs(args[i]) ||
          (preferredOf(cat, c.params[i]) &&
           categoryOf(cat, c.params[i]) == static_cast<char>(cat.category(args[i]))))
        ++m;
    }
    return m;
  });
  if (cands.size() == 1)
    return cands[0];
  // Resolve unknown inputs by category: STRING if any candidate takes it,
  // else the category all candidates agree on; then prefer preferred types.
  llvm::SmallVector<char, 6> slotCat(n, 0);
  llvm::SmallVector<bool, 6> slotPref(n, false);
  bool resolved = true;
  for (size_t i = 0; i < n && resolved; ++i) {
    if (!args[i].isUnknown())
      continue;
    bool conflict = false;
    for (const Candidate *c : cands) {
      char category = categoryOf(cat, c->params[i]);
      bool pref = preferredOf(cat, c->params[i]);
      if (!slotCat[i]) {
        slotCat[i] = category;
        slotPref[i] = pref;
      } else if (category == slotCat[i]) {
        slotPref[i] = slotPref[i] || pref;
      } else if (category == 'S') {
        slotCat[i] = category;
        slotPref[i] = pref;
      } else {
        conflict = true;
      }
    }
    if (conflict && slotCat[i] != 'S')
      resolved = false;
  }
  if (resolved) {
    llvm::SmallVector<const Candidate *, 8> kept;
    for (const Candidate *c : cands) {
      bool keep = true;
      for (size_t i = 0; i < n && keep; ++i) {
        if (!args[i].isUnknown())
          continue;
        if (categoryOf(cat, c->params[i]) != slotCat[i])
          keep = false;
        else if (slotPref[i] && !preferredOf(cat, c->params[i]))
          keep = false;
      }
      if (keep)
        kept.push_back(c);
    }
    if (!kept.empty())
      cands.assign(kept.begin(), kept.end());
    if (cands.size() == 1)
      return cands[0];
  }
  // Last gasp: if all known inputs share one type, assume the unknowns are of
  // that type too.
  std::optional<Type> known;
  bool anyUnknown = false;
  for (const Type &a : args) {
    if (a.isUnknown()) {
      anyUnknown = true;
      continue;
    }
    if (known && !known->sameBase(a))
      return nullptr;
    known = a;
  }
  if (!known || !anyUnknown)
    return nullptr;
  llvm::SmallVector<Type, 6> assumed(n, *known);
  const Candidate *only = nullptr;
  for (const Candidate *c : cands) {
    if (!canCoerceAll(cat, assumed, c->params))
      continue;
    if (only)
      return nullptr;
    only = c;
  }
  return only;
}

Resolution finish(const Catalog &cat, const Candidate &c, llvm::ArrayRef<Type> args) {
  Resolution r;
  r.sig = c.sig;
  PolyBinding b = bindPolymorphic(cat, c.params, args);
  bool needsElement = false;
  for (const SigType &p : c.params)
    needsElement |= isElementFamily(p.poly) || p.poly == Poly::AnyArray;
  needsElement |= isElementFamily(c.sig->result.poly) || c.sig->result.poly == Poly::AnyArray;
  if (needsElement && !b.element) {
    r.status = Resolution::PolymorphicUnknown;
    return r;
  }
  for (const SigType &p : c.params)
    r.paramTypes.push_back(concreteOf(p, b));
  r.result = concreteOf(c.sig->result, b);
  r.status = Resolution::Found;
  return r;
}

} // namespace

bool shc::canCoerceImplicitly(const Catalog &cat, const Type &input, const SigType &target) {
  if (target.poly == Poly::Any || input.isUnknown() || target.isPolymorphic())
    return true;
  if (input.sameBase(target.type))
    return true;
  std::optional<CastContext> ctx = cat.findCast(input, target.type);
  return ctx && *ctx == CastContext::Implicit;
}

CommonType shc::selectCommonType(const Catalog &cat, llvm::ArrayRef<Type> types) {
  CommonType out;
  if (types.empty())
    return out;
  // All the same (and known): that type, typmod included.
  bool allSame = !types[0].isUnknown();
  for (const Type &t : types)
    allSame = allSame && t.sameBase(types[0]);
  std::optional<Type> p;
  if (!allSame) {
    for (size_t i = 0; i < types.size(); ++i) {
      const Type &n = types[i];
      if (n.isUnknown() || (p && n.sameBase(*p)))
        continue;
      if (!p) {
        p = n;
      } else if (cat.category(n) != cat.category(*p)) {
        out.conflict = i;
        return out;
      } else if (!cat.isPreferred(*p) && cat.findCast(*p, n) == CastContext::Implicit &&
                 cat.findCast(n, *p) != CastContext::Implicit) {
        p = n;
      }
    }
  } else {
    p = types[0];
  }
  if (!p) {
    out.type = Type(TypeKind::Text);
    return out;
  }
  // select_common_typmod: kept only when every input has it.
  std::optional<int32_t> m1, m2;
  bool keep = true;
  for (const Type &t : types) {
    if (!t.sameBase(*p)) {
      keep = false;
      break;
    }
    if (!m1) {
      m1 = t.getMod1();
      m2 = t.getMod2();
    } else if (*m1 != t.getMod1() || *m2 != t.getMod2()) {
      keep = false;
    }
  }
  out.type = keep ? *p : p->withoutModifiers();
  return out;
}

Resolution shc::resolveOverload(const Catalog &cat, llvm::ArrayRef<Signature> sigs,
                                llvm::ArrayRef<Type> args, bool isOperator) {
  llvm::SmallVector<Candidate, 8> all = expand(sigs, args.size());
  Resolution r;
  // Opaque arguments: no verdict; keep a result type all plausible overloads
  // agree on, so that `opaque = x` is still boolean.
  if (llvm::any_of(args, isOpaque)) {
    r.status = Resolution::Opaque;
    std::optional<Type> agreed;
    bool agree = true;
    for (const Candidate &c : all) {
      bool plausible = true;
      for (size_t i = 0; i < args.size(); ++i)
        if (!isOpaque(args[i]) && !canCoerceImplicitly(cat, args[i], c.params[i]))
          plausible = false;
      if (!plausible)
        continue;
      if (c.sig->result.isPolymorphic() || (agreed && !agreed->sameBase(c.sig->result.type)))
        agree = false;
      else
        agreed = c.sig->result.type;
    }
    r.result = agree && agreed ? *agreed : Type(TypeKind::Any);
    return r;
  }
  // Exact match; binary_oper_exact lets an unknown side take the other's type.
  llvm::SmallVector<Type, 4> probe(args.begin(), args.end());
  if (isOperator && probe.size() == 2 && probe[0].isUnknown() != probe[1].isUnknown())
    probe[0].isUnknown() ? probe[0] = probe[1] : probe[1] = probe[0];
  for (const Candidate &c : all)
    if (exactMatch(probe, c))
      return finish(cat, c, args);
  // func_match_argtypes.
  llvm::SmallVector<const Candidate *, 8> viable;
  for (const Candidate &c : all)
    if (canCoerceAll(cat, args, c.params))
      viable.push_back(&c);
  if (viable.empty())
    return r;
  if (viable.size() == 1)
    return finish(cat, *viable[0], args);
  if (const Candidate *c = selectCandidate(cat, viable, args))
    return finish(cat, *c, args);
  r.status = Resolution::Ambiguous;
  return r;
}
