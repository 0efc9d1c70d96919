//===- Rehearse.h - apply --rehearse on PostgreSQL --------------*- C++ -*-===//
//
// A rehearsal is a dry run (one transaction, rolled back) that runs each
// operation of each pending migration on its own, in a savepoint, to report
// the rows it changes, a sample of them before and after (read in savepoints
// rolled back at once, so that the reads hold no lock), the first row that
// makes it fail, its time and the locks it took (pg_locks of this backend).
// docs/rehearse-backup-revert.md.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/postgres/RowBackup.h"

namespace shc {

class RehearseHooks : public StepHooks {
public:
  explicit RehearseHooks(unsigned sampleRows) : sampleRows(sampleRows) {}
  llvm::Error setUp(Connection &) override { return llvm::Error::success(); }
  llvm::Expected<std::vector<StatementResult>> runStep(Connection &conn, const ScriptStep &step,
                                                       StepOutcome &out) override;

private:
  /// Runs one operation; fills `o`. The server's error when it failed.
  llvm::Error runOp(Connection &conn, const ScriptOp &op, OpRehearsal &o,
                    std::vector<StatementResult> &results);
  unsigned sampleRows;
  TableKeys keys;
};

/// The locks this backend holds now, "Mode on object", sorted (not those on
/// pg_catalog relations, which are the lock query's own).
llvm::Expected<std::vector<std::string>> heldLocks(Connection &conn);

} // namespace shc
