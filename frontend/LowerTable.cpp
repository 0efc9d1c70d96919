// kind: Table (SchemaHero's format) -> shc::Table, the schema migrations are
// checked against. Strict about columns; structure-only about indexes,
// foreign keys, triggers and dialect extras.
#include "frontend/Lower.h"
#include "frontend/SpecSchema.h"
#include "frontend/TypeNames.h"
#include "frontend/YamlDocument.h"
#include "ir/Diagnostics.h"
#include "ir/Suggest.h"

#include "llvm/ADT/StringMap.h"

using namespace shc;

namespace {

const llvm::StringRef TableSpecFields[] = {"database", "name", "requires", "schema", "seedData"};
const llvm::StringRef PostgresFields[] = {"primaryKey", "columns",  "indexes",       "foreignKeys",
                                          "isDeleted",  "triggers", "json:triggers", "schema"};
const llvm::StringRef TimescaleFields[] = {"primaryKey", "columns",  "indexes",   "foreignKeys",
                                           "isDeleted",  "triggers", "hypertable"};
const llvm::StringRef MysqlFields[] = {"primaryKey", "columns",        "indexes",  "foreignKeys",
                                       "isDeleted",  "defaultCharset", "collation"};
const llvm::StringRef SqliteFields[] = {"primaryKey",  "columns",   "indexes",
                                        "foreignKeys", "isDeleted", "strict"};
const llvm::StringRef CassandraFields[] = {"primaryKey", "columns", "isDeleted", "clusteringOrder",
                                           "properties"};
const llvm::StringRef ColumnFields[] = {"name", "type", "constraints", "attributes", "default"};
const llvm::StringRef MysqlColumnFields[] = {"name",    "type",    "constraints", "attributes",
                                             "default", "charset", "collation"};
const llvm::StringRef CassandraColumnFields[] = {"name", "type", "isStatic"};
const llvm::StringRef ConstraintFields[] = {"notNull", "maxLength"};
const llvm::StringRef AttributeFields[] = {"autoIncrement"};

llvm::ArrayRef<llvm::StringRef> schemaFields(Dialect d) {
  switch (d) {
  case Dialect::Postgres:
  case Dialect::CockroachDB:
    return PostgresFields;
  case Dialect::TimescaleDB:
    return TimescaleFields;
  case Dialect::MySQL:
    return MysqlFields;
  case Dialect::SQLite:
  case Dialect::RQLite:
    return SqliteFields;
  case Dialect::Cassandra:
    return CassandraFields;
  }
  return PostgresFields;
}

llvm::ArrayRef<llvm::StringRef> columnFields(Dialect d) {
  if (d == Dialect::MySQL)
    return MysqlColumnFields;
  if (d == Dialect::Cassandra)
    return CassandraColumnFields;
  return ColumnFields;
}

/// indexes, foreignKeys, triggers: a list of mappings, contents unchecked.
void checkLenientList(const YamlNode *n, llvm::StringRef field, LowerContext &ctx) {
  if (!n || n->isNull())
    return;
  if (!n->isSequence()) {
    ctx.diags.error(n->loc, "invalid-field",
                    "'" + field.str() + "' must be a list, found " + n->describe().str());
    return;
  }
  for (const YamlNode *item : n->items)
    FieldMap(item, {}, field, ctx.diags);
}

/// PostgreSQL silently truncates identifiers to NAMEDATALEN-1 = 63 bytes, so
/// two long names can become one: an error (docs/hardening.md).
void checkIdentifierLength(llvm::StringRef name, SourceLoc loc, llvm::StringRef what, Dialect d,
                           LowerContext &ctx) {
  constexpr size_t MaxPostgresIdentifier = 63;
  if (!isPostgresFamily(d) || name.size() <= MaxPostgresIdentifier)
    return;
  ctx.diags
      .error(loc, "identifier-too-long",
             what.str() + " \"" + name.str() + "\" is " + std::to_string(name.size()) +
                 " bytes long; " + dialectKey(d).str() + " allows at most " +
                 std::to_string(MaxPostgresIdentifier))
      .hint("PostgreSQL would silently truncate it to its first 63 bytes");
}

void lowerColumn(const YamlNode *item, Dialect d, Table &t, llvm::StringMap<SourceLoc> &seen,
                 LowerContext &ctx) {
  FieldMap f(item, columnFields(d), "columns", ctx.diags);
  if (!f.isValid())
    return;
  const YamlNode *name = f.require("name");
  const YamlNode *type = f.require("type");
  std::optional<std::string> nameText = readString(name, "name", ctx.diags);
  std::optional<std::string> typeText = readString(type, "type", ctx.diags);
  Column c;
  if (const YamlNode *cons = f.get("constraints")) {
    FieldMap cf(cons, ConstraintFields, "constraints", ctx.diags);
    if (const YamlNode *nn = cf.get("notNull"); nn && !nn->isNull())
      readBool(nn, "notNull", c.notNull, ctx.diags);
  }
  if (const YamlNode *attrs = f.get("attributes")) {
    FieldMap af(attrs, AttributeFields, "attributes", ctx.diags);
    bool autoIncrement = false;
    if (const YamlNode *ai = af.get("autoIncrement"); ai && !ai->isNull())
      readBool(ai, "autoIncrement", autoIncrement, ctx.diags);
  }
  if (const YamlNode *st = f.get("isStatic"); st && !st->isNull()) {
    bool isStatic = false;
    readBool(st, "isStatic", isStatic, ctx.diags);
  }
  if (std::optional<std::string> def = readString(f.get("default"), "default", ctx.diags))
    c.defaultValue = *def;
  for (llvm::StringRef extra : {"charset", "collation"})
    readString(f.get(extra), extra, ctx.diags);
  if (!nameText || !typeText)
    return;

  c.name = *nameText;
  c.loc = name->loc;
  checkIdentifierLength(c.name, c.loc, "column name", d, ctx);
  c.typeSpelling = *typeText;
  std::optional<Type> parsed = parseTypeName(*typeText, d);
  if (!parsed) {
    ctx.diags.error(type->loc, "invalid-field",
                    "invalid type '" + *typeText + "' for column \"" + c.name + "\"");
    return;
  }
  c.type = *parsed;
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

/// Cassandra: [[partition...], clustering...]; a bare first string is a
/// single partition key.
void lowerCassandraKey(const YamlNode &pk, Table &t, LowerContext &ctx) {
  if (!pk.isSequence()) {
    ctx.diags.error(pk.loc, "invalid-field",
                    "'primaryKey' must be a list, found " + pk.describe().str());
    return;
  }
  for (size_t i = 0; i < pk.items.size(); ++i) {
    const YamlNode *item = pk.items[i];
    std::vector<const YamlNode *> names;
    if (item->isSequence())
      names = readStringList(item, "primaryKey", ctx.diags);
    else if (item->isScalar())
      names.push_back(item);
    else
      readStringList(item, "primaryKey", ctx.diags); // reports the shape
    for (const YamlNode *n : names)
      addPrimaryKey(*n, t, ctx);
    if (i == 0)
      t.partitionKeyCount = t.primaryKey.size();
  }
}

/// One `schema.<dialect>` entry. Returns null when the table is marked
/// deleted (it is not part of the schema migrations run against).
std::unique_ptr<Table> lowerTableSchema(const YamlNode &n, Dialect d, LowerContext &ctx) {
  FieldMap s(&n, schemaFields(d), "schema." + dialectKey(d).str(), ctx.diags);
  auto t = std::make_unique<Table>();
  if (!s.isValid())
    return t;
  if (const YamlNode *cols = s.get("columns"); cols && !cols->isNull()) {
    if (!cols->isSequence()) {
      ctx.diags.error(cols->loc, "invalid-field",
                      "'columns' must be a list, found " + cols->describe().str());
    } else {
      llvm::StringMap<SourceLoc> seen;
      for (const YamlNode *item : cols->items)
        lowerColumn(item, d, *t, seen, ctx);
    }
  }
  if (const YamlNode *pk = s.get("primaryKey"); pk && !pk->isNull()) {
    if (d == Dialect::Cassandra)
      lowerCassandraKey(*pk, *t, ctx);
    else
      for (const YamlNode *name : readStringList(pk, "primaryKey", ctx.diags))
        addPrimaryKey(*name, *t, ctx);
  }
  for (llvm::StringRef list : {"indexes", "foreignKeys", "triggers", "json:triggers"})
    checkLenientList(s.get(list), list, ctx);
  for (llvm::StringRef map : {"hypertable", "properties", "clusteringOrder"})
    if (const YamlNode *m = s.get(map))
      FieldMap(m, {}, map, ctx.diags);
  for (llvm::StringRef text : {"schema", "defaultCharset", "collation"})
    readString(s.get(text), text, ctx.diags);
  bool flag = false;
  if (const YamlNode *st = s.get("strict"); st && !st->isNull())
    readBool(st, "strict", flag, ctx.diags);
  bool deleted = false;
  if (const YamlNode *del = s.get("isDeleted"); del && !del->isNull())
    readBool(del, "isDeleted", deleted, ctx.diags);
  return deleted ? nullptr : std::move(t);
}

/// The schema entry used for the target (own, else postgres for the postgres
/// family), or null.
const YamlNode *pickSchema(const FieldMap &schema, Dialect target) {
  auto present = [&](Dialect d) -> const YamlNode * {
    const YamlNode *n = schema.get(dialectKey(d));
    return n && !n->isNull() ? n : nullptr;
  };
  if (const YamlNode *own = present(target))
    return own;
  if (target == Dialect::CockroachDB || target == Dialect::TimescaleDB)
    return present(Dialect::Postgres);
  return nullptr;
}

} // namespace

void shc::lowerTable(const FieldMap &top, LowerContext &ctx) {
  lowerMetadata(top.get("metadata"), ctx);
  const YamlNode *specNode = top.require("spec");
  if (!specNode)
    return;
  FieldMap spec(specNode, TableSpecFields, "spec", ctx.diags);
  if (!spec.isValid())
    return;
  const YamlNode *name = spec.require("name");
  std::optional<std::string> nameText = readString(name, "name", ctx.diags);
  std::optional<std::string> database = readString(spec.get("database"), "database", ctx.diags);
  readStringList(spec.get("requires"), "requires", ctx.diags);

  FieldMap schema(spec.get("schema"), allDialectKeys(), "schema", ctx.diags);
  if (!schema.isValid() || !schema.getNode() || schema.getNode()->isNull())
    return;
  const YamlNode *chosen = pickSchema(schema, ctx.target());
  // Every dialect's schema is checked, so `lint` finds mistakes in all of
  // them; only the target's becomes part of the module.
  for (const YamlNode::Entry &e : schema.getNode()->entries) {
    std::optional<Dialect> d = e.key->isScalar() ? parseDialect(e.key->value) : std::nullopt;
    if (!d || e.value->isNull())
      continue;
    std::unique_ptr<Table> t = lowerTableSchema(*e.value, *d, ctx);
    if (e.value != chosen || !t || !nameText)
      continue;
    t->name = *nameText;
    t->database = database.value_or("");
    t->loc = name->loc;
    checkIdentifierLength(t->name, t->loc, "table name", *d, ctx);
    std::string key = t->database + '\0' + t->name;
    auto [it, inserted] = ctx.tableIndex.try_emplace(key, t.get());
    if (!inserted) {
      ctx.diags
          .error(t->loc, "duplicate-key", "table \"" + t->name + "\" is defined more than once")
          .note(it->second->loc, "first defined here");
      continue;
    }
    ctx.module.tables.push_back(std::move(t));
  }
}
