//===- TypeCheckCalls.cpp - typing calls, CASE, IN and subqueries ----------===//
//
// Mirrors parse_func.c (ParseFuncOrColumn), parse_expr.c's transformCaseExpr,
// transformCoalesceExpr, transformMinMaxExpr, transformAExprNullIf,
// transformAExprIn and transformSubLink.
//
//===----------------------------------------------------------------------===//

#include "passes/TypeCheckExpr.h"

#include "ir/Catalog.h"
#include "ir/Module.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace shc;

namespace {

/// SQL-standard functions written without parentheses.
std::optional<Type> noParensType(llvm::StringRef name) {
  using K = TypeKind;
  return llvm::StringSwitch<std::optional<Type>>(name)
      .Case("current_date", Type(K::Date))
      .Case("current_timestamp", Type(K::TimestampTz))
      .Case("localtimestamp", Type(K::Timestamp))
      .Case("current_time", Type(K::TimeTz))
      .Case("localtime", Type(K::Time))
      // name-typed in PostgreSQL; name is a string type we model as text.
      .Cases("current_user", "session_user", "user", "current_role", Type(K::Text))
      .Cases("current_catalog", "current_schema", Type(K::Text))
      .Default(std::nullopt);
}

const char *clauseName(ExprChecker::Clause c) {
  switch (c) {
  case ExprChecker::Clause::UpdateSet:
    return "UPDATE";
  case ExprChecker::Clause::Where:
    return "WHERE";
  case ExprChecker::Clause::Limit:
    return "LIMIT";
  case ExprChecker::Clause::SelectList:
    return "SELECT";
  case ExprChecker::Clause::Values:
    return "VALUES";
  case ExprChecker::Clause::JoinOn:
    return "JOIN conditions";
  case ExprChecker::Clause::Returning:
    return "RETURNING";
  case ExprChecker::Clause::GroupBy:
    return "GROUP BY";
  case ExprChecker::Clause::Having:
    return "HAVING";
  case ExprChecker::Clause::OrderBy:
    return "ORDER BY";
  case ExprChecker::Clause::Offset:
    return "OFFSET";
  }
  return "UPDATE";
}

bool containsColumnRef(const Expr &e) {
  if (llvm::isa<ColumnRefExpr>(e))
    return true;
  bool found = false;
  forEachChild(e, [&](const Expr &c) { found = found || containsColumnRef(c); });
  return found;
}

} // namespace

Type ExprChecker::applyFunction(llvm::StringRef name, llvm::ArrayRef<Expr *> args, SourceLoc loc,
                                llvm::StringRef displayName, const Signature **chosen) {
  llvm::SmallVector<Type, 4> types;
  for (Expr *a : args)
    types.push_back(a->getType());
  auto shown = [&] {
    llvm::SmallVector<std::string, 4> names;
    for (const Type &t : types)
      names.push_back(argTypeName(catalog, t));
    return displayName.str() + "(" + llvm::join(names, ", ") + ")";
  };
  llvm::ArrayRef<Signature> sigs = catalog.lookupFunction(name);
  if (sigs.empty()) {
    auto live = liveFunctions.find(name);
    if (live != liveFunctions.end())
      sigs = live->second;
  }
  if (sigs.empty()) {
    if (llvm::any_of(types, isOpaque))
      return Type(TypeKind::Any);
    if (catalog.knowsEveryFunction()) {
      diags.error(loc, "undefined-function",
                  "function " + shown() + " does not exist in " + catalog.displayName().str());
      return Type(TypeKind::Error);
    }
    if (liveAuthoritative) {
      diags.error(loc, "undefined-function", "function " + shown() + " does not exist")
          .hint("No function matches the given name and argument types. You might need to "
                "add explicit type casts.");
      return Type(TypeKind::Error);
    }
    diags.warning(loc, "unknown-function", "function " + shown() + " is not type-checked");
    return Type(TypeKind::Any);
  }
  Resolution r = resolveOverload(catalog, sigs, types, /*isOperator=*/false);
  switch (r.status) {
  case Resolution::Opaque:
    return r.result;
  case Resolution::Found: {
    bool ok = true;
    for (size_t i = 0; i < args.size(); ++i)
      if (!r.paramTypes[i].isUnknown())
        ok &= coerceLiteral(*args[i], r.paramTypes[i]);
    if (chosen)
      *chosen = r.sig;
    return ok ? r.result : Type(TypeKind::Error);
  }
  case Resolution::NotFound:
    diags.error(loc, "undefined-function", "function " + shown() + " does not exist")
        .hint("No function matches the given name and argument types. You might need to add "
              "explicit type casts.");
    return Type(TypeKind::Error);
  case Resolution::Ambiguous:
    diags.error(loc, "undefined-function", "function " + shown() + " is not unique")
        .hint("Could not choose a best candidate function. You might need to add explicit type "
              "casts.");
    return Type(TypeKind::Error);
  case Resolution::PolymorphicUnknown:
    diags.error(loc, "type-mismatch",
                "could not determine polymorphic type because input has type unknown");
    return Type(TypeKind::Error);
  }
  return Type(TypeKind::Error);
}

Type ExprChecker::checkSpecialForm(FuncCallExpr &e, bool &handled) {
  handled = true;
  if (e.form == FuncCallExpr::Form::NoParens || (e.args.empty() && noParensType(e.name))) {
    // The catalogue's own entry first (SQLite's CURRENT_TIMESTAMP is text).
    llvm::ArrayRef<Signature> own = catalog.lookupFunction(e.name);
    if (e.args.empty() && !own.empty() && own.front().params.empty())
      return own.front().result.type;
    if (own.empty() && catalog.knowsEveryFunction()) {
      diags.error(e.getLoc(), "undefined-function",
                  llvm::StringRef(e.name).upper() + " does not exist in " +
                      catalog.displayName().str());
      return Type(TypeKind::Error);
    }
    if (std::optional<Type> t = noParensType(e.name)) {
      for (ExprPtr &a : e.args)
        check(*a); // precision, e.g. current_timestamp(3)
      return *t;
    }
  }
  llvm::SmallVector<Expr *, 4> args;
  for (ExprPtr &a : e.args) {
    check(*a);
    args.push_back(a.get());
  }
  if (e.name == "coalesce")
    return unify(args, "COALESCE");
  if (e.name == "greatest" || e.name == "least") {
    Type t = unify(args, e.name == "greatest" ? "GREATEST" : "LEAST");
    // They compare with the type's btree order, which json (alone among the
    // modelled types) lacks; PostgreSQL fails when it plans the statement.
    if (t.getKind() == TypeKind::Json) {
      diags.error(e.getLoc(), "undefined-function",
                  "could not identify a comparison function for type " + argTypeName(catalog, t))
          .hint("Cast the arguments to jsonb, which has an ordering.");
      return Type(TypeKind::Error);
    }
    return t;
  }
  if (e.name == "nullif" && args.size() == 2) {
    // NULLIF(a, b) compares with = and has the type a is coerced to.
    Type coerced = args[0]->getType();
    Type r = applyOperator("=", args[0], *args[1], e.getLoc(), &coerced);
    if (r.getKind() == TypeKind::Error)
      return r;
    return coerced.isUnknown() ? Type(TypeKind::Text) : coerced;
  }
  handled = false;
  return Type();
}

Type ExprChecker::checkFuncCall(FuncCallExpr &e) {
  bool handled;
  Type special = checkSpecialForm(e, handled);
  if (handled)
    return special;
  llvm::SmallVector<Expr *, 4> args;
  for (ExprPtr &a : e.args)
    args.push_back(a.get());
  // POSITION(a IN b) is position(b, a).
  if (e.form == FuncCallExpr::Form::Position && args.size() == 2)
    std::swap(args[0], args[1]);
  // The SQL-syntax forms (EXTRACT, POSITION, SUBSTRING ... FROM, TRIM) call
  // built-in functions, and the server's messages may name them so.
  std::string display = e.form == FuncCallExpr::Form::Plain ? e.name : catalog.builtinName(e.name);
  const Signature *sig = nullptr;
  Type t = applyFunction(e.name, args, e.getLoc(), display, &sig);
  // EXTRACT / date_part / date_trunc: a literal unit must be one PostgreSQL
  // recognises (it would fail on the first row otherwise).
  bool takesUnit = e.name == "extract" || e.name == "date_part" || e.name == "date_trunc";
  if (sig && takesUnit && args.size() >= 2)
    if (auto *unit = llvm::dyn_cast<LiteralExpr>(args[0]);
        unit && unit->litKind == LiteralExpr::LitKind::String) {
      // The message names the type the argument was coerced to.
      Type argType = sig->params.size() >= 2 && sig->params[1].poly == Poly::None
                         ? sig->params[1].type
                         : args[1]->getType();
      // date_part(text, date) is SQL: date_part($1, $2::timestamp).
      if (e.name == "date_part" && argType.is(TypeKind::Date))
        argType = Type(TypeKind::Timestamp);
      if (const char *verdict = catalog.dateUnitProblem(e.name, unit->text, argType)) {
        diags.error(unit->getLoc(), "invalid-literal",
                    "unit \"" + llvm::StringRef(unit->text).lower() + "\" " + verdict +
                        " for type " + argTypeName(catalog, argType));
        return Type(TypeKind::Error);
      }
    }
  // json(b)_build_object fails on its first call with an odd argument count.
  if (sig && (e.name == "jsonb_build_object" || e.name == "json_build_object") &&
      args.size() % 2 != 0) {
    diags.error(e.getLoc(), "invalid-argument",
                "argument list must have even number of elements")
        .hint("The arguments of " + e.name +
              "() must consist of alternating keys and values.");
    return Type(TypeKind::Error);
  }
  e.aggregate = sig && sig->aggregate;
  if (e.aggregate)
    for (const ExprPtr &arg : e.args)
      if (const FuncCallExpr *inner = arg ? findAggregate(*arg) : nullptr) {
        diags.error(inner->getLoc(), "invalid-aggregate",
                    "aggregate function calls cannot be nested");
        return Type(TypeKind::Error);
      }
  if (e.aggregate && clause != Clause::SelectList && clause != Clause::Having &&
      clause != Clause::OrderBy) {
    diags.error(e.getLoc(), "invalid-aggregate",
                std::string("aggregate functions are not allowed in ") + clauseName(clause));
    return Type(TypeKind::Error);
  }
  return t;
}

Type ExprChecker::checkCase(CaseExpr &e) {
  if (e.operand) {
    check(*e.operand);
    // An untyped test expression is forced to text.
    if (asUnknownLiteral(*e.operand) && !coerceLiteral(*e.operand, Type(TypeKind::Text)))
      return Type(TypeKind::Error);
  }
  for (CaseExpr::When &w : e.whens) {
    check(*w.cond);
    if (e.operand)
      applyOperator("=", e.operand.get(), *w.cond, w.cond->getLoc());
    else
      coerceToBoolean(*w.cond, "CASE/WHEN");
    check(*w.result);
  }
  if (e.elseExpr)
    check(*e.elseExpr);
  // The ELSE result comes first: it is the most significant for the type.
  LiteralExpr implicitNull(e.getLoc(), LiteralExpr::LitKind::Null, "");
  implicitNull.setType(Type(TypeKind::Unknown));
  llvm::SmallVector<Expr *, 4> results{e.elseExpr ? e.elseExpr.get() : &implicitNull};
  llvm::SmallVector<llvm::StringRef, 4> contexts{"CASE/ELSE"};
  for (CaseExpr::When &w : e.whens) {
    results.push_back(w.result.get());
    contexts.push_back("CASE/WHEN");
  }
  return unify(results, "CASE", contexts);
}

Type ExprChecker::checkInList(InListExpr &e) {
  check(*e.operand);
  llvm::SmallVector<Expr *, 4> vars, nonVars;
  for (ExprPtr &i : e.items) {
    check(*i);
    (containsColumnRef(*i) ? vars : nonVars).push_back(i.get());
  }
  llvm::StringRef op = e.negated ? "<>" : "=";
  Type result(TypeKind::Bool);
  llvm::SmallVector<Expr *, 4> oneByOne;
  // Several constant items: compare against an array of their common type.
  bool viaArray = false;
  if (nonVars.size() > 1) {
    llvm::SmallVector<Type, 4> types{e.operand->getType()};
    bool opaque = isOpaque(types[0]);
    for (Expr *x : nonVars) {
      types.push_back(x->getType());
      opaque |= isOpaque(x->getType());
    }
    CommonType common = opaque ? CommonType() : selectCommonType(catalog, types);
    if (opaque)
      return result;
    if (common.type) {
      viaArray = true;
      Type scalar = common.type->withoutModifiers();
      for (Expr *x : nonVars) {
        if (asUnknownLiteral(*x)) {
          if (!coerceLiteral(*x, scalar))
            return Type(TypeKind::Error);
        } else if (!x->getType().sameBase(scalar) &&
                   catalog.findCast(x->getType(), scalar) != CastContext::Implicit) {
          diags.error(x->getLoc(), "type-mismatch",
                      "IN could not convert type " + argTypeName(catalog, x->getType()) + " to " +
                          argTypeName(catalog, scalar));
          return Type(TypeKind::Error);
        }
      }
      LiteralExpr element(e.getLoc(), LiteralExpr::LitKind::Null, "");
      element.setType(scalar);
      if (applyOperator(op, e.operand.get(), element, e.getLoc()).getKind() == TypeKind::Error)
        return Type(TypeKind::Error);
    }
  }
  if (!viaArray)
    oneByOne.append(nonVars.begin(), nonVars.end());
  oneByOne.append(vars.begin(), vars.end());
  for (Expr *x : oneByOne)
    if (applyOperator(op, e.operand.get(), *x, x->getLoc()).getKind() == TypeKind::Error)
      return Type(TypeKind::Error);
  return result;
}

Type ExprChecker::checkSubquery(SubqueryExpr &e) {
  llvm::SmallVector<Type, 2> cols = checkSelect(*e.query);
  if (cols.size() != 1) {
    if (selectWidthUnknown)
      return Type(TypeKind::Any);
    diags.error(e.getLoc(), "type-mismatch", "subquery must return only one column");
    return Type(TypeKind::Error);
  }
  return cols[0].isUnknown() ? Type(TypeKind::Text) : cols[0];
}

Type ExprChecker::checkInSubquery(InSubqueryExpr &e) {
  check(*e.operand);
  llvm::SmallVector<Type, 2> cols = checkSelect(*e.query);
  if (cols.size() != 1) {
    if (selectWidthUnknown)
      return Type(TypeKind::Bool);
    diags.error(e.query->loc.isValid() ? e.query->loc : e.getLoc(), "type-mismatch",
                cols.size() > 1 ? "subquery has too many columns" : "subquery has too few columns");
    return Type(TypeKind::Error);
  }
  LiteralExpr column(e.getLoc(), LiteralExpr::LitKind::Null, "");
  column.setType(cols[0]);
  Type r = applyOperator("=", e.operand.get(), column, e.getLoc());
  return r.getKind() == TypeKind::Error ? r : Type(TypeKind::Bool);
}

void ExprChecker::setLiveFunctions(llvm::ArrayRef<Signature> functions, bool authoritative) {
  liveAuthoritative = authoritative;
  for (const Signature &f : functions) {
    if (!catalog.lookupFunction(f.name).empty())
      continue; // the built-in rows are exact; the live catalogue adds only what they lack
    liveFunctions[f.name].push_back(f);
  }
}

const FuncCallExpr *shc::findAggregate(const Expr &e) {
  if (auto *f = llvm::dyn_cast<FuncCallExpr>(&e); f && f->aggregate)
    return f;
  if (auto *in = llvm::dyn_cast<InSubqueryExpr>(&e)) // its SELECT is another level
    return in->operand ? findAggregate(*in->operand) : nullptr;
  if (llvm::isa<SubqueryExpr>(&e) || llvm::isa<ExistsExpr>(&e))
    return nullptr;
  const FuncCallExpr *found = nullptr;
  forEachChild(e, [&](const Expr &c) {
    if (!found)
      found = findAggregate(c);
  });
  return found;
}
