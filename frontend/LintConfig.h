#pragma once

#include "ir/Diagnostics.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace shc {

class SourceManager;

/// One entry of the rule catalogue (docs/rules.md). Ids are stable: configs,
/// suppression comments and SARIF consumers refer to them.
struct RuleInfo {
  const char *id;
  Severity defaultSeverity;
  /// Reviewer warnings can be re-levelled, disabled and suppressed; the
  /// compiler's own errors cannot (the SQL would be wrong).
  bool configurable;
  const char *summary;
};

/// Every rule, compiler errors first, then the reviewer warnings, in a fixed
/// order (SARIF rule indices refer to it).
llvm::ArrayRef<RuleInfo> ruleCatalogue();
const RuleInfo *findRule(llvm::StringRef id);

/// `.schemahero-lint.yaml`:
///   rules:
///     update-without-where: error   # error | warning | note | off
struct LintConfig {
  struct Setting {
    std::string rule;
    std::optional<Severity> severity; ///< nullopt: off
  };
  std::vector<Setting> settings;
};

/// The nearest `.schemahero-lint.yaml`, walking up from the folder of the
/// first input that has one (the current folder for stdin); "" if none.
std::string findLintConfig(llvm::ArrayRef<std::string> inputs);

/// Loads `path` into `sm` and parses it. Problems (unknown rule with "did you
/// mean", bad level, a compiler error rule) are reported as `lint-config`.
LogicalResult loadLintConfig(llvm::StringRef path, SourceManager &sm, DiagnosticEngine &diags,
                             LintConfig &config);

/// Applies the settings to collected diagnostics: re-levels them or drops the
/// disabled ones.
void applyLintConfig(const LintConfig &config, std::vector<Diagnostic> &diags);

} // namespace shc
