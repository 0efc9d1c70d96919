#include "tools/driver/Commands.h"
#include "tools/driver/OutputFile.h"

#include "backends/Backend.h"
#include "frontend/Frontend.h"
#include "ir/Module.h"
#include "ir/Printer.h"
#include "ir/Verifier.h"
#include "passes/Passes.h"

#include "llvm/Support/raw_ostream.h"

using namespace shc;

#ifndef SHC_VERSION
#define SHC_VERSION "0.0.0"
#endif

int shc::runCompile(const CompileOptions &opts) {
  std::optional<Dialect> target = parseDialect(opts.dialect);
  if (!target) {
    llvm::errs() << "schemahero-compile: error: unknown dialect '" << opts.dialect << "'\n";
    return 2;
  }

  Session session(opts.diag);
  std::vector<uint32_t> files = loadInputs(opts.inputs, session.sources, session.diags);
  Module module(*target);
  (void)lowerToIR(session.sources, files, module, session.diags);

  std::string out;
  llvm::raw_string_ostream os(out);
  if (opts.emit == "ast") {
    printModule(module, os, &session.sources);
  } else {
    PassManager pm;
    buildDefaultPipeline(pm);
    for (const std::string &name : opts.disablePasses) pm.disable(name);
    for (const std::string &name : opts.printAfter) pm.printAfter(name, &llvm::errs());
    PassContext ctx{session.diags, session.sources};
    bool passesOk = succeeded(pm.run(module, ctx));
    // The verifier checks the compiler, not the input: only meaningful when
    // the input was clean and every pass ran.
    if (passesOk && !session.diags.hasErrors() && opts.disablePasses.empty())
      (void)verifyModule(module, session.diags, /*typed=*/true);
    if (opts.emit == "ir") {
      printModule(module, os, &session.sources);
    } else if (!session.diags.hasErrors()) {
      EmitOptions eo;
      eo.toolVersion = SHC_VERSION;
      eo.emitBefore = opts.phase != "after";
      eo.emitAfter = opts.phase != "before";
      (void)emitSQL(module, eo, os, session.diags);
    }
  }
  os.flush();

  bool hadErrors = session.diags.hasErrors();
  int code = session.finish();
  // SQL is written only for a clean compile; --emit=ast/ir print even on
  // errors so that the IR of a broken input can be inspected.
  // Under --verify-diagnostics the exit code says whether the expectations
  // matched, so a test of an erroneous input passes when its errors are right.
  if (hadErrors && opts.emit == "sql") return opts.diag.verify ? code : 1;
  std::string error;
  if (!writeFileAtomically(opts.output, out, error)) {
    llvm::errs() << "schemahero-compile: error: " << error << "\n";
    return 2;
  }
  return code;
}
