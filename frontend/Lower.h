#pragma once

// Internal to the frontend: lowering of SchemaHero YAML documents into the
// IR. These files are the only ones that know the spec's shape.

#include "frontend/SpecSchema.h"
#include "ir/Dialect.h"
#include "ir/Expr.h"
#include "ir/Module.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

namespace shc {

class DiagnosticEngine;
class FieldMap;
class SourceManager;
class YamlNode;
struct YamlDocument;

struct LowerContext {
  const SourceManager &sm;
  DiagnosticEngine &diags;
  Module &module;
  uint32_t file = 0; ///< the file being lowered
  /// Tables added so far, by database, schema and name, to report
  /// redefinitions.
  llvm::StringMap<const Table *> tableIndex;
  /// Lower kind: Table documents only (--before-specs: an older copy of the
  /// specs, whose data migrations are not this run's).
  bool tablesOnly = false;

  /// Every dialect: spec keys name them.
  const DialectRegistry &dialects;

  const Dialect &target() const { return module.getTarget(); }
  const Catalog &catalog() const { return target().catalog(); }
  /// Whether where/expression text is parsed and checked for the target; for
  /// a dialect whose SQL is not checked yet the text is kept as written
  /// (docs/dialects.md).
  bool checksSql() const { return target().checksSql(); }
  /// The decoded text of `n` with a locator mapping each byte to the file.
  ScalarLocator locate(const YamlNode &n) const;
  /// Parses a `where` / `condition` / `expression` scalar as SQL.
  ExprPtr parseSql(const YamlNode &n, llvm::StringRef field) const;
};

/// Dispatches one document by `kind`.
void lowerDocument(const YamlDocument &doc, LowerContext &ctx);

/// kind: Table. `top` is the checked top-level mapping.
void lowerTable(const FieldMap &top, LowerContext &ctx);
/// A TableSpec: `spec` of a full document or a bare document itself;
/// `metaName` is metadata.name when there is one.
void lowerTableSpec(const YamlNode &spec, const YamlNode *metaName, LowerContext &ctx);
/// kind: DataMigration.
void lowerDataMigration(const FieldMap &top, LowerContext &ctx);
/// A DataMigration spec (full or bare, as for lowerTableSpec); `context`
/// names it in messages.
void lowerDataMigrationSpec(const YamlNode &spec, const YamlNode *metaName, llvm::StringRef context,
                            LowerContext &ctx);

/// A document without apiVersion and kind (SchemaHero's fixtures): a bare
/// TableSpec or DataMigration spec, told apart by its shape
/// (LowerBareSpec.cpp); an error names both readings when it is ambiguous.
void lowerBareSpec(const YamlNode &root, LowerContext &ctx);

/// Checks `metadata` (Kubernetes ObjectMeta) and returns metadata.name or null.
const YamlNode *lowerMetadata(const YamlNode *metadata, LowerContext &ctx,
                              UnknownFields policy = UnknownFields::Error);

/// One item of a `schema.<dialect>` operation list; null after an error.
OperationPtr lowerOperation(const YamlNode &item, LowerContext &ctx);

/// A staticUpdate value as typed data (YAML 1.2 core schema); null after an
/// error.
ExprPtr lowerStaticValue(const YamlNode &value, llvm::StringRef table, llvm::StringRef column,
                         LowerContext &ctx);

/// One `transformations` item into an assignment; false after an error.
bool lowerTransform(const YamlNode &item, Assignment &out, LowerContext &ctx);
/// Applies the transformation `next` to the result of `previous`, an earlier
/// transformation of the same column: `previous` becomes next(previous).
void composeTransform(Assignment &previous, Assignment next);

} // namespace shc
