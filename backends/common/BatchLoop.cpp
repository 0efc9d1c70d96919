//===- BatchLoop.cpp - a migration's writes in keyset batches -------------===//

#include "backends/common/BatchLoop.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <chrono>
#include <thread>

using namespace shc;
using Clock = std::chrono::steady_clock;

llvm::StringRef shc::batchTableName() { return "schemahero_data_batches"; }

unsigned shc::batchSizeOf(const ScriptOp &op, const ApplyOptions &opts) {
  if (!op.write)
    return 0;
  return op.batchSize ? op.batchSize : opts.batchSize;
}

bool shc::isBatched(const ScriptStep &step, const ApplyOptions &opts,
                    const std::vector<std::string> &interrupted) {
  if (step.empty || !step.ledger)
    return false;
  if (llvm::is_contained(interrupted, step.ledger->name))
    return true;
  for (const ScriptOp &op : step.ops)
    if (batchSizeOf(op, opts))
      return true;
  return false;
}

std::string shc::checkBatchedTables(BatchSession &s, const CompiledScript &script,
                                    const ApplyOptions &opts) {
  for (const ScriptStep &step : script.steps) {
    if (!isBatched(step, opts, {}))
      continue;
    for (size_t i = 0; i < step.ops.size(); ++i) {
      const ScriptOp &op = step.ops[i];
      if (!batchSizeOf(op, opts))
        continue;
      std::string where =
          "migration " + step.name + ", operation #" + std::to_string(i + 1) + ": ";
      llvm::Expected<std::vector<std::string>> key = s.keyOf(op.write->table);
      if (!key)
        return where + llvm::toString(key.takeError());
      if (key->empty())
        return where + "table " + op.write->table +
               " has no primary key or unique NOT NULL key, so it cannot be run in batches "
               "(leave batchSize out, or add a key)";
    }
  }
  return "";
}

bool shc::reportBatchedStep(const BatchedResult &r, StepOutcome &out) {
  out.rows = r.rows;
  std::string done = std::to_string(r.batches) + (r.batches == 1 ? " batch" : " batches") +
                     (r.resumed ? ", resumed" : "");
  switch (r.end) {
  case BatchedResult::End::Skipped:
    out.status = StepStatus::Skipped;
    out.note = "already applied";
    return true;
  case BatchedResult::End::Done:
    out.status = StepStatus::Applied;
    out.note = done;
    return true;
  case BatchedResult::End::Interrupted:
    out.status = StepStatus::RolledBack;
    out.note = r.error;
    return false;
  case BatchedResult::End::Failed:
    out.status = StepStatus::RolledBack;
    out.error = r.error;
    if (r.batches)
      out.note = done + " committed before the failure; apply again resumes after them";
    return false;
  }
  return false;
}

namespace {

class BatchLoop {
public:
  BatchLoop(BatchSession &s, const ScriptStep &step, const ApplyOptions &opts,
            const std::function<int()> &interrupted)
      : s(s), step(step), opts(opts), interrupted(interrupted), record(*step.ledger) {}

  BatchedResult run() {
    if (!decide() || !readCheckpoint())
      return result;
    for (size_t i = cp.op; i < step.ops.size(); ++i)
      if (!(sizeOf(i) ? runBatches(i) : runWhole(i)))
        return result;
    finish();
    return result;
  }

private:
  /// The batch size of operation `i`: as asked, else as it ran before when
  /// an earlier apply stopped in the middle of it.
  unsigned sizeOf(size_t i) const {
    if (unsigned n = batchSizeOf(step.ops[i], opts))
      return n;
    return i == cp.op && !cp.lastKey.empty() && step.ops[i].write ? cp.batchSize : 0;
  }

  bool fail(const std::string &message, BatchedResult::End end = BatchedResult::End::Failed) {
    s.rollback();
    result.end = end;
    result.error = message;
    return false;
  }
  bool ok(const MaybeFailure &f) { return !f || fail(f->message); }

  /// The ledger says whether the migration runs at all.
  bool decide() {
    bool skip = false;
    if (!ok(s.begin()) || !ok(s.decide(record, skip)))
      return false;
    s.rollback(); // nothing written
    if (skip) {
      result.end = BatchedResult::End::Skipped;
      return false;
    }
    return true;
  }

  bool readCheckpoint() {
    std::optional<BatchCheckpoint> saved;
    if (!ok(s.prepareCheckpoints()) || !ok(s.readCheckpoint(record.name, saved)))
      return false;
    if (!saved) {
      cp.checksum = record.checksum;
      return true;
    }
    cp = *saved;
    hasRow = true;
    if (cp.checksum != record.checksum)
      return fail("migration " + record.name + " was interrupted after " +
                  std::to_string(cp.batches) + " batches of operation #" +
                  std::to_string(cp.op + 1) + " and has changed since (checksum " +
                  record.checksum + " now, " + cp.checksum +
                  " then): its remaining rows cannot be told apart from those done\n"
                  "hint: restore the migration as it was and apply again to finish it, or "
                  "check the data and delete its row from " +
                  batchTableName().str() + " to start it over");
    result.resumed = true;
    return true;
  }

  /// A transaction in which the checkpoint is still where this apply left
  /// it: another apply (on a runtime whose lock is per transaction) may
  /// have moved it.
  bool beginAtCheckpoint() {
    if (!ok(s.begin()))
      return false;
    std::optional<BatchCheckpoint> now;
    if (!ok(s.readCheckpoint(record.name, now)))
      return false;
    bool same = now ? hasRow && now->samePlace(cp) : !hasRow;
    if (!same)
      return fail("another apply ran migration " + record.name +
                  " meanwhile (its checkpoint moved); this apply stops: apply again to see "
                  "where it stands");
    return true;
  }

  /// The checkpoint after operation `i`'s batch (`last` empty: done).
  bool save(size_t i, const std::vector<std::string> &last, uint64_t rows, uint64_t batches,
            unsigned size) {
    BatchCheckpoint next;
    next.checksum = record.checksum;
    next.op = last.empty() ? i + 1 : i;
    next.lastKey = last;
    next.rows = last.empty() ? 0 : rows;
    next.batches = last.empty() ? 0 : batches;
    next.batchSize = last.empty() ? 0 : size;
    if (!ok(s.writeCheckpoint(record.name, next)))
      return false;
    if (!ok(s.commit()))
      return false;
    cp = next;
    hasRow = true;
    return true;
  }

  static unsigned backoffMs(unsigned retries) {
    // 100 ms, 200 ms, ... at most 5 s.
    return std::min(5000u, 100u << std::min(retries, 6u));
  }

  bool runBatches(size_t i) {
    const RowWrite &w = *step.ops[i].write;
    unsigned size = sizeOf(i);
    BatchProgress p;
    p.migration = record.name;
    p.op = i;
    p.rows = i == cp.op ? cp.rows : 0;
    p.batches = i == cp.op ? cp.batches : 0;
    p.estimate = s.estimate(w);
    Clock::time_point start = Clock::now();
    unsigned retries = 0;
    for (;;) {
      if (int sig = interrupted())
        return fail("interrupted (signal " + std::to_string(sig) + ") after " +
                        std::to_string(p.batches) + " batches; apply again to resume",
                    BatchedResult::End::Interrupted);
      Clock::time_point t0 = Clock::now();
      if (!beginAtCheckpoint())
        return false;
      BatchOutcome b;
      if (MaybeFailure f = s.runBatch(
              step, i, i == cp.op ? cp.lastKey : std::vector<std::string>(), size, b)) {
        s.rollback();
        if (f->retryable && retries < opts.batchLockRetries) {
          std::this_thread::sleep_for(std::chrono::milliseconds(backoffMs(retries)));
          ++retries;
          ++p.retries;
          continue;
        }
        return fail(f->message + (retries ? " (after " + std::to_string(retries) +
                                                " retries of this batch)"
                                          : std::string()));
      }
      retries = 0;
      bool done = b.scanned < size || b.last.empty();
      p.rows += b.changed;
      p.rowsThisRun += b.changed;
      p.batches += b.scanned ? 1 : 0;
      // The checkpoint, in the batch's transaction: the next operation once
      // this one is done.
      if (!save(i, done ? std::vector<std::string>() : b.last, p.rows, p.batches, size))
        return false;
      result.rows += b.changed;
      result.batches += b.scanned ? 1 : 0;
      p.size = size;
      p.done = done;
      p.seconds = std::chrono::duration<double>(Clock::now() - start).count();
      if (opts.batchProgress)
        opts.batchProgress(p);
      if (done)
        return true;
      if (opts.batchTargetMs) {
        double took =
            std::max(1.0, std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        double next = std::clamp(size * (opts.batchTargetMs / took), size / 2.0, size * 2.0);
        size = static_cast<unsigned>(std::clamp(next, 1.0, 1000000.0));
      }
      if (opts.batchDelayMs)
        std::this_thread::sleep_for(std::chrono::milliseconds(opts.batchDelayMs));
    }
  }

  /// An operation that is not batched: its statements in one transaction
  /// with the checkpoint that moves past it.
  bool runWhole(size_t i) {
    uint64_t rows = 0;
    if (!beginAtCheckpoint() || !ok(s.runWhole(step, i, rows)))
      return false;
    if (!save(i, {}, 0, 0, 0))
      return false;
    result.rows += rows;
    return true;
  }

  void finish() {
    if (!beginAtCheckpoint() || !ok(s.finish(record)) || !ok(s.commit()))
      return;
    result.end = BatchedResult::End::Done;
  }

  BatchSession &s;
  const ScriptStep &step;
  const ApplyOptions &opts;
  const std::function<int()> &interrupted;
  const LedgerRecord &record;
  BatchCheckpoint cp;
  bool hasRow = false; ///< `cp` is in the checkpoint table
  BatchedResult result;
};

} // namespace

BatchedResult shc::runBatchedStep(BatchSession &s, const ScriptStep &step,
                                  const ApplyOptions &opts,
                                  const std::function<int()> &interrupted) {
  return BatchLoop(s, step, opts, interrupted).run();
}
