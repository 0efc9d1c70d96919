//===- ScriptParse.h - the steps of a compiled file, for apply --ddl -*- C++ -*-===//
//
// apply of specs runs the CompiledScript the backend built. apply --ddl gets
// only text, and must not cut it where a customSQL string or dollar-quoted
// body happens to hold a `-- migration:` line or a `COMMIT;`. The file is
// lexed (quotes, dollar quotes, comments) and split at a marker only when
// that marker is a comment line between statements, every step is
// `BEGIN;` ... `COMMIT;` with no other transaction control at its top
// level, and the ledger row a step writes names the step's migration. A file
// that fails any of this runs as one step, with a warning saying why.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Runtime.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace shc {

/// The steps of `text`, a file compiled for the postgres family (or any SQL
/// file). The target is the one the header's `-- dialect:` line names, else
/// `dialect`. A file that is not split is one step named `fallbackName`.
ParsedScript parseCompiledFile(llvm::StringRef text, llvm::StringRef fallbackName,
                               llvm::StringRef dialect);

} // namespace shc
