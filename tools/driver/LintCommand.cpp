//===- LintCommand.cpp - `schemahero-compile lint` --------------------------===//
//
// The whole front half over every input, no SQL: every diagnostic of every
// file, configured by .schemahero-lint.yaml, filtered by suppression
// comments, sorted, and printed as text, json, sarif or github.
//
//===----------------------------------------------------------------------===//

#include "tools/driver/Commands.h"
#include "tools/driver/LargeWrites.h"
#include "tools/driver/DiagnosticFormats.h"

#include "frontend/LintConfig.h"
#include "ir/DiagnosticVerifier.h"
#include "ir/Module.h"
#include "ir/Suppression.h"

#include "CLI/CLI.hpp"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdlib>
#include <unistd.h>

using namespace shc;

#ifndef SHC_VERSION
#define SHC_VERSION "0.0.0"
#endif

namespace {
struct LintOptions {
  FrontOptions front;
  std::string format = "text"; ///< text | json | sarif | github
  std::string config;          ///< --config; default: found by walking up
  uint64_t largeWriteRows = kLargeWriteRows; ///< --large-write-rows
};
} // namespace

static bool wantColor(const std::string &mode) {
  if (mode == "always")
    return true;
  if (mode == "never")
    return false;
  const char *noColor = std::getenv("NO_COLOR");
  if (noColor && *noColor)
    return false;
  return ::isatty(STDOUT_FILENO);
}

/// Loads the configuration; a broken one is a usage error (exit 2), reported
/// with its position before anything is linted.
static bool loadConfig(const LintOptions &opts, LintConfig &config) {
  std::string path = opts.config.empty() ? findLintConfig(opts.front.inputs) : opts.config;
  if (path.empty())
    return true;
  DiagnosticOptions diagOpts;
  diagOpts.color = opts.front.diag.color;
  Session s(diagOpts);
  if (succeeded(loadLintConfig(path, s.sources, s.diags, config)))
    return true;
  (void)s.finish();
  return false;
}

static int runLint(LintOptions opts) {
  LintConfig config;
  if (!loadConfig(opts, config))
    return 2;

  // Severities are settled here, after config and suppressions: the engine
  // itself neither promotes warnings nor stops at an error limit.
  bool werror = opts.front.diag.werror;
  opts.front.diag.werror = false;
  opts.front.diag.errorLimit = 0;
  opts.front.lintRules = true;
  FrontResult fr = runFrontHalf(opts.front, /*runPasses=*/true);
  Session &session = *fr.session;
  if (fr.connectionFailed) {
    (void)session.finish();
    return 2;
  }
  unsigned numFiles = fr.numInputFiles; // not the live schema of --uri
  if (!opts.front.uri.empty() && !session.diags.hasErrors())
    warnLargeUnbatchedWrites(*fr.module, opts.front.uri, opts.largeWriteRows, session.diags);

  std::vector<Diagnostic> diags = session.diags.takeSorted();
  applyLintConfig(config, diags);
  applySuppressions(session.sources, diags, [](llvm::StringRef rule) {
    const RuleInfo *info = findRule(rule);
    return info && info->configurable;
  });
  // By file name, then position, whatever order the paths were given in;
  // diagnostics without a position last.
  std::stable_sort(diags.begin(), diags.end(), [&](const Diagnostic &a, const Diagnostic &b) {
    if (a.loc.isValid() != b.loc.isValid())
      return a.loc.isValid();
    if (!a.loc.isValid() || a.loc.file == b.loc.file)
      return a.loc < b.loc;
    return session.sources.getName(a.loc.file) < session.sources.getName(b.loc.file);
  });
  if (werror)
    for (Diagnostic &d : diags)
      if (d.severity == Severity::Warning)
        d.severity = Severity::Error;

  if (opts.front.diag.verify)
    return verifyDiagnostics(session.sources, diags, llvm::errs()) ? 0 : 1;

  LintReport report{session.sources, diags, numFiles, "", SHC_VERSION};
  llvm::raw_ostream &os = llvm::outs();
  if (opts.format == "json")
    printLintJson(report, os);
  else if (opts.format == "sarif")
    printLintSarif(report, os);
  else if (opts.format == "github")
    printLintGithub(report, os);
  else
    printLintText(report, os, wantColor(opts.front.diag.color));
  os.flush();
  return countDiagnostics(diags).errors ? 1 : 0;
}

CommandRunner shc::registerLintCommand(CLI::App &app) {
  auto opts = std::make_shared<LintOptions>();
  CLI::App *cmd = app.add_subcommand("lint", "Check specs and report every problem, no SQL");
  addFrontOptions(*cmd, opts->front);
  cmd->add_option("--format", opts->format, "Output: text, json, sarif or github")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}));
  cmd->add_option("--config", opts->config,
                  "Lint configuration (default: the nearest .schemahero-lint.yaml)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--large-write-rows", opts->largeWriteRows,
                  "With --uri: warn when the planner estimates an UPDATE or DELETE without "
                  "batchSize changes more rows than this (default 100000)");
  // --uri (from addFrontOptions) reads tables without a spec from a live
  // database, as for compile and plan.
  return [cmd, opts]() { return cmd->parsed() ? runLint(*opts) : -1; };
}
