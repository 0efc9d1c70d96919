//===- ExprEmitter.cpp - Operators, literals and parenthesisation ---------===//

#include "backends/common/ExprEmitter.h"

#include "ir/Diagnostics.h"
#include "ir/Module.h"

using namespace shc;
using llvm::cast;

ExprEmitter::~ExprEmitter() = default;

void ExprEmitter::appendTableName(const Table *resolved, llvm::StringRef schema,
                                  llvm::StringRef name, std::string &out) const {
  if (resolved) {
    schema = resolved->schema;
    name = resolved->name;
  }
  if (!schema.empty()) {
    appendIdentifier(schema, out);
    out += '.';
  }
  appendIdentifier(name, out);
}

bool shc::isSqlNumber(llvm::StringRef text) {
  if (text.consume_front("-")) {
    // A second sign would read as another operator (or a `--` comment).
  } else {
    text.consume_front("+");
  }
  size_t digits = 0, i = 0;
  auto isDigit = [&](size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
  while (isDigit(i))
    ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (isDigit(i))
      ++i, ++digits;
  }
  if (digits == 0)
    return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
      ++i;
    if (!isDigit(i))
      return false;
    while (isDigit(i))
      ++i;
  }
  return i == text.size();
}

static Prec binaryPrec(BinaryExpr::Op op) {
  using Op = BinaryExpr::Op;
  switch (op) {
  case Op::Or:
    return Prec::Or;
  case Op::Xor:
    return Prec::Xor;
  case Op::And:
    return Prec::And;
  case Op::Eq:
  case Op::Ne:
  case Op::Lt:
  case Op::Le:
  case Op::Gt:
  case Op::Ge:
  case Op::Regexp:
    return Prec::Comparison;
  case Op::Concat:
  case Op::JsonGet:
  case Op::JsonGetText:
    return Prec::Op;
  case Op::Add:
  case Op::Sub:
    return Prec::Additive;
  case Op::Mul:
  case Op::Div:
  case Op::Mod:
  case Op::IntDiv:
    return Prec::Multiplicative;
  case Op::Pow:
    return Prec::Power;
  case Op::AtTimeZone:
    return Prec::AtTimeZone;
  }
  return Prec::Lowest;
}

Prec ExprEmitter::precedenceOf(const Expr &e) const {
  switch (e.getKind()) {
  case Expr::Kind::Literal: {
    auto &lit = cast<LiteralExpr>(e);
    bool number = lit.litKind == LiteralExpr::LitKind::Integer ||
                  lit.litKind == LiteralExpr::LitKind::Numeric;
    // `-5` is a prefix minus to the parser: `(-5)::text`, not `-5::text`.
    return number && llvm::StringRef(lit.text).startswith("-") ? Prec::UnaryMinus : Prec::Primary;
  }
  case Expr::Kind::ColumnRef:
  case Expr::Kind::FuncCall:
  case Expr::Kind::Case:
  case Expr::Kind::Subquery:
    return Prec::Primary;
  case Expr::Kind::Exists:
    return cast<ExistsExpr>(e).negated ? Prec::Not : Prec::Primary;
  case Expr::Kind::Unary:
    return cast<UnaryExpr>(e).op == UnaryExpr::Op::Not ? Prec::Not : Prec::UnaryMinus;
  case Expr::Kind::Binary:
    return binaryPrec(cast<BinaryExpr>(e).op);
  case Expr::Kind::Cast: {
    auto &c = cast<CastExpr>(e);
    if (c.syntax == CastExpr::Syntax::CastFunc || writer.getPolicy().castFunctionOnly)
      return Prec::Primary;
    if (c.syntax == CastExpr::Syntax::TypedLiteral && canUseTypedLiteral(c))
      return Prec::Primary;
    return Prec::Typecast;
  }
  case Expr::Kind::InList:
  case Expr::Kind::InSubquery:
  case Expr::Kind::Between:
  case Expr::Kind::Like:
    return Prec::Pattern;
  case Expr::Kind::IsTest:
  case Expr::Kind::IsDistinct:
    return Prec::Is;
  case Expr::Kind::TimezoneConvert:
    return Prec::AtTimeZone;
  }
  return Prec::Lowest;
}

bool ExprEmitter::isBExpr(const Expr &e) const {
  switch (e.getKind()) {
  case Expr::Kind::Unary:
    return cast<UnaryExpr>(e).op != UnaryExpr::Op::Not;
  case Expr::Kind::Binary: {
    auto op = cast<BinaryExpr>(e).op;
    return op != BinaryExpr::Op::And && op != BinaryExpr::Op::Or &&
           op != BinaryExpr::Op::AtTimeZone;
  }
  case Expr::Kind::InList:
  case Expr::Kind::InSubquery:
  case Expr::Kind::Between:
  case Expr::Kind::Like:
  case Expr::Kind::IsTest:
  case Expr::Kind::TimezoneConvert:
    return false;
  case Expr::Kind::Exists:
    return !cast<ExistsExpr>(e).negated;
  default:
    return true;
  }
}

LogicalResult ExprEmitter::emit(const Expr &e, std::string &out) {
  llvm::raw_string_ostream s(out); // unbuffered: `out` stays current
  buf = &out;
  stream = &s;
  hadError = false;
  bExprOnly = false;
  emitOperand(e, Prec::Lowest, Side::Right);
  buf = nullptr;
  stream = nullptr;
  return hadError ? failure() : success();
}

void ExprEmitter::emitOperand(const Expr &child, Prec slot, Side side) {
  Prec p = precedenceOf(child);
  bool parens = fullParens ? p != Prec::Primary : needsParens(p, slot, side);
  if (bExprOnly && slot != Prec::Lowest && !isBExpr(child))
    parens = true;
  bool savedBExpr = bExprOnly;
  // Inside parentheses, or in a delimited slot, anything goes again.
  if (parens || slot == Prec::Lowest)
    bExprOnly = false;
  if (parens)
    *buf += '(';
  emitNode(child);
  if (parens)
    *buf += ')';
  bExprOnly = savedBExpr;
}

void ExprEmitter::malformedIR(SourceLoc loc, llvm::StringRef message) {
  diags.error(loc, "ir-verifier", "IR verifier: " + message.str());
  hadError = true;
}

void ExprEmitter::missing(llvm::StringRef what) {
  malformedIR(currentLoc, "missing " + what.str());
}

void ExprEmitter::emitOperand(const ExprPtr &child, Prec slot, Side side) {
  if (!child)
    return missing("operand");
  emitOperand(*child, slot, side);
}

void ExprEmitter::emitBExprOperand(const ExprPtr &child, Prec slot, Side side) {
  bool saved = bExprOnly;
  bExprOnly = true;
  emitOperand(child, slot == Prec::Lowest ? Prec::Or : slot, side);
  bExprOnly = saved;
}

void ExprEmitter::unsupported(SourceLoc loc, std::string message) {
  diags.error(loc, "unsupported-in-dialect", std::move(message));
  hadError = true;
}

void ExprEmitter::emitString(llvm::StringRef value, SourceLoc loc) {
  if (failed(writer.writeString(os(), value, loc, diags)))
    hadError = true;
}

void ExprEmitter::emitList(const std::vector<ExprPtr> &items) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i)
      *buf += ", ";
    emitNested(items[i]);
  }
}

void ExprEmitter::emitLiteral(const LiteralExpr &lit) {
  switch (lit.litKind) {
  case LiteralExpr::LitKind::String:
    emitString(lit.text, lit.getLoc());
    return;
  case LiteralExpr::LitKind::Integer:
  case LiteralExpr::LitKind::Numeric: {
    llvm::StringRef text = lit.text;
    if (!isSqlNumber(text)) {
      unsupported(lit.getLoc(), "numeric literal \"" + lit.text + "\" cannot be written in " +
                                    writer.getPolicy().displayName.str());
      return;
    }
    text.consume_front("+");
    *buf += text;
    return;
  }
  case LiteralExpr::LitKind::Bool:
    if (llvm::StringRef(lit.text).equals_insensitive("true"))
      *buf += writer.boolLiteral(true);
    else if (llvm::StringRef(lit.text).equals_insensitive("false"))
      *buf += writer.boolLiteral(false);
    else
      unsupported(lit.getLoc(), "invalid boolean literal \"" + lit.text + "\"");
    return;
  case LiteralExpr::LitKind::Null:
    *buf += writer.nullLiteral();
    return;
  }
}

void ExprEmitter::emitUnary(const UnaryExpr &u) {
  if (u.op == UnaryExpr::Op::Not) {
    *buf += "NOT ";
    emitOperand(u.operand, Prec::Not, Side::Right);
    return;
  }
  *buf += u.op == UnaryExpr::Op::Neg ? '-' : '+';
  size_t start = buf->size();
  emitOperand(u.operand, Prec::UnaryMinus, Side::Right);
  // `--x` would start a comment and `+-x` reads oddly: `-(-x)`.
  if (buf->size() > start && ((*buf)[start] == '-' || (*buf)[start] == '+')) {
    buf->insert(start, "(");
    *buf += ')';
  }
}

void ExprEmitter::emitBinary(const BinaryExpr &b) {
  Prec p = precedenceOf(b);
  emitOperand(b.lhs, p, Side::Left);
  *buf += ' ';
  *buf += binaryOpSpelling(b.op);
  *buf += ' ';
  emitOperand(b.rhs, p, Side::Right);
}

void ExprEmitter::emitIsDistinct(const IsDistinctExpr &d) {
  emitOperand(d.lhs, Prec::Comparison, Side::Left);
  *buf += d.negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ";
  emitOperand(d.rhs, Prec::Comparison, Side::Right);
}

void ExprEmitter::emitNode(const Expr &e) {
  currentLoc = e.getLoc();
  switch (e.getKind()) {
  case Expr::Kind::Literal:
    return emitLiteral(cast<LiteralExpr>(e));
  case Expr::Kind::ColumnRef: {
    auto &c = cast<ColumnRefExpr>(e);
    if (!c.qualifier.empty()) {
      emitIdentifier(c.qualifier);
      *buf += '.';
    }
    return emitIdentifier(c.name);
  }
  case Expr::Kind::Unary:
    return emitUnary(cast<UnaryExpr>(e));
  case Expr::Kind::Binary:
    return emitBinary(cast<BinaryExpr>(e));
  case Expr::Kind::FuncCall:
    return emitFuncCall(cast<FuncCallExpr>(e));
  case Expr::Kind::Cast:
    return emitCast(cast<CastExpr>(e));
  case Expr::Kind::Case:
    return emitCase(cast<CaseExpr>(e));
  case Expr::Kind::InList: {
    auto &in = cast<InListExpr>(e);
    emitOperand(in.operand, Prec::Pattern, Side::Left);
    *buf += in.negated ? " NOT IN (" : " IN (";
    emitList(in.items);
    *buf += ')';
    return;
  }
  case Expr::Kind::InSubquery: {
    auto &in = cast<InSubqueryExpr>(e);
    emitOperand(in.operand, Prec::Pattern, Side::Left);
    *buf += in.negated ? " NOT IN (" : " IN (";
    emitSelect(in.query.get());
    *buf += ')';
    return;
  }
  case Expr::Kind::Exists: {
    auto &ex = cast<ExistsExpr>(e);
    *buf += ex.negated ? "NOT EXISTS (" : "EXISTS (";
    emitSelect(ex.query.get());
    *buf += ')';
    return;
  }
  case Expr::Kind::Subquery:
    *buf += '(';
    emitSelect(cast<SubqueryExpr>(e).query.get());
    *buf += ')';
    return;
  case Expr::Kind::Between: {
    auto &b = cast<BetweenExpr>(e);
    emitOperand(b.operand, Prec::Pattern, Side::Left);
    *buf += b.negated ? " NOT BETWEEN " : " BETWEEN ";
    if (b.symmetric)
      *buf += "SYMMETRIC ";
    emitBExprOperand(b.low, Prec::Pattern, Side::Right);
    *buf += " AND ";
    emitOperand(b.high, Prec::Pattern, Side::Right);
    return;
  }
  case Expr::Kind::Like: {
    auto &l = cast<LikeExpr>(e);
    emitOperand(l.operand, Prec::Pattern, Side::Left);
    *buf += l.negated ? " NOT" : "";
    *buf += l.caseInsensitive ? " ILIKE " : " LIKE ";
    emitOperand(l.pattern, Prec::Pattern, Side::Right);
    if (l.escape) {
      *buf += " ESCAPE ";
      emitOperand(l.escape, Prec::Pattern, Side::Right);
    }
    return;
  }
  case Expr::Kind::IsTest: {
    auto &t = cast<IsTestExpr>(e);
    // Comparisons are parenthesised under IS although PostgreSQL >= 9.5 binds
    // them tighter: older PostgreSQL and MySQL read `a = b IS TRUE` the other
    // way, and so do many human readers.
    emitOperand(t.operand, Prec::Comparison, Side::Left);
    *buf += t.negated ? " IS NOT " : " IS ";
    static const char *const names[] = {"NULL", "TRUE", "FALSE", "UNKNOWN"};
    *buf += names[static_cast<int>(t.test)];
    return;
  }
  case Expr::Kind::IsDistinct:
    return emitIsDistinct(cast<IsDistinctExpr>(e));
  case Expr::Kind::TimezoneConvert:
    return emitTimezoneConvert(cast<TimezoneConvertExpr>(e));
  }
}
