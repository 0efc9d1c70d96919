// transformUpdate items -> typed expressions over the column: the transform
// vocabulary is fixed, so each one becomes an IR node the backends know.
#include "frontend/Lower.h"
#include "ir/Catalog.h"
#include "frontend/SpecSchema.h"
#include "frontend/YamlDocument.h"
#include "ir/Diagnostics.h"
#include "ir/Suggest.h"

#include "llvm/ADT/StringSwitch.h"

#include <cstdint>

using namespace shc;

namespace {

const llvm::StringRef TransformTypes[] = {"timezone_convert", "format_change", "type_cast",
                                          "string_transform"};
const llvm::StringRef FormatChanges[] = {"lowercase", "uppercase", "trim"};
const llvm::StringRef StringTransforms[] = {"replace", "substring"};

/// An unknown name from a fixed vocabulary: "invalid-transform" with a
/// did-you-mean, and the full list when nothing is close.
void reportInvalid(const YamlNode &n, llvm::StringRef what, llvm::ArrayRef<llvm::StringRef> valid,
                   LowerContext &ctx) {
  std::string suggestion = didYouMean(n.value, valid);
  ctx.diags
      .error(n.loc, "invalid-transform",
             "unknown " + what.str() + " '" + n.value + "'" + suggestion)
      .hint("valid values are " + joinAlternatives(valid));
}

/// Fields that the transform type does not read are almost always a mistake.
void warnUnused(const FieldMap &f, llvm::ArrayRef<llvm::StringRef> unused, llvm::StringRef type,
                LowerContext &ctx) {
  for (llvm::StringRef field : unused)
    if (const YamlNode *k = f.getKey(field))
      ctx.diags.warning(k->loc, "unused-field",
                        "'" + field.str() + "' is not used by " + type.str());
}

/// A required scalar field of a transform, as a string node.
const YamlNode *requireString(const FieldMap &f, llvm::StringRef field, LowerContext &ctx) {
  const YamlNode *n = f.require(field);
  if (!n || !readString(n, field, ctx.diags))
    return nullptr;
  return n;
}

ExprPtr call(SourceLoc loc, llvm::StringRef name, std::vector<ExprPtr> args) {
  return std::make_unique<FuncCallExpr>(loc, name.str(), std::move(args),
                                        FuncCallExpr::Form::Plain);
}

ExprPtr stringLit(const YamlNode &n) {
  return std::make_unique<LiteralExpr>(n.loc, LiteralExpr::LitKind::String, n.value);
}

/// `start` / `length` of substring: an integer, also written as a string
/// (SchemaHero's parameters are strings: `start: "1"`) when its text is
/// valid input for integer, as PostgreSQL reads it (blanks, a sign).
ExprPtr intParam(const YamlNode &n, llvm::StringRef field, LowerContext &ctx) {
  llvm::StringRef v = n.isScalar() ? llvm::StringRef(n.value).trim(" \t\n\r\f\v") : "";
  if (v.startswith("+"))
    v = v.drop_front();
  long long parsed;
  bool tagged = n.isScalar() && !n.isPlain() && n.tag != "!";
  if (!n.isScalar() || tagged || v.getAsInteger(10, parsed) || parsed < INT32_MIN ||
      parsed > INT32_MAX) {
    ctx.diags.error(n.loc, "invalid-field",
                    "'" + field.str() + "' must be an integer, found " +
                        (n.isScalar() ? "'" + n.value + "'" : n.describe().str()));
    return nullptr;
  }
  return std::make_unique<LiteralExpr>(n.loc, LiteralExpr::LitKind::Integer,
                                       std::to_string(parsed));
}

ExprPtr lowerStringTransform(const FieldMap &f, ExprPtr col, LowerContext &ctx) {
  static const llvm::StringRef ParamFields[] = {"type", "old", "new", "start", "length"};
  const YamlNode *params = f.require("parameters");
  if (!params)
    return nullptr;
  FieldMap p(params, ParamFields, "parameters", ctx.diags);
  if (!p.isValid())
    return nullptr;
  const YamlNode *type = requireString(p, "type", ctx);
  if (!type)
    return nullptr;
  SourceLoc loc = col->getLoc();
  if (type->value == "replace") {
    warnUnused(p, {"start", "length"}, "replace", ctx);
    const YamlNode *from = requireString(p, "old", ctx);
    const YamlNode *to = p.get("new");
    if (to && to->isNull() && !to->implicitNull) {
      ctx.diags.error(to->loc, "invalid-field", "'new' must be a string, found null")
          .hint("write new: \"\" to delete the matched text");
      return nullptr;
    }
    to = requireString(p, "new", ctx);
    if (!from || !to)
      return nullptr;
    std::vector<ExprPtr> args;
    args.push_back(std::move(col));
    args.push_back(stringLit(*from));
    args.push_back(stringLit(*to));
    return call(loc, "replace", std::move(args));
  }
  if (type->value == "substring") {
    warnUnused(p, {"old", "new"}, "substring", ctx);
    const YamlNode *start = p.require("start");
    if (!start)
      return nullptr;
    std::vector<ExprPtr> args;
    args.push_back(std::move(col));
    ExprPtr s = intParam(*start, "start", ctx), l;
    const YamlNode *len = p.get("length");
    if (len && !len->isNull() && !(l = intParam(*len, "length", ctx)))
      return nullptr; // both reported, each bad value once
    if (!s)
      return nullptr;
    args.push_back(std::move(s));
    if (l)
      args.push_back(std::move(l));
    return call(loc, "substring", std::move(args));
  }
  reportInvalid(*type, "string_transform type", StringTransforms, ctx);
  return nullptr;
}

/// A type_cast target the target's catalogue does not have: a typo near a
/// built-in name is an error with "did you mean" (PostgreSQL's `type
/// "integr" does not exist`); any other name may be a user-defined type (an
/// enum, a domain), which only the database knows: a warning that the cast
/// is not checked.
bool checkCastTarget(const YamlNode &to, LowerContext &ctx) {
  std::optional<std::string> unknown = ctx.catalog().unknownTypeName(to.value);
  if (!unknown)
    return true;
  std::string suggestion = ctx.catalog().suggestTypeName(*unknown);
  if (!suggestion.empty()) {
    ctx.diags.error(to.loc, "invalid-transform",
                    "type \"" + *unknown + "\" does not exist" + suggestion);
    return false;
  }
  ctx.diags
      .warning(to.loc, "unknown-type",
               "type \"" + *unknown + "\" is not a built-in type: the cast is not checked")
      .hint("a user-defined type (enum, domain) is fine; otherwise check the spelling");
  return true;
}

} // namespace

bool shc::lowerTransform(const YamlNode &item, Assignment &out, LowerContext &ctx) {
  static const llvm::StringRef Fields[] = {"column", "transformType", "fromValue", "toValue",
                                           "parameters"};
  FieldMap f(&item, Fields, "transformations", ctx.diags);
  if (!f.isValid())
    return false;
  if (item.isNull()) {
    ctx.diags.error(item.loc, "invalid-field", "empty item in 'transformations'");
    return false;
  }
  const YamlNode *column = requireString(f, "column", ctx);
  const YamlNode *type = requireString(f, "transformType", ctx);
  if (!column || !type)
    return false;
  out.column = column->value;
  out.loc = column->loc;
  auto col = std::make_unique<ColumnRefExpr>(column->loc, "", column->value);
  col->nameLoc = column->loc;
  llvm::StringRef kind = type->value;

  if (kind == "timezone_convert") {
    warnUnused(f, {"parameters"}, kind, ctx);
    const YamlNode *from = requireString(f, "fromValue", ctx);
    const YamlNode *to = requireString(f, "toValue", ctx);
    if (!from || !to)
      return false;
    auto e =
        std::make_unique<TimezoneConvertExpr>(column->loc, std::move(col), from->value, to->value);
    e->fromLoc = from->loc;
    e->toLoc = to->loc;
    out.value = std::move(e);
    out.transform = TransformKind::TimezoneConvert;
    return true;
  }
  if (kind == "format_change") {
    warnUnused(f, {"fromValue", "parameters"}, kind, ctx);
    const YamlNode *to = requireString(f, "toValue", ctx);
    if (!to)
      return false;
    llvm::StringRef fn = llvm::StringSwitch<llvm::StringRef>(to->value)
                             .Case("lowercase", "lower")
                             .Case("uppercase", "upper")
                             // A both-sides trim is trim(x) where the catalogue
                             // has that function (SQLite, MySQL), else btrim(x)
                             // (PostgreSQL's TRIM is syntax over btrim).
                             .Case("trim", ctx.catalog().lookupFunction("trim").empty() ? "btrim"
                                                                                        : "trim")
                             .Default("");
    if (fn.empty()) {
      reportInvalid(*to, "format_change toValue", FormatChanges, ctx);
      return false;
    }
    std::vector<ExprPtr> args;
    args.push_back(std::move(col));
    out.value = call(column->loc, fn, std::move(args));
    out.transform = TransformKind::FormatChange;
    return true;
  }
  if (kind == "type_cast") {
    warnUnused(f, {"fromValue", "parameters"}, kind, ctx);
    const YamlNode *to = requireString(f, "toValue", ctx);
    if (!to)
      return false;
    std::optional<Type> target = ctx.catalog().parseColumnType(to->value);
    if (!target) {
      ctx.diags.error(to->loc, "invalid-transform", "invalid type name '" + to->value + "'");
      return false;
    }
    if (!checkCastTarget(*to, ctx))
      return false;
    out.value = std::make_unique<CastExpr>(column->loc, std::move(col), *target, to->value,
                                           CastExpr::Syntax::CastFunc);
    out.transform = TransformKind::TypeCast;
    return true;
  }
  if (kind == "string_transform") {
    warnUnused(f, {"fromValue", "toValue"}, kind, ctx);
    out.value = lowerStringTransform(f, std::move(col), ctx);
    out.transform = TransformKind::StringTransform;
    return out.value != nullptr;
  }
  reportInvalid(*type, "transformType", TransformTypes, ctx);
  return false;
}

void shc::composeTransform(Assignment &previous, Assignment next) {
  // Every transform reads its column in one place: the first argument of
  // its call, or the operand of its cast or zone conversion.
  ExprPtr *input = nullptr;
  if (auto *call = llvm::dyn_cast<FuncCallExpr>(next.value.get()); call && !call->args.empty())
    input = &call->args.front();
  else if (auto *cast = llvm::dyn_cast<CastExpr>(next.value.get()))
    input = &cast->operand;
  else if (auto *tz = llvm::dyn_cast<TimezoneConvertExpr>(next.value.get()))
    input = &tz->operand;
  if (!input)
    return;
  *input = std::move(previous.value);
  previous.value = std::move(next.value);
  previous.transform = next.transform;
}
