#include "tools/driver/Driver.h"
#include "tools/driver/Commands.h"

#include "CLI/CLI.hpp"

#include <cstring>

using namespace shc;

#ifndef SHC_VERSION
#define SHC_VERSION "0.0.0"
#endif

int shc::runDriver(int argc, char **argv) {
  CLI::App app{"schemahero-compile: compile SchemaHero data migrations to SQL"};
  app.set_version_flag("--version", std::string("schemahero-compile ") + SHC_VERSION);
  app.require_subcommand(1);

  // One line per subcommand; each runner returns -1 when its subcommand was
  // not the one given.
  std::vector<CommandRunner> runners;
  runners.push_back(registerCompileCommand(app));
  runners.push_back(registerLintCommand(app));
  runners.push_back(registerPlanCommand(app));
  runners.push_back(registerApplyCommand(app));
  runners.push_back(registerRevertCommands(app));

  // `schemahero-compile spec.yaml -o x.sql` means `compile`: insert the
  // subcommand when the first argument is neither a subcommand nor help.
  std::vector<const char *> args(argv, argv + argc);
  bool hasSub = false;
  if (argc > 1) {
    for (const CLI::App *sub : app.get_subcommands({}))
      if (sub->get_name() == argv[1]) hasSub = true;
    for (const char *flag : {"--help", "-h", "--version"})
      if (std::strcmp(argv[1], flag) == 0) hasSub = true;
  }
  if (!hasSub) args.insert(args.begin() + 1, "compile");

  try {
    app.parse(static_cast<int>(args.size()), const_cast<char **>(args.data()));
  } catch (const CLI::ParseError &e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  for (const CommandRunner &run : runners) {
    int code = run();
    if (code >= 0) return code;
  }
  return 2;
}
