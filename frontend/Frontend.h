#pragma once

#include "ir/Dialect.h"
#include "ir/Location.h"

#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <string>
#include <vector>

namespace shc {

class DiagnosticEngine;
class Module;
class SourceManager;

/// Expands PATHs (files; folders searched recursively for *.yaml/*.yml, in
/// sorted order; "-" for stdin) and loads each file into the SourceManager
/// once. A missing or unreadable path, a symlink loop, or a binary file is
/// reported (rule "io-error" / "binary-file") and skipped, so the rest is
/// still checked. Returns the ids of the loaded files.
std::vector<uint32_t> loadInputs(llvm::ArrayRef<std::string> paths, SourceManager &sm,
                                 DiagnosticEngine &diags);

/// Parses every loaded YAML file and lowers its documents into `module`:
/// kind: Table into the schema and kind: DataMigration into migrations, each
/// from the first of the target's spec keys it has (cockroachdb and
/// timescaledb fall back to `postgres`); `dialects` says which keys exist.
/// Other kinds are skipped with a note. Reports every problem;
/// returns failure if any error was reported. With `jobs` > 1 the YAML is
/// parsed on that many threads (frontend/YamlPrefetch.h); the module and the
/// diagnostics are the same as with one.
LogicalResult lowerToIR(SourceManager &sm, llvm::ArrayRef<uint32_t> files, Module &module,
                        const DialectRegistry &dialects, DiagnosticEngine &diags,
                        unsigned jobs = 1);

/// The dialect to check for when none was given and the specs agree on
/// another one than `module`'s target: every data migration that has
/// operations has them for that dialect (the postgres list counts for
/// cockroachdb and timescaledb), and not for the target. Null when the
/// target will do, or when no single dialect fits (each migration without
/// operations for the target then reports a "dialect-mismatch" error).
const Dialect *inferDialect(const Module &module, const DialectRegistry &dialects);

/// --before-specs: lowers the kind: Table documents of `files` (an older
/// copy of the specs) into `module.beforeTables`, the schema before_schema
/// migrations are checked against, and marks it known. Their data
/// migrations are ignored.
LogicalResult lowerBeforeSchema(SourceManager &sm, llvm::ArrayRef<uint32_t> files, Module &module,
                                const DialectRegistry &dialects, DiagnosticEngine &diags);

} // namespace shc
