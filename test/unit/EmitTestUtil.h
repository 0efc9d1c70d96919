//===- EmitTestUtil.h - Hand-built IR for backend and printer tests -*- C++ -*-===//
//
// Small builders so tests can state an expression tree in one line, without
// the parser or the YAML frontend.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/postgres/PostgresBackend.h"
#include "ir/Diagnostics.h"
#include "ir/Expr.h"
#include "ir/Module.h"

#include <string>
#include <utility>
#include <vector>

namespace shc::testutil {

inline SourceLoc at(uint32_t line = 1, uint32_t col = 1, uint32_t file = 1) {
  return SourceLoc{file, line, col};
}

inline ExprPtr str(std::string s, SourceLoc l = at()) {
  return std::make_unique<LiteralExpr>(l, LiteralExpr::LitKind::String, std::move(s));
}
inline ExprPtr num(std::string s) {
  bool fraction = s.find_first_of(".eE") != std::string::npos;
  return std::make_unique<LiteralExpr>(
      at(), fraction ? LiteralExpr::LitKind::Numeric : LiteralExpr::LitKind::Integer, std::move(s));
}
inline ExprPtr boolean(bool v) {
  return std::make_unique<LiteralExpr>(at(), LiteralExpr::LitKind::Bool, v ? "true" : "false");
}
inline ExprPtr null() {
  return std::make_unique<LiteralExpr>(at(), LiteralExpr::LitKind::Null, "");
}
inline ExprPtr col(std::string name) {
  return std::make_unique<ColumnRefExpr>(at(), "", std::move(name));
}
inline ExprPtr col(std::string qual, std::string name) {
  return std::make_unique<ColumnRefExpr>(at(), std::move(qual), std::move(name));
}

using Op = BinaryExpr::Op;
inline ExprPtr bin(Op op, ExprPtr l, ExprPtr r) {
  return std::make_unique<BinaryExpr>(at(), op, std::move(l), std::move(r));
}
inline ExprPtr unary(UnaryExpr::Op op, ExprPtr e) {
  return std::make_unique<UnaryExpr>(at(), op, std::move(e));
}
inline ExprPtr notE(ExprPtr e) { return unary(UnaryExpr::Op::Not, std::move(e)); }
inline ExprPtr neg(ExprPtr e) { return unary(UnaryExpr::Op::Neg, std::move(e)); }

template <typename... Args> std::vector<ExprPtr> list(Args... args) {
  std::vector<ExprPtr> v;
  (v.push_back(std::move(args)), ...);
  return v;
}
template <typename... Args> ExprPtr call(std::string name, Args... args) {
  return std::make_unique<FuncCallExpr>(at(), std::move(name), list(std::move(args)...));
}
template <typename... Args>
ExprPtr special(FuncCallExpr::Form form, std::string name, Args... args) {
  return std::make_unique<FuncCallExpr>(at(), std::move(name), list(std::move(args)...), form);
}
inline ExprPtr castTo(ExprPtr e, Type t, CastExpr::Syntax s = CastExpr::Syntax::DoubleColon) {
  std::string spelling = t.str();
  return std::make_unique<CastExpr>(at(), std::move(e), std::move(t), spelling, s);
}
inline ExprPtr isTest(ExprPtr e, IsTestExpr::Test t, bool negated = false) {
  return std::make_unique<IsTestExpr>(at(), std::move(e), t, negated);
}
inline ExprPtr isNull(ExprPtr e) { return isTest(std::move(e), IsTestExpr::Test::Null); }

/// SELECT items FROM tables [WHERE where]; a null item is `*`.
inline std::unique_ptr<SelectStmt> select(std::vector<ExprPtr> items,
                                          std::vector<std::pair<std::string, std::string>> from,
                                          ExprPtr where = nullptr) {
  auto q = std::make_unique<SelectStmt>();
  q->loc = at();
  for (ExprPtr &e : items)
    q->items.push_back({std::move(e), ""});
  for (auto &t : from)
    q->from.push_back({t.first, t.second, at(), nullptr, JoinKind::Comma, nullptr});
  q->where = std::move(where);
  return q;
}

/// Emits `e` for PostgreSQL; a reported diagnostic fails the test via `ok`.
inline std::string pg(const Expr &e, bool *ok = nullptr, DiagnosticEngine *d = nullptr) {
  DiagnosticEngine local;
  DiagnosticEngine &diags = d ? *d : local;
  PostgresExprEmitter emitter(diags);
  std::string out;
  bool good = succeeded(emitter.emit(e, out));
  if (ok)
    *ok = good;
  return out;
}
inline std::string pg(const ExprPtr &e) { return pg(*e); }

/// UPDATE table SET column = value [WHERE where] at the given location.
inline OperationPtr update(std::string table, std::string column, ExprPtr value,
                           ExprPtr where = nullptr) {
  auto u = std::make_unique<UpdateOp>(at(8, 11), UpdateOp::Origin::Static);
  u->table = std::move(table);
  u->tableLoc = at(9, 18);
  Assignment a;
  a.column = std::move(column);
  a.loc = at(11, 13);
  a.value = std::move(value);
  u->assignments.push_back(std::move(a));
  u->where = std::move(where);
  return u;
}

inline OperationPtr customSql(std::string sql, bool validate = false) {
  auto c = std::make_unique<CustomSqlOp>(at(20, 7));
  c->sql = std::move(sql);
  c->validate = validate;
  return c;
}

inline std::unique_ptr<Migration> migration(std::string name, Phase phase) {
  auto m = std::make_unique<Migration>();
  m->name = std::move(name);
  m->loc = at(4, 9);
  m->phase = phase;
  return m;
}

} // namespace shc::testutil
