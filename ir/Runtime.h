//===- Runtime.h - what a dialect answers about a live database -*- C++ -*-===//
//
// apply, plan --uri and --uri on compile and lint reach a database only
// through these interfaces: a Runtime connects (and knows how its connection
// strings hide secrets and how its compiled files split), a LiveDatabase
// applies a compiled script, describes its tables and functions, and
// estimates rows. Each dialect with apply implements them in its backend
// folder; unit tests use fakes.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/CompiledScript.h"
#include "ir/RowBackup.h"
#include "ir/Signature.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace shc {

// --- introspection -------------------------------------------------------------

struct LiveColumn {
  std::string name;
  std::string type; ///< the server's spelling, e.g. "character varying(32)"
  bool notNull = false;
  bool primaryKey = false;
};

struct LiveTable {
  std::string schema; ///< "" for a dialect without schemas
  std::string name;
  /// An unqualified `name` reaches this table (the first schema on the
  /// connection's search path that has a relation of that name).
  bool onSearchPath = false;
  std::vector<LiveColumn> columns;
  /// What the dialect knows about the table beyond its columns, as
  /// (path, value) (Table::liveSettings): a hypertable's chunk count.
  std::vector<std::pair<std::string, std::string>> settings;
};

// --- apply ---------------------------------------------------------------------

struct ApplyOptions {
  bool dryRun = false;
  unsigned lockTimeoutMs = 0;      ///< 0: the server's default
  unsigned statementTimeoutMs = 0; ///< 0: the server's default
  /// Called before each step (index, count, name); for progress output.
  std::function<void(size_t, size_t, llvm::StringRef)> progress;
  /// Called once when another apply holds the lock and this one waits.
  std::function<void()> waiting;
  /// The signal (SIGINT, SIGTERM) that asked apply to stop, or 0. Polled
  /// around every statement; the handler also cancels the running one.
  std::function<int()> interrupted;
  /// --rehearse: everything in one transaction that is rolled back, as
  /// dryRun, each operation run on its own to report its rows, a sample of
  /// them (`sampleRows`), its errors, its time and its locks
  /// (StepOutcome::rehearsal). Needs LiveDatabase::supportsRowBackups.
  bool rehearse = false;
  unsigned sampleRows = 5;
  /// --backup: before each UPDATE or DELETE, in its transaction, save the
  /// rows it changes; refuses (setupError, nothing run) what cannot be.
  bool backup = false;
  /// --batch-size: batches for every UPDATE and DELETE that can be batched
  /// (a spec's own batchSize wins); 0: only those the specs ask for.
  unsigned batchSize = 0;
  unsigned batchDelayMs = 0;  ///< --batch-delay: a pause after each batch
  unsigned batchTargetMs = 0; ///< --batch-target: adapt the size to this time
  /// Retries of a batch that waited too long for a lock (lock_timeout).
  unsigned batchLockRetries = 5;
  /// Called after each batch, for progress output.
  std::function<void(const struct BatchProgress &)> batchProgress;
};

/// Where a batched operation stands, after a batch.
struct BatchProgress {
  std::string migration;
  size_t op = 0;         ///< its index in the migration
  uint64_t batches = 0;  ///< done so far, this run and before (a resume)
  uint64_t rows = 0;     ///< changed so far, this run and before
  double estimate = -1;  ///< the planner's estimate of the rows; -1: none
  double seconds = 0;    ///< since this operation started in this run
  uint64_t rowsThisRun = 0;
  unsigned size = 0;     ///< the batch size now (--batch-target adapts it)
  unsigned retries = 0;  ///< lock timeouts retried so far
  bool done = false;     ///< the operation is finished
};

enum class StepStatus : uint8_t {
  Applied,    ///< committed
  DryRun,     ///< ran, then rolled back with the whole dry run
  RolledBack, ///< failed (or was interrupted) and rolled back
  NotRun,     ///< after a failure
  Skipped,    ///< already applied, or nothing to run
  Unknown,    ///< the connection was lost during COMMIT
};
llvm::StringRef stepStatusName(StepStatus s); ///< "applied", "dry-run", ...

struct StepOutcome {
  std::string name;
  StepStatus status = StepStatus::NotRun;
  uint64_t rows = 0; ///< rows changed by the step's INSERT/UPDATE/DELETE
  std::string note;  ///< why it was skipped or rolled back, for the report
  std::string error;
  StepRehearsal rehearsal; ///< --rehearse only
};

struct ApplyReport {
  std::vector<StepOutcome> steps;
  std::string setupError; ///< the lock, timeouts or preamble failed; nothing ran
  bool lockBusy = false;  ///< another apply held the lock past the timeout
  int signal = 0;         ///< the signal that stopped apply
  bool ok() const;
};

/// `interrupted by SIGINT` (SIGTERM, `signal N`): a step's note, and the
/// start of a setup error, when a signal stopped apply.
std::string interruptedBy(int sig);
/// Why apply stopped when another apply held the lock past --lock-timeout:
/// `another apply holds the lock on this database; gave up waiting (detail)`.
std::string lockBusyMessage(llvm::StringRef detail);

/// A compiled file read back (apply --ddl).
struct ParsedScript {
  CompiledScript script;
  /// Why a file with migration markers is applied as one step; empty when it
  /// was split, or had no markers.
  std::string warning;
};

/// A compiled file applied as it is: one step named `name` holding all of
/// `text`; `problem`, when the file had markers, says why it was not split.
ParsedScript wholeFileScript(CompiledScript script, llvm::StringRef text, llvm::StringRef name,
                             llvm::StringRef problem);

// --- the interfaces -------------------------------------------------------------

/// One open connection.
class LiveDatabase {
public:
  virtual ~LiveDatabase();
  /// Every table of the user's schemas, columns in order, tables sorted.
  virtual llvm::Expected<std::vector<LiveTable>> tables() = 0;
  /// The visible overloads of the given function names, for calls outside
  /// the built-in catalogue.
  virtual llvm::Expected<std::vector<Signature>>
  functions(const std::vector<std::string> &names) = 0;
  /// The server's estimate of the rows `statement` touches, without running
  /// it.
  virtual llvm::Expected<double> estimateRows(llvm::StringRef statement) = 0;
  /// Runs `script`: the database's apply lock held throughout, each step in
  /// its own transaction after its ledger row is checked; stops at the
  /// first failure (docs/apply.md states the guarantee per dialect).
  virtual ApplyReport apply(const CompiledScript &script, const ApplyOptions &opts) = 0;
  /// Asks the server to cancel the statement running now. Async-signal-safe.
  virtual void cancelFromSignal() = 0;

  /// Whether apply's rehearse and backup options, revert and the backup
  /// commands below work for this dialect; when not, the tool says so and
  /// does not call them.
  virtual bool supportsRowBackups() const { return false; }
  /// Restores the rows the migration's backed-up applies changed, where they
  /// still hold what it wrote (all of them with `force`), under the apply
  /// lock, and removes its ledger row so that a later apply runs it again.
  virtual RevertReport revert(llvm::StringRef migration, const RevertOptions &opts);
  /// One entry per backed-up apply of a migration, oldest first.
  virtual llvm::Expected<std::vector<BackupSummary>> backups();
  /// Deletes the backups taken more than `olderThanMs` ago; returns the rows
  /// deleted.
  virtual llvm::Expected<uint64_t> pruneBackups(uint64_t olderThanMs);
  /// The server's guess of the bytes `apply --backup` would store for
  /// `rows` rows of `table` (in `schema`, or the default): their key, and
  /// `columns` before and after, or the whole row when `columns` is empty
  /// (a DELETE). An error when the dialect keeps no backups.
  virtual llvm::Expected<double> estimateBackupBytes(llvm::StringRef schema,
                                                     llvm::StringRef table,
                                                     const std::vector<std::string> &columns,
                                                     double rows);
};

class Runtime {
public:
  virtual ~Runtime();
  /// Connects; the error names the database without any secret.
  virtual llvm::Expected<std::unique_ptr<LiveDatabase>> connect(llvm::StringRef uri) const = 0;
  /// `uri` with every secret removed, for messages.
  virtual std::string redact(llvm::StringRef uri) const = 0;
  /// Splits a compiled file of this dialect into its steps, at the markers
  /// it can prove are its own; otherwise one step named `name`, with a
  /// warning.
  virtual ParsedScript parseCompiledFile(llvm::StringRef text, llvm::StringRef name) const = 0;
};

} // namespace shc
