//===- CustomSqlParse.cpp - customSQL parse-check and statement analysis --===//
//
// The target's own parser (Catalog::parseCustomSql) decides what is valid
// SQL and where each statement starts and ends. Each statement is then
// parsed by our grammar's statement rules (UPDATE, INSERT, DELETE and SELECT,
// with WITH) into the IR that resolve and typecheck check. A statement those
// rules do not cover stays opaque, with the reason, and the server's parser
// alone says what it is (Catalog::describeStatement).
//
//===----------------------------------------------------------------------===//

#include "frontend/CustomSql.h"

#include "frontend/ExprParser.h"
#include "ir/Catalog.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"

using namespace shc;

namespace {

const char *nodeName(StatementKind kind) {
  switch (kind) {
  case StatementKind::Update:
    return "UpdateStmt";
  case StatementKind::Delete:
    return "DeleteStmt";
  case StatementKind::Insert:
    return "InsertStmt";
  case StatementKind::Select:
    return "SelectStmt";
  default:
    return "";
  }
}

class StatementAnalyser {
public:
  StatementAnalyser(CustomSqlOp &op, const Catalog &catalog) : op(op), catalog(catalog) {}

  void analyse(SqlStatement &st);

private:
  void fromServer(SqlStatement &st, const StatementFacts &facts);

  CustomSqlOp &op;
  const Catalog &catalog;
};

/// The target table and ON CONFLICT as the server's parser gives them.
void StatementAnalyser::fromServer(SqlStatement &st, const StatementFacts &facts) {
  st.table.clear();
  st.schema.clear();
  st.tableLoc = SourceLoc();
  st.onConflict = facts.onConflict;
  if (facts.hasTable) {
    st.table = facts.table;
    st.schema = facts.schema;
    st.tableLoc = op.sqlLocator.locate(st.offset + facts.tableOffset);
  }
}

/// Parses the statement with our grammar's statement rules: its own text,
/// with the customSQL's locator sliced to it so positions stay exact (each
/// statement costs its own length, however many there are). Whatever stops
/// the rules becomes the reason it stays opaque.
void StatementAnalyser::analyse(SqlStatement &st) {
  DiagnosticEngine scratch;
  llvm::StringRef text = llvm::StringRef(op.sql).substr(st.offset, st.length);
  ScalarLocator locator = op.sqlLocator.slice(st.offset, st.offset + text.size());
  std::vector<CommonTableExpr> with;
  DmlQuery query;
  if (!catalog.checksOwnStatements() && parseStatement(text, locator, catalog, with, query, scratch)) {
    // Our rules cover only UPDATE, INSERT, DELETE and SELECT, which is what
    // PostgreSQL made of the statement, and name the table as its
    // relation does (unqualified, folded the same way).
    st.kind = query.kind;
    st.keyword = nodeName(query.kind);
    if (const UpdateOp *u = query.update.get()) {
      st.table = u->table;
      st.schema = u->schema;
      st.tableLoc = u->tableLoc;
    } else if (const InsertStmt *ins = query.insert.get()) {
      st.table = ins->table;
      st.schema = ins->schema;
      st.tableLoc = ins->tableLoc;
      st.onConflict = ins->onConflict;
    }
    // A name longer than the server keeps: its parser says what it becomes.
    size_t limit = catalog.maxIdentifierLength();
    if (limit && st.table.size() > limit) {
      StatementFacts facts = catalog.describeStatement(text);
      if (!facts.node.empty())
        fromServer(st, facts);
    }
    st.with = std::move(with);
    st.query = std::move(query);
    st.analysed = true;
    return;
  }
  StatementFacts facts = catalog.describeStatement(text);
  if (facts.node.empty())
    facts.node = "not covered by the analysis";
  st.keyword = facts.node;
  st.kind = facts.kind;
  fromServer(st, facts);
  if (st.kind == StatementKind::Ddl || st.kind == StatementKind::Other) {
    st.notAnalysedReason = facts.node;
    return;
  }
  if (catalog.checksOwnStatements()) {
    st.notAnalysedReason = "read by " + catalog.displayName().str() + "'s own checks";
    return;
  }
  const std::vector<Diagnostic> &found = scratch.pending();
  st.notAnalysedReason = found.empty() ? "not covered by the analysis" : found[0].message;
  if (!found.empty())
    st.notAnalysedLoc = found[0].loc;
}

} // namespace

bool shc::analyseCustomSql(CustomSqlOp &op, const Catalog &catalog, DiagnosticEngine &diags) {
  if (op.sql.find('\0') != std::string::npos) {
    diags.error(op.sqlLocator.start(), "custom-sql-syntax", "customSQL contains a NUL byte");
    return false;
  }
  CustomSqlParse parsed = catalog.parseCustomSql(op.sql);
  if (!parsed.ok) {
    SourceLoc loc =
        parsed.errorOffset ? op.sqlLocator.locate(*parsed.errorOffset) : op.sqlLocator.start();
    diags.error(loc, "custom-sql-syntax", parsed.error)
        .hint("checked with " + catalog.displayName().str() +
              "'s parser because of 'validate: true'");
    return false;
  }
  StatementAnalyser analyser(op, catalog);
  op.statements.clear();
  unsigned errors = diags.getNumErrors();
  for (const SqlStatementSpan &span : parsed.statements) {
    SqlStatement st;
    st.offset = span.offset;
    st.length = span.length;
    // The statement starts at its first token, not at the blanks before.
    st.loc = op.sqlLocator.locate(span.firstToken);
    analyser.analyse(st);
    op.statements.push_back(std::move(st));
  }
  op.parsed = true;
  return diags.getNumErrors() == errors;
}
