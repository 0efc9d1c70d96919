//===- Hypertable.h - what a Table spec and the server say about a hypertable -*- C++ -*-===//
//
// A hypertable is known from its Table spec (`schema.timescaledb.hypertable`,
// SchemaHero's fields: timeColumnName, chunkTimeInterval, compression,
// retention) and, with --uri, from timescaledb_information (chunks, the
// compression and retention policies, continuous aggregates, the version):
// both reach the backend as settings (ir/Module.h Setting).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Location.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace shc {

class Expr;
struct Table;

struct Hypertable {
  const Table *table = nullptr;
  std::string timeColumn;
  SourceLoc timeLoc; ///< of timeColumnName, or the table when only --uri says it
  /// Compression is on (the spec's `compression:` or the server), and after
  /// how long a chunk is compressed (the policy), when known.
  bool compression = false;
  std::optional<std::string> compressAfter;
  SourceLoc compressionLoc;
  /// The retention policy: chunks older than this are dropped.
  std::optional<std::string> dropAfter;
  SourceLoc retentionLoc;
  // From the server (--uri) only.
  std::optional<unsigned> chunks, compressedChunks;
  /// The newest compressed chunk's end, as the server prints it.
  std::optional<std::string> compressedUntil;
  std::optional<std::string> version; ///< of the extension: "2.13.1"
  /// The continuous aggregates over it: the view (a regclass, quoted as
  /// needed) and its time_bucket width when the server's view definition
  /// shows it.
  struct Aggregate {
    std::string name, bucketWidth;
  };
  std::vector<Aggregate> aggregates;
};

/// The hypertable `t` is, or nullopt when neither its spec nor the server
/// says it is one.
std::optional<Hypertable> readHypertable(const Table &t);

/// An interval as PostgreSQL writes it ("7 days", "1 week 2 hours", "30d",
/// "01:00:00"), in seconds; a month counts 30 days, a year 365.25 days.
std::optional<double> intervalSeconds(llvm::StringRef text);

/// One end of the time range a WHERE gives the time column.
struct TimeBound {
  enum class Kind { None, Relative, Absolute, Unknown } kind = Kind::None;
  double age = 0;   ///< Relative: seconds before now()
  std::string text; ///< Absolute: the timestamp as written
  const Expr *expr = nullptr;
};

/// The range of the time column a WHERE's top-level AND terms allow.
struct TimeRange {
  bool constrained = false; ///< some term compares the time column
  TimeBound lower, upper;
};
TimeRange timeRange(const Expr *where, llvm::StringRef timeColumn);

/// "2.9.1" is before `major.minor`.
bool versionBefore(llvm::StringRef version, unsigned major, unsigned minor);

} // namespace shc
