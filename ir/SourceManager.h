#pragma once

#include "ir/Location.h"

#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace shc {

/// Owns every input buffer once, and maps byte offsets to line/column. All
/// locations in the IR and in diagnostics refer to buffers held here.
class SourceManager {
public:
  /// Adds a buffer and returns its id (ids start at 1).
  uint32_t addBuffer(std::string name, std::string contents);

  llvm::StringRef getName(uint32_t file) const;
  llvm::StringRef getBuffer(uint32_t file) const;
  size_t getNumBuffers() const { return files.size(); }

  /// The location of byte `offset` in `file` (offset may equal the size).
  SourceLoc getLoc(uint32_t file, size_t offset) const;
  /// Byte offset of a location (inverse of getLoc).
  size_t getOffset(SourceLoc loc) const;
  /// The text of line `line` (1-based), without its line terminator.
  llvm::StringRef getLineText(uint32_t file, uint32_t line) const;

private:
  struct File {
    std::string name;
    std::string contents;
    mutable std::vector<uint32_t> lineStarts; // built lazily
  };
  const File &get(uint32_t file) const;
  void buildLines(const File &f) const;
  std::vector<std::unique_ptr<File>> files;
};

} // namespace shc
