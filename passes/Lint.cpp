//===- Lint.cpp - reviewer warnings over the typed IR -----------------------===//
//
// The `lint` pass: what a reviewer of a data migration wants flagged even
// though PostgreSQL would accept it. Read-only; warnings only. Rule ids are
// stable and documented in docs/rules.md (the catalogue is in
// frontend/LintConfig.cpp). null-into-not-null comes from typecheck,
// unordered-migrations from dependence.
//
//===----------------------------------------------------------------------===//

#include "passes/Determinism.h"
#include "passes/Passes.h"

#include "ir/AnalysisResults.h"
#include "ir/Catalog.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Casting.h"

#include <optional>

using namespace shc;

namespace {

/// Length of a character type, or nullopt when unbounded.
std::optional<int64_t> boundedLength(const Type &t) {
  if (t.isArray())
    return std::nullopt;
  if (t.getKind() != TypeKind::Varchar && t.getKind() != TypeKind::Char)
    return std::nullopt;
  if (t.getMod1() < 0)
    return std::nullopt;
  return t.getMod1();
}

/// An upper bound on the length of a string expression, when one is known
/// statically: literals, bounded columns, and what || and the length-keeping
/// functions make of them.
std::optional<int64_t> maxLength(const Expr &e) {
  if (const auto *lit = llvm::dyn_cast<LiteralExpr>(&e)) {
    if (lit->litKind == LiteralExpr::LitKind::Null)
      return 0;
    return static_cast<int64_t>(lit->text.size());
  }
  if (llvm::isa<ColumnRefExpr>(e))
    return boundedLength(e.getType());
  if (const auto *bin = llvm::dyn_cast<BinaryExpr>(&e)) {
    if (bin->op != BinaryExpr::Op::Concat)
      return std::nullopt;
    std::optional<int64_t> l = maxLength(*bin->lhs), r = maxLength(*bin->rhs);
    if (!l || !r)
      return std::nullopt;
    return *l + *r;
  }
  if (const auto *call = llvm::dyn_cast<FuncCallExpr>(&e)) {
    llvm::StringRef n = call->name;
    if ((n == "lower" || n == "upper" || n == "btrim" || n == "ltrim" || n == "rtrim" ||
         n == "initcap") &&
        !call->args.empty())
      return maxLength(*call->args[0]);
    if (n == "concat") {
      int64_t sum = 0;
      for (const ExprPtr &a : call->args) {
        std::optional<int64_t> l = maxLength(*a);
        if (!l)
          return std::nullopt;
        sum += *l;
      }
      return sum;
    }
    if (n == "coalesce") {
      int64_t best = 0;
      for (const ExprPtr &a : call->args) {
        std::optional<int64_t> l = maxLength(*a);
        if (!l)
          return std::nullopt;
        best = std::max(best, *l);
      }
      return best;
    }
    return std::nullopt;
  }
  if (const auto *c = llvm::dyn_cast<CaseExpr>(&e)) {
    int64_t best = 0;
    for (const CaseExpr::When &w : c->whens) {
      std::optional<int64_t> l = maxLength(*w.result);
      if (!l)
        return std::nullopt;
      best = std::max(best, *l);
    }
    if (c->elseExpr) {
      std::optional<int64_t> l = maxLength(*c->elseExpr);
      if (!l)
        return std::nullopt;
      best = std::max(best, *l);
    }
    return best;
  }
  if (const auto *cast = llvm::dyn_cast<CastExpr>(&e)) {
    if (std::optional<int64_t> l = boundedLength(cast->getType()))
      return l;
    return maxLength(*cast->operand);
  }
  return std::nullopt;
}

/// The first keyword of each statement in `sql`, skipping comments and
/// quoted text, with its byte offset.
std::vector<std::pair<std::string, size_t>> statementKeywords(llvm::StringRef sql) {
  std::vector<std::pair<std::string, size_t>> out;
  bool atStart = true;
  for (size_t i = 0; i < sql.size();) {
    char c = sql[i];
    if (sql.substr(i).startswith("--")) {
      i = sql.find('\n', i);
      if (i == llvm::StringRef::npos)
        break;
      continue;
    }
    if (sql.substr(i).startswith("/*")) {
      size_t end = sql.find("*/", i + 2);
      i = end == llvm::StringRef::npos ? sql.size() : end + 2;
      continue;
    }
    if (c == '\'' || c == '"') {
      size_t end = sql.find(c, i + 1);
      i = end == llvm::StringRef::npos ? sql.size() : end + 1;
      atStart = false;
      continue;
    }
    if (c == ';') {
      atStart = true;
      ++i;
      continue;
    }
    if (llvm::isAlpha(c) && atStart) {
      size_t j = i;
      while (j < sql.size() && (llvm::isAlnum(sql[j]) || sql[j] == '_'))
        ++j;
      out.push_back({sql.substr(i, j - i).lower(), i});
      atStart = false;
      i = j;
      continue;
    }
    if (!llvm::isSpace(c))
      atStart = false;
    ++i;
  }
  return out;
}

bool isDdlKeyword(llvm::StringRef kw) {
  return llvm::StringSwitch<bool>(kw)
      .Cases("create", "alter", "drop", "truncate", "rename", true)
      .Cases("grant", "revoke", "comment", "reindex", "cluster", true)
      .Default(false);
}

class LintPass : public Pass {
public:
  llvm::StringRef getName() const override { return "lint"; }
  LogicalResult run(Module &module, PassContext &ctx) override {
    results = &ctx.results;
    for (const auto &m : module.migrations)
      for (const OperationPtr &op : m->operations) {
        if (const auto *u = llvm::dyn_cast<UpdateOp>(op.get()))
          checkUpdate(*m, *u, ctx.diags, ctx.catalog);
        else if (const auto *c = llvm::dyn_cast<CustomSqlOp>(op.get()))
          checkCustomSql(*m, *c, ctx.diags);
      }
    return success();
  }

private:
  const AnalysisResults *results = nullptr;

  void checkUpdate(const Migration &m, const UpdateOp &op, DiagnosticEngine &diags,
                   const Catalog &catalog) {
    // A where that did not parse was reported as such: one mistake, one
    // diagnostic.
    if (!op.where && !op.whereLoc.isValid())
      diags
          .warning(op.getLoc(), "update-without-where",
                   "UPDATE of \"" + op.table + "\" has no WHERE and rewrites every row")
          .hint("add a where: that also excludes rows already migrated, e.g. \"" +
                (results->verdict(op).guard.empty() ? std::string("col IS DISTINCT FROM <new value>")
                                                    : results->verdict(op).guard) +
                "\"");
    // The idempotency analysis, when it ran, has the last word on values: it
    // reports not-idempotent itself, and a guard can make now() harmless. A
    // random() in WHERE picks other rows on a re-run, whatever the guard.
    const IdempotencyVerdict &verdict = results->verdict(op);
    bool analysed = verdict.computed;
    bool reported = analysed && verdict.verdict == Verdict::NotIdempotent;
    for (const Assignment &a : op.assignments) {
      if (!a.value)
        continue;
      if (m.declaredIdempotent && !analysed) {
        if (std::optional<NonDeterminism> nd = findNonDeterminism(*a.value, catalog, false))
          diags
              .warning(nd->loc, "nondeterministic-in-idempotent",
                       "migration \"" + m.name + "\" is declared idempotent but " + nd->what +
                           " gives a different value on every run")
              .note(m.loc, "declared idempotent here");
      }
      checkLength(a, diags, catalog);
    }
    if (m.declaredIdempotent && op.where && !reported)
      if (std::optional<NonDeterminism> nd = findNonDeterminism(*op.where, catalog, false))
        diags
            .warning(nd->loc, "nondeterministic-in-idempotent",
                     "migration \"" + m.name + "\" is declared idempotent but its WHERE " +
                         (nd->call ? "calls " : "reads ") + nd->what +
                         ", which changes between runs")
            .note(m.loc, "declared idempotent here");
  }

  void checkLength(const Assignment &a, DiagnosticEngine &diags, const Catalog &catalog) {
    if (!a.resolved)
      return;
    std::optional<int64_t> limit = boundedLength(a.resolved->type);
    if (!limit)
      return;
    // A bare literal is checked by typecheck against the column's input
    // function (an error, as PostgreSQL would raise).
    if (llvm::isa<LiteralExpr>(*a.value))
      return;
    std::optional<int64_t> len = maxLength(*a.value);
    if (!len || *len <= *limit)
      return;
    diags
        .warning(a.value->getLoc(), "value-too-long",
                 "value may be up to " + std::to_string(*len) + " characters, longer than " +
                     a.resolved->typeSpelling + " column \"" + a.column + "\"")
        .hint(catalog.displayName().str() +
              " raises \"value too long\" for such rows; truncate with left(x, " +
              std::to_string(*limit) + ") or widen the column");
  }

  /// An analysed UPDATE or DELETE of customSQL (also in a WITH) without
  /// WHERE: the same warning as an update operation without one.
  void checkStatementWhere(const DmlQuery &q, const std::string &guard, DiagnosticEngine &diags) {
    const UpdateOp *u = q.update.get();
    if (!u || u->where)
      return;
    if (q.kind == StatementKind::Delete)
      diags
          .warning(u->getLoc(), "update-without-where",
                   "DELETE from \"" + u->table + "\" has no WHERE and deletes every row")
          .hint("add a WHERE that names the rows to delete");
    else if (q.kind == StatementKind::Update)
      diags
          .warning(u->getLoc(), "update-without-where",
                   "UPDATE of \"" + u->table + "\" has no WHERE and rewrites every row")
          .hint("add a WHERE that also excludes rows already migrated, e.g. \"" +
                (guard.empty() ? std::string("col IS DISTINCT FROM <new value>") : guard) +
                "\"");
  }

  void checkCustomSql(const Migration &m, const CustomSqlOp &op, DiagnosticEngine &diags) {
    (void)m;
    for (const SqlStatement &st : op.statements) {
      if (!st.analysed)
        continue;
      for (const CommonTableExpr &cte : st.with)
        checkStatementWhere(cte.query, "", diags);
      checkStatementWhere(st.query, results->verdict(st).guard, diags);
    }
    if (!op.validate)
      diags
          .warning(op.getLoc(), "custom-sql-no-validate",
                   "customSQL with validate: false is passed to the database unchecked")
          .hint("set validate: true so the statement is parsed and checked against the schema");
    // Validated SQL is parsed, and its DDL reported, by the custom-sql pass.
    if (op.validate)
      return;
    for (const auto &[kw, offset] : statementKeywords(op.sql)) {
      if (!isDdlKeyword(kw))
        continue;
      SourceLoc loc = op.sqlLocator.locate(offset);
      diags
          .warning(loc.isValid() ? loc : op.getLoc(), "custom-sql-ddl",
                   "DDL (" + llvm::StringRef(kw).upper() + ") in customSQL of a data migration")
          .hint("schema changes belong in a kind: Table spec, where SchemaHero plans them");
    }
  }
};

} // namespace

std::unique_ptr<Pass> shc::createLintPass() { return std::make_unique<LintPass>(); }
