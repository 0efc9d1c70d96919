//===- CassandraKeys.cpp - what a CQL write's WHERE may say ---------------===//

#include "backends/cassandra/CassandraKeys.h"

#include "ir/Diagnostics.h"
#include "ir/Expr.h"
#include "ir/Module.h"

#include "llvm/ADT/StringSet.h"

using namespace shc;

namespace {

bool isPartitionKey(const Table &t, llvm::StringRef column) {
  for (size_t i = 0; i < t.partitionKeyCount && i < t.primaryKey.size(); ++i)
    if (t.primaryKey[i] == column)
      return true;
  return false;
}

std::string keyList(const Table &t, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < t.primaryKey.size(); ++i)
    out += (out.empty() ? "" : ", ") + t.primaryKey[i];
  return out;
}

/// A value CQL can write: a literal, a function of no column, a cast of one.
bool isValue(const Expr *e) {
  if (!e)
    return false;
  if (llvm::isa<LiteralExpr>(e))
    return true;
  if (auto *c = llvm::dyn_cast<CastExpr>(e))
    return isValue(c->operand.get());
  if (auto *u = llvm::dyn_cast<UnaryExpr>(e))
    return isValue(u->operand.get());
  if (auto *f = llvm::dyn_cast<FuncCallExpr>(e)) {
    for (const ExprPtr &a : f->args)
      if (!isValue(a.get()))
        return false;
    return true;
  }
  return false;
}

const ColumnRefExpr *columnOf(const Expr *e) {
  return llvm::dyn_cast_or_null<ColumnRefExpr>(e);
}

/// One conjunct as a relation; false when CQL cannot hold it.
bool relationOf(const Expr *e, KeyRelation &r) {
  r.expr = e;
  r.loc = e->getLoc();
  if (auto *b = llvm::dyn_cast<BinaryExpr>(e)) {
    const ColumnRefExpr *col = columnOf(b->lhs.get());
    const Expr *value = b->rhs.get();
    if (!col) {
      col = columnOf(b->rhs.get());
      value = b->lhs.get();
    }
    if (!col || !isValue(value))
      return false;
    r.column = col->name;
    switch (b->op) {
    case BinaryExpr::Op::Eq:
      r.op = KeyRelation::Op::Eq;
      return true;
    case BinaryExpr::Op::Ne:
      r.op = KeyRelation::Op::Ne;
      return true;
    case BinaryExpr::Op::Lt:
    case BinaryExpr::Op::Le:
    case BinaryExpr::Op::Gt:
    case BinaryExpr::Op::Ge:
      r.op = KeyRelation::Op::Range;
      return true;
    default:
      return false;
    }
  }
  if (auto *in = llvm::dyn_cast<InListExpr>(e)) {
    const ColumnRefExpr *col = columnOf(in->operand.get());
    if (!col || in->negated)
      return false;
    for (const ExprPtr &item : in->items)
      if (!isValue(item.get()))
        return false;
    r.column = col->name;
    r.op = KeyRelation::Op::In;
    return true;
  }
  if (auto *bt = llvm::dyn_cast<BetweenExpr>(e)) {
    const ColumnRefExpr *col = columnOf(bt->operand.get());
    if (!col || bt->negated || !isValue(bt->low.get()) || !isValue(bt->high.get()))
      return false;
    r.column = col->name;
    r.op = KeyRelation::Op::Range;
    return true;
  }
  return false;
}

void conjuncts(const Expr *e, std::vector<const Expr *> &out) {
  if (auto *b = llvm::dyn_cast<BinaryExpr>(e); b && b->op == BinaryExpr::Op::And) {
    conjuncts(b->lhs.get(), out);
    conjuncts(b->rhs.get(), out);
    return;
  }
  out.push_back(e);
}

} // namespace

bool shc::checkKeyRelations(const Table &t, WriteKind kind, bool staticOnly,
                            const std::vector<KeyRelation> &relations, SourceLoc whereLoc,
                            std::vector<KeyRelation> &nonKey, bool &singleRow,
                            DiagnosticEngine *diags) {
  bool ok = true;
  auto error = [&](SourceLoc loc, llvm::StringRef rule, const std::string &msg,
                   const std::string &hint) {
    ok = false;
    if (diags)
      diags->error(loc, rule, msg).hint(hint);
  };
  const char *verb = kind == WriteKind::Delete ? "a DELETE" : "an UPDATE";
  llvm::StringMap<const KeyRelation *> byColumn;
  for (const KeyRelation &r : relations) {
    bool key = std::find(t.primaryKey.begin(), t.primaryKey.end(), r.column) != t.primaryKey.end();
    if (!key) {
      nonKey.push_back(r);
      continue;
    }
    if (!byColumn.try_emplace(r.column, &r).second) {
      error(r.loc, "cql-key-restriction",
            "key column \"" + r.column + "\" is restricted twice; CQL takes one restriction per "
            "key column in a write",
            "give one = or IN for it");
      continue;
    }
    if (isPartitionKey(t, r.column) && r.op != KeyRelation::Op::Eq && r.op != KeyRelation::Op::In)
      error(r.loc, "cql-partition-range",
            std::string(r.op == KeyRelation::Op::Ne ? "!= on" : "a range over") +
                " partition key column \"" + r.column + "\": Cassandra places rows by the token "
                "of the partition key, so CQL cannot write a range of partitions",
            "list the partitions with IN (...), or run one migration per partition from "
            "application code that reads the keys first");
  }
  singleRow = true;
  for (size_t i = 0; i < t.primaryKey.size(); ++i) {
    const std::string &col = t.primaryKey[i];
    bool partition = i < t.partitionKeyCount;
    auto it = byColumn.find(col);
    const KeyRelation *r = it == byColumn.end() ? nullptr : it->second;
    if (r && r->op != KeyRelation::Op::Eq)
      singleRow = false;
    if (partition) {
      if (!r)
        error(whereLoc, "cql-key-restriction",
              "partition key column \"" + col + "\" is not fixed: " + verb +
                  " in CQL names its partitions by = or IN on every partition key column (" +
                  keyList(t, 0, t.partitionKeyCount) + ")",
              "add " + col + " = value (or IN (...)) to the where");
      continue;
    }
    if (staticOnly) {
      if (r)
        error(r->loc, "cql-key-restriction",
              "clustering column \"" + col + "\" restricted in an UPDATE that sets only static "
              "columns: a static column belongs to the whole partition",
              "restrict the partition key only");
      continue;
    }
    if (kind == WriteKind::Update) {
      if (!r) {
        singleRow = false;
        error(whereLoc, "cql-key-restriction",
              "clustering column \"" + col + "\" is not fixed: an UPDATE in CQL names whole rows, "
              "by = or IN on every primary key column (" + keyList(t, 0, t.primaryKey.size()) + ")",
              "add " + col + " = value (or IN (...)); to change many rows, list them with IN");
      } else if (r->op != KeyRelation::Op::Eq && r->op != KeyRelation::Op::In) {
        error(r->loc, "cql-key-restriction",
              "a range over clustering column \"" + col + "\" in an UPDATE: CQL updates rows "
              "named by = or IN only (a DELETE may take a range on the last clustering column)",
              "list the rows with " + col + " IN (...)");
      }
      continue;
    }
    // DELETE: a prefix by = or IN, the last restricted one may be a range.
    if (!r) {
      singleRow = false;
      for (size_t j = i + 1; j < t.primaryKey.size(); ++j)
        if (byColumn.count(t.primaryKey[j]))
          error(byColumn[t.primaryKey[j]]->loc, "cql-key-restriction",
                "clustering column \"" + t.primaryKey[j] + "\" is restricted but \"" + col +
                    "\" before it is not: CQL restricts clustering columns in order",
                "restrict " + col + " too, or drop the restriction on " + t.primaryKey[j]);
      break;
    }
    if (r->op == KeyRelation::Op::Range || r->op == KeyRelation::Op::Ne) {
      singleRow = false;
      if (r->op == KeyRelation::Op::Ne)
        error(r->loc, "cql-key-restriction", "!= on clustering column \"" + col +
                                                 "\": CQL cannot delete all rows but one",
              "write the ranges on either side as two DELETEs");
      for (size_t j = i + 1; j < t.primaryKey.size(); ++j)
        if (byColumn.count(t.primaryKey[j]))
          error(byColumn[t.primaryKey[j]]->loc, "cql-key-restriction",
                "clustering column \"" + t.primaryKey[j] + "\" is restricted after a range on \"" +
                    col + "\": only the last restricted clustering column may be a range",
                "drop the restriction on " + t.primaryKey[j]);
      break;
    }
  }
  return ok;
}

bool shc::planCqlUpdate(const UpdateOp &op, const Migration &m, CqlUpdatePlan &plan,
                        DiagnosticEngine *diags) {
  auto refuse = [&](SourceLoc loc, llvm::StringRef rule, const std::string &msg,
                    const std::string &hint) {
    if (diags)
      diags->error(loc, rule, msg).hint(hint);
    return false;
  };
  if (op.origin == UpdateOp::Origin::Calculated)
    return refuse(op.getLoc(), "cql-calculated-update",
                  "calculatedUpdate cannot be written in CQL: an UPDATE's SET takes values, "
                  "not expressions over other columns",
                  "compute the values in application code (or a Spark job) and write them with "
                  "a staticUpdate per key, or customSQL");
  if (op.origin == UpdateOp::Origin::Transform)
    return refuse(op.getLoc(), "cql-transform-update",
                  "transformUpdate cannot be written in CQL: Cassandra cannot compute a column "
                  "from its current value in a write",
                  "read the rows, transform them in application code and write them back with "
                  "staticUpdate or customSQL per key");
  if (!op.resolved)
    return false;
  const Table &t = *op.resolved;
  if (!op.where)
    return refuse(op.whereLoc.isValid() ? op.whereLoc : op.getLoc(), "cql-no-where",
                  "an update of every row of \"" + t.name + "\" cannot be written in CQL: a "
                  "write names its rows by their primary key (" +
                      [&] {
                        std::string s;
                        for (const std::string &k : t.primaryKey)
                          s += (s.empty() ? "" : ", ") + k;
                        return s;
                      }() + ")",
                  "add a where that fixes the key; for every row, read the keys in application "
                  "code and write one staticUpdate (or customSQL) per key");
  bool ok = true;
  bool staticOnly = !op.assignments.empty();
  for (const Assignment &a : op.assignments) {
    const Column *c = a.resolved;
    if (!c)
      continue;
    const Setting *st = findSetting(c->settings, "isStatic");
    if (!st || st->value != "true")
      staticOnly = false;
    if (std::find(t.primaryKey.begin(), t.primaryKey.end(), c->name) != t.primaryKey.end())
      ok = refuse(a.loc, "cql-key-restriction",
                  "primary key column \"" + c->name + "\" cannot be SET: CQL writes a row "
                  "under its key, it never moves one",
                  "insert the row under the new key and delete the old one (customSQL BATCH)");
    else if (c->typeSpelling == "counter" || c->type.str() == "counter")
      ok = refuse(a.loc, "cql-set-expression",
                  "counter column \"" + c->name + "\" cannot be SET to a value: CQL only adds "
                  "to a counter",
                  "write customSQL: UPDATE ... SET " + c->name + " = " + c->name + " + n ...");
  }
  std::vector<const Expr *> parts;
  conjuncts(op.where.get(), parts);
  std::vector<KeyRelation> relations;
  for (const Expr *e : parts) {
    KeyRelation r;
    if (!relationOf(e, r)) {
      ok = refuse(e->getLoc(), "cql-where-form",
                  "CQL cannot write this condition: a write's WHERE is column = value, "
                  "column IN (values) and comparisons, joined by AND",
                  "no OR, NOT, IS NULL, LIKE or expressions over columns; split the migration "
                  "per key instead");
      continue;
    }
    relations.push_back(r);
  }
  if (!ok)
    return false;
  std::vector<KeyRelation> nonKey;
  bool singleRow = false;
  if (!checkKeyRelations(t, WriteKind::Update, staticOnly, relations, op.whereLoc, nonKey,
                         singleRow, diags))
    return false;
  for (const KeyRelation &r : relations)
    if (std::find(t.primaryKey.begin(), t.primaryKey.end(), r.column) != t.primaryKey.end())
      plan.where.push_back(r.expr);
  for (const KeyRelation &r : nonKey) {
    if (m.declaredIdempotent && singleRow) {
      plan.conditions.push_back(r.expr);
      continue;
    }
    std::string why = !m.declaredIdempotent
                          ? "declare the migration `idempotent: true` to write it as a "
                            "lightweight transaction (IF " + r.column + " ...), which costs four "
                            "Paxos round trips per row"
                          : "a lightweight transaction (IF) needs the whole primary key fixed by "
                            "=, one row";
    ok = refuse(r.loc, "cql-non-key-where",
                "\"" + r.column + "\" is not part of the primary key of \"" + t.name +
                    "\": a CQL write finds its rows by their key only",
                why);
  }
  return ok;
}
