#include "test/unit/TestDialects.h"
#include "ExprParserTestUtil.h"

#include "llvm/Support/raw_ostream.h"

using namespace shc;

namespace shc::test {

Parsed parseExpr(llvm::StringRef text) {
  DiagnosticEngine diags;
  ScalarLocator locator(exprStart());
  Parsed p;
  p.expr = parseExpression(text, locator, postgresCatalog(), diags);
  p.diags = diags.takeSorted();
  return p;
}

static const char *binaryName(BinaryExpr::Op op) {
  using Op = BinaryExpr::Op;
  switch (op) {
  case Op::And:
    return "and";
  case Op::Or:
    return "or";
  case Op::AtTimeZone:
    return "at-time-zone";
  default:
    return nullptr;
  }
}

static void dump(const Expr &e, llvm::raw_ostream &os);

static void dumpList(const std::vector<ExprPtr> &list, llvm::raw_ostream &os) {
  for (const ExprPtr &x : list) {
    os << ' ';
    dump(*x, os);
  }
}

static void dumpSelect(const SelectStmt &q, llvm::raw_ostream &os) {
  os << "(select";
  if (q.distinct)
    os << " distinct";
  for (const SelectStmt::Item &item : q.items) {
    os << ' ';
    if (item.expr)
      dump(*item.expr, os);
    else
      os << (item.starQualifier.empty() ? "" : item.starQualifier + ".") << '*';
    if (!item.alias.empty())
      os << " as " << item.alias;
  }
  if (!q.from.empty()) {
    os << " from";
    for (const TableRef &t : q.from) {
      if (t.join != JoinKind::Comma)
        os << ' ' << joinKindSpelling(t.join);
      os << ' ';
      if (t.subquery)
        dumpSelect(*t.subquery, os);
      else
        os << qualifiedName(t.schema, t.name);
      if (!t.alias.empty())
        os << " as " << t.alias;
      for (size_t i = 0; i < t.columnAliases.size(); ++i)
        os << (i ? ", " : " (") << t.columnAliases[i] << (i + 1 == t.columnAliases.size() ? ")" : "");
      if (t.on) {
        os << " on ";
        dump(*t.on, os);
      }
    }
  }
  if (q.where) {
    os << " where ";
    dump(*q.where, os);
  }
  auto keys = [&](const char *label, const std::vector<SelectStmt::Key> &list) {
    for (size_t i = 0; i < list.size(); ++i) {
      os << (i ? ", " : label);
      dump(*list[i].expr, os);
      if (list[i].desc)
        os << " desc";
      if (list[i].nulls != SelectStmt::Key::Nulls::Default)
        os << (list[i].nulls == SelectStmt::Key::Nulls::First ? " nulls first" : " nulls last");
    }
  };
  keys(" group by ", q.groupBy);
  if (q.having) {
    os << " having ";
    dump(*q.having, os);
  }
  keys(" order by ", q.orderBy);
  if (q.limit) {
    os << " limit ";
    dump(*q.limit, os);
  }
  if (q.offset) {
    os << " offset ";
    dump(*q.offset, os);
  }
  os << ')';
}

static void dump(const Expr &e, llvm::raw_ostream &os) {
  switch (e.getKind()) {
  case Expr::Kind::Literal: {
    auto &l = llvm::cast<LiteralExpr>(e);
    switch (l.litKind) {
    case LiteralExpr::LitKind::String:
      os << "(str '" << l.text << "')";
      break;
    case LiteralExpr::LitKind::Integer:
      os << "(int " << l.text << ')';
      break;
    case LiteralExpr::LitKind::Numeric:
      os << "(num " << l.text << ')';
      break;
    case LiteralExpr::LitKind::Bool:
      os << l.text;
      break;
    case LiteralExpr::LitKind::Null:
      os << "null";
      break;
    }
    return;
  }
  case Expr::Kind::ColumnRef: {
    auto &c = llvm::cast<ColumnRefExpr>(e);
    os << "(col ";
    if (!c.qualifier.empty())
      os << c.qualifier << '.';
    os << c.name << ')';
    return;
  }
  case Expr::Kind::Unary: {
    auto &u = llvm::cast<UnaryExpr>(e);
    const char *names[] = {"not", "neg", "pos"};
    os << '(' << names[static_cast<int>(u.op)] << ' ';
    dump(*u.operand, os);
    os << ')';
    return;
  }
  case Expr::Kind::Binary: {
    auto &b = llvm::cast<BinaryExpr>(e);
    const char *name = binaryName(b.op);
    os << '(' << (name ? llvm::StringRef(name) : binaryOpSpelling(b.op)) << ' ';
    dump(*b.lhs, os);
    os << ' ';
    dump(*b.rhs, os);
    os << ')';
    return;
  }
  case Expr::Kind::FuncCall: {
    auto &f = llvm::cast<FuncCallExpr>(e);
    const char *forms[] = {"call", "noparens", "extract", "position", "substring", "trim"};
    os << '(' << forms[static_cast<int>(f.form)] << ' ' << f.name;
    if (f.distinct)
      os << " distinct";
    if (f.star)
      os << " *";
    dumpList(f.args, os);
    os << ')';
    return;
  }
  case Expr::Kind::Cast: {
    auto &c = llvm::cast<CastExpr>(e);
    const char *syntax[] = {"cast", "::", "typed"};
    os << '(' << syntax[static_cast<int>(c.syntax)] << " \"" << c.spelling << "\" ";
    dump(*c.operand, os);
    os << ')';
    return;
  }
  case Expr::Kind::Case: {
    auto &c = llvm::cast<CaseExpr>(e);
    os << "(case";
    if (c.operand) {
      os << ' ';
      dump(*c.operand, os);
    }
    for (const CaseExpr::When &w : c.whens) {
      os << " (when ";
      dump(*w.cond, os);
      os << ' ';
      dump(*w.result, os);
      os << ')';
    }
    if (c.elseExpr) {
      os << " (else ";
      dump(*c.elseExpr, os);
      os << ')';
    }
    os << ')';
    return;
  }
  case Expr::Kind::InList: {
    auto &in = llvm::cast<InListExpr>(e);
    os << (in.negated ? "(not-in " : "(in ");
    dump(*in.operand, os);
    os << " (";
    for (size_t i = 0; i < in.items.size(); ++i) {
      if (i)
        os << ' ';
      dump(*in.items[i], os);
    }
    os << "))";
    return;
  }
  case Expr::Kind::InSubquery: {
    auto &in = llvm::cast<InSubqueryExpr>(e);
    os << (in.negated ? "(not-in " : "(in ");
    dump(*in.operand, os);
    os << ' ';
    dumpSelect(*in.query, os);
    os << ')';
    return;
  }
  case Expr::Kind::Exists: {
    auto &x = llvm::cast<ExistsExpr>(e);
    os << (x.negated ? "(not-exists " : "(exists ");
    dumpSelect(*x.query, os);
    os << ')';
    return;
  }
  case Expr::Kind::Subquery:
    os << "(subquery ";
    dumpSelect(*llvm::cast<SubqueryExpr>(e).query, os);
    os << ')';
    return;
  case Expr::Kind::Between: {
    auto &b = llvm::cast<BetweenExpr>(e);
    os << '(' << (b.negated ? "not-" : "") << "between" << (b.symmetric ? "-sym " : " ");
    dump(*b.operand, os);
    os << ' ';
    dump(*b.low, os);
    os << ' ';
    dump(*b.high, os);
    os << ')';
    return;
  }
  case Expr::Kind::Like: {
    auto &l = llvm::cast<LikeExpr>(e);
    os << '(' << (l.negated ? "not-" : "") << (l.caseInsensitive ? "ilike " : "like ");
    dump(*l.operand, os);
    os << ' ';
    dump(*l.pattern, os);
    if (l.escape) {
      os << " escape ";
      dump(*l.escape, os);
    }
    os << ')';
    return;
  }
  case Expr::Kind::IsTest: {
    auto &t = llvm::cast<IsTestExpr>(e);
    const char *tests[] = {"null", "true", "false", "unknown"};
    os << "(is-" << (t.negated ? "not-" : "") << tests[static_cast<int>(t.test)] << ' ';
    dump(*t.operand, os);
    os << ')';
    return;
  }
  case Expr::Kind::IsDistinct: {
    auto &d = llvm::cast<IsDistinctExpr>(e);
    os << (d.negated ? "(is-not-distinct " : "(is-distinct ");
    dump(*d.lhs, os);
    os << ' ';
    dump(*d.rhs, os);
    os << ')';
    return;
  }
  case Expr::Kind::TimezoneConvert:
    os << "(tz-convert)";
    return;
  }
}

std::string dumpExpr(const Expr &e) {
  std::string s;
  llvm::raw_string_ostream os(s);
  dump(e, os);
  return os.str();
}

std::string dumpSelect(const SelectStmt &q) {
  std::string s;
  llvm::raw_string_ostream os(s);
  dumpSelect(q, os);
  return os.str();
}

std::string sexpr(llvm::StringRef text) {
  Parsed p = parseExpr(text);
  if (!p.diags.empty()) {
    const Diagnostic &d = p.diags.front();
    int col = static_cast<int>(d.loc.col) - static_cast<int>(exprStart().col);
    return "error " + d.rule + " col " + std::to_string(col) + ": " + d.message;
  }
  if (!p.expr)
    return "null without a diagnostic";
  return dumpExpr(*p.expr);
}

} // namespace shc::test
