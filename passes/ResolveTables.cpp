//===- ResolveTables.cpp - which table a name means -----------------------===//
//
// A table's identity is (database, schema, name). A migration sees the tables
// of its own spec.database only (no fallback to another database), as they
// are in its phase: the Table specs after the schema change, the schema
// before it for a before_schema migration (Module::beforeTables). Then:
//  * `schema.name` must be in that schema (a spec without `schema:` is in
//    public);
//  * a bare name in the spec (`table: users`) or in a where/expression may
//    mean a table of any schema, but only one: those are emitted from the
//    IR, schema-qualified, so they always reach that table;
//  * a bare name in customSQL runs as written, so it means what PostgreSQL's
//    search_path finds: a table the spec places elsewhere is not reached.
// See docs/schema-scope.md.
//
//===----------------------------------------------------------------------===//

#include "ir/Catalog.h"
#include "ir/Suggest.h"

#include "passes/ResolveInternal.h"
#include "llvm/ADT/STLExtras.h"

using namespace shc;

void Resolver::beginMigration(Migration &m) {
  migration = &m;
  database = m.database;
  bool before = m.phase == Phase::BeforeSchema;
  tables = before && module.beforeSchemaKnown ? &module.beforeTables : &module.tables;
  beforeSchemaOffline = before && !module.beforeSchemaKnown;
}

std::vector<const Table *> Resolver::tablesNamed(llvm::StringRef schema,
                                                 llvm::StringRef name) const {
  std::vector<const Table *> found;
  if (tables == &module.tables) { // the common case: the index, not a scan
    auto it = tablesByName.find(name);
    if (it != tablesByName.end())
      for (const Table *t : it->second)
        if (tableIsIn(*t, database, schema))
          found.push_back(t);
  } else {
    found = findTables(*tables, database, schema, name);
  }
  if (beforeSchemaOffline) // dropped by the schema change: still there before it
    for (const Table *t : findTables(module.deletedTables, database, schema, name))
      found.push_back(t);
  // A table the specs describe wins over one only the live database has
  // (--uri), so a name means the same with and without --uri.
  if (llvm::any_of(found, [](const Table *t) { return !t->live; }))
    llvm::erase_if(found, [](const Table *t) { return t->live; });
  return found;
}

std::vector<std::string> Resolver::tableNames(bool qualified) const {
  std::vector<std::string> names;
  auto add = [&](const std::vector<std::unique_ptr<Table>> &list) {
    for (const auto &t : list)
      if (database.empty() || t->database.empty() || t->database == database)
        names.push_back(qualified ? t->schemaOrDefault().str() + "." + t->name : t->name);
  };
  add(*tables);
  if (beforeSchemaOffline)
    add(module.deletedTables);
  return names;
}

InFlightDiagnostic Resolver::unknownName(SourceLoc loc, llvm::StringRef rule, std::string message) {
  if (!beforeSchemaOffline)
    return diags.error(loc, rule, std::move(message));
  if (migration)
    migration->schemaUnchecked = true;
  auto d = diags.warning(loc, "before-schema-unchecked",
                         std::move(message) + " in the Table specs; not checked");
  d.hint("a before_schema migration runs before the Table specs are applied, when the "
         "schema may still have it; give --uri or --before-specs DIR to check it");
  return d;
}

bool Resolver::resolveTarget(const std::string &schema, const std::string &name, SourceLoc loc,
                             const Table *&out) {
  out = findBaseTable(schema, name, loc);
  return out != nullptr;
}

const Table *Resolver::findBaseTable(llvm::StringRef schema, llvm::StringRef name, SourceLoc loc) {
  std::string written = qualifiedName(schema, name);
  if (module.getTarget().catalog().qualifierNamesConnectionScope())
    schema = ""; // a keyspace: the specs do not say which, the name finds the table
  std::vector<const Table *> found = tablesNamed(schema, name);
  if (asWritten && schema.empty() && !found.empty()) {
    std::vector<const Table *> visible;
    for (const Table *t : found)
      if (t->onSearchPath)
        visible.push_back(t);
    if (visible.empty()) {
      const Table *t = found.front();
      diags
          .error(loc, "unqualified-table",
                 "customSQL runs as written: \"" + written +
                     "\" means the table of that name on the database's search path, but the "
                     "Table spec places \"" +
                     name.str() + "\" in schema \"" + t->schema + "\"")
          .note(t->loc, "specified here")
          .hint("write " + t->displayName());
      return nullptr;
    }
    return visible.front(); // PostgreSQL takes the first on the search_path
  }
  if (found.size() == 1)
    return found.front();
  if (found.size() > 1) {
    std::string list;
    for (size_t i = 0; i < found.size(); ++i)
      list += (i ? (i + 1 == found.size() ? " or " : ", ") : "") +
              found[i]->schemaOrDefault().str() + "." + found[i]->name;
    auto d = diags.error(loc, "ambiguous-table",
                         "table \"" + written + "\" is ambiguous: it could be " + list);
    for (const Table *t : found)
      d.note(t->loc, t->schemaOrDefault().str() + "." + t->name + " is specified here");
    d.hint("qualify the name with its schema, e.g. " + found.back()->schemaOrDefault().str() + "." +
           found.back()->name);
    return nullptr;
  }
  // `prod.users` when users is in public and test: say where it is.
  std::vector<const Table *> elsewhere =
      schema.empty() ? std::vector<const Table *>() : tablesNamed("", name);
  std::string suggestion = !elsewhere.empty()
                               ? " (did you mean '" + elsewhere.front()->schemaOrDefault().str() +
                                     "." + name.str() + "'?)"
                               : didYouMean(schema.empty() ? name : llvm::StringRef(written),
                                            tableNames(!schema.empty()));
  auto d =
      unknownName(loc, "unknown-table", "table \"" + written + "\" does not exist" + suggestion);
  if (elsewhere.size() > 1) {
    std::string schemas;
    for (size_t i = 0; i < elsewhere.size(); ++i)
      schemas += (i ? (i + 1 == elsewhere.size() ? " and " : ", ") : "") +
                 elsewhere[i]->schemaOrDefault().str();
    d.note(loc, "\"" + name.str() + "\" is in schemas " + schemas);
  }
  // No fallback to another database's table, but say that it is there.
  if (!database.empty())
    for (const Table *t : findTables(module.tables, "", schema, name))
      if (!t->database.empty() && t->database != database) {
        d.note(t->loc, "a table \"" + t->displayName() + "\" is specified for database \"" +
                           t->database + "\", not \"" + database + "\"");
        break;
      }
  return nullptr;
}
