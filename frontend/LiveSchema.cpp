//===- LiveSchema.cpp - a live database's tables and functions as IR -----===//
//
// --uri: the tables a live database has (that no Table spec describes) join
// the module, in a source buffer of their own so diagnostics can point at
// them, and are the schema before_schema migrations are checked against.
//
//===----------------------------------------------------------------------===//

#include "frontend/LiveSchema.h"

#include "ir/Catalog.h"
#include "ir/Dialect.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"
#include "ir/Statement.h"
#include "ir/SourceManager.h"

#include <set>

using namespace shc;

static void collectCalls(const Expr &e, std::set<std::string> &names) {
  if (auto *call = llvm::dyn_cast<FuncCallExpr>(&e))
    names.insert(call->name);
  forEachChild(e, [&](const Expr &child) { collectCalls(child, names); });
}

static void collectCalls(const UpdateOp &u, std::set<std::string> &names) {
  for (const Assignment &a : u.assignments)
    if (a.value)
      collectCalls(*a.value, names);
  if (u.where)
    collectCalls(*u.where, names);
}

std::vector<std::string> shc::calledFunctionNames(const Module &module) {
  std::set<std::string> names;
  for (const auto &m : module.migrations)
    for (const OperationPtr &op : m->operations) {
      if (auto *u = llvm::dyn_cast<UpdateOp>(op.get()))
        collectCalls(*u, names);
      else if (auto *c = llvm::dyn_cast<CustomSqlOp>(op.get()))
        for (const SqlStatement &st : c->statements)
          forEachStatementExpr(st, [&](const Expr &e) { collectCalls(e, names); });
    }
  return std::vector<std::string>(names.begin(), names.end());
}

void shc::lowerLiveSchema(const std::vector<LiveTable> &tables, llvm::StringRef sourceName,
                          Module &module, SourceManager &sources) {
  // The text the locations point into: "table SCHEMA.NAME" then one
  // "  column TYPE" line per column.
  std::string text;
  std::vector<std::pair<size_t, std::vector<size_t>>> offsets;
  for (const LiveTable &lt : tables) {
    offsets.push_back({text.size() + 6, {}});
    text += "table " + (lt.schema.empty() ? "" : lt.schema + ".") + lt.name + "\n";
    for (const LiveColumn &lc : lt.columns) {
      offsets.back().second.push_back(text.size() + 2);
      text += "  " + lc.name + " " + lc.type + (lc.notNull ? " NOT NULL" : "") + "\n";
    }
  }
  uint32_t file = sources.addBuffer(sourceName.str(), text);
  const Catalog &catalog = module.getTarget().catalog();
  bool beforeGiven = module.beforeSchemaKnown;
  for (size_t n = 0; n < tables.size(); ++n) {
    const LiveTable &lt = tables[n];
    auto [tableOffset, columnOffsets] = offsets[n];
    auto t = std::make_unique<Table>();
    // public is the schema a spec without `schema:` means: such tables keep
    // the unqualified spelling (docs/schema-scope.md).
    t->schema = lt.schema == "public" ? "" : lt.schema;
    t->name = lt.name;
    t->onSearchPath = lt.onSearchPath;
    t->live = true;
    t->loc = sources.getLoc(file, tableOffset);
    for (size_t i = 0; i < lt.columns.size(); ++i) {
      const LiveColumn &lc = lt.columns[i];
      Column c;
      c.loc = sources.getLoc(file, columnOffsets[i]);
      c.name = lc.name;
      c.typeSpelling = lc.type;
      // The server's own spellings all parse; anything else stays opaque.
      c.type = catalog.parseColumnType(lc.type).value_or(Type::other(lc.type));
      c.notNull = lc.notNull;
      c.primaryKey = lc.primaryKey;
      if (lc.primaryKey)
        t->primaryKey.push_back(lc.name);
      t->columns.push_back(std::move(c));
    }
    // The live database is the schema before the Table specs are applied:
    // before_schema migrations are checked against it (unless
    // --before-specs said what it is). After the change, a Table spec wins
    // over the live table.
    if (!beforeGiven)
      module.beforeTables.push_back(std::make_unique<Table>(*t));
    for (const auto &[path, value] : lt.settings)
      t->liveSettings.push_back({path, value, t->loc});
    // A spec of the same table keeps what the server says about it.
    bool described = false;
    for (const auto &spec : module.tables)
      if (!spec->live && spec->name == t->name && tableIsIn(*spec, "", t->schemaOrDefault())) {
        spec->liveSettings = t->liveSettings;
        described = true;
      }
    if (!described)
      module.tables.push_back(std::move(t));
  }
  module.beforeSchemaKnown = true;
}
