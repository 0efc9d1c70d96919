#include "passes/Passes.h"

#include "ir/Module.h"
#include "ir/Printer.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace shc;

Pass::~Pass() = default;

void PassManager::addPass(std::unique_ptr<Pass> pass) { passes.push_back(std::move(pass)); }

void PassManager::disable(llvm::StringRef name) { disabled.push_back(name.str()); }

void PassManager::printAfter(llvm::StringRef name, llvm::raw_ostream *os) {
  printed.push_back(name.str());
  printStream = os;
}

std::vector<std::string> PassManager::passNames() const {
  std::vector<std::string> names;
  for (const auto &p : passes) names.push_back(p->getName().str());
  return names;
}

LogicalResult PassManager::run(Module &module, PassContext &ctx) {
  bool ok = true;
  for (const auto &p : passes) {
    llvm::StringRef name = p->getName();
    if (llvm::is_contained(disabled, name.str())) continue;
    if (failed(p->run(module, ctx))) ok = false;
    if (printStream && (llvm::is_contained(printed, name.str()) || llvm::is_contained(printed, "all"))) {
      *printStream << "// -----// IR after " << name << " //----- //\n";
      printModule(module, *printStream, &ctx.sources, &ctx.results);
    }
  }
  return ok ? success() : failure();
}
