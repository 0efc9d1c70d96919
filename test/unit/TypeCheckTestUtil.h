#pragma once

// Shared by the Resolve*/TypeCheck* tests: builds IR by hand (no parser) and
// runs the resolve and typecheck passes over it.

#include "ir/AnalysisResults.h"
#include "test/unit/TestDialects.h"
#include "backends/postgres/PostgresCatalog.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"
#include "ir/SourceManager.h"
#include "passes/Passes.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace shc::test {

class TypeCheckFixture : public ::testing::Test {
protected:
  SourceManager sm;
  DiagnosticEngine diags;
  Module module{postgresDialect()};
  Migration *migration = nullptr;
  uint32_t nextCol = 1;

  void SetUp() override {
    auto m = std::make_unique<Migration>();
    m->name = "m";
    migration = m.get();
    module.migrations.push_back(std::move(m));
  }

  /// A fresh location on line 1, so tests can tell nodes apart.
  SourceLoc loc() { return SourceLoc{1, 1, nextCol++}; }

  Table &table(const std::string &name, std::vector<Column> columns) {
    auto t = std::make_unique<Table>();
    t->name = name;
    t->columns = std::move(columns);
    Table &ref = *t;
    module.tables.push_back(std::move(t));
    return ref;
  }
  static Column column(const std::string &name, Type type, bool notNull = false) {
    Column c;
    c.name = name;
    c.type = std::move(type);
    c.notNull = notNull;
    return c;
  }
  /// The usual test table:
  /// t(id integer not null, age integer, name text, code varchar(5),
  ///   price numeric(5,2), f float8, flag boolean, d date, ts timestamp,
  ///   tz timestamptz, j json, jb jsonb, u uuid, sm smallint, mood mood)
  Table &standardTable() {
    using K = TypeKind;
    return table("t", {column("id", Type(K::Int4), true), column("age", Type(K::Int4)),
                       column("name", Type(K::Text)), column("code", Type(K::Varchar, 5)),
                       column("price", Type(K::Numeric, 5, 2)), column("f", Type(K::Float8)),
                       column("flag", Type(K::Bool)), column("d", Type(K::Date)),
                       column("ts", Type(K::Timestamp)), column("tz", Type(K::TimestampTz)),
                       column("j", Type(K::Json)), column("jb", Type(K::Jsonb)),
                       column("u", Type(K::Uuid)), column("sm", Type(K::Int2)),
                       column("mood", Type::other("mood"))});
  }

  UpdateOp &update(const std::string &tableName) {
    auto op = std::make_unique<UpdateOp>(loc(), UpdateOp::Origin::Calculated);
    op->table = tableName;
    op->tableLoc = loc();
    UpdateOp &ref = *op;
    migration->operations.push_back(std::move(op));
    return ref;
  }
  Assignment &set(UpdateOp &op, const std::string &col, ExprPtr value) {
    Assignment a;
    a.column = col;
    a.loc = loc();
    a.value = std::move(value);
    op.assignments.push_back(std::move(a));
    return op.assignments.back();
  }

  // --- expression builders ----------------------------------------------
  using LK = LiteralExpr::LitKind;
  ExprPtr str(const std::string &s) { return std::make_unique<LiteralExpr>(loc(), LK::String, s); }
  ExprPtr num(const std::string &s) {
    bool isInt = s.find_first_of(".eE") == std::string::npos;
    return std::make_unique<LiteralExpr>(loc(), isInt ? LK::Integer : LK::Numeric, s);
  }
  ExprPtr boolean(bool v) {
    return std::make_unique<LiteralExpr>(loc(), LK::Bool, v ? "true" : "false");
  }
  ExprPtr null() { return std::make_unique<LiteralExpr>(loc(), LK::Null, ""); }
  ExprPtr col(const std::string &name, const std::string &qualifier = "") {
    return std::make_unique<ColumnRefExpr>(loc(), qualifier, name);
  }
  ExprPtr bin(BinaryExpr::Op op, ExprPtr l, ExprPtr r) {
    SourceLoc at = loc();
    auto e = std::make_unique<BinaryExpr>(at, op, std::move(l), std::move(r));
    e->opLoc = at;
    return e;
  }
  ExprPtr unary(UnaryExpr::Op op, ExprPtr e) {
    return std::make_unique<UnaryExpr>(loc(), op, std::move(e));
  }
  template <typename... Args> ExprPtr call(const std::string &name, Args... args) {
    std::vector<ExprPtr> v;
    (v.push_back(std::move(args)), ...);
    return std::make_unique<FuncCallExpr>(loc(), name, std::move(v));
  }
  ExprPtr cast(ExprPtr e, Type to, CastExpr::Syntax s = CastExpr::Syntax::DoubleColon) {
    std::string spelling = to.str();
    return std::make_unique<CastExpr>(loc(), std::move(e), std::move(to), spelling, s);
  }

  /// Runs resolve then typecheck; true if no errors.
  bool run() {
    AnalysisResults results;
    PassContext ctx{diags, sm, postgresCatalog(), results};
    PassManager pm; // only the two checkers: later passes (lint) add warnings
    pm.addPass(createResolvePass());
    pm.addPass(createTypeCheckPass());
    return succeeded(pm.run(module, ctx));
  }
  /// "rule: message" for each diagnostic, in report order.
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const Diagnostic &d : diags.pending())
      out.push_back(d.rule + ": " + d.message);
    return out;
  }
  /// The single diagnostic, or a failed expectation.
  const Diagnostic &only() const {
    EXPECT_EQ(diags.pending().size(), 1u) << ::testing::PrintToString(messages());
    return diags.pending().at(0);
  }
  std::vector<std::string> hints(const Diagnostic &d) const {
    std::vector<std::string> out;
    for (const DiagnosticNote &n : d.notes)
      out.push_back(n.message);
    return out;
  }
};

} // namespace shc::test
