//===- RevertCommand.cpp - `revert`, `backups list`, `backups prune` ------===//
//
// The other half of apply --backup (docs/rehearse-backup-revert.md): revert
// restores what a migration changed, `backups` lists and prunes what was
// saved. The dialect's LiveDatabase does the work (ir/Runtime.h).
//
//===----------------------------------------------------------------------===//

#include "tools/driver/ApplyCommand.h"
#include "tools/driver/ApplySignals.h"
#include "tools/driver/Commands.h"
#include "tools/driver/Duration.h"

#include "backends/Registry.h"
#include "ir/Dialect.h"
#include "ir/Runtime.h"

#include "CLI/CLI.hpp"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace shc;

static const char *const kTool = "schemahero-compile";

namespace {
struct BackupCliOptions {
  std::string uri;
  std::string dialect = dialects().defaultDialect().key().str();
  std::string migration;
  bool force = false;
  std::string lockTimeout;
  std::string olderThan;
};
} // namespace

/// Connects through the dialect's runtime; null (reported, `code` set to 2)
/// when it has none, has no row backups, or the database cannot be reached.
static std::unique_ptr<LiveDatabase> connect(const BackupCliOptions &o, llvm::StringRef command,
                                             int &code) {
  code = 2;
  const Dialect *dialect = dialects().find(o.dialect);
  const Runtime *runtime = dialect ? dialect->runtime() : nullptr;
  if (!runtime) {
    llvm::errs() << kTool << ": error: " << command << " is not supported for " << o.dialect
                 << "\n";
    return nullptr;
  }
  auto db = runtime->connect(o.uri);
  if (!db) {
    llvm::errs() << kTool << ": error: " << llvm::toString(db.takeError()) << "\n";
    return nullptr;
  }
  if (!(*db)->supportsRowBackups()) {
    llvm::errs() << kTool << ": error: " << command << " is not supported for " << o.dialect
                 << "\n";
    return nullptr;
  }
  code = 0;
  return std::move(*db);
}

static int runRevert(const BackupCliOptions &o) {
  RevertOptions ro;
  ro.force = o.force;
  if (!parseTimeout("--lock-timeout", o.lockTimeout, ro.lockTimeoutMs))
    return 2;
  int code = 0;
  std::unique_ptr<LiveDatabase> db = connect(o, "revert", code);
  if (!db)
    return code;
  ro.waiting = [] {
    llvm::errs() << kTool << ": another apply holds the lock on this database; waiting for it\n";
  };
  RevertReport r = db->revert(o.migration, ro);
  if (!r.error.empty()) {
    llvm::errs() << kTool << ": error: " << r.error << "\n";
    llvm::outs() << "nothing reverted\n";
    return 1;
  }
  for (const RevertConflict &c : r.conflicts)
    llvm::outs() << "conflict    " << c.table << " " << c.key << " (" << c.reason << ")\n";
  llvm::outs() << "reverted    " << o.migration << " (" << r.restored
               << (r.restored == 1 ? " row" : " rows") << " restored, " << r.conflicts.size()
               << (r.conflicts.size() == 1 ? " conflict" : " conflicts") << ")\n";
  if (r.conflicts.empty())
    return 0;
  llvm::errs() << kTool << ": error: " << r.conflicts.size()
               << (r.conflicts.size() == 1 ? " row was" : " rows were")
               << " changed after the migration and left alone; revert " << o.migration
               << " --force restores them too\n";
  return 1;
}

static int runBackupsList(const BackupCliOptions &o) {
  int code = 0;
  std::unique_ptr<LiveDatabase> db = connect(o, "backups", code);
  if (!db)
    return code;
  llvm::Expected<std::vector<BackupSummary>> list = db->backups();
  if (!list) {
    llvm::errs() << kTool << ": error: " << llvm::toString(list.takeError()) << "\n";
    return 1;
  }
  if (list->empty()) {
    llvm::outs() << "no backups\n";
    return 0;
  }
  llvm::outs() << "taken at (UTC)            rows  reverted       bytes  migration (tables)\n";
  for (const BackupSummary &b : *list) {
    std::string state = b.reverted ? std::to_string(b.revertedRows) : "no";
    llvm::outs() << llvm::left_justify(b.takenAt, 20) << "  "
                 << llvm::right_justify(std::to_string(b.rows), 8) << "  "
                 << llvm::right_justify(state, 8) << "  "
                 << llvm::right_justify(std::to_string(b.bytes), 10) << "  " << b.migration;
    if (!b.tables.empty())
      llvm::outs() << " (" << b.tables << ")";
    llvm::outs() << "\n";
  }
  return 0;
}

static int runBackupsPrune(const BackupCliOptions &o) {
  std::optional<uint64_t> ms = parseLongDurationMs(o.olderThan);
  if (!ms) {
    llvm::errs() << kTool << ": error: --older-than '" << o.olderThan
                 << "' is not a duration: give a number with a unit (30d, 12h, 90min)\n";
    return 2;
  }
  int code = 0;
  std::unique_ptr<LiveDatabase> db = connect(o, "backups", code);
  if (!db)
    return code;
  llvm::Expected<uint64_t> n = db->pruneBackups(*ms);
  if (!n) {
    llvm::errs() << kTool << ": error: " << llvm::toString(n.takeError()) << "\n";
    return 1;
  }
  llvm::outs() << "pruned " << *n << (*n == 1 ? " backed-up row" : " backed-up rows")
               << " taken more than " << o.olderThan << " ago\n";
  return 0;
}

static void addConnectionOptions(CLI::App *cmd, BackupCliOptions &o) {
  cmd->add_option("--uri", o.uri, "Connection URI of the database")->required();
  cmd->add_option("--dialect", o.dialect, "The database's dialect")
      ->check(CLI::IsMember(runtimeDialectKeys()));
}

CommandRunner shc::registerRevertCommands(CLI::App &app) {
  auto opts = std::make_shared<BackupCliOptions>();
  CLI::App *revert = app.add_subcommand(
      "revert", "Restore the rows a migration applied with --backup changed");
  revert->add_option("migration", opts->migration, "The migration's name")->required();
  addConnectionOptions(revert, *opts);
  revert->add_flag("--force", opts->force,
                   "Also restore rows changed since the migration (and replace rows that "
                   "re-use a deleted row's key)");
  revert->add_option("--lock-timeout", opts->lockTimeout,
                     "Bounds the wait for another apply: 500 (milliseconds), 200ms, 5s");
  CLI::App *backups = app.add_subcommand("backups", "List or prune the rows apply --backup saved");
  backups->require_subcommand(1);
  CLI::App *list = backups->add_subcommand("list", "One line per backed-up apply of a migration");
  addConnectionOptions(list, *opts);
  CLI::App *prune = backups->add_subcommand("prune", "Delete backups older than a duration");
  addConnectionOptions(prune, *opts);
  prune->add_option("--older-than", opts->olderThan, "30d, 12h, 90min, 3600s")->required();
  return [revert, list, prune, opts]() {
    if (revert->parsed())
      return runRevert(*opts);
    if (list->parsed())
      return runBackupsList(*opts);
    if (prune->parsed())
      return runBackupsPrune(*opts);
    return -1;
  };
}
