//===- ApplyCommand.cpp - `apply`: run the migrations on a live database --===//

#include "tools/driver/ApplyCommand.h"
#include "tools/driver/Commands.h"

#include "backends/postgres/Apply.h"
#include "backends/postgres/Connection.h"
#include "ir/Module.h"

#include "CLI/CLI.hpp"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <unistd.h>

using namespace shc;

int shc::applyCompiledSql(llvm::StringRef sql, llvm::StringRef name, const ApplyCommandOptions &o,
                          llvm::StringRef tool) {
  auto conn = connectPostgres(o.uri);
  if (!conn) {
    llvm::errs() << tool << ": error: " << llvm::toString(conn.takeError()) << "\n";
    return 2;
  }
  ApplyScript script = splitScript(sql, name);
  ApplyOptions ao;
  ao.dryRun = o.dryRun;
  ao.lockTimeoutMs = o.lockTimeoutMs;
  ao.statementTimeoutMs = o.statementTimeoutMs;
  if (::isatty(STDERR_FILENO))
    ao.progress = [](size_t i, size_t n, llvm::StringRef step) {
      llvm::errs() << "[" << i + 1 << "/" << n << "] " << step << "\n";
    };
  ApplyReport report = applyScript(**conn, script, ao);

  llvm::raw_ostream &os = llvm::outs();
  if (!report.setupError.empty()) {
    llvm::errs() << tool << ": error: " << report.setupError << "\n";
    os << "nothing applied\n";
    return 1;
  }
  unsigned counts[5] = {0, 0, 0, 0, 0};
  uint64_t rows = 0;
  for (const StepOutcome &s : report.steps) {
    ++counts[static_cast<int>(s.status)];
    rows += s.rows;
    std::string status = stepStatusName(s.status).str();
    os << status << std::string(status.size() < 12 ? 12 - status.size() : 1, ' ') << s.name;
    if (s.status == StepStatus::Applied || s.status == StepStatus::DryRun)
      os << " (" << s.rows << (s.rows == 1 ? " row" : " rows") << ")";
    else if (s.status == StepStatus::Skipped)
      os << " (already applied)";
    os << "\n";
    if (!s.error.empty())
      llvm::errs() << tool << ": error: migration '" << s.name << "' failed: " << s.error << "\n";
  }
  if (o.dryRun) {
    os << "dry run: " << rows << (rows == 1 ? " row" : " rows") << " would change";
    if (counts[static_cast<int>(StepStatus::RolledBack)])
      os << " before the failure";
    os << "; everything was rolled back\n";
  } else {
    os << counts[static_cast<int>(StepStatus::Applied)] << " applied, ";
    if (unsigned skipped = counts[static_cast<int>(StepStatus::Skipped)])
      os << skipped << " skipped, ";
    os << counts[static_cast<int>(StepStatus::RolledBack)] << " rolled back, "
       << counts[static_cast<int>(StepStatus::NotRun)] << " not run\n";
  }
  return report.ok() ? 0 : 1;
}

namespace {
struct ApplyCliOptions {
  FrontOptions front;
  ApplyCommandOptions apply;
  std::string ddl;
  std::string phase = "all";
};
} // namespace

static int runApply(ApplyCliOptions &opts) {
  const char *tool = "schemahero-compile";
  if (opts.ddl.empty() == opts.front.inputs.empty()) {
    llvm::errs() << tool << ": error: apply needs spec paths or --ddl FILE (not both)\n";
    return 2;
  }
  Dialect target = *parseDialect(opts.front.dialect); // checked by CLI11
  if (!isPostgresFamily(target)) {
    llvm::errs() << tool << ": error: apply supports the postgres family only\n";
    return 2;
  }
  if (!opts.ddl.empty()) {
    auto buf = llvm::MemoryBuffer::getFile(opts.ddl);
    if (!buf) {
      llvm::errs() << tool << ": error: cannot read '" << opts.ddl
                   << "': " << buf.getError().message() << "\n";
      return 2;
    }
    return applyCompiledSql((*buf)->getBuffer(), llvm::sys::path::filename(opts.ddl), opts.apply,
                            tool);
  }
  // Specs: compile exactly as `compile` does (tables without a spec come from
  // the same database), then apply the compiled text.
  opts.front.uri = opts.apply.uri;
  FrontResult fr = runFrontHalf(opts.front, target, /*runPasses=*/true);
  Session &session = *fr.session;
  std::string sql = emitCompiledSql(fr, opts.phase);
  bool hadErrors = session.diags.hasErrors();
  int code = session.finish();
  if (fr.connectionFailed)
    return 2;
  if (hadErrors || code != 0)
    return 1;
  return applyCompiledSql(sql, "specs", opts.apply, tool);
}

CommandRunner shc::registerApplyCommand(CLI::App &app) {
  auto opts = std::make_shared<ApplyCliOptions>();
  CLI::App *cmd = app.add_subcommand("apply", "Run the migrations on a live database");
  FrontOptions &f = opts->front;
  cmd->add_option("inputs", f.inputs, "Spec files or folders, or - for stdin");
  cmd->add_option("--uri", opts->apply.uri, "libpq connection URI")->required();
  cmd->add_option("--ddl", opts->ddl, "Apply this compiled SQL file instead of specs");
  cmd->add_option("--dialect", f.dialect, "Target dialect")
      ->check(CLI::IsMember({"postgres", "cockroachdb", "timescaledb"}));
  cmd->add_option("--phase", opts->phase, "Which phase to apply: before, after or all")
      ->check(CLI::IsMember({"before", "after", "all"}));
  cmd->add_flag("--dry-run", opts->apply.dryRun,
                "Run everything in one transaction, report the rows, roll back");
  cmd->add_option("--lock-timeout", opts->apply.lockTimeoutMs, "lock_timeout in milliseconds");
  cmd->add_option("--statement-timeout", opts->apply.statementTimeoutMs,
                  "statement_timeout in milliseconds");
  cmd->add_option("--color", f.diag.color, "Colour diagnostics: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_flag("--werror", f.diag.werror, "Treat warnings as errors");
  return [cmd, opts]() { return cmd->parsed() ? runApply(*opts) : -1; };
}
