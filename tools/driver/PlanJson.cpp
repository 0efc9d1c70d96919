//===- PlanJson.cpp - plan as JSON: the stable contract -------------------===//
//
//   {"migrations": [{"name", "phase", "requires": [...],
//                    "idempotency": {"verdict", "reason"},
//                    "operations": [{"kind", "table", "writes", "reads",
//                                    "where", "idempotency", "estimatedRows"?,
//                                    "statements"? (customSQL)}]}],
//    "totalEstimatedRows"?, "diagnostics": [...]}
// Documented in docs/plan.md; fields are only ever added.
//
//===----------------------------------------------------------------------===//

#include "tools/driver/PlanModel.h"

#include "ir/DiagnosticJson.h"
#include "ir/Module.h"

#include "llvm/Support/JSON.h"

#include <cmath>

using namespace shc;

static llvm::json::Array strings(const std::vector<std::string> &v) {
  llvm::json::Array a;
  for (const std::string &s : v)
    a.push_back(s);
  return a;
}

static llvm::json::Object verdict(const std::string &v, const std::string &reason) {
  return llvm::json::Object{{"verdict", v}, {"reason", reason}};
}

static llvm::json::Value orNull(const std::string &s) {
  return s.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(s);
}

/// A customSQL's statements: kind, table, text, WHERE (null: every row, or
/// not an analysed UPDATE/DELETE), verdict and the diagnostics inside each.
static llvm::json::Array statements(const PlanOperation &op, const SourceManager &sm) {
  llvm::json::Array out;
  for (const PlanStatement &st : op.statements) {
    llvm::json::Array diags;
    for (const Diagnostic &d : st.diagnostics)
      diags.push_back(diagnosticToJson(d, sm));
    llvm::json::Object o{{"kind", st.kind},
                         {"table", orNull(st.table)},
                         {"sql", st.sql},
                         {"where", orNull(st.where)},
                         {"opaque", st.opaque},
                         {"idempotency", verdict(st.verdict, st.reason)},
                         {"diagnostics", std::move(diags)}};
    if (st.estimatedRows)
      o["estimatedRows"] = *st.estimatedRows;
    out.push_back(std::move(o));
  }
  return out;
}

void shc::printPlanJson(const Plan &plan, const SourceManager &sm, llvm::raw_ostream &os) {
  llvm::json::Array migrations;
  for (const PlanStep &s : plan.steps) {
    const Migration &m = *s.migration;
    llvm::json::Array ops;
    for (const PlanOperation &op : s.operations) {
      llvm::json::Object o{
          {"kind", op.kind},
          {"table", op.table.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(op.table)},
          {"writes", strings(op.writes)},
          {"reads", strings(op.reads)},
          {"where", op.where.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(op.where)},
          {"opaque", op.opaque},
          {"idempotency", verdict(op.verdict, op.reason)}};
      if (op.estimatedRows)
        o["estimatedRows"] = *op.estimatedRows;
      if (op.backupBytes)
        o["estimatedBackupBytes"] = std::round(*op.backupBytes);
      if (op.kind == "customSQL")
        o["statements"] = statements(op, sm);
      if (op.batchSize) {
        llvm::json::Object b{{"size", static_cast<int64_t>(op.batchSize)},
                             {"key", op.batchKey.empty() ? llvm::json::Value(nullptr)
                                                         : llvm::json::Value(strings(op.batchKey))}};
        if (op.estimatedRows)
          b["estimatedBatches"] = std::ceil(*op.estimatedRows / op.batchSize);
        o["batch"] = std::move(b);
      }
      ops.push_back(std::move(o));
    }
    std::vector<std::string> reqs;
    for (const Requirement &r : m.requires)
      reqs.push_back(r.name);
    migrations.push_back(llvm::json::Object{{"name", m.name},
                                            {"phase", phaseName(m.phase)},
                                            {"requires", strings(reqs)},
                                            {"idempotency", verdict(s.verdict, s.reason)},
                                            {"operations", std::move(ops)}});
  }
  llvm::json::Array diags;
  for (const Diagnostic &d : plan.allDiagnostics)
    diags.push_back(diagnosticToJson(d, sm));
  llvm::json::Object top{{"migrations", std::move(migrations)}, {"diagnostics", std::move(diags)}};
  if (plan.totalEstimatedRows)
    top["totalEstimatedRows"] = *plan.totalEstimatedRows;
  if (plan.totalBackupBytes)
    top["totalEstimatedBackupBytes"] = std::round(*plan.totalBackupBytes);
  os << llvm::formatv("{0:2}", llvm::json::Value(std::move(top))) << "\n";
}
