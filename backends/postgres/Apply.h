//===- Apply.h - running a compiled migration file on a live server -*- C++ -*-===//
//
// apply works on the compiled SQL, not on the IR: the file the compiler
// writes (header, the ledger the backend emits, one `-- migration:` block per
// migration) is split into steps and each step runs in its own transaction.
// The same code applies a file given with --ddl.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace shc {

class Connection;
class DiagnosticEngine;
class UpdateOp;

struct ApplyStep {
  std::string name; ///< the migration's name, or the file name for plain DDL
  std::string sql;  ///< the block, without its BEGIN;/COMMIT; lines
};

/// A compiled file cut at its `-- migration: NAME (phase)` lines. What comes
/// before the first one (header, ledger setup) is the preamble. A file
/// without such lines is one step named `fallbackName`.
struct ApplyScript {
  std::string preamble;
  std::vector<ApplyStep> steps;
};
ApplyScript splitScript(llvm::StringRef text, llvm::StringRef fallbackName);

struct ApplyOptions {
  bool dryRun = false;
  unsigned lockTimeoutMs = 0;      ///< 0: the server's default
  unsigned statementTimeoutMs = 0; ///< 0: the server's default
  /// Called before each step (index, count, name); for progress output.
  std::function<void(size_t, size_t, llvm::StringRef)> progress;
};

enum class StepStatus : uint8_t {
  Applied,    ///< committed
  DryRun,     ///< ran, then rolled back with the whole dry run
  RolledBack, ///< failed and rolled back
  NotRun,     ///< after a failure
  Skipped,    ///< already applied: apply found its row in the ledger
};
llvm::StringRef stepStatusName(StepStatus s); ///< "applied", "dry-run", ...

struct StepOutcome {
  std::string name;
  StepStatus status = StepStatus::NotRun;
  uint64_t rows = 0; ///< rows changed by the step's INSERT/UPDATE/DELETE
  std::string error;
};

struct ApplyReport {
  std::vector<StepOutcome> steps;
  std::string setupError; ///< timeouts or preamble failed; nothing ran
  bool ok() const;
};

/// Each step in its own transaction; stops at the first failure, rolling that
/// step back and keeping the earlier ones. With dryRun, everything runs in one
/// transaction that is rolled back at the end. A step that records its ledger
/// row without a DO-block guard (CockroachDB) is checked against the ledger
/// first, in its (serializable) transaction: skipped when the ledger has it
/// with the same checksum, failed when it changed and is not proved
/// idempotent (ApplyLedger.h).
ApplyReport applyScript(Connection &conn, const ApplyScript &script, const ApplyOptions &opts);

/// One UPDATE statement of the postgres family, as the compiled file spells
/// it (for EXPLAIN in plan --uri). Empty on an emission error (reported).
std::string postgresUpdateStatement(const UpdateOp &op, DiagnosticEngine &diags);

} // namespace shc
