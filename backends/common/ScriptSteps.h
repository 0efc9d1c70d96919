//===- ScriptSteps.h - a compiled file's steps, read back --------*- C++ -*-===//
//
// `apply --ddl FILE` reads the steps of a compiled file back: the preamble
// up to the first `-- migration:` marker, then one step per marker, each
// one transaction block whose ledger row (if any) names its migration. The
// dialect's splitter lexes the file by its own quoting rules and says what
// each statement is (StepRules); the assembly, and every reason a file is
// applied whole instead, are here, once for every dialect.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/CompiledScript.h"
#include "ir/Runtime.h"

#include "llvm/ADT/StringRef.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace shc {

/// One statement of the file: its text, from its first token to its `;`.
struct StatementSpan {
  size_t begin = 0, end = 0;
};

/// What the dialect knows of statement i (an index into the spans).
struct StepRules {
  /// The block a step must be, for messages: "BEGIN; ... COMMIT;".
  llvm::StringRef block;
  /// Statement i opens / closes a step's transaction.
  std::function<bool(size_t)> opens, closes;
  /// The transaction-control word statement i starts with, upper-cased,
  /// when a step may not hold it ("COMMIT"); "" otherwise.
  std::function<std::string(size_t)> ownControl;
  /// The ledger row statement i writes, or nullopt. `unreadable` is set
  /// when it writes one that apply cannot read.
  std::function<std::optional<LedgerRecord>(size_t, bool &unreadable)> ledgerRow;
  /// Statement i may follow a step's block, outside it
  /// (ScriptStep::afterCommit); unset: nothing may.
  std::function<bool(size_t)> afterCommit;
};

struct SplitFile {
  llvm::StringRef text;
  std::vector<StatementSpan> statements;
  std::vector<MigrationMarker> markers; ///< in file order, `begin` set
  /// Why the file cannot be split, when the lexer already knows (it ends
  /// inside a quote); "" otherwise.
  std::string problem;
};

/// `script` (its dialect and transaction statements set) with the file's
/// preamble and steps; the whole file as one step named `fallbackName`
/// (wholeFileScript) when it has no markers or cannot be split, with the
/// reason as the warning.
ParsedScript assembleSteps(CompiledScript script, const SplitFile &file, const StepRules &rules,
                           llvm::StringRef fallbackName);

} // namespace shc
