#include "tools/driver/Driver.h"
#include "tools/driver/Commands.h"

#include "CLI/CLI.hpp"

#include <cstring>

using namespace shc;

#ifndef SHC_VERSION
#define SHC_VERSION "0.0.0"
#endif

static void addDiagnosticFlags(CLI::App &cmd, DiagnosticOptions &d) {
  cmd.add_option("--color", d.color, "Colour diagnostics: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd.add_flag("--werror", d.werror, "Treat warnings as errors");
  cmd.add_flag("--verify-diagnostics", d.verify,
               "Check diagnostics against expected-* comments in the inputs");
  cmd.add_option("--error-limit", d.errorLimit, "Stop after N errors (0: no limit)");
}

int shc::runDriver(int argc, char **argv) {
  CLI::App app{"schemahero-compile: compile SchemaHero data migrations to SQL"};
  app.set_version_flag("--version", std::string("schemahero-compile ") + SHC_VERSION);
  app.require_subcommand(1);

  CompileOptions copts;
  CLI::App *compile = app.add_subcommand("compile", "Compile specs to SQL (the default)");
  compile->add_option("inputs", copts.inputs, "Spec files or folders, or - for stdin")
      ->required();
  compile->add_option("--dialect", copts.dialect, "Target dialect")
      ->check(CLI::IsMember({"postgres", "cockroachdb", "timescaledb", "mysql", "sqlite",
                             "rqlite", "cassandra"}));
  compile->add_option("-o,--output", copts.output, "Output file (default: stdout)");
  compile->add_option("--emit", copts.emit, "What to print: ast, ir or sql")
      ->check(CLI::IsMember({"ast", "ir", "sql"}));
  compile->add_option("--phase", copts.phase, "Which phase to emit: before, after or all")
      ->check(CLI::IsMember({"before", "after", "all"}));
  compile->add_option("--disable", copts.disablePasses, "Skip the pass NAME");
  compile->add_option("--print-after", copts.printAfter,
                      "Print the IR to stderr after pass NAME ('all' for every pass)");
  addDiagnosticFlags(*compile, copts.diag);

  // `schemahero-compile spec.yaml -o x.sql` means `compile`: insert the
  // subcommand when the first argument is not one.
  std::vector<const char *> args(argv, argv + argc);
  static const char *const kSubcommands[] = {"compile", "--help", "-h", "--version"};
  bool hasSub = false;
  if (argc > 1)
    for (const char *s : kSubcommands)
      if (std::strcmp(argv[1], s) == 0) hasSub = true;
  if (!hasSub) args.insert(args.begin() + 1, "compile");

  try {
    app.parse(static_cast<int>(args.size()), const_cast<char **>(args.data()));
  } catch (const CLI::ParseError &e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (compile->parsed()) return runCompile(copts);
  return 2;
}
