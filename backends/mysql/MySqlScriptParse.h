//===- MySqlScriptParse.h - the steps of a compiled MySQL file --*- C++ -*-===//
//
// apply --ddl for MySQL. The file is lexed by MySQL's rules (MySqlLex.h) and
// split at a `-- migration: NAME (phase)` line only when that line is a
// comment between statements and every step is one `START TRANSACTION;` (or
// `BEGIN [WORK];`) ... `COMMIT [WORK];` block without other transaction
// control at its top level. The ledger row a step writes is read from its
// `INSERT INTO schemahero_data_migrations (columns) VALUES (values)` and
// must name the step's migration. A file that fails any of this runs as one
// step, with a warning that says why (and apply then refuses it when it
// holds statements that would commit implicitly).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Runtime.h"

#include <optional>

namespace shc {

/// The steps of `text`; the dialect is the one the header's `-- dialect:`
/// line names, else "mysql". A file that is not split is one step named
/// `fallbackName`.
ParsedScript parseMySqlCompiledFile(llvm::StringRef text, llvm::StringRef fallbackName);

/// The row one ledger INSERT statement writes; nullopt when the statement is
/// not one INSERT of literal values into the ledger (name, checksum,
/// idempotent, phase, in any order; applied_at may be given too).
std::optional<LedgerRecord> parseMySqlLedgerInsert(llvm::StringRef statement);

} // namespace shc
