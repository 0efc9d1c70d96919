//===- RowBackup.h - rehearsals, row backups and reverts, as data -*- C++ -*-===//
//
// What apply --rehearse reports for each migration, and what revert and
// `backups` answer (docs/rehearse-backup-revert.md). A dialect's
// LiveDatabase fills these in (ir/Runtime.h); tools/ prints them. Row keys
// and values are JSON objects as text, in the server's spelling.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace shc {

/// One row of a rehearsal's sample: its key, and the columns the operation
/// changes before and after it ran (the whole row before a DELETE, and no
/// `after`).
struct RowSample {
  std::string key;
  std::string before;
  std::string after; ///< "" when the row is gone
};

/// What one operation of a rehearsed migration did.
struct OpRehearsal {
  std::string kind;  ///< staticUpdate, ..., customSQL
  std::string table; ///< "" when the rows it changes cannot be named
  bool isDelete = false;
  std::vector<std::string> columns; ///< the columns it sets
  uint64_t rows = 0;
  std::vector<RowSample> samples;
  std::string error;       ///< the server's, when it failed
  std::string offendingKey; ///< the first row (in key order) that makes it fail, when found
  std::string note;        ///< why there is no sample
  bool ran = false;
};

/// What a rehearsal saw of one migration.
struct StepRehearsal {
  bool ran = false;
  double ms = 0;
  std::vector<OpRehearsal> ops;
  /// The locks its statements took that the rehearsal's transaction did not
  /// hold before: "RowExclusiveLock on users".
  std::vector<std::string> locks;
};

struct RevertOptions {
  bool force = false;
  unsigned lockTimeoutMs = 0;
  /// Called once when another apply or revert holds the lock.
  std::function<void()> waiting;
};

/// A row revert left alone: its table and key.
struct RevertConflict {
  std::string table;
  std::string key;
  std::string reason; ///< "changed since", "deleted since", "a row with this key exists"
};

struct RevertReport {
  std::string error; ///< nothing was reverted
  uint64_t restored = 0;
  std::vector<RevertConflict> conflicts;
};

/// The backup of one apply of one migration.
struct BackupSummary {
  std::string migration;
  std::string tables; ///< comma-separated
  std::string takenAt; ///< UTC, "2026-12-04 06:00:00Z"
  uint64_t rows = 0;
  uint64_t revertedRows = 0;
  bool reverted = false;
  uint64_t bytes = 0;
};

} // namespace shc
