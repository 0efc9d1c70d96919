// The frontend's two entry points: loading sources and lowering them to IR.
#include "frontend/Frontend.h"

#include "frontend/Lower.h"
#include "frontend/SourceLoader.h"
#include "frontend/YamlDocument.h"
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
                             DiagnosticEngine &diags) {
  unsigned errorsBefore = diags.getNumErrors();
  LowerContext ctx{sm, diags, module, 0, {}};
  for (uint32_t file : files) {
    module.inputs.push_back(sm.getName(file).str());
    // One file at a time: its YAML tree is dropped once lowered.
    for (const YamlDocument &doc : parseYamlDocuments(sm, file, diags))
      lowerDocument(doc, ctx);
  }
  return diags.getNumErrors() > errorsBefore ? failure() : success();
}

LogicalResult shc::lowerBeforeSchema(SourceManager &sm, llvm::ArrayRef<uint32_t> files,
                                     Module &module, DiagnosticEngine &diags) {
  unsigned errorsBefore = diags.getNumErrors();
  Module before(module.getTarget());
  LowerContext ctx{sm, diags, before, 0, {}};
  ctx.tablesOnly = true;
  for (uint32_t file : files)
    for (const YamlDocument &doc : parseYamlDocuments(sm, file, diags))
      lowerDocument(doc, ctx);
  module.beforeTables = std::move(before.tables);
  module.beforeSchemaKnown = true;
  return diags.getNumErrors() > errorsBefore ? failure() : success();
}

/// Whether the operation lists `keys` give `d` something to run.
static bool hasOperationsFor(const std::vector<Dialect> &keys, Dialect d) {
  if (llvm::is_contained(keys, d))
    return true;
  return (d == Dialect::CockroachDB || d == Dialect::TimescaleDB) &&
         llvm::is_contained(keys, Dialect::Postgres);
}

std::optional<Dialect> shc::inferDialect(const Module &module) {
  std::vector<const Migration *> withOperations;
  for (const auto &m : module.migrations)
    if (!m->operationDialects.empty())
      withOperations.push_back(m.get());
  auto fitsAll = [&](Dialect d) {
    return llvm::all_of(withOperations, [&](const Migration *m) {
      return hasOperationsFor(m->operationDialects, d);
    });
  };
  if (withOperations.empty() || fitsAll(module.getTarget()))
    return std::nullopt;
  std::optional<Dialect> found;
  for (llvm::StringRef key : allDialectKeys()) {
    Dialect d = *parseDialect(key);
    if (!fitsAll(d))
      continue;
    if (found)
      return std::nullopt; // several fit: the user must choose
    found = d;
  }
  return found;
}
