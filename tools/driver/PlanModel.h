//===- PlanModel.h - what `plan` shows, independent of the format -*- C++ -*-===//
#pragma once

#include "ir/Diagnostics.h"

#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace shc {

class AnalysisResults;
class LiveDatabase;
class Module;
class SourceManager;
struct Migration;

/// One statement of a validated customSQL, as PostgreSQL's parser split it.
struct PlanStatement {
  std::string kind;  ///< update, insert, delete, select, ddl, other
  std::string table; ///< target of UPDATE/INSERT/DELETE, else empty
  std::string sql;   ///< the statement as written, trimmed
  bool opaque = false; ///< not analysed by our grammar
  /// UPDATE/DELETE analysed: whether it has a WHERE, and the WHERE as SQL.
  bool rowFilter = false;
  std::string where;
  std::string verdict, reason;
  std::optional<double> estimatedRows;
  std::vector<Diagnostic> diagnostics; ///< those inside the statement's text
  SourceLoc begin, end;                ///< the statement's text in its file
};

struct PlanOperation {
  std::string kind;  ///< staticUpdate, calculatedUpdate, transformUpdate, customSQL
  std::string table; ///< empty for a customSQL that names no table
  std::vector<std::string> writes, reads; ///< `col`, or `table.col` for another table
  std::string where;                      ///< as SQL; empty: every row
  bool opaque = false;                    ///< customSQL that could not be analysed
  std::string verdict, reason;
  std::optional<double> estimatedRows;
  std::vector<PlanStatement> statements; ///< customSQL with validate: true
  /// batchSize: apply runs it in keyset batches of this many rows, in the
  /// order of `batchKey` (the spec's primary key; empty: the server's
  /// unique NOT NULL key, which apply reads).
  unsigned batchSize = 0;
  std::vector<std::string> batchKey;
  /// With --uri, where apply --backup works: the bytes its backup of the
  /// estimated rows would take.
  std::optional<double> backupBytes;
};

struct PlanStep {
  const Migration *migration;
  std::string verdict; ///< idempotent | not_idempotent | unknown
  std::string reason;
  std::vector<PlanOperation> operations;
  std::vector<Diagnostic> diagnostics; ///< those inside this migration
};

struct Plan {
  std::vector<PlanStep> steps; ///< in execution order
  std::vector<Diagnostic> otherDiagnostics;
  std::vector<Diagnostic> allDiagnostics; ///< sorted, for JSON
  /// With --uri: sum of the UPDATEs' estimates.
  std::optional<double> totalEstimatedRows;
  std::optional<double> totalBackupBytes;
  std::vector<std::string> estimateErrors;
};

/// Builds the plan. `diags` are the run's diagnostics (sorted); with `conn`,
/// each UPDATE gets its EXPLAIN estimate.
Plan buildPlan(const Module &module, const AnalysisResults &results,
               std::vector<Diagnostic> diags, const SourceManager &sm, LiveDatabase *conn,
               DiagnosticEngine &engine);

/// The formats: PlanText.cpp, PlanJson.cpp, PlanGraph.cpp.
void printPlanText(const Plan &plan, const SourceManager &sm, llvm::raw_ostream &os);
void printPlanMarkdown(const Plan &plan, const Module &module, const SourceManager &sm,
                       llvm::raw_ostream &os);
void printPlanJson(const Plan &plan, const SourceManager &sm, llvm::raw_ostream &os);
void printPlanDot(const Plan &plan, const Module &module, llvm::raw_ostream &os);
void printPlanMermaid(const Plan &plan, const Module &module, llvm::raw_ostream &os);

/// A statement's text on one line (whitespace collapsed), cut at `max`.
std::string statementSummary(llvm::StringRef sql, size_t max = 72);
/// `file:line:col: severity: message [rule]` on one line.
std::string diagnosticOneLine(const Diagnostic &d, const SourceManager &sm);
/// "3" or "12.5", the way EXPLAIN's estimates read.
std::string formatRows(double rows);
/// `512 B`, `3.4 kB`, `1.2 MB`, `5.0 GB` (powers of 1000).
std::string formatBytes(double bytes);

} // namespace shc
