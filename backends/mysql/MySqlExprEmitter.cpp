//===- MySqlExprEmitter.cpp - MySQL's spellings of expressions ------------===//

#include "backends/mysql/MySqlEmitter.h"

#include "ir/Diagnostics.h"

using namespace shc;

namespace {
#include "backends/mysql/catalog/MySqlKeywords.inc"
} // namespace

static llvm::ArrayRef<Keyword> mysqlKeywords() {
  static const std::vector<Keyword> keywords = [] {
    std::vector<Keyword> k;
    for (const char *w : reservedWords)
      k.push_back({w, KeywordCategory::Reserved});
    return k;
  }();
  return keywords;
}

const SqlWriter &shc::mysqlWriter() {
  static const SqlPolicy policy = [] {
    SqlPolicy p;
    p.identQuote = '`';
    p.foldsToLower = false; // column names match case-insensitively
    p.extraIdentChars = "$";
    p.keywords = mysqlKeywords();
    p.quoteFrom = KeywordCategory::Reserved;
    p.escaping = StringEscaping::Backslash;
    p.rejectsNul = false; // written as \0
    p.castFunctionOnly = true;
    // Built-in function names are keywords only in their call syntax; MySQL
    // reads them bare before a parenthesis (IF, INSERT, LEFT, REPLACE ...).
    p.bareFunctionNames = true;
    p.displayName = "MySQL";
    return p;
  }();
  static const SqlWriter writer(policy);
  return writer;
}

Prec MySqlExprEmitter::precedenceOf(const Expr &e) const {
  if (auto *b = llvm::dyn_cast<BinaryExpr>(&e))
    if (b->op == BinaryExpr::Op::Concat || b->op == BinaryExpr::Op::Pow)
      return Prec::Primary; // CONCAT(a, b), POW(a, b)
  if (auto *d = llvm::dyn_cast<IsDistinctExpr>(&e))
    return d->negated ? Prec::Comparison : Prec::Not; // a <=> b, NOT a <=> b
  // Comparisons, IS, LIKE, IN and REGEXP share one level in MySQL, and
  // BETWEEN sits just below: parenthesise any of them inside another.
  Prec p = ExprEmitter::precedenceOf(e);
  if (p == Prec::Is || p == Prec::Pattern)
    return Prec::Comparison;
  return p;
}

std::optional<std::string> MySqlExprEmitter::typeName(const Type &type, llvm::StringRef spelling,
                                                      SourceLoc loc) {
  // CAST takes its own target names, not the column types.
  if (!type.isArray())
    switch (type.getKind()) {
    case TypeKind::Int2:
    case TypeKind::Int4:
    case TypeKind::Int8:
      return std::string(type.getMod2() == 1 ? "UNSIGNED" : "SIGNED");
    case TypeKind::Numeric:
      if (type.getMod1() >= 0)
        return "DECIMAL(" + std::to_string(type.getMod1()) + "," +
               std::to_string(std::max(type.getMod2(), 0)) + ")";
      return std::string("DECIMAL(65,30)");
    case TypeKind::Float4:
      return std::string("FLOAT");
    case TypeKind::Float8:
      return std::string("DOUBLE");
    case TypeKind::Text:
      return std::string("CHAR");
    case TypeKind::Varchar:
    case TypeKind::Char:
      return type.getMod1() >= 0 ? "CHAR(" + std::to_string(type.getMod1()) + ")"
                                 : std::string("CHAR");
    case TypeKind::Bytea:
      return std::string("BINARY");
    case TypeKind::Date:
      return std::string("DATE");
    case TypeKind::Time:
      return std::string("TIME");
    case TypeKind::Timestamp:
    case TypeKind::TimestampTz:
      return std::string("DATETIME");
    case TypeKind::Json:
    case TypeKind::Jsonb:
      return std::string("JSON");
    default:
      break;
    }
  unsupported(loc, "MySQL's CAST has no target type for '" + spelling.str() +
                       "'; CAST takes SIGNED, UNSIGNED, DECIMAL(p,s), DOUBLE, CHAR, BINARY, "
                       "DATE, TIME, DATETIME or JSON");
  return std::nullopt;
}

void MySqlExprEmitter::emitTimezoneConvert(const TimezoneConvertExpr &tz) {
  text() += "CONVERT_TZ(";
  emitNested(tz.operand);
  text() += ", ";
  emitString(tz.fromZone, tz.fromLoc.isValid() ? tz.fromLoc : tz.getLoc());
  text() += ", ";
  emitString(tz.toZone, tz.toLoc.isValid() ? tz.toLoc : tz.getLoc());
  text() += ')';
}

void MySqlExprEmitter::emitFuncCall(const FuncCallExpr &f) {
  // The catalogue lists btrim, and ltrim/rtrim with a character set, only
  // as the TRIM(... FROM x) forms: MySQL has no such functions by name.
  bool trimByName = f.form == FuncCallExpr::Form::Plain &&
                    (f.name == "btrim" || ((f.name == "ltrim" || f.name == "rtrim") && f.args.size() == 2));
  if (trimByName)
    return unsupported(f.getLoc(), "MySQL has no " + f.name + "() with these arguments; write "
                                   "TRIM([BOTH|LEADING|TRAILING] chars FROM x)");
  ExprEmitter::emitFuncCall(f);
}

void MySqlExprEmitter::emitBinary(const BinaryExpr &b) {
  if (b.op == BinaryExpr::Op::Concat || b.op == BinaryExpr::Op::Pow) {
    text() += b.op == BinaryExpr::Op::Concat ? "CONCAT(" : "POW(";
    emitNested(b.lhs);
    text() += ", ";
    emitNested(b.rhs);
    text() += ')';
    return;
  }
  ExprEmitter::emitBinary(b);
}

void MySqlExprEmitter::emitIsDistinct(const IsDistinctExpr &d) {
  if (!d.negated)
    text() += "NOT ";
  Prec p = Prec::Comparison;
  emitOperand(d.lhs, p, Side::Left);
  text() += " <=> ";
  emitOperand(d.rhs, p, Side::Right);
}
