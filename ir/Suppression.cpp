//===- Suppression.cpp - `# schemahero-lint: disable=RULE` comments ---------===//

#include "ir/Suppression.h"

#include "ir/Diagnostics.h"
#include "ir/SourceManager.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>

using namespace shc;

std::vector<llvm::StringRef> shc::suppressedRules(llvm::StringRef line) {
  std::vector<llvm::StringRef> rules;
  llvm::StringRef rest = line.ltrim();
  if (!rest.consume_front("#"))
    return rules;
  rest = rest.ltrim();
  if (!rest.consume_front("schemahero-lint:"))
    return rules;
  rest = rest.ltrim();
  if (!rest.consume_front("disable="))
    return rules;
  // The list ends at whitespace: a trailing explanation is allowed.
  rest = rest.take_until([](char c) { return c == ' ' || c == '\t'; });
  llvm::SmallVector<llvm::StringRef, 4> parts;
  rest.split(parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef p : parts)
    rules.push_back(p.trim());
  return rules;
}

void shc::applySuppressions(const SourceManager &sm, std::vector<Diagnostic> &diags,
                            llvm::function_ref<bool(llvm::StringRef rule)> canSuppress) {
  auto silenced = [&](const Diagnostic &d) {
    if (!d.loc.isValid() || d.loc.line < 2 || !canSuppress(d.rule))
      return false;
    llvm::StringRef prev = sm.getLineText(d.loc.file, d.loc.line - 1);
    if (prev.find("schemahero-lint:") == llvm::StringRef::npos)
      return false;
    return llvm::any_of(suppressedRules(prev),
                        [&](llvm::StringRef r) { return r == d.rule || r == "all"; });
  };
  diags.erase(std::remove_if(diags.begin(), diags.end(), silenced), diags.end());
}
