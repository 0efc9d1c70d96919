// The four operation kinds of a DataMigration list -> UpdateOp / CustomSqlOp.
#include "frontend/CustomSql.h"
#include "frontend/Lower.h"
#include "ir/Catalog.h"
#include "frontend/SpecSchema.h"
#include "frontend/YamlDocument.h"
#include "ir/Diagnostics.h"
#include "ir/Suggest.h"

#include "llvm/ADT/StringMap.h"

using namespace shc;

namespace {

const llvm::StringRef OperationKinds[] = {"staticUpdate", "calculatedUpdate", "transformUpdate",
                                          "customSQL"};

/// `where`, or its alias `condition`. Null or absent means every row.
void lowerWhere(const FieldMap &f, UpdateOp &op, LowerContext &ctx) {
  const YamlNode *where = f.get("where"), *condition = f.get("condition");
  if (where && condition) {
    ctx.diags
        .error(f.getKey("condition")->loc, "invalid-field",
               "'condition' is an alias of 'where'; give only one of them")
        .note(f.getKey("where")->loc, "'where' given here");
  }
  const YamlNode *use = where ? where : condition;
  if (!use || use->isNull())
    return;
  op.whereLoc = use->loc;
  if (!ctx.checksSql()) {
    if (std::optional<std::string> text = readString(use, where ? "where" : "condition", ctx.diags))
      op.uncheckedWhere = *text;
    return;
  }
  op.where = ctx.parseSql(*use, where ? "where" : "condition");
}

/// The fields every update shares: `table` and `where`/`condition`.
std::unique_ptr<UpdateOp> beginUpdate(const FieldMap &f, SourceLoc loc, UpdateOp::Origin origin,
                                      LowerContext &ctx) {
  auto op = std::make_unique<UpdateOp>(loc, origin);
  if (const YamlNode *t = f.require("table")) {
    if (std::optional<std::string> name = readString(t, "table", ctx.diags)) {
      // `schema.table` names the PostgreSQL schema too (docs/schema-scope.md).
      auto [schema, table] = llvm::StringRef(*name).split('.');
      if (table.empty() && !llvm::StringRef(*name).contains('.'))
        std::swap(schema, table);
      if (schema.contains('.') || table.contains('.') || table.empty() ||
          (name->find('.') != std::string::npos && schema.empty())) {
        ctx.diags
            .error(t->loc, "invalid-field",
                   "invalid table name '" + *name + "': expected 'table' or 'schema.table'")
            .hint("the database is spec.database, not part of the table name");
      } else {
        op->schema = schema.str();
        op->table = table.str();
        op->tableLoc = t->loc;
      }
    }
  }
  lowerWhere(f, *op, ctx);
  return op;
}

/// Appends an assignment, reporting a second one to the same column the way
/// PostgreSQL does.
void addAssignment(UpdateOp &op, Assignment a, llvm::StringMap<SourceLoc> &seen,
                   LowerContext &ctx) {
  auto [it, inserted] = seen.try_emplace(a.column, a.loc);
  if (!inserted) {
    ctx.diags
        .error(a.loc, "invalid-field", "multiple assignments to same column \"" + a.column + "\"")
        .note(it->second, "first assigned here");
    return;
  }
  op.assignments.push_back(std::move(a));
}

/// An update whose every assignment failed is dropped: it was reported.
OperationPtr finish(std::unique_ptr<UpdateOp> op) {
  if (op->assignments.empty() || op->table.empty())
    return nullptr;
  return op;
}

/// A list field of an update (`calculations`, `transformations`): required,
/// a non-empty list.
const YamlNode *requireList(const FieldMap &f, llvm::StringRef field, LowerContext &ctx) {
  const YamlNode *n = f.require(field);
  if (!n)
    return nullptr;
  if (!n->isSequence() || n->items.empty()) {
    ctx.diags.error(n->loc, "invalid-field",
                    "'" + field.str() + "' must be a non-empty list, found " +
                        (n->isSequence() ? std::string("an empty list") : n->describe().str()));
    return nullptr;
  }
  return n;
}

OperationPtr lowerStatic(const YamlNode *body, SourceLoc loc, LowerContext &ctx) {
  static const llvm::StringRef Fields[] = {"table", "set", "where", "condition", "batchSize"};
  FieldMap f(body, Fields, "staticUpdate", ctx.diags);
  if (!f.isValid())
    return nullptr;
  auto op = beginUpdate(f, loc, UpdateOp::Origin::Static, ctx);
  const YamlNode *set = f.require("set");
  if (!set)
    return nullptr;
  if (!set->isMapping() || set->entries.empty()) {
    ctx.diags.error(
        set->loc, "invalid-field",
        "'set' must be a mapping of column: value, found " +
            (set->isMapping() ? std::string("an empty mapping") : set->describe().str()));
    return nullptr;
  }
  checkDuplicateKeys(*set, ctx.diags);
  llvm::StringMap<SourceLoc> seen;
  for (const YamlNode::Entry &e : set->entries) {
    if (!e.key->isScalar()) {
      ctx.diags.error(e.key->loc, "invalid-field",
                      "column names in 'set' must be strings, found " + e.key->describe().str());
      continue;
    }
    if (seen.count(e.key->value))
      continue; // duplicate key, reported above
    Assignment a;
    a.column = e.key->value;
    a.loc = e.key->loc;
    a.value = lowerStaticValue(*e.value, qualifiedName(op->schema, op->table), a.column, ctx);
    if (a.value)
      addAssignment(*op, std::move(a), seen, ctx);
  }
  return finish(std::move(op));
}

OperationPtr lowerCalculated(const YamlNode *body, SourceLoc loc, LowerContext &ctx) {
  static const llvm::StringRef Fields[] = {"table", "calculations", "where", "condition", "batchSize"};
  static const llvm::StringRef CalcFields[] = {"column", "expression"};
  FieldMap f(body, Fields, "calculatedUpdate", ctx.diags);
  if (!f.isValid())
    return nullptr;
  auto op = beginUpdate(f, loc, UpdateOp::Origin::Calculated, ctx);
  const YamlNode *calcs = requireList(f, "calculations", ctx);
  if (!calcs)
    return nullptr;
  llvm::StringMap<SourceLoc> seen;
  for (const YamlNode *item : calcs->items) {
    FieldMap c(item, CalcFields, "calculations", ctx.diags);
    if (!c.isValid())
      continue;
    const YamlNode *column = c.require("column");
    const YamlNode *expr = c.require("expression");
    std::optional<std::string> name = readString(column, "column", ctx.diags);
    if (!name || !expr)
      continue;
    Assignment a;
    a.column = *name;
    a.loc = column->loc;
    if (!ctx.checksSql()) {
      if (std::optional<std::string> text = readString(expr, "expression", ctx.diags)) {
        a.uncheckedText = *text;
        addAssignment(*op, std::move(a), seen, ctx);
      }
      continue;
    }
    a.value = ctx.parseSql(*expr, "expression");
    if (a.value)
      addAssignment(*op, std::move(a), seen, ctx);
  }
  return finish(std::move(op));
}

OperationPtr lowerTransformUpdate(const YamlNode *body, SourceLoc loc,
                                  LowerContext &ctx) {
  static const llvm::StringRef Fields[] = {"table", "transformations", "where", "condition", "batchSize"};
  FieldMap f(body, Fields, "transformUpdate", ctx.diags);
  if (!f.isValid())
    return nullptr;
  auto op = beginUpdate(f, loc, UpdateOp::Origin::Transform, ctx);
  const YamlNode *list = requireList(f, "transformations", ctx);
  if (!list)
    return nullptr;
  // A column transformed again takes its previous value as input, in the
  // order written: trim then lowercase is lower(btrim(col)).
  llvm::StringMap<size_t> assigned;
  for (const YamlNode *item : list->items) {
    Assignment a;
    if (!lowerTransform(*item, a, ctx))
      continue;
    auto [it, inserted] = assigned.try_emplace(a.column, op->assignments.size());
    if (inserted)
      op->assignments.push_back(std::move(a));
    else
      composeTransform(op->assignments[it->second], std::move(a));
  }
  return finish(std::move(op));
}

OperationPtr lowerCustomSql(const YamlNode *body, SourceLoc loc, LowerContext &ctx) {
  static const llvm::StringRef Fields[] = {"sql", "validate", "batchSize"};
  FieldMap f(body, Fields, "customSQL", ctx.diags);
  if (!f.isValid())
    return nullptr;
  const YamlNode *sql = f.require("sql");
  std::optional<std::string> text = readString(sql, "sql", ctx.diags);
  if (!text)
    return nullptr;
  if (llvm::StringRef(*text).trim().empty()) {
    ctx.diags.error(sql->loc, "invalid-field", "'sql' must not be empty");
    return nullptr;
  }
  auto op = std::make_unique<CustomSqlOp>(loc);
  op->sql = *text;
  op->sqlLocator = ctx.locate(*sql);
  if (const YamlNode *v = f.get("validate"); v && !v->isNull())
    readBool(v, "validate", op->validate, ctx.diags);
  if (op->validate && ctx.checksSql())
    analyseCustomSql(*op, ctx.catalog(), ctx.diags);
  return op;
}

/// An operation key that is none of the four.
OperationPtr reportUnknownOperation(llvm::StringRef kind, SourceLoc loc, const std::string &kinds,
                                    LowerContext &ctx) {
  std::string suggestion = didYouMean(kind, OperationKinds);
  auto d =
      ctx.diags.error(loc, "unknown-field", "unknown operation '" + kind.str() + "'" + suggestion);
  if (suggestion.empty())
    d.hint("expected one of: " + kinds);
  return nullptr;
}

} // namespace

OperationPtr shc::lowerOperation(const YamlNode &item, LowerContext &ctx) {
  std::string kinds = joinAlternatives(OperationKinds);
  if (!item.isMapping() || item.entries.empty()) {
    ctx.diags.error(
        item.loc, "invalid-field",
        "an operation must be a mapping with one key, one of " + kinds + "; found " +
            (item.isMapping() ? std::string("an empty mapping") : item.describe().str()));
    return nullptr;
  }
  const YamlNode::Entry &first = item.entries.front();
  if (item.entries.size() > 1) {
    const YamlNode *second = item.entries[1].key;
    auto d = ctx.diags.error(second->loc, "invalid-field",
                             "an operation must have exactly one key, found '" + first.key->value +
                                 "' and '" + second->value + "'");
    if (first.value->isNull())
      d.hint("indent the fields of '" + first.key->value + "' under it");
    return nullptr;
  }
  if (!first.key->isScalar()) {
    ctx.diags.error(first.key->loc, "invalid-field",
                    "an operation key must be one of " + kinds + ", found " +
                        first.key->describe().str());
    return nullptr;
  }
  llvm::StringRef kind = first.key->value;
  SourceLoc loc = first.key->loc;
  const YamlNode *body = first.value;
  if (body->isNull()) {
    ctx.diags.error(loc, "missing-field", "operation '" + kind.str() + "' has no fields");
    return nullptr;
  }
  unsigned errorsBefore = ctx.diags.getNumErrors();
  OperationPtr op;
  if (kind == "staticUpdate")
    op = lowerStatic(body, loc, ctx);
  else if (kind == "calculatedUpdate")
    op = lowerCalculated(body, loc, ctx);
  else if (kind == "transformUpdate")
    op = lowerTransformUpdate(body, loc, ctx);
  else if (kind == "customSQL")
    op = lowerCustomSql(body, loc, ctx);
  else
    return reportUnknownOperation(kind, loc, kinds, ctx);
  if (op && body->isMapping())
    if (const YamlNode *b = body->get("batchSize"); b && !b->isNull())
      (void)readBatchSize(b, op->batchSize, op->batchSizeLoc, ctx.diags);
  // Part of it failed (a where that does not parse, a bad value): what is
  // left is still checked, but not judged as if it were the whole operation.
  if (op && ctx.diags.getNumErrors() != errorsBefore)
    op->hasErrors = true;
  return op;
}
