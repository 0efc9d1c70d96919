//===- ApplyCommand.cpp - `apply`: run the migrations on a live database --===//

#include "tools/driver/ApplyCommand.h"
#include "tools/driver/BatchProgress.h"
#include "tools/driver/ApplySignals.h"
#include "tools/driver/Commands.h"
#include "tools/driver/Duration.h"
#include "tools/driver/RehearseReport.h"

#include "backends/Registry.h"
#include "ir/CompiledScript.h"
#include "ir/Dialect.h"
#include "ir/Runtime.h"
#include "ir/Module.h"

#include "CLI/CLI.hpp"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <csignal>
#include <unistd.h>

using namespace shc;

static void printReport(const ApplyReport &report, bool dryRun, llvm::StringRef tool) {
  llvm::raw_ostream &os = llvm::outs();
  unsigned counts[6] = {0, 0, 0, 0, 0, 0};
  uint64_t rows = 0;
  for (const StepOutcome &s : report.steps) {
    ++counts[static_cast<int>(s.status)];
    rows += s.rows;
    std::string status = stepStatusName(s.status).str();
    os << status << std::string(status.size() < 12 ? 12 - status.size() : 1, ' ') << s.name;
    if (s.status == StepStatus::Applied || s.status == StepStatus::DryRun)
      os << " (" << s.rows << (s.rows == 1 ? " row" : " rows") << ")";
    else if (!s.note.empty())
      os << " (" << s.note << ")";
    os << "\n";
    if (!s.error.empty())
      llvm::errs() << tool << ": error: migration '" << s.name
                   << (s.status == StepStatus::Unknown ? "' may or may not have been applied: "
                                                       : "' failed: ")
                   << s.error << "\n";
  }
  auto count = [&](StepStatus s) { return counts[static_cast<int>(s)]; };
  if (dryRun) {
    os << "dry run: " << rows << (rows == 1 ? " row" : " rows") << " would change";
    if (count(StepStatus::RolledBack))
      os << " before the failure";
    os << "; everything was rolled back\n";
    return;
  }
  os << count(StepStatus::Applied) << " applied, ";
  if (unsigned skipped = count(StepStatus::Skipped))
    os << skipped << " skipped, ";
  os << count(StepStatus::RolledBack) << " rolled back, " << count(StepStatus::NotRun)
     << " not run";
  if (unsigned unknown = count(StepStatus::Unknown))
    os << ", " << unknown << " unknown";
  os << "\n";
}

/// The dialects apply runs, `postgres, cockroachdb, ...`.
static std::string runtimeList() {
  std::string runs;
  for (const std::string &k : runtimeDialectKeys())
    runs += (runs.empty() ? "" : ", ") + k;
  return runs;
}

/// Why apply cannot run for dialect `key`: it has no runtime, or is unknown.
static std::string noApplyReason(llvm::StringRef key) {
  std::string runs = runtimeList();
  if (dialects().find(key))
    return key.str() + " has no apply: compile the specs to a file (schemahero-compile " +
           "--dialect " + key.str() + " SPECS... -o FILE) and run it with the database's own " +
           "client; apply runs " + runs;
  return "unknown dialect " + key.str() + "; apply runs " + runs;
}

int shc::applyCompiledScript(const CompiledScript &script, const ApplyCommandOptions &o,
                             llvm::StringRef tool) {
  if (script.steps.empty()) {
    llvm::outs() << "nothing to do\n";
    return 0;
  }
  // The runtime of the dialect the script was compiled for (a --ddl file's
  // header names it).
  const Dialect *dialect = dialects().find(script.dialect.empty() ? o.dialect : script.dialect);
  const Runtime *runtime = dialect ? dialect->runtime() : nullptr;
  if (!runtime) {
    llvm::errs() << tool << ": error: "
                 << noApplyReason(script.dialect.empty() ? o.dialect : script.dialect) << "\n";
    return 2;
  }
  auto conn = runtime->connect(o.uri);
  if (!conn) {
    llvm::errs() << tool << ": error: " << llvm::toString(conn.takeError()) << "\n";
    return 2;
  }
  if ((o.rehearse || o.backup) && !(*conn)->supportsRowBackups()) {
    llvm::errs() << tool << ": error: " << (o.rehearse ? "--rehearse" : "--backup")
                 << " is not supported for " << dialect->key() << "\n";
    return 2;
  }
  CancelOnSignal signals(**conn);
  ApplyOptions ao;
  ao.dryRun = o.dryRun;
  ao.rehearse = o.rehearse;
  ao.sampleRows = o.sampleRows;
  ao.backup = o.backup;
  ao.lockTimeoutMs = o.lockTimeoutMs;
  ao.statementTimeoutMs = o.statementTimeoutMs;
  ao.batchSize = o.batchSize;
  ao.batchDelayMs = o.batchDelayMs;
  ao.batchTargetMs = o.batchTargetMs;
  ao.batchProgress = batchProgressPrinter(o.progress);
  ao.interrupted = &CancelOnSignal::caught;
  ao.waiting = [tool] {
    llvm::errs() << tool << ": another apply holds the lock on this database; waiting for it\n";
  };
  if (::isatty(STDERR_FILENO))
    ao.progress = [](size_t i, size_t n, llvm::StringRef step) {
      llvm::errs() << "[" << i + 1 << "/" << n << "] " << step << "\n";
    };
  ApplyReport report = (*conn)->apply(script, ao);
  if (o.rehearse && !report.signal) {
    if (!report.setupError.empty() && o.format != "json")
      llvm::errs() << tool << ": error: " << report.setupError << "\n";
    return printRehearsal(report, {o.lockTimeoutMs, o.statementTimeoutMs, o.sampleRows},
                          o.format);
  }

  if (!report.setupError.empty()) {
    llvm::errs() << tool << ": error: " << report.setupError << "\n";
    llvm::outs() << "nothing applied\n";
  } else {
    printReport(report, o.dryRun || o.rehearse, tool);
  }
  if (report.signal) {
    llvm::errs() << tool << ": interrupted by " << (report.signal == SIGINT ? "SIGINT" : "SIGTERM")
                 << ": the server cancelled the running statement, its migration was rolled "
                    "back, later ones were not run\n";
    return 128 + report.signal;
  }
  return report.ok() ? 0 : 1;
}

int shc::applyCompiledFile(llvm::StringRef sql, llvm::StringRef name,
                           const ApplyCommandOptions &opts, llvm::StringRef tool) {
  // The file is split by the rules of the dialect its header names (the one
  // it was compiled for, which applies it), else of --dialect.
  std::string key = headerDialect(sql);
  const Dialect *dialect = dialects().find(key);
  if (!dialect || !dialect->runtime()) {
    key = opts.dialect;
    dialect = dialects().find(key);
  }
  const Runtime *runtime = dialect ? dialect->runtime() : nullptr;
  if (!runtime) {
    llvm::errs() << tool << ": error: apply is not supported for " << key << " yet\n";
    return 2;
  }
  ParsedScript parsed = runtime->parseCompiledFile(sql, name);
  if (!parsed.warning.empty())
    llvm::errs() << tool << ": warning: " << name << ": " << parsed.warning << "\n";
  return applyCompiledScript(parsed.script, opts, tool);
}

namespace {
struct ApplyCliOptions {
  FrontOptions front;
  ApplyCommandOptions apply;
  std::string ddl;
  std::string phase = "all";
  std::string lockTimeout, statementTimeout, batchDelay, batchTarget;
  /// Options that mean something only with --rehearse.
  std::vector<CLI::Option *> rehearseOnly;
};

/// What a rehearsal sets when no flag says otherwise: it runs on production.
constexpr unsigned kRehearseLockTimeoutMs = 1000;
constexpr unsigned kRehearseStatementTimeoutMs = 60000;
} // namespace

/// --lock-timeout / --statement-timeout into milliseconds; false (reported)
/// when the value is not a duration.
bool shc::parseTimeout(const std::string &flag, const std::string &text, unsigned &ms) {
  if (text.empty())
    return true;
  if (std::optional<unsigned> v = parseDurationMs(text)) {
    ms = *v;
    return true;
  }
  llvm::errs() << "schemahero-compile: error: " << flag << " '" << text
               << "' is not a duration: give milliseconds (500) or a number with a unit "
                  "(200ms, 5s, 1min)\n";
  return false;
}

static int runApply(ApplyCliOptions &opts) {
  const char *tool = "schemahero-compile";
  if (opts.ddl.empty() == opts.front.inputs.empty()) {
    llvm::errs() << tool << ": error: apply needs spec paths or --ddl FILE (not both)\n";
    return 2;
  }
  if (opts.apply.rehearse && (opts.apply.dryRun || opts.apply.backup)) {
    llvm::errs() << tool << ": error: --rehearse already rolls everything back; it takes "
                            "neither --dry-run nor --backup\n";
    return 2;
  }
  for (CLI::Option *o : opts.rehearseOnly)
    if (o->count() && !opts.apply.rehearse) {
      llvm::errs() << tool << ": error: " << o->get_name() << " needs --rehearse\n";
      return 2;
    }
  if (opts.apply.rehearse) {
    opts.apply.lockTimeoutMs = kRehearseLockTimeoutMs;
    opts.apply.statementTimeoutMs = kRehearseStatementTimeoutMs;
  }
  if (!parseTimeout("--lock-timeout", opts.lockTimeout, opts.apply.lockTimeoutMs) ||
      !parseTimeout("--statement-timeout", opts.statementTimeout, opts.apply.statementTimeoutMs) ||
      !parseTimeout("--batch-delay", opts.batchDelay, opts.apply.batchDelayMs) ||
      !parseTimeout("--batch-target", opts.batchTarget, opts.apply.batchTargetMs))
    return 2;
  opts.apply.dialect = targetDialect(opts.front).key().str();
  if (!opts.ddl.empty()) {
    auto buf = llvm::MemoryBuffer::getFile(opts.ddl);
    if (!buf) {
      llvm::errs() << tool << ": error: cannot read '" << opts.ddl
                   << "': " << buf.getError().message() << "\n";
      return 2;
    }
    return applyCompiledFile((*buf)->getBuffer(), llvm::sys::path::filename(opts.ddl), opts.apply,
                             tool);
  }
  // Specs: compile exactly as `compile` does (tables without a spec come from
  // the same database), then run the compiled script itself.
  opts.front.uri = opts.apply.uri;
  FrontResult fr = runFrontHalf(opts.front, /*runPasses=*/true);
  Session &session = *fr.session;
  CompiledScript script;
  bool compiled = compileForApply(fr, opts.phase, script);
  int code = session.finish();
  if (fr.connectionFailed)
    return 2;
  if (!compiled || code != 0)
    return 1;
  return applyCompiledScript(script, opts.apply, tool);
}

std::vector<std::string> shc::runtimeDialectKeys() {
  std::vector<std::string> keys;
  for (const Dialect *d : dialects().all())
    if (d->runtime())
      keys.push_back(d->key().str());
  return keys;
}

CommandRunner shc::registerApplyCommand(CLI::App &app) {
  auto opts = std::make_shared<ApplyCliOptions>();
  CLI::App *cmd = app.add_subcommand("apply", "Run the migrations on a live database");
  FrontOptions &f = opts->front;
  cmd->add_option("inputs", f.inputs, "Spec files or folders, or - for stdin");
  cmd->add_option("--uri", opts->apply.uri, "Connection URI of the database")->required();
  cmd->add_option("--ddl", opts->ddl, "Apply this compiled SQL file instead of specs");
  cmd->add_option("--dialect", f.dialect, "Target dialect")
      ->check(CLI::Validator(
          [](std::string &key) {
            std::vector<std::string> keys = runtimeDialectKeys();
            return std::find(keys.begin(), keys.end(), key) != keys.end() ? std::string()
                                                                          : noApplyReason(key);
          },
          "one of: " + runtimeList()));
  cmd->add_option("--phase", opts->phase, "Which phase to apply: before, after or all")
      ->check(CLI::IsMember({"before", "after", "all"}));
  cmd->add_flag("--dry-run", opts->apply.dryRun,
                "Run everything in one transaction, report the rows, roll back");
  cmd->add_flag("--rehearse", opts->apply.rehearse,
                "Run every pending migration in a transaction that is rolled back and report "
                "rows, samples, errors, time and locks");
  opts->rehearseOnly.push_back(
      cmd->add_option("--sample", opts->apply.sampleRows,
                      "Rows shown before and after each operation with --rehearse (default 5)"));
  opts->rehearseOnly.push_back(
      cmd->add_option("--format", opts->apply.format, "--rehearse report: text, json or markdown")
          ->check(CLI::IsMember({"text", "json", "markdown"})));
  cmd->add_flag("--backup", opts->apply.backup,
                "Save the rows each UPDATE and DELETE changes, for revert");
  cmd->add_option("--lock-timeout", opts->lockTimeout,
                  "lock_timeout: 500 (milliseconds), 200ms, 5s, 1min; also bounds the wait "
                  "for another apply");
  cmd->add_option("--statement-timeout", opts->statementTimeout,
                  "statement_timeout: 500 (milliseconds), 200ms, 5s, 1min");
  cmd->add_option("--batch-size", opts->apply.batchSize,
                  "Run every UPDATE and DELETE that can be in keyset batches of N rows, each its "
                  "own transaction (a spec's batchSize wins)")
      ->check(CLI::Range(1u, 1000000u));
  cmd->add_option("--batch-delay", opts->batchDelay, "Pause after each batch: 50ms, 1s");
  cmd->add_option("--batch-target", opts->batchTarget,
                  "Adapt the batch size so that a batch takes about this long: 200ms");
  cmd->add_option("--progress", opts->apply.progress,
                  "Batch progress on stderr: auto (a live line on a terminal, else a line "
                  "every 10 batches), text, json (one object per batch) or none")
      ->check(CLI::IsMember({"auto", "text", "json", "none"}));
  cmd->add_option("--color", f.diag.color, "Colour diagnostics: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_flag("--werror", f.diag.werror, "Treat warnings as errors");
  addDialectFlags(*cmd, f);
  return [cmd, opts]() { return cmd->parsed() ? runApply(*opts) : -1; };
}
