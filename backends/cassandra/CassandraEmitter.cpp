//===- CassandraEmitter.cpp - CQL emission --------------------------------===//

#include "backends/cassandra/CassandraEmitter.h"

#include "backends/cassandra/CassandraKeys.h"
#include "backends/cassandra/CassandraLiterals.h"
#include "ir/AnalysisResults.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"

using namespace shc;

namespace {

// Cassandra 4's reserved words (cql3 ReservedKeywords.java), sorted.
const Keyword cqlKeywords[] = {
    {"add", KeywordCategory::Reserved},       {"allow", KeywordCategory::Reserved},
    {"alter", KeywordCategory::Reserved},     {"and", KeywordCategory::Reserved},
    {"apply", KeywordCategory::Reserved},     {"asc", KeywordCategory::Reserved},
    {"authorize", KeywordCategory::Reserved}, {"batch", KeywordCategory::Reserved},
    {"begin", KeywordCategory::Reserved},     {"by", KeywordCategory::Reserved},
    {"columnfamily", KeywordCategory::Reserved}, {"create", KeywordCategory::Reserved},
    {"default", KeywordCategory::Reserved},   {"delete", KeywordCategory::Reserved},
    {"desc", KeywordCategory::Reserved},      {"describe", KeywordCategory::Reserved},
    {"drop", KeywordCategory::Reserved},      {"entries", KeywordCategory::Reserved},
    {"execute", KeywordCategory::Reserved},   {"from", KeywordCategory::Reserved},
    {"full", KeywordCategory::Reserved},      {"grant", KeywordCategory::Reserved},
    {"if", KeywordCategory::Reserved},        {"in", KeywordCategory::Reserved},
    {"index", KeywordCategory::Reserved},     {"infinity", KeywordCategory::Reserved},
    {"insert", KeywordCategory::Reserved},    {"into", KeywordCategory::Reserved},
    {"is", KeywordCategory::Reserved},        {"keyspace", KeywordCategory::Reserved},
    {"limit", KeywordCategory::Reserved},     {"mbean", KeywordCategory::Reserved},
    {"mbeans", KeywordCategory::Reserved},    {"modify", KeywordCategory::Reserved},
    {"nan", KeywordCategory::Reserved},       {"norecursive", KeywordCategory::Reserved},
    {"not", KeywordCategory::Reserved},       {"null", KeywordCategory::Reserved},
    {"of", KeywordCategory::Reserved},        {"on", KeywordCategory::Reserved},
    {"or", KeywordCategory::Reserved},        {"order", KeywordCategory::Reserved},
    {"primary", KeywordCategory::Reserved},   {"rename", KeywordCategory::Reserved},
    {"replace", KeywordCategory::Reserved},   {"revoke", KeywordCategory::Reserved},
    {"schema", KeywordCategory::Reserved},    {"select", KeywordCategory::Reserved},
    {"set", KeywordCategory::Reserved},       {"table", KeywordCategory::Reserved},
    {"to", KeywordCategory::Reserved},        {"token", KeywordCategory::Reserved},
    {"truncate", KeywordCategory::Reserved},  {"unlogged", KeywordCategory::Reserved},
    {"unset", KeywordCategory::Reserved},     {"update", KeywordCategory::Reserved},
    {"use", KeywordCategory::Reserved},       {"using", KeywordCategory::Reserved},
    {"view", KeywordCategory::Reserved},      {"where", KeywordCategory::Reserved},
    {"with", KeywordCategory::Reserved},
};

const char *cmpText(BinaryExpr::Op op, bool flipped) {
  switch (op) {
  case BinaryExpr::Op::Lt:
    return flipped ? " > " : " < ";
  case BinaryExpr::Op::Le:
    return flipped ? " >= " : " <= ";
  case BinaryExpr::Op::Gt:
    return flipped ? " < " : " > ";
  case BinaryExpr::Op::Ge:
    return flipped ? " <= " : " >= ";
  case BinaryExpr::Op::Ne:
    return " != ";
  default:
    return " = ";
  }
}

class CassandraScriptEmitter : public ScriptEmitter {
public:
  using ScriptEmitter::ScriptEmitter;

protected:
  void emitHeader(const Module &module) override {
    ScriptEmitter::emitHeader(module);
    line("-- Cassandra has no transactions: each statement applies on its own, and a failure");
    line("-- leaves the statements before it applied. No ledger: running this file again runs");
    line("-- every statement again. Run it with `cqlsh -f FILE` (apply does not run CQL).");
    line("-- A CQL UPDATE is an upsert: a key with no row gets one.");
  }
  llvm::StringRef beginTransaction() const override { return ""; }
  llvm::StringRef commitTransaction() const override { return ""; }

  void emitUpdate(const UpdateOp &op) override;

private:
  /// `value` written for `col`'s CQL type.
  void value(const Expr *value, const Column *col, std::string &out);
  void relation(const Expr *e, std::string &out);
};

void CassandraScriptEmitter::value(const Expr *e, const Column *col, std::string &out) {
  std::string error;
  CqlLiteralResult r =
      col ? writeCqlLiteral(*e, *col, out, error) : CqlLiteralResult::NotLiteral;
  if (r == CqlLiteralResult::Invalid) {
    diags.error(e->getLoc(), "invalid-literal", error);
    hadError = true;
  } else if (r == CqlLiteralResult::NotLiteral && failed(exprs.emit(*e, out))) {
    hadError = true;
  }
}

void CassandraScriptEmitter::relation(const Expr *e, std::string &out) {
  if (auto *b = llvm::dyn_cast<BinaryExpr>(e)) {
    auto *col = llvm::dyn_cast<ColumnRefExpr>(b->lhs.get());
    bool flipped = !col;
    if (flipped)
      col = llvm::dyn_cast<ColumnRefExpr>(b->rhs.get());
    exprs.appendIdentifier(col->name, out);
    out += cmpText(b->op, flipped);
    value(flipped ? b->lhs.get() : b->rhs.get(), col->column, out);
    return;
  }
  if (auto *in = llvm::dyn_cast<InListExpr>(e)) {
    auto *col = llvm::cast<ColumnRefExpr>(in->operand.get());
    exprs.appendIdentifier(col->name, out);
    out += " IN (";
    for (size_t i = 0; i < in->items.size(); ++i) {
      if (i)
        out += ", ";
      value(in->items[i].get(), col->column, out);
    }
    out += ')';
    return;
  }
  auto *bt = llvm::cast<BetweenExpr>(e);
  auto *col = llvm::cast<ColumnRefExpr>(bt->operand.get());
  exprs.appendIdentifier(col->name, out);
  out += " >= ";
  value(bt->low.get(), col->column, out);
  out += " AND ";
  exprs.appendIdentifier(col->name, out);
  out += " <= ";
  value(bt->high.get(), col->column, out);
}

void CassandraScriptEmitter::emitUpdate(const UpdateOp &op) {
  CqlUpdatePlan plan;
  static const Migration none;
  if (op.table.empty() || op.assignments.empty() ||
      !planCqlUpdate(op, current ? *current : none, plan, nullptr) || plan.where.empty()) {
    diags.error(op.getLoc(), "unsupported-in-dialect",
                "this update cannot be written in CQL (see the cql-* errors)");
    hadError = true;
    return;
  }
  std::string s = "UPDATE ";
  if (!op.schema.empty()) { // the keyspace, as written
    exprs.appendIdentifier(op.schema, s);
    s += '.';
  }
  exprs.appendIdentifier(op.resolved ? op.resolved->name : op.table, s);
  s += " SET ";
  for (size_t i = 0; i < op.assignments.size(); ++i) {
    const Assignment &a = op.assignments[i];
    if (i)
      s += ", ";
    exprs.appendIdentifier(a.column, s);
    s += " = ";
    value(a.value.get(), a.resolved, s);
  }
  s += " WHERE ";
  for (size_t i = 0; i < plan.where.size(); ++i) {
    if (i)
      s += " AND ";
    relation(plan.where[i], s);
  }
  if (!plan.conditions.empty()) {
    s += " IF ";
    for (size_t i = 0; i < plan.conditions.size(); ++i) {
      if (i)
        s += " AND ";
      relation(plan.conditions[i], s);
    }
    line("-- lightweight transaction (IF): a Paxos round, four round trips between the "
         "replicas instead of one write; serial consistency applies");
  }
  line(s + ";");
}

} // namespace

const SqlWriter &shc::cqlWriter() {
  static const SqlPolicy policy = [] {
    SqlPolicy p;
    p.identQuote = '"';
    p.foldsToLower = true;
    p.extraIdentChars = "";
    p.keywords = cqlKeywords;
    p.quoteFrom = KeywordCategory::Reserved;
    p.escaping = StringEscaping::Standard;
    p.rejectsNul = false;
    p.castFunctionOnly = true;
    p.bareFunctionNames = true;
    p.trueLiteral = "true";
    p.falseLiteral = "false";
    p.displayName = "Cassandra";
    return p;
  }();
  static const SqlWriter writer(policy);
  return writer;
}

std::optional<std::string> CassandraExprEmitter::typeName(const Type &type, llvm::StringRef,
                                                          SourceLoc) {
  return catalog.typeName(type);
}

void CassandraExprEmitter::emitTimezoneConvert(const TimezoneConvertExpr &tz) {
  unsupported(tz.getLoc(), "CQL cannot convert time zones in a write");
}

std::unique_ptr<ScriptEmitter> CassandraEmitter::makeScriptEmitter(ExprEmitter &exprs,
                                                                   const EmitOptions &opts) {
  return std::make_unique<CassandraScriptEmitter>(exprs, diags, opts);
}
