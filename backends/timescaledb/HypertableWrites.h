//===- HypertableWrites.h - the writes a migration makes to hypertables -*- C++ -*-===//
#pragma once

#include "backends/timescaledb/Hypertable.h"

#include <vector>

namespace shc {

struct Migration;

/// One UPDATE, DELETE or INSERT of a migration whose table is a hypertable:
/// an operation, or a statement of a validated customSQL.
struct HypertableWrite {
  Hypertable hypertable;
  llvm::StringRef verb; ///< "UPDATE", "DELETE", "INSERT"
  SourceLoc loc;        ///< the operation or statement
  SourceLoc whereLoc;   ///< the WHERE, or `loc`
  bool hasWhere = false;
  /// For UPDATE and DELETE; an INSERT's rows are not analysed.
  TimeRange range;
};

std::vector<HypertableWrite> hypertableWrites(const Migration &m);

} // namespace shc
