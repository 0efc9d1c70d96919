#include "tools/driver/Commands.h"
#include "tools/driver/LiveConnect.h"

#include "backends/Registry.h"
#include "frontend/Frontend.h"
#include "frontend/YamlPrefetch.h"
#include "ir/Catalog.h"
#include "ir/CompiledScript.h"
#include "ir/Dialect.h"
#include "ir/Emitter.h"
#include "ir/Module.h"
#include "ir/Verifier.h"
#include "passes/Passes.h"

#include "CLI/CLI.hpp"
#include "llvm/Support/raw_ostream.h"

using namespace shc;

#ifndef SHC_VERSION
#define SHC_VERSION "0.0.0"
#endif

/// The dialects that have (`checked`) or lack every SQL check, in registry
/// order: "postgres, cockroachdb and timescaledb".
static std::string dialectsWithChecks(bool checked, llvm::StringRef last) {
  std::vector<std::string> keys;
  for (const Dialect *d : dialects().all())
    if (d->checksSql() == checked)
      keys.push_back(d->key().str());
  std::string s;
  for (size_t i = 0; i < keys.size(); ++i)
    s += (i ? (i + 1 == keys.size() ? last.str() : ", ") : "") + keys[i];
  return s;
}

/// The --dialect help: every dialect, grouped by what it has, so --help,
/// README and docs/dialects.md say the same.
static std::string dialectHelp() {
  std::string unchecked = dialectsWithChecks(false, ", ");
  return "Target dialect (default: " + dialects().defaultDialect().key().str() +
         ", or the one every data migration has operations for): " +
         dialectsWithChecks(true, ", ") + " (every check" +
         (unchecked.empty() ? std::string("; docs/dialects.md)")
                            : "); " + unchecked +
                                  " (structure checks only, no SQL yet; docs/dialects.md)");
}

const Dialect &shc::targetDialect(const FrontOptions &opts) {
  const Dialect *d = dialects().find(opts.dialect);
  return d ? *d : dialects().defaultDialect();
}

void shc::addFrontOptions(CLI::App &cmd, FrontOptions &o) {
  cmd.add_option("inputs", o.inputs, "Spec files or folders, or - for stdin")->required();
  o.inferDialect = true;
  cmd.add_option("--dialect", o.dialect, dialectHelp())
      ->check(CLI::IsMember(dialects().keys()))
      ->each([&o](const std::string &) { o.inferDialect = false; });
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
  cmd.add_option("--before-specs", o.beforeSpecs,
                 "Check before_schema migrations against the Table specs in DIR (the schema "
                 "before the change); --uri checks them against the live database")
      ->check(CLI::ExistingPath);
  cmd.add_option("--error-limit", o.diag.errorLimit, "Stop after N errors (0: no limit)");
  cmd.add_option("-j,--jobs", o.jobs,
                 "Threads that parse the inputs (default: one per core, at most 8, and one "
                 "for fewer than 64 files); the output is the same for every N");
  addDialectFlags(cmd, o);
}

void shc::addDialectFlags(CLI::App &cmd, FrontOptions &o) {
  // Each dialect's own flags, once per name, with the dialect in the help.
  std::vector<std::string> seen;
  for (const Dialect *d : dialects().all())
    for (const DialectFlag &f : d->flags()) {
      if (llvm::is_contained(seen, f.name))
        continue;
      seen.push_back(f.name.str());
      std::string name = f.name.str();
      cmd.add_flag_callback("--" + name, [&o, name] { o.dialectFlags.push_back(name); },
                            f.help.str() + " (" + d->key().str() + ")");
    }
}

/// The dialect flags given that the target does not have: an error each.
static void checkDialectFlags(const FrontOptions &opts, Module &module, DiagnosticEngine &diags) {
  const Dialect &target = module.getTarget();
  for (const std::string &name : opts.dialectFlags) {
    bool known = false;
    for (const DialectFlag &f : target.flags())
      known |= f.name == name;
    if (known) {
      module.dialectFlags.push_back(name);
      continue;
    }
    std::string owners;
    for (const Dialect *d : dialects().all())
      for (const DialectFlag &f : d->flags())
        if (f.name == name)
          owners += (owners.empty() ? "" : ", ") + d->key().str();
    diags.error(SourceLoc(), "invalid-flag",
                "--" + name + " is a flag of " + owners + ", not of " + target.key().str());
  }
}

FrontResult shc::runFrontHalf(const FrontOptions &opts, bool runPasses) {
  FrontResult r;
  r.session = std::make_unique<Session>(opts.diag);
  r.module = std::make_unique<Module>(targetDialect(opts));
  Session &s = *r.session;
  std::vector<uint32_t> files = loadInputs(opts.inputs, s.sources, s.diags);
  r.numInputFiles = static_cast<unsigned>(s.sources.getNumBuffers());
  unsigned jobs = opts.jobs ? opts.jobs : YamlPrefetch::defaultJobs(files.size());
  if (!opts.inferDialect) {
    (void)lowerToIR(s.sources, files, *r.module, dialects(), s.diags, jobs);
  } else {
    // Lowered once for the default; only when the specs agree on another
    // dialect are they lowered again for it (and that lowering's
    // diagnostics are the ones kept).
    DiagnosticEngine first;
    (void)lowerToIR(s.sources, files, *r.module, dialects(), first, jobs);
    if (const Dialect *other = inferDialect(*r.module, dialects())) {
      r.module = std::make_unique<Module>(*other);
      (void)lowerToIR(s.sources, files, *r.module, dialects(), s.diags, jobs);
      std::string key = other->key().str();
      SourceLoc at = r.module->migrations.empty() ? SourceLoc() : r.module->migrations.front()->loc;
      s.diags.note(at, "dialect-inferred",
                   "no --dialect given, and every data migration has " + key +
                       " operations only: checking for " + key);
    } else {
      for (const Diagnostic &d : first.pending())
        s.diags.report(d);
    }
  }
  checkDialectFlags(opts, *r.module, s.diags);
  if (!opts.beforeSpecs.empty()) {
    std::vector<uint32_t> before = loadInputs({opts.beforeSpecs}, s.sources, s.diags);
    (void)lowerBeforeSchema(s.sources, before, *r.module, dialects(), s.diags);
  }
  if (!opts.uri.empty() && failed(addLiveTables(opts.uri, *r.module, s.sources, s.diags))) {
    r.connectionFailed = true; // checking against a schema we could not read is noise
    return r;
  }
  if (!runPasses) return r;

  PassManager pm;
  buildDefaultPipeline(pm);
  if (!opts.lintRules) pm.disable("lint");
  // Never PostgreSQL's rules on another dialect's SQL: what the target has
  // no checks for is switched off, and said so once.
  const Dialect &target = r.module->getTarget();
  if (!target.checksSql()) {
    for (const char *name : {"typecheck", "idempotency", "dependence"})
      pm.disable(name);
    if (!r.module->migrations.empty())
      s.diags
          .warning(r.module->migrations.front()->loc, "dialect-unchecked",
                   target.key().str() + " has no SQL checks yet: " +
                       target.uncheckedSummary().str() + " are not checked")
          .hint("checked: the YAML, the tables and columns named, requires and phases; " +
                dialectsWithChecks(true, " and ") + " have every check");
  }
  for (const std::string &name : opts.disablePasses) pm.disable(name);
  for (const std::string &name : opts.printAfter) pm.printAfter(name, &llvm::errs());
  PassContext ctx{s.diags, s.sources, target.catalog(), *r.results, &dialects()};
  bool passesOk = succeeded(pm.run(*r.module, ctx));
  // The verifier checks the compiler, not the input: only meaningful when the
  // input was clean and every pass ran.
  if (passesOk && !s.diags.hasErrors() && opts.disablePasses.empty() && target.checksSql())
    (void)verifyModule(*r.module, s.diags, /*typed=*/true);
  return r;
}

static EmitOptions emitOptionsFor(llvm::StringRef phase) {
  EmitOptions eo;
  eo.toolVersion = SHC_VERSION;
  eo.emitBefore = phase != "after";
  eo.emitAfter = phase != "before";
  return eo;
}

bool shc::compileForApply(const FrontResult &fr, llvm::StringRef phase, CompiledScript &script) {
  DiagnosticEngine &diags = fr.session->diags;
  if (diags.hasErrors())
    return false;
  const Dialect &target = fr.module->getTarget();
  std::unique_ptr<Emitter> emitter = target.createEmitter(diags);
  if (!emitter) {
    diags.error(SourceLoc(), "unsupported-in-dialect",
                "dialect '" + target.key().str() + "' is not implemented yet");
    return false;
  }
  return succeeded(emitter->emit(*fr.module, *fr.results, emitOptionsFor(phase), script));
}

std::string shc::emitCompiledSql(const FrontResult &fr, llvm::StringRef phase) {
  CompiledScript script;
  if (!compileForApply(fr, phase, script))
    return std::string();
  return renderScript(script);
}
