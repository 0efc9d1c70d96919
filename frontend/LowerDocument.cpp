// Document dispatch by `kind`, the shared ObjectMeta check, and the context
// helpers every lowering file uses.
#include "frontend/ExprParser.h"
#include "frontend/Lower.h"
#include "ir/Catalog.h"
#include "frontend/ScalarLocate.h"
#include "frontend/SpecSchema.h"
#include "frontend/YamlDocument.h"
#include "ir/Diagnostics.h"
#include "ir/SourceManager.h"
#include "ir/Suggest.h"

using namespace shc;

ScalarLocator LowerContext::locate(const YamlNode &n) const {
  return locateScalar(sm, file, n.offset, n.value);
}

ExprPtr LowerContext::parseSql(const YamlNode &n, llvm::StringRef field) const {
  if (!n.isScalar()) {
    diags.error(n.loc, "invalid-field",
                "'" + field.str() + "' must be an SQL expression string, found " +
                    n.describe().str());
    return nullptr;
  }
  return parseExpression(n.value, locate(n), catalog(), diags);
}

static const llvm::StringRef ObjectMetaFields[] = {
    "name",
    "generateName",
    "namespace",
    "selfLink",
    "uid",
    "resourceVersion",
    "generation",
    "creationTimestamp",
    "deletionTimestamp",
    "deletionGracePeriodSeconds",
    "labels",
    "annotations",
    "ownerReferences",
    "finalizers",
    "managedFields",
    "clusterName",
};

const YamlNode *shc::lowerMetadata(const YamlNode *metadata, LowerContext &ctx,
                                   UnknownFields policy) {
  FieldMap meta(metadata, ObjectMetaFields, "metadata", ctx.diags, policy);
  for (llvm::StringRef lenient : {"labels", "annotations"})
    if (const YamlNode *m = meta.get(lenient))
      FieldMap(m, {}, lenient, ctx.diags);
  const YamlNode *name = meta.get("name");
  if (name && !readString(name, "metadata.name", ctx.diags))
    return nullptr;
  return name && name->isScalar() ? name : nullptr;
}

void shc::lowerDocument(const YamlDocument &doc, LowerContext &ctx) {
  const YamlNode *root = doc.root;
  if (!root || root->isNull())
    return;
  ctx.file = doc.file;
  if (!root->isMapping()) {
    ctx.diags.error(root->loc, "invalid-field",
                    "expected a Kubernetes object (a mapping with 'kind'), found " +
                        root->describe().str());
    return;
  }
  const YamlNode *kind = root->get("kind");
  if (!kind || kind->isNull()) {
    // SchemaHero's fixtures and CLI read bare specs (no apiVersion/kind).
    if (!root->get("apiVersion") && !root->get("metadata") && !root->get("spec") &&
        (root->get("name") || root->get("schema")))
      return lowerBareSpec(*root, ctx);
    ctx.diags.error(root->loc, "missing-field", "missing field 'kind'")
        .hint("a spec needs 'kind: DataMigration' or 'kind: Table'");
    return;
  }
  std::optional<std::string> kindName = readString(kind, "kind", ctx.diags);
  if (!kindName)
    return;

  static const llvm::StringRef TopFields[] = {"apiVersion", "kind", "metadata", "spec", "status"};
  if (*kindName == "Table") {
    FieldMap top(root, TopFields, "Table", ctx.diags, UnknownFields::Warning);
    lowerTable(top, ctx);
  } else if (*kindName == "DataMigration") {
    if (ctx.tablesOnly)
      return;
    FieldMap top(root, TopFields, "DataMigration", ctx.diags);
    lowerDataMigration(top, ctx);
  } else {
    // A misspelt kind would otherwise vanish silently.
    static const llvm::StringRef Compiled[] = {"DataMigration", "Table"};
    std::string close = suggestClosest(*kindName, Compiled);
    auto d = ctx.diags.note(kind->loc, "kind-skipped",
                            "skipping kind '" + *kindName + "' (not a data migration or table)");
    if (!close.empty())
      d.hint("did you mean '" + close + "'?");
  }
}
