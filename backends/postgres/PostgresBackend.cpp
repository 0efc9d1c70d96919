//===- PostgresBackend.cpp - PostgreSQL-family SQL emission ---------------===//

#include "backends/postgres/PostgresBackend.h"

#include "backends/common/ScriptEmitter.h"
#include "backends/postgres/Ledger.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"

#include "llvm/ADT/StringExtras.h"

using namespace shc;

const SqlPolicy &shc::postgresPolicy() {
  static const SqlPolicy policy = [] {
    SqlPolicy p;
    p.identQuote = '"';
    p.foldsToLower = true;
    p.extraIdentChars = "$";
    p.keywords = postgresKeywords();
    p.quoteFrom = KeywordCategory::ColName;
    p.escaping = StringEscaping::StandardOrEscapePrefix;
    p.rejectsNul = true;
    p.displayName = "PostgreSQL";
    return p;
  }();
  return policy;
}

const SqlWriter &shc::postgresWriter() {
  static const SqlWriter writer(postgresPolicy());
  return writer;
}

/// A type name we did not normalise (an enum, a domain, an extension type)
/// is written as given when it is made of name characters only, which keeps
/// `public.mood` and `geometry(point,4326)` readable; anything else is quoted.
static bool isSafeTypeText(llvm::StringRef s) {
  if (s.empty() || !(llvm::isAlpha(s[0]) || s[0] == '_'))
    return false;
  for (char c : s)
    if (!(llvm::isAlnum(c) || llvm::StringRef("_$.,() ").contains(c)))
      return false;
  int depth = 0;
  for (char c : s) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (depth < 0)
      return false;
  }
  return depth == 0;
}

std::optional<std::string> PostgresExprEmitter::typeName(const Type &type, llvm::StringRef spelling,
                                                         SourceLoc loc) {
  switch (type.getKind()) {
  case TypeKind::Unknown:
  case TypeKind::Any:
  case TypeKind::Error:
    if (isSafeTypeText(spelling))
      return spelling.lower();
    malformedIR(loc, "cast to an unresolved type '" + spelling.str() + "'");
    return std::nullopt;
  case TypeKind::Other: {
    llvm::StringRef name = type.getOtherName();
    std::string s;
    // A plain name is written as an identifier, quoted exactly when
    // PostgreSQL needs it ("char" stays the one-byte type, MyType keeps its
    // case); a spelled-out type text (geometry(point, 4326)) as written.
    bool plainName = !name.empty() && !llvm::isDigit(name[0]) &&
                     llvm::all_of(name, [](char c) { return llvm::isAlnum(c) || c == '_' || c == '$'; });
    if (plainName)
      s = writer.identifier(name);
    else if (isSafeTypeText(name))
      s = name.str();
    else
      s = writer.quotedIdentifier(name);
    if (type.isArray())
      s += "[]";
    return s;
  }
  default:
    return type.str();
  }
}

void PostgresExprEmitter::emitTimezoneConvert(const TimezoneConvertExpr &tz) {
  // Read the value as wall-clock time in `from` (giving an instant), then
  // show that instant as wall-clock time in `to`.
  text() += '(';
  emitOperand(tz.operand, Prec::AtTimeZone, Side::Left);
  text() += " AT TIME ZONE ";
  emitString(tz.fromZone, tz.fromLoc.isValid() ? tz.fromLoc : tz.getLoc());
  text() += ") AT TIME ZONE ";
  emitString(tz.toZone, tz.toLoc.isValid() ? tz.toLoc : tz.getLoc());
}

std::unique_ptr<ScriptEmitter> PostgresEmitter::makeScriptEmitter(ExprEmitter &exprs,
                                                                  const EmitOptions &opts) {
  return std::make_unique<LedgerScriptEmitter>(exprs, diags, opts, flavor);
}
