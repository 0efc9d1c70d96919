#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace shc {

class DiagnosticEngine;
class SourceManager;

/// The offset of the first byte that makes `data` not UTF-8 text: a NUL, or
/// the start of an invalid, overlong, surrogate or truncated sequence. A BOM
/// is valid text.
std::optional<size_t> findBinaryByte(llvm::StringRef data);

/// Adds `contents` as buffer `name` unless it is binary, in which case a
/// "binary-file" error is reported at the first bad byte (the buffer is kept,
/// cut after that line, so the error can show it). Returns the buffer id, or
/// 0 for a binary file.
uint32_t addSourceBuffer(std::string name, std::string contents, SourceManager &sm,
                         DiagnosticEngine &diags);

/// The implementation of loadInputs (frontend/Frontend.h); `stdinContents`
/// stands in for standard input when set, so tests need no real stdin.
std::vector<uint32_t> loadSourcePaths(llvm::ArrayRef<std::string> paths, SourceManager &sm,
                                      DiagnosticEngine &diags,
                                      const std::string *stdinContents = nullptr);

} // namespace shc
