//===- CassandraDialect.cpp - Cassandra (CQL) ------------------------------===//
//
// Type names: TIMESTAMP is TimestampTz, TIMEUUID is Uuid, collections
// (map/set/list/frozen/tuple) are Other, spelled without blanks
// (CassandraCatalog.cpp). The dialect's own checks run after the analyses:
// what CQL cannot express is an error (CassandraKeys.h), a lightweight
// transaction is a warning that says its cost, and an operation not proved
// idempotent is a warning, since Cassandra has neither a ledger nor
// transactions to stop a second run.
//
//===----------------------------------------------------------------------===//

#include "backends/cassandra/CassandraDialect.h"

#include "backends/cassandra/CassandraEmitter.h"
#include "backends/cassandra/CassandraKeys.h"
#include "backends/cassandra/CassandraLiterals.h"
#include "ir/Expr.h"
#include "ir/AnalysisResults.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"

using namespace shc;

std::unique_ptr<Emitter> CassandraDialect::createEmitter(DiagnosticEngine &diags) const {
  return std::make_unique<CassandraEmitter>(catalogue, diags);
}

namespace {

void warnRerun(SourceLoc loc, llvm::StringRef what, const std::string &reason,
               DiagnosticEngine &diags) {
  diags
      .warning(loc, "cql-rerun-unsafe",
               "re-running this " + what.str() + " is unsafe: " + reason)
      .hint("Cassandra has no ledger and no transactions: a retried or repeated run of the file "
            "runs it again; write it so that a second run changes nothing, or run it once");
}

void checkLiteral(const Expr *e, const Column *col, DiagnosticEngine &diags) {
  std::string out, error;
  if (e && col && writeCqlLiteral(*e, *col, out, error) == CqlLiteralResult::Invalid)
    diags.error(e->getLoc(), "invalid-literal", error);
}

/// Each value against its column's CQL type (timeuuid, collections, ranges
/// of dates: what the catalogue's types do not tell apart).
void checkLiterals(const UpdateOp &u, const CqlUpdatePlan &plan, DiagnosticEngine &diags) {
  for (const Assignment &a : u.assignments)
    checkLiteral(a.value.get(), a.resolved, diags);
  for (const auto *list : {&plan.where, &plan.conditions})
    for (const Expr *e : *list) {
      const ColumnRefExpr *col = nullptr;
      std::vector<const Expr *> values;
      if (auto *b = llvm::dyn_cast<BinaryExpr>(e)) {
        col = llvm::dyn_cast<ColumnRefExpr>(b->lhs.get());
        values.push_back(col ? b->rhs.get() : b->lhs.get());
        if (!col)
          col = llvm::dyn_cast<ColumnRefExpr>(b->rhs.get());
      } else if (auto *in = llvm::dyn_cast<InListExpr>(e)) {
        col = llvm::dyn_cast<ColumnRefExpr>(in->operand.get());
        for (const ExprPtr &item : in->items)
          values.push_back(item.get());
      } else if (auto *bt = llvm::dyn_cast<BetweenExpr>(e)) {
        col = llvm::dyn_cast<ColumnRefExpr>(bt->operand.get());
        values = {bt->low.get(), bt->high.get()};
      }
      for (const Expr *v : values)
        checkLiteral(v, col ? col->column : nullptr, diags);
    }
}

} // namespace

void CassandraDialect::check(const Module &module, const AnalysisResults &results,
                             DiagnosticEngine &diags) const {
  for (const auto &m : module.migrations) {
    for (const OperationPtr &op : m->operations) {
      if (!op)
        continue;
      // Refused whatever else is wrong with them: the reason comes first.
      auto *u = llvm::dyn_cast<UpdateOp>(op.get());
      if (op->hasErrors && !(u && u->origin != UpdateOp::Origin::Static))
        continue;
      unsigned errors = diags.getNumErrors();
      if (u) {
        CqlUpdatePlan plan;
        if (!planCqlUpdate(*u, *m, plan, &diags) || diags.getNumErrors() != errors)
          continue;
        checkLiterals(*u, plan, diags);
        if (diags.getNumErrors() != errors)
          continue;
        if (!plan.conditions.empty())
          diags
              .warning(u->whereLoc, "cql-lightweight-transaction",
                       "compiled to a lightweight transaction: the conditions on columns "
                       "outside the key become IF, which costs a Paxos round (four round trips "
                       "between replicas instead of one write) per row")
              .hint("the migration is declared idempotent; this is what keeps a second run "
                    "from writing again");
        const IdempotencyVerdict &v = results.verdict(*u);
        if (v.computed && v.verdict != Verdict::Idempotent)
          warnRerun(v.loc.isValid() ? v.loc : u->getLoc(), updateOriginName(u->origin),
                    v.reason.empty() ? "it is not proved idempotent" : v.reason, diags);
        continue;
      }
      auto *c = llvm::cast<CustomSqlOp>(op.get());
      if (!c->validate || !c->parsed) {
        warnRerun(c->getLoc(), "customSQL",
                  "it is not analysed (validate: false), so it is not proved idempotent", diags);
        continue;
      }
      std::string rerun;
      SourceLoc rerunLoc;
      checkCqlCustomSql(*c, module, *m, rerun, rerunLoc, diags);
      if (diags.getNumErrors() == errors && !rerun.empty())
        warnRerun(rerunLoc, "customSQL", rerun, diags);
    }
  }
}

const Dialect &shc::cassandraDialect() {
  static const CassandraDialect dialect;
  return dialect;
}
