//===- Verifier.cpp - Structural invariants of the IR ---------------------===//
//
// Checks what every later stage relies on without checking again: required
// children exist, every node has a location, and after typecheck every
// expression is typed and every name resolved. A failure is a compiler bug,
// so messages name the node (as printed by printExpr) rather than the user's
// mistake.
//
//===----------------------------------------------------------------------===//

#include "ir/Verifier.h"

#include "ir/Diagnostics.h"
#include "ir/Module.h"
#include "ir/Printer.h"

#include "llvm/Support/raw_ostream.h"

using namespace shc;
using llvm::cast;

namespace {
class Verifier {
public:
  Verifier(DiagnosticEngine &diags, bool typed)
      : diags(diags), typed(typed), errorsBefore(diags.hasErrors()) {}

  bool run(const Module &m) {
    for (const auto &t : m.tables) {
      if (!t)
        fail(SourceLoc(), "null table");
      else
        table(*t);
    }
    for (const auto &mig : m.migrations) {
      if (!mig)
        fail(SourceLoc(), "null migration");
      else
        migration(*mig);
    }
    return ok;
  }

private:
  void fail(SourceLoc loc, const std::string &msg) {
    diags.error(loc, "ir-verifier", "IR verifier: " + msg);
    ok = false;
  }

  static std::string show(const Expr &e) {
    std::string s;
    llvm::raw_string_ostream os(s);
    printExpr(e, os);
    return os.str();
  }

  void table(const Table &t) {
    if (t.name.empty())
      fail(t.loc, "table without a name");
    if (!t.loc.isValid())
      fail(SourceLoc(), "table '" + t.name + "' has no source location");
    for (const Column &c : t.columns) {
      if (c.name.empty())
        fail(c.loc.isValid() ? c.loc : t.loc, "column without a name");
      else if (!c.loc.isValid())
        fail(t.loc, "column '" + c.name + "' has no source location");
    }
  }

  void migration(const Migration &m) {
    // Names a before_schema migration checked offline could not bind stay
    // unbound (a warning said so): verify its shape only.
    bool wasTyped = typed;
    typed = typed && !m.schemaUnchecked;
    migrationBody(m);
    typed = wasTyped;
  }

  void migrationBody(const Migration &m) {
    if (m.name.empty())
      fail(m.loc, "migration without a name");
    if (!m.loc.isValid())
      fail(SourceLoc(), "migration '" + m.name + "' has no source location");
    for (const Requirement &r : m.requires)
      if (r.name.empty())
        fail(r.loc.isValid() ? r.loc : m.loc, "empty requirement name");
    for (const OperationPtr &op : m.operations) {
      if (!op) {
        fail(m.loc, "null operation in migration '" + m.name + "'");
        continue;
      }
      if (!op->getLoc().isValid())
        fail(m.loc, "operation in migration '" + m.name + "' has no source location");
      if (auto *u = llvm::dyn_cast<UpdateOp>(op.get()))
        update(*u);
    }
  }

  void update(const UpdateOp &u) {
    SourceLoc loc = u.getLoc();
    if (u.table.empty())
      fail(loc, "update without a table name");
    if (u.assignments.empty())
      fail(loc, "update of '" + u.table + "' has no assignments");
    if (typed && !u.resolved)
      fail(loc, "update of '" + u.table + "' is not resolved");
    for (const Assignment &a : u.assignments) {
      SourceLoc aloc = a.loc.isValid() ? a.loc : loc;
      if (a.column.empty())
        fail(aloc, "assignment without a column name");
      if (!a.loc.isValid())
        fail(loc, "assignment to '" + a.column + "' has no source location");
      if (typed && !a.resolved)
        fail(aloc, "assignment to '" + a.column + "' is not resolved");
      expr(a.value.get(), aloc, "assignment value");
    }
    if (u.where)
      expr(u.where.get(), loc, "where");
  }

  void select(const SelectStmt *q, SourceLoc parent) {
    if (!q)
      return fail(parent, "missing subquery");
    SourceLoc loc = q->loc.isValid() ? q->loc : parent;
    if (!q->loc.isValid())
      fail(parent, "subquery has no source location");
    if (q->items.empty())
      fail(loc, "subquery without a select list");
    for (const SelectStmt::Item &item : q->items)
      if (item.expr)
        expr(item.expr.get(), loc, "select item");
    for (const TableRef &t : q->from) {
      if (t.subquery) {
        select(t.subquery.get(), loc);
        if (t.alias.empty())
          fail(loc, "subquery in FROM without an alias");
      } else if (t.name.empty())
        fail(loc, "FROM item without a table name");
      if (!t.loc.isValid())
        fail(loc, "FROM item '" + t.name + "' has no source location");
      if (typed && !t.table)
        fail(t.loc.isValid() ? t.loc : loc, "table '" + t.name + "' is not resolved");
      if (t.on)
        expr(t.on.get(), loc, "join condition");
      else if (t.join != JoinKind::Comma && t.join != JoinKind::Cross)
        fail(t.loc.isValid() ? t.loc : loc, "join to '" + t.name + "' without ON");
    }
    if (q->where)
      expr(q->where.get(), loc, "subquery where");
    // A key that names an output column (`1`, an alias) stands for it.
    for (const SelectStmt::Key &k : q->groupBy)
      if (k.item < 0)
        expr(k.expr.get(), loc, "group by key");
    if (q->having)
      expr(q->having.get(), loc, "having");
    for (const SelectStmt::Key &k : q->orderBy)
      if (k.item < 0)
        expr(k.expr.get(), loc, "order by key");
    if (q->limit)
      expr(q->limit.get(), loc, "limit");
    if (q->offset)
      expr(q->offset.get(), loc, "offset");
  }

  void arity(const FuncCallExpr &f, size_t lo, size_t hi) {
    if (f.args.size() < lo || f.args.size() > hi)
      fail(f.getLoc(),
           "special call " + show(f) + " has " + std::to_string(f.args.size()) + " arguments");
  }

  void funcCall(const FuncCallExpr &f) {
    if (f.name.empty())
      fail(f.getLoc(), "function call without a name");
    switch (f.form) {
    case FuncCallExpr::Form::Plain:
    case FuncCallExpr::Form::NoParens:
      break;
    case FuncCallExpr::Form::Extract: {
      arity(f, 2, 2);
      auto *field = f.args.empty() ? nullptr : llvm::dyn_cast_or_null<LiteralExpr>(f.args[0].get());
      if (!field || field->litKind != LiteralExpr::LitKind::String)
        fail(f.getLoc(), "EXTRACT without a string field: " + show(f));
      break;
    }
    case FuncCallExpr::Form::Position:
      arity(f, 2, 2);
      break;
    case FuncCallExpr::Form::Substring:
      arity(f, 2, 3);
      break;
    case FuncCallExpr::Form::Trim:
      arity(f, 1, 2);
      if (f.name != "btrim" && f.name != "ltrim" && f.name != "rtrim")
        fail(f.getLoc(), "TRIM form of '" + f.name + "'");
      break;
    case FuncCallExpr::Form::IntervalUnit: {
      arity(f, 2, 2);
      auto *unit = f.args.size() == 2 ? llvm::dyn_cast_or_null<LiteralExpr>(f.args[1].get()) : nullptr;
      if (!unit || unit->litKind != LiteralExpr::LitKind::String)
        fail(f.getLoc(), "INTERVAL without a unit: " + show(f));
      break;
    }
    }
  }

  void expr(const Expr *e, SourceLoc parent, llvm::StringRef what) {
    if (!e)
      return fail(parent, "missing " + what.str());
    SourceLoc loc = e->getLoc();
    if (!loc.isValid()) {
      fail(parent, "expression " + show(*e) + " has no source location");
      loc = parent;
    }
    if (typed) {
      const Type &t = e->getType();
      auto *lit = llvm::dyn_cast<LiteralExpr>(e);
      bool nullLit = lit && lit->litKind == LiteralExpr::LitKind::Null;
      if (t.isUnknown() && !nullLit)
        fail(loc, "untyped expression " + show(*e));
      if (t.getKind() == TypeKind::Error && !errorsBefore)
        fail(loc, "expression " + show(*e) + " has the error type but no error was reported");
    }
    auto sub = [&](const ExprPtr &c, llvm::StringRef w) { expr(c.get(), loc, w); };
    switch (e->getKind()) {
    case Expr::Kind::Literal: {
      auto &l = cast<LiteralExpr>(*e);
      bool number =
          l.litKind == LiteralExpr::LitKind::Integer || l.litKind == LiteralExpr::LitKind::Numeric;
      if (number && l.text.empty())
        fail(loc, "number literal without text");
      if (l.litKind == LiteralExpr::LitKind::Bool && l.text != "true" && l.text != "false")
        fail(loc, "boolean literal '" + l.text + "'");
      break;
    }
    case Expr::Kind::ColumnRef: {
      auto &c = cast<ColumnRefExpr>(*e);
      if (c.name.empty())
        fail(loc, "column reference without a name");
      if (typed && !c.column)
        fail(loc, "unresolved column reference " + show(c));
      break;
    }
    case Expr::Kind::FuncCall:
      funcCall(cast<FuncCallExpr>(*e));
      for (const ExprPtr &a : cast<FuncCallExpr>(*e).args)
        sub(a, "function argument");
      return;
    case Expr::Kind::Cast:
      if (typed && cast<CastExpr>(*e).target.isUnknown())
        fail(loc, "cast to an unresolved type: " + show(*e));
      break;
    case Expr::Kind::Case: {
      auto &c = cast<CaseExpr>(*e);
      if (c.whens.empty())
        fail(loc, "CASE without WHEN");
      for (const CaseExpr::When &w : c.whens) {
        sub(w.cond, "WHEN condition");
        sub(w.result, "THEN result");
      }
      if (c.operand)
        sub(c.operand, "CASE operand");
      if (c.elseExpr)
        sub(c.elseExpr, "ELSE result");
      return;
    }
    case Expr::Kind::InList:
      if (cast<InListExpr>(*e).items.empty())
        fail(loc, "IN with an empty list");
      for (const ExprPtr &i : cast<InListExpr>(*e).items)
        sub(i, "IN item");
      sub(cast<InListExpr>(*e).operand, "IN operand");
      return;
    case Expr::Kind::InSubquery:
      sub(cast<InSubqueryExpr>(*e).operand, "IN operand");
      return select(cast<InSubqueryExpr>(*e).query.get(), loc);
    case Expr::Kind::Exists:
      return select(cast<ExistsExpr>(*e).query.get(), loc);
    case Expr::Kind::Subquery:
      return select(cast<SubqueryExpr>(*e).query.get(), loc);
    case Expr::Kind::TimezoneConvert: {
      auto &tz = cast<TimezoneConvertExpr>(*e);
      if (tz.fromZone.empty() || tz.toZone.empty())
        fail(loc, "time zone conversion without zones");
      break;
    }
    default:
      break;
    }
    // Fixed-arity nodes: every child slot is required.
    forEachChild(*e, [&](const Expr &c) { expr(&c, loc, "operand"); });
    checkRequired(*e, loc);
  }

  /// forEachChild skips null children; report them here.
  void checkRequired(const Expr &e, SourceLoc loc) {
    auto need = [&](const ExprPtr &p, const char *w) {
      if (!p)
        fail(loc, std::string("missing ") + w + " in " + show(e));
    };
    switch (e.getKind()) {
    case Expr::Kind::Unary:
      need(cast<UnaryExpr>(e).operand, "operand");
      break;
    case Expr::Kind::Binary:
      need(cast<BinaryExpr>(e).lhs, "left operand");
      need(cast<BinaryExpr>(e).rhs, "right operand");
      break;
    case Expr::Kind::Cast:
      need(cast<CastExpr>(e).operand, "cast operand");
      break;
    case Expr::Kind::Between:
      need(cast<BetweenExpr>(e).operand, "BETWEEN operand");
      need(cast<BetweenExpr>(e).low, "lower bound");
      need(cast<BetweenExpr>(e).high, "upper bound");
      break;
    case Expr::Kind::Like:
      need(cast<LikeExpr>(e).operand, "LIKE operand");
      need(cast<LikeExpr>(e).pattern, "LIKE pattern");
      break;
    case Expr::Kind::IsTest:
      need(cast<IsTestExpr>(e).operand, "IS operand");
      break;
    case Expr::Kind::IsDistinct:
      need(cast<IsDistinctExpr>(e).lhs, "left operand");
      need(cast<IsDistinctExpr>(e).rhs, "right operand");
      break;
    case Expr::Kind::TimezoneConvert:
      need(cast<TimezoneConvertExpr>(e).operand, "time zone operand");
      break;
    default:
      break;
    }
  }

  DiagnosticEngine &diags;
  bool typed;
  bool errorsBefore;
  bool ok = true;
};
} // namespace

LogicalResult shc::verifyModule(const Module &module, DiagnosticEngine &diags, bool typed) {
  return Verifier(diags, typed).run(module) ? success() : failure();
}
