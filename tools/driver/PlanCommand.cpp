//===- PlanCommand.cpp - `plan`: the migrations for people to review ------===//

#include "tools/driver/Commands.h"
#include "tools/driver/OutputFile.h"
#include "tools/driver/PlanModel.h"

#include "ir/Dialect.h"
#include "ir/Runtime.h"
#include "ir/Module.h"

#include "CLI/CLI.hpp"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace shc;

namespace {
struct PlanOptions {
  FrontOptions front;
  std::string format = "text";
  std::string output = "-";
};
} // namespace

static int runPlan(const PlanOptions &opts) {
  FrontResult fr = runFrontHalf(opts.front, /*runPasses=*/true);
  Session &session = *fr.session;
  if (fr.connectionFailed) {
    session.finish();
    return 2;
  }
  std::unique_ptr<LiveDatabase> conn;
  const Runtime *runtime = fr.module->getTarget().runtime();
  if (!opts.front.uri.empty() && runtime) { // without one, --uri was reported
    auto c = runtime->connect(opts.front.uri); // reachable: introspection worked
    if (!c) {
      llvm::errs() << "schemahero-compile: error: " << llvm::toString(c.takeError()) << "\n";
      return 2;
    }
    conn = std::move(*c);
  }

  std::vector<Diagnostic> diags = session.diags.pending();
  std::stable_sort(diags.begin(), diags.end(),
                   [](const Diagnostic &a, const Diagnostic &b) { return a.loc < b.loc; });
  Plan plan = buildPlan(*fr.module, *fr.results, diags, session.sources, conn.get(), session.diags);

  std::string out;
  llvm::raw_string_ostream os(out);
  const Module &module = *fr.module;
  if (opts.format == "text")
    printPlanText(plan, session.sources, os);
  else if (opts.format == "markdown")
    printPlanMarkdown(plan, module, session.sources, os);
  else if (opts.format == "json")
    printPlanJson(plan, session.sources, os);
  else if (opts.format == "dot")
    printPlanDot(plan, module, os);
  else
    printPlanMermaid(plan, module, os);
  os.flush();

  // The plan is printed even with errors: they are part of what reviewers
  // see. The exit code still says whether the input is clean.
  int code = session.finish();
  std::string error;
  if (!writeFileAtomically(opts.output, out, error)) {
    llvm::errs() << "schemahero-compile: error: " << error << "\n";
    return 2;
  }
  return code;
}

CommandRunner shc::registerPlanCommand(CLI::App &app) {
  auto opts = std::make_shared<PlanOptions>();
  CLI::App *cmd = app.add_subcommand("plan", "Show the migrations in execution order for review");
  addFrontOptions(*cmd, opts->front);
  cmd->add_option("--format", opts->format, "text, markdown, json, dot or mermaid")
      ->check(CLI::IsMember({"text", "markdown", "json", "dot", "mermaid"}));
  cmd->add_option("-o,--output", opts->output, "Output file (default: stdout)");
  return [cmd, opts]() { return cmd->parsed() ? runPlan(*opts) : -1; };
}
