#pragma once

#include "tools/driver/Session.h"

#include "ir/AnalysisResults.h"


#include "llvm/ADT/StringRef.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace shc {

class Dialect;
class Dialect;
class Module;
struct CompiledScript;

/// Runs a parsed subcommand; returns the process exit code
/// (0 ok, 1 input errors, 2 usage or I/O errors).
using CommandRunner = std::function<int()>;

/// Each subcommand lives in its own file and registers itself on the app;
/// the returned runner is called when that subcommand was given.
CommandRunner registerCompileCommand(CLI::App &app);
CommandRunner registerLintCommand(CLI::App &app);
CommandRunner registerPlanCommand(CLI::App &app);
CommandRunner registerApplyCommand(CLI::App &app);
/// `revert`, `backups list` and `backups prune` (RevertCommand.cpp).
CommandRunner registerRevertCommands(CLI::App &app);

/// Flags shared by every subcommand that reads specs.
struct FrontOptions {
  std::vector<std::string> inputs;
  std::string dialect; ///< a registry key; empty: the default
  /// --dialect was not given: check for the dialect the specs agree on
  /// (frontend inferDialect) when they have no operations for `dialect`.
  bool inferDialect = false;
  std::vector<std::string> disablePasses;
  std::vector<std::string> printAfter;
  /// The reviewer warnings of the `lint` pass run for `lint` only; compile
  /// reports what is wrong, not what is questionable.
  bool lintRules = false;
  /// --uri: read tables without a Table spec from this live database.
  std::string uri;
  /// --before-specs: an older copy of the Table specs, the schema
  /// before_schema migrations are checked against.
  std::string beforeSpecs;
  /// -j: threads for the front half (0: one per core, at most 8).
  unsigned jobs = 0;
  /// The dialects' own flags given (Dialect::flags), by name.
  std::vector<std::string> dialectFlags;
  DiagnosticOptions diag;
};
void addFrontOptions(CLI::App &cmd, FrontOptions &opts);
/// Every dialect's own flags (Dialect::flags), into `opts.dialectFlags`.
void addDialectFlags(CLI::App &cmd, FrontOptions &opts);

/// The front half of the compiler: load, lower, run the pass pipeline and (on
/// a clean input) the IR verifier. `runPasses=false` stops after lowering
/// (--emit=ast). The module is always returned, even when errors were found.
struct FrontResult {
  std::unique_ptr<Session> session;
  std::unique_ptr<Module> module;
  /// What the analyses found (execution order, idempotency verdicts).
  std::unique_ptr<AnalysisResults> results = std::make_unique<AnalysisResults>();
  /// --uri could not be reached (already reported): exit 2.
  bool connectionFailed = false;
  /// Source buffers that hold input files (the ones given, and those found in
  /// the folders given); --uri adds a buffer for the live schema after them.
  unsigned numInputFiles = 0;
};
FrontResult runFrontHalf(const FrontOptions &opts, bool runPasses);

/// The dialect --dialect names (checked by CLI11), or the default.
const Dialect &targetDialect(const FrontOptions &opts);

/// The SQL of a front half that found no errors (empty otherwise), for the
/// phases `phase` selects: "before", "after" or "all". compile, apply and
/// kubectl-schemahero all emit through here, so the header names one version.
std::string emitCompiledSql(const FrontResult &fr, llvm::StringRef phase = "all");

/// The same, as the structured script apply runs (no SQL text in between).
/// False when the front half found errors or emission failed (reported).
bool compileForApply(const FrontResult &fr, llvm::StringRef phase, CompiledScript &script);

} // namespace shc
