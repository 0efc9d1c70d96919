// kind: Table (SchemaHero's format, full or bare) -> shc::Table, the schema
// migrations are checked against. Every dialect's entry is checked against
// SchemaHero's types (frontend/TableFields.cpp: unknown fields are warnings);
// the target's entry becomes the table, identified by (database, schema,
// name).
#include "frontend/Lower.h"
#include "frontend/SpecSchema.h"
#include "frontend/TableFields.h"
#include "ir/Catalog.h"
#include "frontend/YamlDocument.h"
#include "ir/Diagnostics.h"
#include "ir/Suggest.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

using namespace shc;

namespace {

/// The text of a scalar, or nullopt (a wrong shape was reported by
/// checkFieldShapes).
std::optional<std::string> text(const YamlNode *n) {
  if (n && n->isScalar())
    return n->value;
  return std::nullopt;
}

bool isTrue(const YamlNode *n) {
  return n && n->isScalar() && (n->value == "true" || n->value == "True" || n->value == "TRUE");
}

/// A server that truncates long identifiers (PostgreSQL at NAMEDATALEN-1 =
/// 63 bytes) can make two long names one: an error (docs/hardening.md).
void checkIdentifierLength(llvm::StringRef name, SourceLoc loc, llvm::StringRef what,
                           const Dialect &d, LowerContext &ctx) {
  size_t limit = d.catalog().maxIdentifierLength();
  if (!limit || name.size() <= limit)
    return;
  ctx.diags
      .error(loc, "identifier-too-long",
             what.str() + " \"" + name.str() + "\" is " + std::to_string(name.size()) +
                 " bytes long; " + d.key().str() + " allows at most " + std::to_string(limit))
      .hint(d.displayName().str() + " would silently truncate it to its first " +
            std::to_string(limit) + " bytes");
}

/// One `columns` item (its shape already checked). `d` reads the type: the
/// target, when a postgres entry stands in for cockroachdb.
/// `n`'s scalar leaves under `path`, into `out` (Setting); mapping keys in
/// `skip` (at the top level only) are left out.
void flattenSettings(const YamlNode &n, const std::string &path, std::vector<Setting> &out,
                     std::initializer_list<llvm::StringRef> skip = {}) {
  if (n.isScalar()) {
    out.push_back({path, n.value, n.loc});
  } else if (n.isSequence()) {
    for (size_t i = 0; i < n.items.size(); ++i)
      flattenSettings(*n.items[i], path + "[" + std::to_string(i) + "]", out);
  } else if (n.isMapping()) {
    for (const YamlNode::Entry &e : n.entries) {
      if (!e.key->isScalar() || llvm::is_contained(skip, e.key->value))
        continue;
      flattenSettings(*e.value, path.empty() ? e.key->value : path + "." + e.key->value, out);
    }
  }
}

void lowerColumn(const YamlNode &item, const Dialect &d, Table &t,
                 llvm::StringMap<SourceLoc> &seen, LowerContext &ctx) {
  const YamlNode *name = item.get("name"), *type = item.get("type");
  std::optional<std::string> nameText = text(name), typeText = text(type);
  if (!item.isMapping() || !nameText || !typeText)
    return;
  Column c;
  if (const YamlNode *cons = item.get("constraints"); cons && cons->isMapping())
    c.notNull = isTrue(cons->get("notNull"));
  c.defaultValue = text(item.get("default"));
  c.name = *nameText;
  c.loc = name->loc;
  checkIdentifierLength(c.name, c.loc, "column name", d, ctx);
  c.typeSpelling = *typeText;
  std::optional<Type> parsed = d.catalog().parseColumnType(*typeText);
  if (!parsed) {
    ctx.diags.error(type->loc, "invalid-field",
                    "invalid type '" + *typeText + "' for column \"" + c.name + "\"");
    return;
  }
  c.type = *parsed;
  flattenSettings(item, "", c.settings, {"name", "type"});
  auto [it, inserted] = seen.try_emplace(c.name, c.loc);
  if (!inserted) {
    ctx.diags.error(c.loc, "duplicate-key", "column \"" + c.name + "\" specified more than once")
        .note(it->second, "first defined here");
    return;
  }
  t.columns.push_back(std::move(c));
}

/// Marks a primary-key column; an unknown name is reported.
void addPrimaryKey(const YamlNode &n, Table &t, LowerContext &ctx) {
  for (Column &c : t.columns) {
    if (c.name != n.value)
      continue;
    c.primaryKey = true;
    c.notNull = true;
    t.primaryKey.push_back(c.name);
    return;
  }
  std::vector<std::string> names;
  for (const Column &c : t.columns)
    names.push_back(c.name);
  ctx.diags.error(n.loc, "unknown-column",
                  "primary key column \"" + n.value + "\" does not exist" +
                      didYouMean(n.value, names));
}

/// primaryKey: a list of names; Cassandra's [[partition...], clustering...]
/// (a bare first string is a single partition key).
void lowerPrimaryKey(const YamlNode &pk, llvm::StringRef key, Table &t, LowerContext &ctx) {
  if (!pk.isSequence())
    return; // reported by the shape check
  for (size_t i = 0; i < pk.items.size(); ++i) {
    const YamlNode *item = pk.items[i];
    if (item->isScalar())
      addPrimaryKey(*item, t, ctx);
    else if (item->isSequence() && key == "cassandra")
      for (const YamlNode *name : item->items)
        if (name->isScalar())
          addPrimaryKey(*name, t, ctx);
    if (i == 0 && key == "cassandra")
      t.partitionKeyCount = t.primaryKey.size();
  }
}

/// One `schema.<key>` entry, checked; the table it describes (null when it
/// is not a mapping), its types read by `d`. `deleted` tells whether it says
/// isDeleted.
std::unique_ptr<Table> lowerTableSchema(const YamlNode &n, llvm::StringRef key, const Dialect &d,
                                        bool &deleted, LowerContext &ctx) {
  if (!checkFieldShapes(n, tableSchemaFields(key), "schema." + key.str(), ctx.diags))
    return nullptr;
  auto t = std::make_unique<Table>();
  if (const YamlNode *cols = n.get("columns"); cols && cols->isSequence()) {
    llvm::StringMap<SourceLoc> seen;
    for (const YamlNode *item : cols->items)
      lowerColumn(*item, d, *t, seen, ctx);
  }
  if (const YamlNode *pk = n.get("primaryKey"))
    lowerPrimaryKey(*pk, key, *t, ctx);
  if (std::optional<std::string> schema = text(n.get("schema")); schema && !schema->empty()) {
    t->schema = *schema;
    t->onSearchPath = *schema == "public";
  }
  flattenSettings(n, "", t->settings, {"columns"});
  deleted = isTrue(n.get("isDeleted"));
  return t;
}

/// The schema entry used for the target: the first of its spec keys that
/// has one (cockroachdb: its own, else postgres), or null.
const YamlNode *pickSchema(const YamlNode &schema, const Dialect &target) {
  for (llvm::StringRef key : target.specKeys()) {
    const YamlNode *n = schema.get(key);
    if (n && !n->isNull())
      return n;
  }
  return nullptr;
}

/// Adds the target's table to the module, or reports a second definition.
void addTable(std::unique_ptr<Table> t, bool deleted, LowerContext &ctx) {
  if (deleted) { // not part of the schema after the change
    ctx.module.deletedTables.push_back(std::move(t));
    return;
  }
  std::string key = t->database + '\0' + t->schemaOrDefault().str() + '\0' + t->name;
  auto [it, inserted] = ctx.tableIndex.try_emplace(key, t.get());
  if (!inserted) {
    ctx.diags
        .error(t->loc, "duplicate-key",
               "table \"" + t->displayName() + "\" is defined more than once")
        .note(it->second->loc, "first defined here");
    return;
  }
  ctx.module.tables.push_back(std::move(t));
}

} // namespace

void shc::lowerTable(const FieldMap &top, LowerContext &ctx) {
  const YamlNode *metaName = lowerMetadata(top.get("metadata"), ctx, UnknownFields::Warning);
  if (const YamlNode *spec = top.require("spec"))
    lowerTableSpec(*spec, metaName, ctx);
}

void shc::lowerTableSpec(const YamlNode &spec, const YamlNode *metaName, LowerContext &ctx) {
  if (!checkFieldShapes(spec, tableSpecFields(), "spec", ctx.diags) || spec.isNull())
    return;
  const YamlNode *name = spec.get("name");
  std::optional<std::string> nameText = text(name);
  std::optional<std::string> database = text(spec.get("database"));
  const YamlNode *schema = spec.get("schema");
  if (!schema || schema->isNull())
    return;
  if (!schema->isMapping()) {
    ctx.diags.error(schema->loc, "invalid-field",
                    "'schema' must be a mapping of dialects, found " + schema->describe().str());
    return;
  }
  checkDuplicateKeys(*schema, ctx.diags);
  const Dialect &target = ctx.target();
  const YamlNode *chosen = pickSchema(*schema, target);
  // Every dialect's entry is checked, so `lint` finds mistakes in all of
  // them; only the target's becomes part of the module.
  for (const YamlNode::Entry &e : schema->entries) {
    const Dialect *d = e.key->isScalar() ? ctx.dialects.find(e.key->value) : nullptr;
    if (!d) {
      if (e.key->isScalar()) {
        std::vector<std::string> names = ctx.dialects.keys();
        std::vector<llvm::StringRef> keys(names.begin(), names.end());
        reportUnknownField(*e.key, keys, "schema", UnknownFields::Warning, ctx.diags);
      }
      continue;
    }
    if (e.value->isNull())
      continue;
    // SchemaHero's own CockroachDB specs are written under `postgres:`:
    // their types mean what the target means (INT is 64-bit there).
    const Dialect &typeDialect = e.value == chosen ? target : *d;
    bool deleted = false;
    std::unique_ptr<Table> t = lowerTableSchema(*e.value, d->key(), typeDialect, deleted, ctx);
    if (e.value != chosen || !t || !nameText)
      continue;
    t->name = *nameText;
    t->database = database.value_or("");
    t->metadataName = metaName ? metaName->value : "";
    t->loc = name->loc;
    checkIdentifierLength(t->name, t->loc, "table name", typeDialect, ctx);
    addTable(std::move(t), deleted, ctx);
  }
}
