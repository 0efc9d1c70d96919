#pragma once

#include "ir/Location.h"
#include "ir/Types.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Casting.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace shc {

struct Column;
struct Table;
class SelectStmt;

/// A typed SQL expression. A small class hierarchy with a kind enum and
/// classof, used through llvm::isa / dyn_cast. Every node carries the source
/// location of its first token and, after typecheck, its type.
class Expr {
public:
  enum class Kind : uint8_t {
    Literal,
    ColumnRef,
    Unary,
    Binary,
    FuncCall,
    Cast,
    Case,
    InList,
    InSubquery,
    Exists,
    Subquery,
    Between,
    Like,
    IsTest,
    IsDistinct,
    TimezoneConvert,
  };

  virtual ~Expr();
  Kind getKind() const { return kind; }
  SourceLoc getLoc() const { return loc; }
  const Type &getType() const { return type; }
  void setType(Type t) { type = std::move(t); }
  /// Set when the source wrote redundant parentheses around this node; only
  /// informational (emitters parenthesise by precedence).
  bool parenthesized = false;

protected:
  Expr(Kind k, SourceLoc loc) : kind(k), loc(loc) {}

private:
  Kind kind;
  SourceLoc loc;
  Type type;
};
using ExprPtr = std::unique_ptr<Expr>;

class LiteralExpr : public Expr {
public:
  enum class LitKind : uint8_t { String, Integer, Numeric, Bool, Null };
  /// `text` is the decoded value: string contents without quotes or escapes,
  /// number text as written, "true"/"false", or empty for NULL.
  LiteralExpr(SourceLoc loc, LitKind lk, std::string text)
      : Expr(Kind::Literal, loc), litKind(lk), text(std::move(text)) {}
  LitKind litKind;
  std::string text;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Literal; }
};

class ColumnRefExpr : public Expr {
public:
  ColumnRefExpr(SourceLoc loc, std::string qualifier, std::string name)
      : Expr(Kind::ColumnRef, loc), qualifier(std::move(qualifier)), name(std::move(name)) {}
  std::string qualifier; ///< table name or alias; empty when bare
  std::string name;      ///< case-folded unless it was quoted
  SourceLoc nameLoc;     ///< position of `name` when qualified (else == loc)
  /// Filled by resolve.
  const Table *table = nullptr;
  const Column *column = nullptr;
  static bool classof(const Expr *e) { return e->getKind() == Kind::ColumnRef; }
};

class UnaryExpr : public Expr {
public:
  enum class Op : uint8_t { Not, Neg, Plus };
  UnaryExpr(SourceLoc loc, Op op, ExprPtr operand)
      : Expr(Kind::Unary, loc), op(op), operand(std::move(operand)) {}
  Op op;
  ExprPtr operand;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Unary; }
};

class BinaryExpr : public Expr {
public:
  enum class Op : uint8_t {
    Add, Sub, Mul, Div, Mod, Pow,
    Concat,              ///< ||
    Eq, Ne, Lt, Le, Gt, Ge,
    And, Or,
    JsonGet,             ///< ->
    JsonGetText,         ///< ->>
    AtTimeZone,          ///< lhs AT TIME ZONE rhs
    IntDiv,              ///< DIV: integer division (MySQL)
    Xor,                 ///< XOR: logical exclusive or (MySQL)
    Regexp,              ///< REGEXP / RLIKE: a regular expression match (MySQL)
  };
  BinaryExpr(SourceLoc loc, Op op, ExprPtr lhs, ExprPtr rhs)
      : Expr(Kind::Binary, loc), op(op), lhs(std::move(lhs)), rhs(std::move(rhs)) {}
  Op op;
  SourceLoc opLoc; ///< position of the operator token
  /// An OR written `||` (MySQL), which another dialect reads as `||`
  /// concatenation: the portability pass needs the spelling.
  bool spelledPipes = false;
  ExprPtr lhs, rhs;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Binary; }
};

class FuncCallExpr : public Expr {
public:
  /// SQL's special call syntaxes, kept so a dialect can re-emit them.
  enum class Form : uint8_t {
    Plain,        ///< name(args)
    NoParens,     ///< CURRENT_DATE, CURRENT_TIMESTAMP, LOCALTIMESTAMP ...
    Extract,      ///< EXTRACT(field FROM x): args = ['field' literal, x]
    Position,     ///< POSITION(a IN b): args = [a, b]
    Substring,    ///< SUBSTRING(x FROM a [FOR b]): args = [x, a, b?]
    Trim,         ///< TRIM([BOTH|LEADING|TRAILING] [chars] FROM x): name is btrim/ltrim/rtrim, args = [x, chars?]
    IntervalUnit, ///< INTERVAL n UNIT (MySQL): name is "interval", args = [n, 'UNIT' literal]
  };
  FuncCallExpr(SourceLoc loc, std::string name, std::vector<ExprPtr> args, Form form = Form::Plain)
      : Expr(Kind::FuncCall, loc), name(std::move(name)), args(std::move(args)), form(form) {}
  std::string name; ///< lower-cased, unqualified
  std::vector<ExprPtr> args;
  Form form;
  bool star = false;     ///< count(*)
  bool distinct = false; ///< f(DISTINCT x)
  bool aggregate = false; ///< resolved to an aggregate (typecheck)
  static bool classof(const Expr *e) { return e->getKind() == Kind::FuncCall; }
};

class CastExpr : public Expr {
public:
  enum class Syntax : uint8_t { CastFunc, DoubleColon, TypedLiteral };
  CastExpr(SourceLoc loc, ExprPtr operand, Type target, std::string spelling, Syntax syntax)
      : Expr(Kind::Cast, loc), operand(std::move(operand)), target(std::move(target)),
        spelling(std::move(spelling)), syntax(syntax) {}
  ExprPtr operand;
  Type target;
  std::string spelling; ///< the type as written, for diagnostics
  Syntax syntax;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Cast; }
};

class CaseExpr : public Expr {
public:
  struct When {
    ExprPtr cond;
    ExprPtr result;
  };
  CaseExpr(SourceLoc loc) : Expr(Kind::Case, loc) {}
  ExprPtr operand; ///< CASE x WHEN ... (simple form); null for searched CASE
  std::vector<When> whens;
  ExprPtr elseExpr; ///< may be null
  static bool classof(const Expr *e) { return e->getKind() == Kind::Case; }
};

class InListExpr : public Expr {
public:
  InListExpr(SourceLoc loc, ExprPtr operand, std::vector<ExprPtr> items, bool negated)
      : Expr(Kind::InList, loc), operand(std::move(operand)), items(std::move(items)),
        negated(negated) {}
  ExprPtr operand;
  std::vector<ExprPtr> items;
  bool negated;
  static bool classof(const Expr *e) { return e->getKind() == Kind::InList; }
};

class InSubqueryExpr : public Expr {
public:
  InSubqueryExpr(SourceLoc loc, ExprPtr operand, std::unique_ptr<SelectStmt> query, bool negated);
  ~InSubqueryExpr() override;
  ExprPtr operand;
  std::unique_ptr<SelectStmt> query;
  bool negated;
  static bool classof(const Expr *e) { return e->getKind() == Kind::InSubquery; }
};

class ExistsExpr : public Expr {
public:
  ExistsExpr(SourceLoc loc, std::unique_ptr<SelectStmt> query, bool negated);
  ~ExistsExpr() override;
  std::unique_ptr<SelectStmt> query;
  bool negated;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Exists; }
};

/// A scalar subquery: (SELECT x FROM t WHERE ...).
class SubqueryExpr : public Expr {
public:
  SubqueryExpr(SourceLoc loc, std::unique_ptr<SelectStmt> query);
  ~SubqueryExpr() override;
  std::unique_ptr<SelectStmt> query;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Subquery; }
};

class BetweenExpr : public Expr {
public:
  BetweenExpr(SourceLoc loc, ExprPtr operand, ExprPtr low, ExprPtr high, bool negated)
      : Expr(Kind::Between, loc), operand(std::move(operand)), low(std::move(low)),
        high(std::move(high)), negated(negated) {}
  ExprPtr operand, low, high;
  bool negated;
  bool symmetric = false;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Between; }
};

class LikeExpr : public Expr {
public:
  LikeExpr(SourceLoc loc, ExprPtr operand, ExprPtr pattern, bool negated, bool caseInsensitive)
      : Expr(Kind::Like, loc), operand(std::move(operand)), pattern(std::move(pattern)),
        negated(negated), caseInsensitive(caseInsensitive) {}
  ExprPtr operand, pattern;
  ExprPtr escape; ///< may be null
  bool negated;
  bool caseInsensitive; ///< ILIKE
  static bool classof(const Expr *e) { return e->getKind() == Kind::Like; }
};

/// x IS [NOT] NULL / TRUE / FALSE / UNKNOWN
class IsTestExpr : public Expr {
public:
  enum class Test : uint8_t { Null, True, False, Unknown };
  IsTestExpr(SourceLoc loc, ExprPtr operand, Test test, bool negated)
      : Expr(Kind::IsTest, loc), operand(std::move(operand)), test(test), negated(negated) {}
  ExprPtr operand;
  Test test;
  bool negated;
  static bool classof(const Expr *e) { return e->getKind() == Kind::IsTest; }
};

/// lhs IS [NOT] DISTINCT FROM rhs
class IsDistinctExpr : public Expr {
public:
  IsDistinctExpr(SourceLoc loc, ExprPtr lhs, ExprPtr rhs, bool negated)
      : Expr(Kind::IsDistinct, loc), lhs(std::move(lhs)), rhs(std::move(rhs)), negated(negated) {}
  ExprPtr lhs, rhs;
  bool negated; ///< IS NOT DISTINCT FROM
  static bool classof(const Expr *e) { return e->getKind() == Kind::IsDistinct; }
};

/// transformUpdate timezone_convert: reinterpret `operand` as wall-clock time
/// in `fromZone` and convert it to wall-clock time in `toZone`. Each backend
/// lowers it (PostgreSQL: (x AT TIME ZONE from) AT TIME ZONE to; MySQL:
/// CONVERT_TZ).
class TimezoneConvertExpr : public Expr {
public:
  TimezoneConvertExpr(SourceLoc loc, ExprPtr operand, std::string fromZone, std::string toZone)
      : Expr(Kind::TimezoneConvert, loc), operand(std::move(operand)),
        fromZone(std::move(fromZone)), toZone(std::move(toZone)) {}
  ExprPtr operand;
  std::string fromZone, toZone;
  SourceLoc fromLoc, toLoc;
  static bool classof(const Expr *e) { return e->getKind() == Kind::TimezoneConvert; }
};

/// How a FROM entry joins the entries before it (`a, b` is a cross join).
enum class JoinKind : uint8_t { Comma, Inner, Left, Right, Full, Cross };
llvm::StringRef joinKindSpelling(JoinKind k); ///< "JOIN", "LEFT JOIN", ... ("," for Comma)

/// A table in a FROM list (or a WITH query named there), or a subquery.
/// `schema.name` as written, or `name` when there is no schema: for
/// messages and printers.
inline std::string qualifiedName(llvm::StringRef schema, llvm::StringRef name) {
  return schema.empty() ? name.str() : schema.str() + "." + name.str();
}

struct TableRef {
  std::string name; ///< case-folded unless quoted; "" for a subquery
  std::string alias;
  SourceLoc loc;
  const Table *table = nullptr; ///< filled by resolve
  JoinKind join = JoinKind::Comma;
  ExprPtr on; ///< the join condition; null for Comma and Cross
  /// `(SELECT ...) AS alias [(columns)]`: the table it stands for is
  /// `derived` (columns named by resolve, typed by typecheck).
  std::unique_ptr<SelectStmt> subquery;
  std::vector<std::string> columnAliases;
  std::shared_ptr<Table> derived;
  std::string schema; ///< the qualifier of `schema.name` as written, or ""
};

/// The SELECT of a subquery: SELECT items FROM tables [WHERE cond].
class SelectStmt {
public:
  struct Item {
    ExprPtr expr; ///< null for `*` and `t.*`
    std::string alias;
    std::string starQualifier; ///< `t` of `t.*`
    SourceLoc starLoc;
    const Table *starTable = nullptr; ///< the table `t.*` expands (resolve)
    /// The tables a `*` item expands: `starTable` for `t.*` (null when it is
    /// unknown), else all of `fromTables`.
    std::vector<const Table *> starTables(llvm::ArrayRef<const Table *> fromTables) const {
      if (!starQualifier.empty())
        return {starTable};
      return std::vector<const Table *>(fromTables.begin(), fromTables.end());
    }
  };
  SourceLoc loc;
  bool distinct = false;
  std::vector<Item> items;
  std::vector<TableRef> from;
  ExprPtr where;
  /// GROUP BY and ORDER BY entries. `item` is the select-list entry an
  /// ordinal (`GROUP BY 1`) or an output name refers to, or -1 (resolve).
  struct Key {
    static constexpr int kInvalid = -2; ///< a position already reported
    ExprPtr expr;
    int item = -1;
    bool desc = false;
    enum class Nulls : uint8_t { Default, First, Last } nulls = Nulls::Default;
  };
  std::vector<Key> groupBy;
  ExprPtr having;
  std::vector<Key> orderBy;
  ExprPtr limit;  ///< may be null
  ExprPtr offset; ///< may be null
  /// The expression a GROUP BY / ORDER BY entry stands for.
  const Expr *keyExpr(const Key &k) const {
    return k.item >= 0 && static_cast<size_t>(k.item) < items.size() && items[k.item].expr
               ? items[k.item].expr.get()
               : k.expr.get();
  }
};

llvm::StringRef binaryOpSpelling(BinaryExpr::Op op);

/// Calls `fn` on each direct child expression (including those in subqueries).
void forEachChild(const Expr &e, const std::function<void(const Expr &)> &fn);
void forEachChild(Expr &e, const std::function<void(Expr &)> &fn);

} // namespace shc
