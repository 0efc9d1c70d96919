//===- PostgresFlavor.h - what sets members of the postgres family apart -*- C++ -*-===//
//
// PostgreSQL, CockroachDB and TimescaleDB share this folder's catalogue,
// emitter and runtime; a flavor says where they differ. CockroachDB and
// TimescaleDB define theirs in their own folders.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <vector>

namespace shc {

class Connection;
struct LiveTable;
struct NameEntry;

struct PostgresFlavor {
  llvm::StringRef key;         ///< "postgres"
  llvm::StringRef displayName; ///< "PostgreSQL"
  /// PL/pgSQL DO blocks: the compiled file checks the ledger itself. Without
  /// them only apply skips a migration the ledger has.
  bool doBlocks = true;
  /// pg_advisory_lock serialises applies; without it, a lock row does.
  bool advisoryLocks = true;
  /// Type names looked up before PostgreSQL's (CockroachDB's INT is 64-bit).
  llvm::ArrayRef<NameEntry> typeNames;
  /// Adds what the member knows of the live tables beyond their columns
  /// (LiveTable::settings); may be null.
  void (*describeTables)(Connection &, std::vector<LiveTable> &) = nullptr;
};

/// PostgreSQL 15 itself.
const PostgresFlavor &postgresFlavor();

} // namespace shc
