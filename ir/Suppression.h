#pragma once

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <vector>

namespace shc {

struct Diagnostic;
class SourceManager;

/// Drops diagnostics silenced by a comment on the line before them:
///   # schemahero-lint: disable=update-without-where,custom-sql-ddl
/// (`disable=all` silences every rule that `canSuppress` accepts). Only rules
/// for which `canSuppress(rule)` is true are dropped, so compiler errors stay.
void applySuppressions(const SourceManager &sm, std::vector<Diagnostic> &diags,
                       llvm::function_ref<bool(llvm::StringRef rule)> canSuppress);

/// The rules a line's suppression comment names, or {} when it has none.
std::vector<llvm::StringRef> suppressedRules(llvm::StringRef line);

} // namespace shc
