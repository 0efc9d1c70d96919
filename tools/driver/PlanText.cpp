//===- PlanText.cpp - plan as text and as Markdown ------------------------===//

#include "tools/driver/PlanModel.h"

#include "ir/Module.h"
#include "ir/SourceManager.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <cmath>

using namespace shc;

static std::string joined(const std::vector<std::string> &v, llvm::StringRef none = "(none)") {
  return v.empty() ? none.str() : llvm::join(v, ", ");
}

static std::vector<std::string> requiresOf(const Migration &m) {
  std::vector<std::string> r;
  for (const Requirement &req : m.requires)
    r.push_back(req.name);
  return r;
}

static unsigned countPhase(const Plan &plan, Phase p) {
  unsigned n = 0;
  for (const PlanStep &s : plan.steps)
    n += s.migration->phase == p;
  return n;
}

/// True when the schema changes go between step i-1 and step i.
static bool schemaChangesBefore(const Plan &plan, size_t i) {
  return i > 0 && plan.steps[i - 1].migration->phase == Phase::BeforeSchema &&
         plan.steps[i].migration->phase == Phase::AfterSchema;
}

/// `idempotency: <verdict> (<reason>)`, then the estimate if there is one.
static void printVerdictAndRows(llvm::StringRef indent, const std::string &verdict,
                                const std::string &reason, std::optional<double> rows,
                                llvm::raw_ostream &os) {
  os << indent << "idempotency: " << verdict;
  if (!reason.empty())
    os << " (" << reason << ")";
  os << "\n";
  if (rows)
    os << indent << "estimated rows: " << formatRows(*rows) << "\n";
}

/// A customSQL statement under its operation: its text, WHERE, verdict and
/// the diagnostics inside it.
static void printStatementText(const PlanStatement &st, size_t n, const SourceManager &sm,
                               llvm::raw_ostream &os) {
  os << "       statement " << n << ": " << statementSummary(st.sql) << "\n";
  if (st.rowFilter)
    os << "         where: " << (st.where.empty() ? "(every row)" : st.where) << "\n";
  printVerdictAndRows("         ", st.verdict, st.reason, st.estimatedRows, os);
  for (const Diagnostic &d : st.diagnostics)
    os << "         " << diagnosticOneLine(d, sm) << "\n";
}

/// How apply runs a batched operation, and how many batches the estimate
/// makes.
static std::string batchLine(const PlanOperation &op) {
  std::string line = "batches: " + std::to_string(op.batchSize) + " rows each, in order of ";
  if (op.batchKey.empty()) {
    line += "the table's unique NOT NULL key (apply reads it from the server)";
  } else {
    line += "the key (";
    for (size_t i = 0; i < op.batchKey.size(); ++i)
      line += (i ? ", " : "") + op.batchKey[i];
    line += ")";
  }
  line += ", each its own transaction";
  if (op.estimatedRows) {
    double n = std::max(1.0, std::ceil(*op.estimatedRows / op.batchSize));
    line += "; about " + formatRows(n) + (n == 1 ? " batch" : " batches");
  }
  return line;
}

void shc::printPlanText(const Plan &plan, const SourceManager &sm, llvm::raw_ostream &os) {
  os << "Plan: " << plan.steps.size() << " migration" << (plan.steps.size() == 1 ? "" : "s") << " ("
     << countPhase(plan, Phase::BeforeSchema) << " before_schema, "
     << countPhase(plan, Phase::AfterSchema) << " after_schema)\n";
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep &s = plan.steps[i];
    const Migration &m = *s.migration;
    if (schemaChangesBefore(plan, i))
      os << "\n--- schema changes run here ---\n";
    os << "\n" << i + 1 << ". " << m.name << " (" << phaseName(m.phase) << ")\n";
    os << "   requires: " << joined(requiresOf(m)) << "\n";
    os << "   idempotency: " << s.verdict;
    if (!s.reason.empty())
      os << " (" << s.reason << ")";
    os << "\n";
    if (s.operations.empty())
      os << "   no operations for this dialect\n";
    for (const PlanOperation &op : s.operations) {
      os << "   - " << op.kind;
      if (!op.table.empty())
        os << " " << op.table;
      os << "\n";
      os << "       writes: " << joined(op.writes, op.opaque ? "(unknown)" : "(none)") << "\n";
      os << "       reads: " << joined(op.reads, op.opaque ? "(unknown)" : "(none)") << "\n";
      // customSQL shows the WHERE of its analysed UPDATE/DELETE, if any.
      if (op.kind != "customSQL" || !op.where.empty())
        os << "       where: " << (op.where.empty() ? "(every row)" : op.where) << "\n";
      printVerdictAndRows("       ", op.verdict, op.reason, op.estimatedRows, os);
      if (op.backupBytes)
        os << "       backup: about " << formatBytes(*op.backupBytes) << " with --backup\n";
      if (op.batchSize)
        os << "       " << batchLine(op) << "\n";
      for (size_t k = 0; k < op.statements.size(); ++k)
        printStatementText(op.statements[k], k + 1, sm, os);
    }
    for (const Diagnostic &d : s.diagnostics)
      os << "   " << diagnosticOneLine(d, sm) << "\n";
  }
  if (!plan.otherDiagnostics.empty())
    os << "\n";
  for (const Diagnostic &d : plan.otherDiagnostics)
    os << diagnosticOneLine(d, sm) << "\n";
  if (plan.totalEstimatedRows)
    os << "\nTotal estimated rows: " << formatRows(*plan.totalEstimatedRows) << "\n";
  if (plan.totalBackupBytes)
    os << "Backups with --backup: about " << formatBytes(*plan.totalBackupBytes) << "\n";
  for (const std::string &e : plan.estimateErrors)
    os << "estimate failed: " << e << "\n";
}

/// Markdown-safe inline code: backticks would end it, `|` would end a cell.
static std::string code(llvm::StringRef s) {
  std::string out = "`";
  for (char c : s) {
    if (c == '`')
      out += '\'';
    else if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out + "`";
}

static std::string codeList(const std::vector<std::string> &v) {
  if (v.empty())
    return "—";
  std::vector<std::string> c;
  for (const std::string &s : v)
    c.push_back(code(s));
  return llvm::join(c, ", ");
}

void shc::printPlanMarkdown(const Plan &plan, const Module &module, const SourceManager &sm,
                            llvm::raw_ostream &os) {
  os << "## Data migration plan\n\n";
  os << "| # | migration | phase | requires | idempotency | operations |";
  if (plan.totalEstimatedRows)
    os << " estimated rows |";
  os << "\n|---|---|---|---|---|---|";
  if (plan.totalEstimatedRows)
    os << "---|";
  os << "\n";
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep &s = plan.steps[i];
    os << "| " << i + 1 << " | " << code(s.migration->name) << " | "
       << phaseName(s.migration->phase) << " | " << codeList(requiresOf(*s.migration)) << " | "
       << s.verdict << " | " << s.operations.size() << " |";
    if (plan.totalEstimatedRows) {
      double rows = 0;
      for (const PlanOperation &op : s.operations)
        rows += op.estimatedRows.value_or(0);
      os << " " << formatRows(rows) << " |";
    }
    os << "\n";
  }
  if (plan.totalEstimatedRows)
    os << "\nTotal estimated rows: " << formatRows(*plan.totalEstimatedRows) << "\n";
  if (plan.totalBackupBytes)
    os << "\nBackups with `--backup`: about " << formatBytes(*plan.totalBackupBytes) << "\n";
  os << "\n```mermaid\n";
  printPlanMermaid(plan, module, os);
  os << "```\n";
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep &s = plan.steps[i];
    if (schemaChangesBefore(plan, i))
      os << "\n*Schema changes run here.*\n";
    os << "\n### " << i + 1 << ". " << code(s.migration->name) << " ("
       << phaseName(s.migration->phase) << ")\n\n";
    os << "- requires: " << codeList(requiresOf(*s.migration)) << "\n";
    os << "- idempotency: **" << s.verdict << "**";
    if (!s.reason.empty())
      os << " — " << s.reason;
    os << "\n";
    for (const PlanOperation &op : s.operations) {
      os << "- " << code(op.kind);
      if (!op.table.empty())
        os << " on " << code(op.table);
      os << ": writes " << (op.opaque && op.writes.empty() ? "unknown" : codeList(op.writes));
      os << "; reads " << (op.opaque && op.reads.empty() ? "unknown" : codeList(op.reads));
      if (op.kind != "customSQL" || !op.where.empty())
        os << "; where " << (op.where.empty() ? "every row" : code(op.where));
      if (op.estimatedRows)
        os << "; ~" << formatRows(*op.estimatedRows) << " rows";
      os << "\n";
      for (size_t k = 0; k < op.statements.size(); ++k) {
        const PlanStatement &st = op.statements[k];
        os << "  - statement " << k + 1 << ": " << code(statementSummary(st.sql));
        if (st.rowFilter)
          os << "; where " << (st.where.empty() ? "every row" : code(st.where));
        os << "; idempotency **" << st.verdict << "**";
        if (!st.reason.empty())
          os << " — " << st.reason;
        if (st.estimatedRows)
          os << "; ~" << formatRows(*st.estimatedRows) << " rows";
        os << "\n";
        for (const Diagnostic &d : st.diagnostics)
          os << "    - " << code(diagnosticOneLine(d, sm)) << "\n";
      }
    }
    for (const Diagnostic &d : s.diagnostics)
      os << "- " << code(diagnosticOneLine(d, sm)) << "\n";
  }
  if (!plan.otherDiagnostics.empty())
    os << "\n### Other diagnostics\n\n";
  for (const Diagnostic &d : plan.otherDiagnostics)
    os << "- " << code(diagnosticOneLine(d, sm)) << "\n";
}
