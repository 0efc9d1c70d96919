#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>

namespace shc {

/// Writes `contents` to `path` atomically: a temporary file in the same folder,
/// fsync'd and renamed over the target, so a failed or interrupted run never
/// leaves a partial file. "-" writes to stdout. On failure returns false with
/// `error` set (e.g. "cannot write 'x': Permission denied").
bool writeFileAtomically(llvm::StringRef path, llvm::StringRef contents, std::string &error);

} // namespace shc
