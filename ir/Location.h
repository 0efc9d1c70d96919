#pragma once

#include <cstdint>

namespace shc {

/// A position in a loaded source file. Line and column are 1-based; columns
/// count bytes. A default-constructed location is "unknown" and prints without
/// a position (used for diagnostics about the command line or I/O).
struct SourceLoc {
  uint32_t file = 0; ///< SourceManager file id; 0 means unknown.
  uint32_t line = 0;
  uint32_t col = 0;

  bool isValid() const { return file != 0 && line != 0; }
  friend bool operator==(const SourceLoc &a, const SourceLoc &b) {
    return a.file == b.file && a.line == b.line && a.col == b.col;
  }
  friend bool operator!=(const SourceLoc &a, const SourceLoc &b) { return !(a == b); }
  friend bool operator<(const SourceLoc &a, const SourceLoc &b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.line != b.line) return a.line < b.line;
    return a.col < b.col;
  }
};

/// Result of an operation whose failure has already been reported through the
/// DiagnosticEngine (MLIR's LogicalResult in miniature).
class [[nodiscard]] LogicalResult {
public:
  static LogicalResult success() { return LogicalResult(true); }
  static LogicalResult failure() { return LogicalResult(false); }
  bool succeeded() const { return ok; }
  bool failed() const { return !ok; }

private:
  explicit LogicalResult(bool ok) : ok(ok) {}
  bool ok;
};
inline LogicalResult success() { return LogicalResult::success(); }
inline LogicalResult failure() { return LogicalResult::failure(); }
inline bool succeeded(LogicalResult r) { return r.succeeded(); }
inline bool failed(LogicalResult r) { return r.failed(); }

} // namespace shc
