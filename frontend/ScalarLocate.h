#pragma once

#include "ir/ScalarLocator.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <vector>

namespace shc {

class SourceManager;

/// One run of a re-scanned scalar: the decoded text from `textOffset` on sits
/// at buffer byte `srcOffset`, byte for byte, until the next run.
struct ScalarRun {
  size_t textOffset;
  size_t srcOffset;
};

/// yaml-cpp's Mark for a node with properties (`!!str`, `&anchor`) points at
/// the first property, not at the content; this skips them and the space
/// after them so that `offset` lands on the quote, block indicator or first
/// plain character.
size_t skipNodeProperties(llvm::StringRef buffer, size_t offset);

/// Re-scans the raw source of the scalar whose content starts at byte
/// `offset` of `buffer` (a quote, `|`/`>`, or plain text) and maps every byte
/// of its decoded text back to the buffer: plain scalars with line folding,
/// single- and double-quoted scalars with escapes and folding, literal and
/// folded block scalars with chomping and indentation indicators. yaml-cpp
/// already decoded the scalar to `decoded`; the rescan is only trusted when it
/// reproduces that text, otherwise the result is empty and callers fall back
/// to the scalar's start, so a scanner gap can cost precision but never
/// misplace a caret.
std::vector<ScalarRun> scanScalarRuns(llvm::StringRef buffer, size_t offset,
                                      llvm::StringRef decoded);

/// The locator handed to the expression parser for a scalar of `file` whose
/// content starts at byte `offset`. Always has at least one run.
ScalarLocator locateScalar(const SourceManager &sm, uint32_t file, size_t offset,
                           llvm::StringRef decoded);

} // namespace shc
