//===- ExprPrinter.cpp - S-expression form of IR expressions --------------===//
//
// printExpr: one S-expression per node, children in field order, ` : type`
// when the node is typed. The form is stable: lit golden tests depend on it.
//
//===----------------------------------------------------------------------===//

#include "ir/Expr.h"
#include "ir/Printer.h"
#include "ir/PrinterUtil.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace shc;
using llvm::cast;

void shc::printQuoted(llvm::raw_ostream &os, llvm::StringRef s) {
  os << '\'';
  for (char c : s) {
    switch (c) {
    case '\'':
      os << "''";
      break;
    case '\\':
      os << "\\\\";
      break;
    case '\n':
      os << "\\n";
      break;
    case '\r':
      os << "\\r";
      break;
    case '\t':
      os << "\\t";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
        os << llvm::format("\\x%02x", static_cast<unsigned char>(c));
      else
        os << c;
    }
  }
  os << '\'';
}

static llvm::StringRef binaryName(BinaryExpr::Op op) {
  using Op = BinaryExpr::Op;
  switch (op) {
  case Op::Add:
    return "add";
  case Op::Sub:
    return "sub";
  case Op::Mul:
    return "mul";
  case Op::Div:
    return "div";
  case Op::Mod:
    return "mod";
  case Op::Pow:
    return "pow";
  case Op::Concat:
    return "concat";
  case Op::Eq:
    return "eq";
  case Op::Ne:
    return "ne";
  case Op::Lt:
    return "lt";
  case Op::Le:
    return "le";
  case Op::Gt:
    return "gt";
  case Op::Ge:
    return "ge";
  case Op::And:
    return "and";
  case Op::Or:
    return "or";
  case Op::JsonGet:
    return "json_get";
  case Op::JsonGetText:
    return "json_get_text";
  case Op::AtTimeZone:
    return "at_time_zone";
  case Op::IntDiv:
    return "int_div";
  case Op::Xor:
    return "xor";
  case Op::Regexp:
    return "regexp";
  }
  return "?";
}

static llvm::StringRef formName(FuncCallExpr::Form f) {
  switch (f) {
  case FuncCallExpr::Form::Plain:
    return "plain";
  case FuncCallExpr::Form::NoParens:
    return "no_parens";
  case FuncCallExpr::Form::Extract:
    return "extract";
  case FuncCallExpr::Form::Position:
    return "position";
  case FuncCallExpr::Form::Substring:
    return "substring";
  case FuncCallExpr::Form::Trim:
    return "trim";
  case FuncCallExpr::Form::IntervalUnit:
    return "interval_unit";
  }
  return "?";
}

namespace {
class ExprPrinter {
public:
  explicit ExprPrinter(llvm::raw_ostream &os) : os(os) {}

  void print(const Expr *e) {
    if (!e) {
      os << "<null>";
      return;
    }
    os << '(';
    printBody(*e);
    if (!e->getType().isUnknown())
      os << " : " << e->getType().str();
    os << ')';
  }

  void printSelect(const SelectStmt *q) {
    if (!q) {
      os << "<null>";
      return;
    }
    os << "(select";
    if (q->distinct)
      os << " distinct";
    os << ' ';
    items("items", q->items);
    if (!q->from.empty()) {
      os << ' ';
      fromList(q->from);
    }
    if (q->where)
      child("where", q->where.get());
    keys("group_by", q->groupBy);
    if (q->having)
      child("having", q->having.get());
    keys("order_by", q->orderBy);
    if (q->limit)
      child("limit", q->limit.get());
    if (q->offset)
      child("offset", q->offset.get());
    os << ')';
  }

  /// `(group_by k ...)`: `#n` for an output column, `(desc k)`, `(nulls_first k)`.
  void keys(llvm::StringRef label, const std::vector<SelectStmt::Key> &list) {
    if (list.empty())
      return;
    os << " (" << label;
    for (const SelectStmt::Key &k : list) {
      os << ' ';
      if (k.desc)
        os << "(desc ";
      if (k.nulls != SelectStmt::Key::Nulls::Default)
        os << (k.nulls == SelectStmt::Key::Nulls::First ? "(nulls_first " : "(nulls_last ");
      if (k.item >= 0)
        os << '#' << (k.item + 1);
      else
        print(k.expr.get());
      if (k.nulls != SelectStmt::Key::Nulls::Default)
        os << ')';
      if (k.desc)
        os << ')';
    }
    os << ')';
  }

  /// `(label item ...)`, `*` for a star, `(as expr alias)` for an alias.
  void items(llvm::StringRef label, const std::vector<SelectStmt::Item> &list) {
    os << '(' << label;
    for (const SelectStmt::Item &item : list) {
      os << ' ';
      if (!item.expr) {
        os << (item.starQualifier.empty() ? "" : item.starQualifier + ".") << '*';
      } else if (item.alias.empty()) {
        print(item.expr.get());
      } else {
        os << "(as ";
        print(item.expr.get());
        os << ' ' << item.alias << ')';
      }
    }
    os << ')';
  }

  /// `(from t (as u x) (left_join v (on cond)))`.
  void fromList(const std::vector<TableRef> &from, llvm::StringRef label = "from") {
    os << '(' << label;
    for (const TableRef &t : from) {
      os << ' ';
      if (t.join != JoinKind::Comma) {
        std::string kind = llvm::StringRef(joinKindSpelling(t.join)).lower();
        std::replace(kind.begin(), kind.end(), ' ', '_');
        os << '(' << kind << ' ';
      }
      if (t.subquery) {
        os << "(subquery ";
        printSelect(t.subquery.get());
        os << ' ' << t.alias;
        for (size_t c = 0; c < t.columnAliases.size(); ++c)
          os << (c ? ", " : "(") << t.columnAliases[c] << (c + 1 == t.columnAliases.size() ? ")" : "");
        os << ')';
      } else if (t.alias.empty()) {
        os << qualifiedName(t.schema, t.name);
      } else {
        os << "(as " << qualifiedName(t.schema, t.name) << ' ' << t.alias << ')';
      }
      if (t.on)
        child("on", t.on.get());
      if (t.join != JoinKind::Comma)
        os << ')';
    }
    os << ')';
  }

private:
  void args(const std::vector<ExprPtr> &list) {
    for (const ExprPtr &a : list) {
      os << ' ';
      print(a.get());
    }
  }
  void child(llvm::StringRef label, const Expr *e) {
    os << " (" << label << ' ';
    print(e);
    os << ')';
  }
  static const char *neg(bool negated) { return negated ? "not_" : ""; }

  void printBody(const Expr &e) {
    switch (e.getKind()) {
    case Expr::Kind::Literal: {
      auto &l = cast<LiteralExpr>(e);
      switch (l.litKind) {
      case LiteralExpr::LitKind::String:
        os << "lit string ";
        printQuoted(os, l.text);
        return;
      case LiteralExpr::LitKind::Integer:
        os << "lit int " << l.text;
        return;
      case LiteralExpr::LitKind::Numeric:
        os << "lit numeric " << l.text;
        return;
      case LiteralExpr::LitKind::Bool:
        os << "lit bool " << l.text;
        return;
      case LiteralExpr::LitKind::Null:
        os << "lit null";
        return;
      }
      return;
    }
    case Expr::Kind::ColumnRef: {
      auto &c = cast<ColumnRefExpr>(e);
      os << "col ";
      if (!c.qualifier.empty())
        os << c.qualifier << '.';
      os << c.name;
      return;
    }
    case Expr::Kind::Unary: {
      auto &u = cast<UnaryExpr>(e);
      os << (u.op == UnaryExpr::Op::Not ? "not " : u.op == UnaryExpr::Op::Neg ? "neg " : "plus ");
      return print(u.operand.get());
    }
    case Expr::Kind::Binary: {
      auto &b = cast<BinaryExpr>(e);
      os << binaryName(b.op) << ' ';
      print(b.lhs.get());
      os << ' ';
      return print(b.rhs.get());
    }
    case Expr::Kind::FuncCall: {
      auto &f = cast<FuncCallExpr>(e);
      os << "func " << f.name;
      if (f.form != FuncCallExpr::Form::Plain)
        os << " form=" << formName(f.form);
      if (f.distinct)
        os << " distinct";
      if (f.star)
        os << " *";
      return args(f.args);
    }
    case Expr::Kind::Cast: {
      auto &c = cast<CastExpr>(e);
      os << "cast ";
      print(c.operand.get());
      os << " as " << c.target.str();
      if (!llvm::StringRef(c.spelling).equals_insensitive(c.target.str())) {
        os << " spelling=";
        printQuoted(os, c.spelling);
      }
      if (c.syntax == CastExpr::Syntax::DoubleColon)
        os << " syntax=double_colon";
      if (c.syntax == CastExpr::Syntax::TypedLiteral)
        os << " syntax=typed_literal";
      return;
    }
    case Expr::Kind::Case: {
      auto &c = cast<CaseExpr>(e);
      os << "case";
      if (c.operand) {
        os << ' ';
        print(c.operand.get());
      }
      for (const CaseExpr::When &w : c.whens) {
        os << " (when ";
        print(w.cond.get());
        os << ' ';
        print(w.result.get());
        os << ')';
      }
      if (c.elseExpr)
        child("else", c.elseExpr.get());
      return;
    }
    case Expr::Kind::InList: {
      auto &in = cast<InListExpr>(e);
      os << neg(in.negated) << "in ";
      print(in.operand.get());
      os << " (list";
      args(in.items);
      os << ')';
      return;
    }
    case Expr::Kind::InSubquery: {
      auto &in = cast<InSubqueryExpr>(e);
      os << neg(in.negated) << "in ";
      print(in.operand.get());
      os << ' ';
      return printSelect(in.query.get());
    }
    case Expr::Kind::Exists: {
      auto &ex = cast<ExistsExpr>(e);
      os << neg(ex.negated) << "exists ";
      return printSelect(ex.query.get());
    }
    case Expr::Kind::Subquery:
      os << "subquery ";
      return printSelect(cast<SubqueryExpr>(e).query.get());
    case Expr::Kind::Between: {
      auto &b = cast<BetweenExpr>(e);
      os << neg(b.negated) << (b.symmetric ? "between_symmetric " : "between ");
      print(b.operand.get());
      os << ' ';
      print(b.low.get());
      os << ' ';
      return print(b.high.get());
    }
    case Expr::Kind::Like: {
      auto &l = cast<LikeExpr>(e);
      os << neg(l.negated) << (l.caseInsensitive ? "ilike " : "like ");
      print(l.operand.get());
      os << ' ';
      print(l.pattern.get());
      if (l.escape)
        child("escape", l.escape.get());
      return;
    }
    case Expr::Kind::IsTest: {
      auto &t = cast<IsTestExpr>(e);
      static const char *const tests[] = {"null", "true", "false", "unknown"};
      os << (t.negated ? "is_not_" : "is_") << tests[static_cast<int>(t.test)] << ' ';
      return print(t.operand.get());
    }
    case Expr::Kind::IsDistinct: {
      auto &d = cast<IsDistinctExpr>(e);
      os << (d.negated ? "is_not_distinct_from " : "is_distinct_from ");
      print(d.lhs.get());
      os << ' ';
      return print(d.rhs.get());
    }
    case Expr::Kind::TimezoneConvert: {
      auto &tz = cast<TimezoneConvertExpr>(e);
      os << "tz_convert ";
      print(tz.operand.get());
      os << " from ";
      printQuoted(os, tz.fromZone);
      os << " to ";
      printQuoted(os, tz.toZone);
      return;
    }
    }
  }

  llvm::raw_ostream &os;
};
} // namespace

void shc::printExpr(const Expr &expr, llvm::raw_ostream &os) { ExprPrinter(os).print(&expr); }

void shc::printSelect(const SelectStmt &query, llvm::raw_ostream &os) {
  ExprPrinter(os).printSelect(&query);
}

void shc::printSelectItems(llvm::StringRef label, const std::vector<SelectStmt::Item> &items,
                           llvm::raw_ostream &os) {
  ExprPrinter(os).items(label, items);
}

void shc::printFromList(llvm::StringRef label, const std::vector<TableRef> &from,
                        llvm::raw_ostream &os) {
  ExprPrinter(os).fromList(from, label);
}
