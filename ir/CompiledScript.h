//===- CompiledScript.h - A compiled migration file, as data ----*- C++ -*-===//
//
// What a backend emits for a module, before it is text: a header, a preamble
// that runs once, then one step per migration with the statements that run in
// its transaction and the ledger row that records it. The compiled file is
// rendered from this (renderScript), and apply runs the same structure, so
// apply never has to find the steps again in SQL text.
//
// Nothing here knows a dialect: the backend fills in the text, the runtime
// that applies it knows how to lock and where the ledger is.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Module.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace shc {

/// The ledger row a step writes when it applies a migration.
struct LedgerRecord {
  std::string name;
  std::string checksum; ///< hex SHA-256 of name, phase and statements
  bool idempotent = false;
  Phase phase = Phase::AfterSchema;
};

/// An UPDATE or DELETE of one table in parts, as the dialect writes them, so
/// that apply can read the rows it changes before and after it runs
/// (--rehearse, --backup): `UPDATE table [AS alias] SET assignments [WHERE
/// where]`, `DELETE FROM table [AS alias] [WHERE where]`.
struct RowWrite {
  bool isDelete = false;
  std::string table; ///< as the statement names it, quoted: `users`, `test.users`
  std::string alias; ///< quoted, or ""
  /// The columns it sets (names as in the table, unquoted); none for DELETE.
  std::vector<std::string> columns;
  std::string assignments; ///< `a = 1, b = lower(b)`
  std::string where;       ///< the condition; "" for every row
};

/// One operation of a migration: its statements, and when it is one UPDATE or
/// DELETE of one table whose rows a condition names, that write in parts.
struct ScriptOp {
  std::string kind; ///< staticUpdate, calculatedUpdate, transformUpdate, customSQL
  /// Its statements, whole lines, as they appear in the step's body.
  std::string sql;
  std::optional<RowWrite> write;
  /// Why `write` is missing (customSQL that is not one such statement).
  std::string whyNoWrite;
  /// Operation::batchSize: apply runs `write` in keyset batches; 0: `sql`.
  unsigned batchSize = 0;
};

struct ScriptStep {
  std::string name;
  Phase phase = Phase::AfterSchema;
  /// What runs in the step's transaction, in whole lines: the migration's
  /// statements as the dialect guards and records them, without the
  /// transaction's own begin and commit.
  std::string sql;
  /// The row `sql` writes to the ledger; none for a dialect without a ledger
  /// or for a file applied as it is.
  std::optional<LedgerRecord> ledger;
  /// The migration has no operations for this dialect: nothing to run.
  bool empty = false;
  /// The operations whose statements, in order, make up the body that `sql`
  /// guards and records; empty for a file applied as it is (--ddl).
  std::vector<ScriptOp> ops;
  /// Whole lines that run after the step's transaction commits, outside
  /// any transaction (a server procedure that refuses to run inside one);
  /// not guarded by the ledger, so they must be safe to run again.
  std::string afterCommit;
};

struct CompiledScript {
  /// The key of the dialect it was compiled for ("postgres").
  std::string dialect;
  /// Comment lines naming the tool, the dialect and the inputs.
  std::string header;
  /// Runs once before the first step (whole lines; the ledger's setup).
  std::string preamble;
  /// In execution order: before_schema steps, then after_schema steps.
  std::vector<ScriptStep> steps;
  /// The dialect's lines around each step's sql in the file (`BEGIN;`,
  /// `COMMIT;`); empty for a dialect without transactions.
  std::string beginTransaction;
  std::string commitTransaction;
};

/// The compiled file: the header, the preamble, each step under its
/// `-- migration: NAME (phase)` line. The same script gives the same bytes.
std::string renderScript(const CompiledScript &script);

/// `-- migration: NAME (phase)`, the line that opens a step in the file.
std::string migrationMarker(llvm::StringRef name, Phase phase);
/// A marker line read back (apply --ddl): where it begins in the file (the
/// caller sets `begin`), the step's name and phase, and whether it says the
/// step has nothing to run.
struct MigrationMarker {
  size_t begin = 0;
  std::string name;
  Phase phase = Phase::AfterSchema;
  bool empty = false;
};
/// `-- migration: NAME (phase)`, optionally followed by emptyStepSuffix();
/// nullopt for any other line.
std::optional<MigrationMarker> parseMigrationMarker(llvm::StringRef line);
/// The dialect a compiled file's header names (its `-- dialect: KEY` line
/// among the comment lines it starts with), or "".
std::string headerDialect(llvm::StringRef text);
/// What follows the marker of a step with nothing to run.
llvm::StringRef emptyStepSuffix();
/// The line between the before_schema and the after_schema steps.
llvm::StringRef schemaChangesLine();

/// `text` on one comment line: control characters become `?`.
std::string commentSafe(llvm::StringRef text);

} // namespace shc
