//===- SqliteScriptParse.h - the steps of a compiled SQLite file -*- C++ -*-===//
//
// apply --ddl for SQLite. The file is lexed by SQLite's rules ('' strings,
// "" `` and [] identifiers, `--` and unnested `/* */` comments; a `;` ends a
// statement only where sqlite3_complete() says so, which keeps a CREATE
// TRIGGER body whole) and split at a `-- migration: NAME (phase)` line only
// when that line is a comment between statements and every step is one
// `BEGIN [DEFERRED|IMMEDIATE|EXCLUSIVE] [TRANSACTION];` ... `COMMIT;` (or
// `END;`) block without other transaction control at its top level. The
// ledger row a step writes is read by SQLite itself: each INSERT into the
// ledger is run against an in-memory copy of the ledger table, whatever its
// spelling, and must name the step's migration. A file that fails any of
// this runs as one step, with a warning that says why.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Runtime.h"

namespace shc {

/// The steps of `text`; the dialect is the one the header's `-- dialect:`
/// line names, else "sqlite". A file that is not split is one step named
/// `fallbackName`.
ParsedScript parseSqliteCompiledFile(llvm::StringRef text, llvm::StringRef fallbackName);

} // namespace shc
