//===- LiteralRehearse.h - apply --rehearse on SQLite and MySQL -----*- C++ -*-===//
//
// What a rehearsal reports on PostgreSQL (backends/postgres/Rehearse.h), on
// a LiteralStore: inside the dry run's one transaction, each operation runs
// in a savepoint, after a sample of the rows it changes is read (in key
// order), and the same rows are read again after it. When it fails, the
// savepoint is rolled back and the first row that makes it fail is found by
// bisection: the write limited to the rows up to the k-th key, each try in a
// savepoint of its own. The locks are what the engine takes for the writes
// (LiteralStore::locksOf): neither lists a transaction's locks reliably
// (MariaDB's INNODB_TRX is a cache refreshed every 0.1 s).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/LiteralStore.h"
#include "ir/Runtime.h"

#include <functional>

namespace shc {

/// The length of the shortest prefix, of `n` rows in key order, whose write
/// `fails` (tried about log2(n) times); 0 when the whole write does not
/// fail. What every rehearsal's first offending row is found with.
uint64_t firstFailingPrefix(uint64_t n, const std::function<bool(uint64_t)> &fails);

class LiteralRehearsal {
public:
  LiteralRehearsal(LiteralStore &store, unsigned sampleRows)
      : store(store), sampleRows(sampleRows) {}
  /// Runs `step` (its operations, then its ledger row) in the open
  /// transaction, filling `out.rehearsal`; adds the rows changed to `rows`.
  MaybeFailure runStep(const ScriptStep &step, StepOutcome &out, uint64_t &rows);

private:
  MaybeFailure runOp(const ScriptOp &op, OpRehearsal &o, uint64_t &rows);
  void sampleAfter(const RowWrite &w, const LiteralTable &t, OpRehearsal &o);
  std::string offendingKey(const RowWrite &w, const LiteralTable &t);
  LiteralStore &store;
  unsigned sampleRows;
};

} // namespace shc
