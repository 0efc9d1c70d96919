//===- kubectl-schemahero.cpp - SchemaHero's plugin CLI, over the same compiler ===//
//
//   kubectl-schemahero plan --driver=DRIVER --uri=URI --spec-file=FILE|DIR
//                           --spec-type=datamigration [--out FILE]
//   kubectl-schemahero apply --driver=DRIVER --uri=URI --ddl=FILE
//
// plan prints the compiled SQL (tables without a Table spec are read from
// URI); apply runs a compiled file, one transaction per migration.
//
//===----------------------------------------------------------------------===//

#include "tools/driver/ApplyCommand.h"
#include "tools/driver/Commands.h"
#include "tools/driver/OutputFile.h"

#include "backends/Registry.h"
#include "ir/Dialect.h"
#include "ir/Module.h"

#include "CLI/CLI.hpp"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace shc;

static const char *Tool = "kubectl-schemahero";

static int runPlan(const std::string &driver, const std::string &uri, const std::string &specFile,
                   const std::string &out) {
  FrontOptions front;
  front.inputs = {specFile};
  front.dialect = driver;
  front.uri = uri;
  FrontResult fr = runFrontHalf(front, /*runPasses=*/true);
  std::string sql = emitCompiledSql(fr);
  bool hadErrors = fr.session->diags.hasErrors();
  int code = fr.session->finish();
  if (fr.connectionFailed)
    return 2;
  if (hadErrors)
    return 1;
  std::string error;
  if (!writeFileAtomically(out, sql, error)) {
    llvm::errs() << Tool << ": error: " << error << "\n";
    return 2;
  }
  return code;
}

static int runApply(const std::string &driver, const std::string &uri, const std::string &ddl) {
  auto buf = llvm::MemoryBuffer::getFile(ddl);
  if (!buf) {
    llvm::errs() << Tool << ": error: cannot read '" << ddl << "': " << buf.getError().message()
                 << "\n";
    return 2;
  }
  ApplyCommandOptions opts;
  opts.uri = uri;
  opts.dialect = driver;
  return applyCompiledFile((*buf)->getBuffer(), llvm::sys::path::filename(ddl), opts, Tool);
}

int main(int argc, char **argv) {
  CLI::App app{"kubectl-schemahero: plan and apply SchemaHero data migrations"};
  app.require_subcommand(1);
  std::string driver = dialects().defaultDialect().key().str();
  std::string uri, specFile, specType = "datamigration", out = "-", ddl;
  // The drivers SchemaHero's plugin takes: every dialect with apply.
  std::vector<std::string> keys;
  for (const Dialect *d : dialects().all())
    if (d->runtime())
      keys.push_back(d->key().str());
  auto drivers = CLI::IsMember(keys);

  CLI::App *planCmd = app.add_subcommand("plan", "Print the SQL for data migration specs");
  planCmd->add_option("--driver", driver, "Database driver")->check(drivers);
  planCmd->add_option("--uri", uri, "Connection URI (tables without a spec are read from it)");
  planCmd->add_option("--spec-file", specFile, "Spec file or folder")->required();
  planCmd->add_option("--spec-type", specType, "Only datamigration")
      ->check(CLI::IsMember({"datamigration"}));
  planCmd->add_option("--out", out, "Write the SQL to FILE instead of stdout");

  CLI::App *applyCmd = app.add_subcommand("apply", "Apply a compiled SQL file");
  applyCmd->add_option("--driver", driver, "Database driver")->check(drivers);
  applyCmd->add_option("--uri", uri, "Connection URI")->required();
  applyCmd->add_option("--ddl", ddl, "The SQL file to apply")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (planCmd->parsed())
    return runPlan(driver, uri, specFile, out);
  return runApply(driver, uri, ddl);
}
