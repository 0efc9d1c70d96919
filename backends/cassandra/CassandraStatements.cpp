//===- CassandraStatements.cpp - customSQL CQL against the Table specs ----===//
//
// Each statement of a `validate: true` customSQL, read by grammar/Cql.g4:
// its table and columns must exist (unknown-table, unknown-column, with
// did-you-mean), its WHERE must fix the key as CassandraKeys.h says, a
// write cannot use ALLOW FILTERING, a SET value is a value or the column's
// own counter/collection update. Also the verdict the idempotency analysis
// cannot give for CQL: INSERT, DELETE, SET of values, set and map
// additions and removals are idempotent; a counter update, a list append or
// prepend, and now()/uuid() values are not.
//
//===----------------------------------------------------------------------===//

#include "backends/cassandra/CassandraDialect.h"
#include "backends/cassandra/CassandraKeys.h"
#include "backends/cassandra/CqlParse.h"

#include "ir/Diagnostics.h"
#include "ir/Module.h"
#include "ir/Suggest.h"

using namespace shc;

namespace {

class StatementChecker {
public:
  StatementChecker(const CustomSqlOp &op, const Module &module, const Migration &m,
                   DiagnosticEngine &diags)
      : op(op), module(module), m(m), diags(diags) {}

  void check(const CqlStatement &st);
  std::string rerun;
  SourceLoc rerunLoc;

private:
  SourceLoc at(size_t offset) const { return op.sqlLocator.locate(offset); }
  const Table *table(const CqlStatement &st);
  const Column *column(const Table &t, const CqlName &n);
  void notIdempotent(size_t offset, const std::string &why) {
    if (rerun.empty()) {
      rerun = why;
      rerunLoc = at(offset);
    }
  }
  void values(const std::vector<CqlTerm> &terms);
  void assignments(const CqlStatement &st, const Table &t, bool &staticOnly);
  void where(const CqlStatement &st, const Table &t, bool staticOnly);

  const CustomSqlOp &op;
  const Module &module;
  const Migration &m;
  DiagnosticEngine &diags;
};

const Table *StatementChecker::table(const CqlStatement &st) {
  bool before = m.phase == Phase::BeforeSchema;
  if (before && !module.beforeSchemaKnown)
    return nullptr; // nothing known to check against offline
  const auto &tables = before ? module.beforeTables : module.tables;
  // The keyspace is the connection's (SchemaHero's Database), not the spec's.
  std::vector<const Table *> found = findTables(tables, m.database, "", st.table.name);
  if (!found.empty())
    return found.front();
  std::vector<std::string> names;
  for (const auto &t : tables)
    names.push_back(t->name);
  diags.error(at(st.table.offset), "unknown-table",
              "table \"" + st.table.name + "\" does not exist" +
                  didYouMean(st.table.name, names));
  return nullptr;
}

const Column *StatementChecker::column(const Table &t, const CqlName &n) {
  if (const Column *c = t.findColumn(n.name))
    return c;
  std::vector<std::string> names;
  for (const Column &c : t.columns)
    names.push_back(c.name);
  diags.error(at(n.offset), "unknown-column",
              "column \"" + n.name + "\" of table \"" + t.name + "\" does not exist" +
                  didYouMean(n.name, names));
  return nullptr;
}

void StatementChecker::values(const std::vector<CqlTerm> &terms) {
  for (const CqlTerm &v : terms)
    if (v.kind == CqlTerm::Kind::Function && (v.name == "now" || v.name == "uuid" ||
                                              v.name.rfind("current", 0) == 0))
      notIdempotent(v.offset, v.name + "() gives another value on every run");
}

bool isCollection(const Column &c, llvm::StringRef kind) {
  llvm::StringRef s = c.typeSpelling;
  return s.trim().lower().rfind(kind.str() + "<", 0) == 0;
}

void StatementChecker::assignments(const CqlStatement &st, const Table &t, bool &staticOnly) {
  staticOnly = !st.assignments.empty();
  for (const CqlAssignment &a : st.assignments) {
    if (a.otherColumn)
      (void)column(t, *a.otherColumn);
    const Column *c = column(t, a.column);
    if (!c)
      continue;
    const Setting *s = findSetting(c->settings, "isStatic");
    if (!s || s->value != "true")
      staticOnly = false;
    if (std::find(t.primaryKey.begin(), t.primaryKey.end(), c->name) != t.primaryKey.end()) {
      diags.error(at(a.column.offset), "cql-key-restriction",
                  "primary key column \"" + c->name + "\" cannot be SET: CQL writes a row under "
                  "its key, it never moves one")
          .hint("INSERT the row under the new key and DELETE the old one");
      continue;
    }
    if (a.otherColumn) {
      diags.error(at(a.otherColumn->offset), "cql-set-expression",
                  "CQL has no column-to-column expressions in SET: \"" + c->name +
                      "\" cannot be computed from \"" + a.otherColumn->name + "\"")
          .hint("read the rows and write the values from application code");
      continue;
    }
    bool counter = llvm::StringRef(c->typeSpelling).trim().equals_insensitive("counter");
    bool list = isCollection(*c, "list");
    bool collection = list || isCollection(*c, "set") || isCollection(*c, "map");
    if (counter && !a.op) {
      diags.error(at(a.column.offset), "cql-set-expression",
                  "counter column \"" + c->name + "\" cannot be SET to a value: CQL only adds "
                  "to a counter")
          .hint("write " + c->name + " = " + c->name + " + n");
      continue;
    }
    if (a.op && !counter && !collection) {
      diags.error(at(a.column.offset), "cql-set-expression",
                  std::string("`") + a.op + "` on column \"" + c->name + "\" (" +
                      c->typeSpelling + "): CQL adds only to counters and collections")
          .hint("write the value itself");
      continue;
    }
    if (counter)
      notIdempotent(a.column.offset, "counter \"" + c->name + "\" changes again on every run");
    else if (list && a.op == '+')
      notIdempotent(a.column.offset, std::string("list \"") + c->name + "\" is " +
                                         (a.prepend ? "prepended" : "appended") +
                                         " to again on every run");
    values({a.value});
  }
}

void StatementChecker::where(const CqlStatement &st, const Table &t, bool staticOnly) {
  if (st.allowFiltering)
    diags.error(at(*st.allowFiltering), "cql-allow-filtering",
                "ALLOW FILTERING in " + std::string(st.kind == CqlStatement::Kind::Delete
                                                        ? "a DELETE"
                                                        : "an UPDATE") +
                    ": a CQL write names its rows by their key and cannot filter")
        .hint("read the keys with a SELECT ... ALLOW FILTERING from application code, then "
              "write one statement per key");
  std::vector<KeyRelation> relations;
  bool token = false;
  for (const CqlRelation &r : st.where) {
    bool known = true;
    for (const CqlName &n : r.columns)
      known = column(t, n) && known;
    values(r.values);
    if (!known)
      continue;
    if (r.token) {
      token = true;
      diags.error(at(r.offset), "cql-partition-range",
                  "token() restriction in a write: a write names its partitions by the key's "
                  "values, not by a token range")
          .hint("list the partitions with IN (...)");
      continue;
    }
    KeyRelation k;
    k.column = r.columns.front().name;
    k.loc = at(r.offset);
    k.op = r.op == CqlRelation::Op::Eq   ? KeyRelation::Op::Eq
           : r.op == CqlRelation::Op::In ? KeyRelation::Op::In
           : r.op == CqlRelation::Op::Ne ? KeyRelation::Op::Ne
                                         : KeyRelation::Op::Range;
    relations.push_back(k);
  }
  for (const CqlRelation &r : st.conditions)
    for (const CqlName &n : r.columns)
      if (column(t, n) &&
          std::find(t.primaryKey.begin(), t.primaryKey.end(), n.name) != t.primaryKey.end())
        diags.error(at(n.offset), "cql-key-restriction",
                    "IF on primary key column \"" + n.name + "\": the WHERE fixes the key, a "
                    "condition tests the row's other columns")
            .hint("move it to the WHERE");
  std::vector<KeyRelation> nonKey;
  bool singleRow = false;
  WriteKind kind = st.kind == CqlStatement::Kind::Delete ? WriteKind::Delete : WriteKind::Update;
  // After token(), "the partition key is not fixed" says the same again.
  if (!token)
    checkKeyRelations(t, kind, staticOnly, relations, at(st.offset), nonKey, singleRow, &diags);
  for (const KeyRelation &r : nonKey)
    diags.error(r.loc, "cql-non-key-where",
                "\"" + r.column + "\" is not part of the primary key of \"" + t.name +
                    "\": a CQL write finds its rows by their key only")
        .hint("fix the key in the WHERE and move this condition to IF " + r.column +
              " ... (a lightweight transaction: four Paxos round trips per row)");
}

void StatementChecker::check(const CqlStatement &st) {
  if (st.kind == CqlStatement::Kind::Batch) {
    for (const CqlStatement &child : st.children)
      check(child);
    return;
  }
  const Table *t = table(st);
  if (!t)
    return;
  if (st.kind == CqlStatement::Kind::Insert) {
    for (const CqlName &n : st.columns)
      (void)column(*t, n);
    if (st.columns.size() != st.values.size())
      diags.error(at(st.offset), "insert-width",
                  "INSERT has " + std::to_string(st.columns.size()) + " columns and " +
                      std::to_string(st.values.size()) + " values");
    std::string missing;
    for (const std::string &k : t->primaryKey)
      if (std::none_of(st.columns.begin(), st.columns.end(),
                       [&](const CqlName &n) { return n.name == k; }))
        missing += (missing.empty() ? "" : ", ") + k;
    if (!missing.empty())
      diags.error(at(st.table.offset), "cql-key-restriction",
                  "INSERT into \"" + t->name + "\" without primary key column(s) " + missing +
                      ": CQL writes a row under its whole key")
          .hint("add " + missing + " to the column list and values");
    values(st.values);
    return;
  }
  bool staticOnly = false;
  if (st.kind == CqlStatement::Kind::Update)
    assignments(st, *t, staticOnly);
  else
    for (const CqlName &n : st.columns)
      (void)column(*t, n);
  where(st, *t, staticOnly);
}

} // namespace

void shc::checkCqlCustomSql(const CustomSqlOp &op, const Module &module, const Migration &m,
                            std::string &rerun, SourceLoc &rerunLoc, DiagnosticEngine &diags) {
  CqlScript script = parseCql(op.sql);
  if (!script.ok())
    return; // reported by the frontend (custom-sql-syntax)
  StatementChecker checker(op, module, m, diags);
  for (const CqlStatement &st : script.statements)
    checker.check(st);
  rerun = checker.rerun;
  rerunLoc = checker.rerunLoc;
}
