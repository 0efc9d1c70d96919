// kind: DataMigration -> shc::Migration: the spec fields and the choice of the
// operation list for the target dialect.
#include "frontend/Lower.h"
#include "ir/Catalog.h"
#include "frontend/SpecSchema.h"
#include "frontend/YamlDocument.h"
#include "ir/Diagnostics.h"
#include "ir/Suggest.h"

using namespace shc;

namespace {

const llvm::StringRef MigrationSpecFields[] = {"database", "name",     "executionOrder", "idempotent",
                                               "requires", "schema",   "batchSize"};
const llvm::StringRef Phases[] = {"before_schema", "after_schema"};

void lowerPhase(const YamlNode *n, Migration &m, LowerContext &ctx) {
  if (!n || n->isNull())
    return;
  std::optional<std::string> v = readString(n, "executionOrder", ctx.diags);
  if (!v)
    return;
  if (*v == "before_schema") {
    m.phase = Phase::BeforeSchema;
  } else if (*v == "after_schema") {
    m.phase = Phase::AfterSchema;
  } else {
    ctx.diags
        .error(n->loc, "invalid-field",
               "invalid executionOrder '" + *v + "'" + didYouMean(*v, Phases))
        .hint("valid values are " + joinAlternatives(Phases));
  }
}

/// The operation list for the target: the first of its spec keys that has
/// one (cockroachdb, timescaledb: their own, else postgres). Null when there
/// is none.
const YamlNode *pickOperationList(const FieldMap &schema, const Dialect &target,
                                  llvm::StringRef &used) {
  for (llvm::StringRef key : target.specKeys()) {
    const YamlNode *n = schema.get(key);
    if (n && !n->isNull()) {
      used = key;
      return n;
    }
  }
  return nullptr;
}

/// "mysql", "mysql and sqlite", ...: the dialects a spec has operations for.
std::string dialectList(const std::vector<std::string> &keys) {
  std::string s;
  for (size_t i = 0; i < keys.size(); ++i)
    s += (i ? (i + 1 == keys.size() ? " and " : ", ") : "") + keys[i];
  return s;
}

void lowerOperations(const FieldMap &spec, Migration &m, SourceLoc nameLoc, LowerContext &ctx) {
  std::vector<std::string> keyNames = ctx.dialects.keys();
  std::vector<llvm::StringRef> keys(keyNames.begin(), keyNames.end());
  FieldMap schema(spec.get("schema"), keys, "schema", ctx.diags);
  if (!schema.isValid())
    return;
  // Every list must at least be a list, even those this target does not use.
  if (const YamlNode *s = schema.getNode(); s && s->isMapping())
    for (const YamlNode::Entry &e : s->entries) {
      if (!e.value->isNull() && !e.value->isSequence())
        ctx.diags.error(e.value->loc, "invalid-field",
                        "'schema." + e.key->value + "' must be a list of operations, found " +
                            e.value->describe().str());
      if (e.key->isScalar() && ctx.dialects.find(e.key->value) && e.value->isSequence() &&
          !e.value->items.empty())
        m.operationKeys.push_back(e.key->value);
    }

  llvm::StringRef used;
  const Dialect &targetDialect = ctx.target();
  const YamlNode *list = pickOperationList(schema, targetDialect, used);
  if (!list) {
    if (m.name.empty())
      return; // unnamed: already an error, and dropped
    std::vector<llvm::StringRef> specKeys = targetDialect.specKeys();
    std::string target = specKeys.front().str();
    for (size_t i = 1; i < specKeys.size(); ++i)
      target += " (nor " + specKeys[i].str() + ")";
    if (!m.operationKeys.empty()) {
      // Never silently unchecked: the operations are there, for another
      // dialect (docs/dialects.md).
      std::string use;
      for (const std::string &key : m.operationKeys)
        use += (use.empty() ? "use --dialect " : " or --dialect ") + key;
      ctx.diags
          .error(nameLoc, "dialect-mismatch",
                 "no " + target + " operations; this spec has " + dialectList(m.operationKeys) +
                     " operations: " + use)
          .hint("data migration '" + m.name + "' would be skipped for " +
                targetDialect.key().str());
      return;
    }
    ctx.diags.note(nameLoc, "no-operations",
                   "data migration '" + m.name + "' has no operations for " + target);
    return;
  }
  m.sourceDialectKey = used.str();
  if (!list->isSequence())
    return; // reported above
  // The same operations under other keys (an anchor, or a copy) must mean
  // the same there: the portability pass holds them to it.
  if (const YamlNode *s = schema.getNode(); s && s->isMapping())
    for (const YamlNode::Entry &e : s->entries)
      if (e.key->isScalar() && e.key->value != used && ctx.dialects.find(e.key->value) &&
          e.value->isSequence() && !e.value->items.empty() && e.value->sameContent(*list))
        m.sharedWith.push_back(e.key->value);
  // A postgres list standing in for cockroachdb names CockroachDB's types.
  for (const YamlNode *item : list->items)
    if (OperationPtr op = lowerOperation(*item, ctx))
      m.operations.push_back(std::move(op));
}

} // namespace

void shc::lowerDataMigration(const FieldMap &top, LowerContext &ctx) {
  const YamlNode *metaName = lowerMetadata(top.get("metadata"), ctx);
  if (const YamlNode *specNode = top.require("spec"))
    lowerDataMigrationSpec(*specNode, metaName, "spec", ctx);
}

void shc::lowerDataMigrationSpec(const YamlNode &specNode, const YamlNode *metaName,
                                 llvm::StringRef context, LowerContext &ctx) {
  FieldMap spec(&specNode, MigrationSpecFields, context, ctx.diags);
  if (!spec.isValid())
    return;

  auto m = std::make_unique<Migration>();
  const YamlNode *nameNode = nullptr;
  if (const YamlNode *n = spec.get("name"))
    if (std::optional<std::string> v = readString(n, "spec.name", ctx.diags); v && !v->empty())
      nameNode = n;
  if (!nameNode && metaName && !metaName->value.empty())
    nameNode = metaName;
  if (nameNode) {
    m->name = nameNode->value;
    m->loc = nameNode->loc;
    // `requires` may name a migration by either name.
    if (metaName && metaName->value != m->name)
      m->metadataName = metaName->value;
  } else {
    ctx.diags.error(spec.getLoc(), "missing-field", "data migration has no name")
        .hint("set spec.name or metadata.name");
  }

  if (std::optional<std::string> db = readString(spec.get("database"), "database", ctx.diags))
    m->database = *db;
  lowerPhase(spec.get("executionOrder"), *m, ctx);
  if (const YamlNode *n = spec.get("idempotent"); n && !n->isNull())
    readBool(n, "idempotent", m->declaredIdempotent, ctx.diags);
  for (const YamlNode *r : readStringList(spec.get("requires"), "requires", ctx.diags))
  m->requires.push_back({r->value, r->loc});

  SourceLoc batchLoc;
  if (const YamlNode *n = spec.get("batchSize"); n && !n->isNull())
    (void)readBatchSize(n, m->batchSize, batchLoc, ctx.diags);
  lowerOperations(spec, *m, nameNode ? nameNode->loc : spec.getLoc(), ctx);
  // The migration's batchSize is the default of its operations.
  if (m->batchSize)
    for (OperationPtr &op : m->operations)
      if (op && !op->batchSize) {
        op->batchSize = m->batchSize;
        op->batchSizeLoc = batchLoc;
      }
  if (nameNode)
    ctx.module.migrations.push_back(std::move(m));
}
