// Bare specs: SchemaHero's fixtures and its CLI read a TableSpec or a
// DataMigration spec as a whole document, with no apiVersion, kind or
// metadata. The two share `database`, `name`, `requires` and `schema`; what
// tells them apart is the shape of `schema.<dialect>` (a Table's is a
// mapping of columns, a DataMigration's a list of operations) and the fields
// only one of them has.
#include "frontend/Lower.h"
#include "frontend/YamlDocument.h"
#include "ir/Diagnostics.h"

using namespace shc;

namespace {

/// The first reason `root` reads as each kind, or "" when it does not.
struct Readings {
  std::string table, migration;
  SourceLoc tableLoc, migrationLoc;
};

Readings classify(const YamlNode &root) {
  Readings r;
  auto table = [&](SourceLoc loc, std::string why) {
    if (r.table.empty())
      r.table = std::move(why), r.tableLoc = loc;
  };
  auto migration = [&](SourceLoc loc, std::string why) {
    if (r.migration.empty())
      r.migration = std::move(why), r.migrationLoc = loc;
  };
  for (const YamlNode::Entry &e : root.entries) {
    if (!e.key->isScalar())
      continue;
    llvm::StringRef key = e.key->value;
    if (key == "seedData")
      table(e.key->loc, "it has 'seedData'");
    else if (key == "executionOrder" || key == "idempotent")
      migration(e.key->loc, "it has '" + key.str() + "'");
  }
  if (const YamlNode *schema = root.get("schema"); schema && schema->isMapping())
    for (const YamlNode::Entry &e : schema->entries) {
      std::string where = "'schema." + (e.key->isScalar() ? e.key->value : "?") + "'";
      if (e.value->isMapping())
        table(e.key->loc, where + " is a mapping of columns");
      else if (e.value->isSequence())
        migration(e.key->loc, where + " is a list of operations");
    }
  return r;
}

} // namespace

void shc::lowerBareSpec(const YamlNode &root, LowerContext &ctx) {
  Readings r = classify(root);
  if (!r.table.empty() && r.migration.empty())
    return lowerTableSpec(root, nullptr, ctx);
  if (r.table.empty() && !r.migration.empty()) {
    if (!ctx.tablesOnly)
      lowerDataMigrationSpec(root, nullptr, "spec", ctx);
    return;
  }
  if (r.table.empty()) {
    ctx.diags
        .error(root.loc, "ambiguous-document",
               "a document without 'kind' must be a bare Table or DataMigration spec, and this "
               "one shows neither")
        .hint("a Table spec has 'schema: {postgres: {columns: [...]}}', a DataMigration spec "
              "'schema: {postgres: [operations]}'; or add 'kind: Table' / 'kind: DataMigration'");
    return;
  }
  ctx.diags
      .error(root.loc, "ambiguous-document",
             "this bare spec reads both as a Table (" + r.table + ") and as a DataMigration (" +
                 r.migration + ")")
      .note(r.tableLoc, "read as a Table here")
      .note(r.migrationLoc, "read as a DataMigration here")
      .hint("add 'kind: Table' or 'kind: DataMigration' (with apiVersion and spec), or fix the "
            "entry that does not belong");
}
