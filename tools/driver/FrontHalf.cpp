#include "tools/driver/Commands.h"
#include "tools/driver/ApplyLiveSchema.h"

#include "backends/Backend.h"
#include "frontend/Frontend.h"
#include "ir/Module.h"
#include "ir/Verifier.h"
#include "passes/Passes.h"

#include "CLI/CLI.hpp"
#include "llvm/Support/raw_ostream.h"

using namespace shc;

#ifndef SHC_VERSION
#define SHC_VERSION "0.0.0"
#endif

void shc::addFrontOptions(CLI::App &cmd, FrontOptions &o) {
  cmd.add_option("inputs", o.inputs, "Spec files or folders, or - for stdin")->required();
  cmd.add_option("--dialect", o.dialect, "Target dialect")
      ->check(CLI::IsMember({"postgres", "cockroachdb", "timescaledb", "mysql", "sqlite",
                             "rqlite", "cassandra"}));
  // One NAME per occurrence: a vector option would otherwise swallow the
  // input paths that follow it (`--disable lint specs/`).
  cmd.add_option("--disable", o.disablePasses, "Skip the pass NAME")->allow_extra_args(false);
  cmd.add_option("--print-after", o.printAfter,
                 "Print the IR to stderr after pass NAME ('all' for every pass)")
      ->allow_extra_args(false);
  cmd.add_option("--color", o.diag.color, "Colour diagnostics: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd.add_flag("--werror", o.diag.werror, "Treat warnings as errors");
  cmd.add_flag("--verify-diagnostics", o.diag.verify,
               "Check diagnostics against expected-* comments in the inputs");
  cmd.add_option("--uri", o.uri,
                 "Read tables that have no Table spec from this database (libpq URI)");
  cmd.add_option("--error-limit", o.diag.errorLimit, "Stop after N errors (0: no limit)");
}

FrontResult shc::runFrontHalf(const FrontOptions &opts, Dialect target, bool runPasses) {
  FrontResult r;
  r.session = std::make_unique<Session>(opts.diag);
  r.module = std::make_unique<Module>(target);
  Session &s = *r.session;
  std::vector<uint32_t> files = loadInputs(opts.inputs, s.sources, s.diags);
  r.numInputFiles = static_cast<unsigned>(s.sources.getNumBuffers());
  (void)lowerToIR(s.sources, files, *r.module, s.diags);
  if (!opts.uri.empty() && failed(addLiveTables(opts.uri, *r.module, s.sources, s.diags))) {
    r.connectionFailed = true; // checking against a schema we could not read is noise
    return r;
  }
  if (!runPasses) return r;

  PassManager pm;
  buildDefaultPipeline(pm);
  if (!opts.lintRules) pm.disable("lint");
  for (const std::string &name : opts.disablePasses) pm.disable(name);
  for (const std::string &name : opts.printAfter) pm.printAfter(name, &llvm::errs());
  PassContext ctx{s.diags, s.sources};
  bool passesOk = succeeded(pm.run(*r.module, ctx));
  // The verifier checks the compiler, not the input: only meaningful when the
  // input was clean and every pass ran.
  if (passesOk && !s.diags.hasErrors() && opts.disablePasses.empty())
    (void)verifyModule(*r.module, s.diags, /*typed=*/true);
  return r;
}

std::string shc::emitCompiledSql(const FrontResult &fr, llvm::StringRef phase) {
  std::string sql;
  if (fr.session->diags.hasErrors())
    return sql;
  llvm::raw_string_ostream os(sql);
  EmitOptions eo;
  eo.toolVersion = SHC_VERSION;
  eo.emitBefore = phase != "after";
  eo.emitAfter = phase != "before";
  (void)emitSQL(*fr.module, eo, os, fr.session->diags);
  os.flush();
  return sql;
}
