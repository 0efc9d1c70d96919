//===- Dialect.h - a target database, as the layers above see it -*- C++ -*-===//
//
// A Dialect is one target database: its key in specs and flags, and the three
// parts it implements in its backend folder (backends/<dialect>/): a Catalog
// the passes check against, an Emitter that writes its SQL, and a Runtime
// that connects, applies and introspects. ir/, passes/ and tools/ see only
// these interfaces; backends/Registry.h lists the dialects.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace shc {

class AnalysisResults;
class Catalog;
class DiagnosticEngine;
class Emitter;
class Module;
class Runtime;
struct Table;

/// A command-line flag of one dialect's own (`--NAME` on compile, lint and
/// plan), for what only that server has; Module::dialectFlags holds those
/// given.
struct DialectFlag {
  llvm::StringRef name;
  llvm::StringRef help;
};

class Dialect {
public:
  virtual ~Dialect();

  /// The key in `spec.schema.<key>` and in --dialect: "postgres".
  virtual llvm::StringRef key() const = 0;
  /// The server's name in messages: "PostgreSQL".
  virtual llvm::StringRef displayName() const = 0;
  /// The spec keys whose lists this dialect reads, in order of preference:
  /// its own, then those it shares (CockroachDB reads a `postgres:` list
  /// when a spec has no `cockroachdb:` one).
  virtual std::vector<llvm::StringRef> specKeys() const { return {key()}; }

  /// Types, casts, functions: what the passes check expressions against.
  virtual const Catalog &catalog() const = 0;
  /// What is not checked yet for this dialect, said once per run (rule
  /// dialect-unchecked); empty when its SQL is parsed, typed and analysed.
  virtual llvm::StringRef uncheckedSummary() const { return {}; }
  bool checksSql() const { return uncheckedSummary().empty(); }

  /// Writes the dialect's SQL; null when it has no emitter yet (compile
  /// then reports unsupported-in-dialect).
  virtual std::unique_ptr<Emitter> createEmitter(DiagnosticEngine &diags) const = 0;
  /// Connects to a live database of this dialect; null when apply, --uri
  /// and estimates are not available for it.
  virtual const Runtime *runtime() const { return nullptr; }

  /// The flags only this dialect has.
  virtual llvm::ArrayRef<DialectFlag> flags() const { return {}; }
  /// The dialect's own checks of a module the passes have checked (pass
  /// "dialect-checks", after the analyses): what is valid but costly,
  /// unsafe or not expressible on this server, reported through `diags`.
  virtual void check(const Module &module, const AnalysisResults &results,
                     DiagnosticEngine &diags) const {}
  /// The columns apply orders the batches of a write to `t` by (batchSize,
  /// docs/batching.md), as plan shows them: by default its primary key;
  /// none: a unique key apply reads from the server.
  virtual std::vector<std::string> batchKey(const Table &t) const;
};

/// The dialects the tool knows (backends/Registry.cpp), in the order help
/// lists them; the first is the default.
class DialectRegistry {
public:
  virtual ~DialectRegistry();
  virtual llvm::ArrayRef<const Dialect *> all() const = 0;

  const Dialect &defaultDialect() const { return *all().front(); }
  const Dialect *find(llvm::StringRef key) const;
  std::vector<std::string> keys() const;
};

} // namespace shc
