#include "tools/driver/Commands.h"
#include "tools/driver/OutputFile.h"

#include "ir/Module.h"
#include "ir/Printer.h"

#include "CLI/CLI.hpp"
#include "llvm/Support/raw_ostream.h"

using namespace shc;

namespace {
struct CompileOptions {
  FrontOptions front;
  std::string output = "-";
  std::string emit = "sql"; ///< ast | ir | sql
  std::string phase = "all"; ///< before | after | all
};
} // namespace

static int runCompile(const CompileOptions &opts) {
  FrontResult fr = runFrontHalf(opts.front, /*runPasses=*/opts.emit != "ast");
  Session &session = *fr.session;
  if (fr.connectionFailed) { // --uri unreachable: an I/O error, not bad input
    (void)session.finish();
    return 2;
  }

  std::string out;
  if (opts.emit == "ast" || opts.emit == "ir") {
    llvm::raw_string_ostream os(out);
    printModule(*fr.module, os, &session.sources, fr.results.get());
  } else {
    out = emitCompiledSql(fr, opts.phase);
  }

  bool hadErrors = session.diags.hasErrors();
  int code = session.finish();
  // SQL is written only for a clean compile; --emit=ast/ir print even on
  // errors so that the IR of a broken input can be inspected. Under
  // --verify-diagnostics the exit code says whether the expectations matched.
  if (hadErrors && opts.emit == "sql") return opts.front.diag.verify ? code : 1;
  std::string error;
  if (!writeFileAtomically(opts.output, out, error)) {
    llvm::errs() << "schemahero-compile: error: " << error << "\n";
    return 2;
  }
  return code;
}

CommandRunner shc::registerCompileCommand(CLI::App &app) {
  auto opts = std::make_shared<CompileOptions>();
  CLI::App *cmd = app.add_subcommand("compile", "Compile specs to SQL (the default)");
  addFrontOptions(*cmd, opts->front);
  cmd->add_option("-o,--output", opts->output, "Output file (default: stdout)");
  cmd->add_option("--emit", opts->emit, "What to print: ast, ir or sql")
      ->check(CLI::IsMember({"ast", "ir", "sql"}));
  cmd->add_option("--phase", opts->phase, "Which phase to emit: before, after or all")
      ->check(CLI::IsMember({"before", "after", "all"}));
  return [cmd, opts]() { return cmd->parsed() ? runCompile(*opts) : -1; };
}
