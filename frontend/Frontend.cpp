// The frontend's two entry points: loading sources and lowering them to IR.
#include "frontend/Frontend.h"

#include "frontend/Lower.h"
#include "ir/Catalog.h"
#include "frontend/SourceLoader.h"
#include "frontend/YamlDocument.h"
#include "frontend/YamlPrefetch.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"
#include "ir/SourceManager.h"

#include "llvm/ADT/STLExtras.h"

using namespace shc;

std::vector<uint32_t> shc::loadInputs(llvm::ArrayRef<std::string> paths, SourceManager &sm,
                                      DiagnosticEngine &diags) {
  return loadSourcePaths(paths, sm, diags);
}

LogicalResult shc::lowerToIR(SourceManager &sm, llvm::ArrayRef<uint32_t> files, Module &module,
                             const DialectRegistry &dialects, DiagnosticEngine &diags,
                             unsigned jobs) {
  unsigned errorsBefore = diags.getNumErrors();
  LowerContext ctx{sm, diags, module, 0, {}, false, dialects};
  YamlPrefetch prefetch(sm, files, jobs);
  for (size_t i = 0; i < files.size(); ++i) {
    module.inputs.push_back(sm.getName(files[i]).str());
    // One file at a time: its YAML tree is dropped once lowered.
    for (const YamlDocument &doc : prefetch.take(i, diags))
      lowerDocument(doc, ctx);
    prefetch.release(i);
  }
  return diags.getNumErrors() > errorsBefore ? failure() : success();
}

LogicalResult shc::lowerBeforeSchema(SourceManager &sm, llvm::ArrayRef<uint32_t> files,
                                     Module &module, const DialectRegistry &dialects,
                                     DiagnosticEngine &diags) {
  unsigned errorsBefore = diags.getNumErrors();
  Module before(module.getTarget());
  LowerContext ctx{sm, diags, before, 0, {}, true, dialects};
  for (uint32_t file : files)
    for (const YamlDocument &doc : parseYamlDocuments(sm, file, diags))
      lowerDocument(doc, ctx);
  module.beforeTables = std::move(before.tables);
  module.beforeSchemaKnown = true;
  return diags.getNumErrors() > errorsBefore ? failure() : success();
}

/// Whether the operation lists `keys` give `d` something to run.
static bool hasOperationsFor(const std::vector<std::string> &keys, const Dialect &d) {
  return llvm::any_of(d.specKeys(),
                      [&](llvm::StringRef k) { return llvm::is_contained(keys, k.str()); });
}

const Dialect *shc::inferDialect(const Module &module, const DialectRegistry &dialects) {
  std::vector<const Migration *> withOperations;
  for (const auto &m : module.migrations)
    if (!m->operationKeys.empty())
      withOperations.push_back(m.get());
  auto fitsAll = [&](const Dialect &d, bool ownListOnly) {
    return llvm::all_of(withOperations, [&](const Migration *m) {
      return ownListOnly ? llvm::is_contained(m->operationKeys, d.key().str())
                         : hasOperationsFor(m->operationKeys, d);
    });
  };
  if (withOperations.empty() || fitsAll(module.getTarget(), false))
    return nullptr;
  // A dialect whose own list every migration has comes before one that only
  // falls back to it (rqlite reads sqlite lists).
  for (bool ownListOnly : {true, false}) {
    const Dialect *found = nullptr;
    for (const Dialect *d : dialects.all()) {
      if (!fitsAll(*d, ownListOnly))
        continue;
      if (found)
        return nullptr; // several fit: the user must choose
      found = d;
    }
    if (found)
      return found;
  }
  return nullptr;
}
