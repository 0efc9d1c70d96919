//===- BatchLoopTest.cpp - the batched loop against an in-memory session --===//
//
// backends/common/BatchLoop.h with a session that keeps one table of
// integer keys in memory: batches in key order, the checkpoint after each,
// resume at the checkpoint's own size, the changed-migration refusal,
// retries with a limit, and the stop when another apply moved the
// checkpoint. The SQL of real batches is tested on the engines
// (test/lit/batching/).
//
//===----------------------------------------------------------------------===//

#include "backends/common/BatchLoop.h"
#include "backends/common/RangeBatches.h"

#include "gtest/gtest.h"

#include <map>

using namespace shc;

namespace {

class MemorySession : public BatchSession {
public:
  std::vector<int> keys;            ///< the table, sorted
  std::map<int, int> timesWritten;  ///< key -> how often a batch changed it
  std::optional<BatchCheckpoint> saved, pending;
  bool ledgerHasRow = false;
  std::string ledgerChecksum;
  unsigned failuresLeft = 0;        ///< batches that fail before one succeeds
  bool retryable = true;
  int moveCheckpointAfterBatches = -1;
  unsigned batchesRun = 0, commits = 0;

  MaybeFailure begin() override {
    pending = saved;
    return std::nullopt;
  }
  MaybeFailure commit() override {
    saved = pending;
    ++commits;
    if (moveCheckpointAfterBatches >= 0 && batchesRun == unsigned(moveCheckpointAfterBatches) &&
        saved)
      saved->lastKey = {"999999"}; // another apply went on
    return std::nullopt;
  }
  void rollback() override { pending = saved; }
  MaybeFailure decide(const LedgerRecord &r, bool &skip) override {
    skip = ledgerHasRow && ledgerChecksum == r.checksum;
    return std::nullopt;
  }
  MaybeFailure prepareCheckpoints() override { return std::nullopt; }
  MaybeFailure readCheckpoint(const std::string &,
                              std::optional<BatchCheckpoint> &out) override {
    out = pending;
    return std::nullopt;
  }
  MaybeFailure writeCheckpoint(const std::string &, const BatchCheckpoint &cp) override {
    pending = cp;
    return std::nullopt;
  }
  MaybeFailure finish(const LedgerRecord &r) override {
    ledgerHasRow = true;
    ledgerChecksum = r.checksum;
    pending.reset();
    return std::nullopt;
  }
  MaybeFailure runWhole(const ScriptStep &, size_t, uint64_t &rows) override {
    rows += 1;
    return std::nullopt;
  }
  MaybeFailure runBatch(const ScriptStep &, size_t, const std::vector<std::string> &last,
                        unsigned size, BatchOutcome &out) override {
    if (failuresLeft) {
      --failuresLeft;
      return BatchFailure{"lock timeout", retryable};
    }
    ++batchesRun;
    int after = last.empty() ? INT32_MIN : std::stoi(last.front());
    for (int k : keys) {
      if (k <= after)
        continue;
      if (out.scanned == size)
        break;
      ++out.scanned;
      ++out.changed;
      ++timesWritten[k];
      out.last = {std::to_string(k)};
    }
    return std::nullopt;
  }
  llvm::Expected<std::vector<std::string>> keyOf(const std::string &) override {
    return std::vector<std::string>{"id"};
  }
  llvm::Expected<std::vector<std::string>> interruptedMigrations() override {
    return std::vector<std::string>();
  }
};

ScriptStep step(unsigned batchSize) {
  ScriptStep s;
  s.name = "backfill";
  s.ledger = LedgerRecord{"backfill", "abc", false, Phase::AfterSchema};
  ScriptOp op;
  op.kind = "calculatedUpdate";
  op.write = RowWrite{};
  op.batchSize = batchSize;
  s.ops.push_back(op);
  return s;
}

std::function<int()> notInterrupted = [] { return 0; };

TEST(BatchLoopTest, EveryKeyOnceInBatchesThenTheLedger) {
  MemorySession s;
  for (int k = 1; k <= 10; ++k)
    s.keys.push_back(k * 3);
  ApplyOptions opts;
  ScriptStep st = step(4);
  BatchedResult r = runBatchedStep(s, st, opts, notInterrupted);
  EXPECT_EQ(r.end, BatchedResult::End::Done) << r.error;
  EXPECT_EQ(r.rows, 10u);
  EXPECT_EQ(r.batches, 3u); // 4 + 4 + 2
  for (int k : s.keys)
    EXPECT_EQ(s.timesWritten[k], 1) << k;
  EXPECT_TRUE(s.ledgerHasRow);
  EXPECT_FALSE(s.saved); // the checkpoint is gone with the ledger row
  // Applied: the next run skips it.
  EXPECT_EQ(runBatchedStep(s, st, opts, notInterrupted).end, BatchedResult::End::Skipped);
}

TEST(BatchLoopTest, ResumesAfterTheCheckpointAtItsOwnSize) {
  MemorySession s;
  for (int k = 1; k <= 10; ++k)
    s.keys.push_back(k);
  BatchCheckpoint cp;
  cp.checksum = "abc";
  cp.lastKey = {"6"};
  cp.rows = 6;
  cp.batches = 2;
  cp.batchSize = 3;
  s.saved = cp;
  ApplyOptions opts;
  ScriptStep st = step(0); // no size asked: the checkpoint's
  BatchedResult r = runBatchedStep(s, st, opts, notInterrupted);
  EXPECT_EQ(r.end, BatchedResult::End::Done) << r.error;
  EXPECT_TRUE(r.resumed);
  EXPECT_EQ(r.rows, 4u);
  EXPECT_EQ(s.timesWritten.count(6), 0u);
  EXPECT_EQ(s.timesWritten[7], 1);
  EXPECT_EQ(s.batchesRun, 2u); // 7..9, then 10
}

TEST(BatchLoopTest, AChangedMigrationIsRefusedMidWay) {
  MemorySession s;
  s.keys = {1, 2, 3};
  BatchCheckpoint cp;
  cp.checksum = "old";
  cp.lastKey = {"1"};
  cp.batches = 1;
  s.saved = cp;
  ApplyOptions opts;
  ScriptStep st = step(1);
  BatchedResult r = runBatchedStep(s, st, opts, notInterrupted);
  EXPECT_EQ(r.end, BatchedResult::End::Failed);
  EXPECT_NE(r.error.find("has changed since (checksum abc now, old then)"), std::string::npos)
      << r.error;
  EXPECT_EQ(s.batchesRun, 0u);
}

TEST(BatchLoopTest, RetriesUpToTheLimitThenFails) {
  MemorySession s;
  s.keys = {1, 2};
  s.failuresLeft = 2;
  ApplyOptions opts;
  opts.batchLockRetries = 2;
  ScriptStep st = step(5);
  BatchedResult r = runBatchedStep(s, st, opts, notInterrupted);
  EXPECT_EQ(r.end, BatchedResult::End::Done) << r.error;

  MemorySession t;
  t.keys = {1, 2};
  t.failuresLeft = 3;
  r = runBatchedStep(t, st, opts, notInterrupted);
  EXPECT_EQ(r.end, BatchedResult::End::Failed);
  EXPECT_EQ(r.error, "lock timeout (after 2 retries of this batch)");

  MemorySession u; // not retryable: at once
  u.keys = {1};
  u.failuresLeft = 1;
  u.retryable = false;
  r = runBatchedStep(u, st, opts, notInterrupted);
  EXPECT_EQ(r.error, "lock timeout");
}

TEST(BatchLoopTest, StopsWhenAnotherApplyMovedTheCheckpoint) {
  MemorySession s;
  for (int k = 1; k <= 10; ++k)
    s.keys.push_back(k);
  s.moveCheckpointAfterBatches = 1;
  ApplyOptions opts;
  ScriptStep st = step(2);
  BatchedResult r = runBatchedStep(s, st, opts, notInterrupted);
  EXPECT_EQ(r.end, BatchedResult::End::Failed);
  EXPECT_NE(r.error.find("another apply ran migration backfill meanwhile"), std::string::npos)
      << r.error;
  EXPECT_EQ(s.batchesRun, 1u);
}

TEST(BatchLoopTest, AnInterruptStopsBetweenBatches) {
  MemorySession s;
  s.keys = {1, 2, 3, 4};
  ApplyOptions opts;
  ScriptStep st = step(1);
  int calls = 0;
  std::function<int()> afterTwo = [&] { return ++calls > 2 ? 15 : 0; };
  BatchedResult r = runBatchedStep(s, st, opts, afterTwo);
  EXPECT_EQ(r.end, BatchedResult::End::Interrupted);
  EXPECT_EQ(r.error, "interrupted (signal 15) after 2 batches; apply again to resume");
  ASSERT_TRUE(s.saved);
  EXPECT_EQ(s.saved->lastKey, std::vector<std::string>{"2"});
}

TEST(BatchLoopTest, QualifiedNamesSplitOutsideQuotes) {
  EXPECT_EQ(splitQualifiedName("users", '"'), std::vector<std::string>{"users"});
  EXPECT_EQ(splitQualifiedName("\"main\".\"a.b\"", '"'),
            (std::vector<std::string>{"main", "a.b"}));
  EXPECT_EQ(splitQualifiedName("`d`.`we``ird`", '`'), (std::vector<std::string>{"d", "we`ird"}));
}

} // namespace
