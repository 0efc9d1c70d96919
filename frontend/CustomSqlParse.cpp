//===- CustomSqlParse.cpp - customSQL parse-check and statement analysis --===//
//
// PostgreSQL's parser (libpg_query) decides what is valid SQL and where each
// statement starts and ends; its JSON tree tells the statement kinds. Each
// UPDATE, INSERT, DELETE and SELECT (with its WITH list) is then parsed again
// by our grammar's statement rules into the IR that resolve and typecheck
// check. A statement those rules do not cover stays opaque, with the reason.
//
//===----------------------------------------------------------------------===//

#include "frontend/CustomSql.h"

#include "frontend/CustomSqlScan.h"
#include "frontend/ExprParser.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"

#include <pg_query.h>

using namespace shc;

namespace {

int64_t intField(const llvm::json::Object *o, llvm::StringRef key, int64_t dflt = 0) {
  if (!o)
    return dflt;
  if (auto v = o->getInteger(key))
    return *v;
  return dflt;
}

bool isDdl(llvm::StringRef node) {
  return node.startswith("Create") || node.startswith("Alter") || node.startswith("Drop") ||
         node.startswith("Rename") || node == "TruncateStmt" || node == "IndexStmt" ||
         node == "ViewStmt" || node == "GrantStmt" || node == "CommentStmt";
}

class StatementAnalyser {
public:
  explicit StatementAnalyser(CustomSqlOp &op) : op(op) {}

  void analyse(llvm::StringRef node, const llvm::json::Object &body, SqlStatement &st);

private:
  void readRelation(const llvm::json::Object &body, SqlStatement &st);
  void parse(SqlStatement &st);

  CustomSqlOp &op;
};

/// The target table and ON CONFLICT as PostgreSQL's tree gives them, kept for
/// statements our rules leave opaque.
void StatementAnalyser::readRelation(const llvm::json::Object &body, SqlStatement &st) {
  const llvm::json::Object *rel = body.getObject("relation");
  if (!rel)
    return;
  if (auto name = rel->getString("relname"))
    st.table = name->str();
  if (auto schema = rel->getString("schemaname"))
    st.schema = schema->str();
  st.tableLoc = op.sqlLocator.locate(static_cast<size_t>(intField(rel, "location")));
  if (const llvm::json::Object *oc = body.getObject("onConflictClause")) {
    auto action = oc->getString("action");
    st.onConflict = action && *action == "ONCONFLICT_NOTHING" ? OnConflict::DoNothing
                                                              : OnConflict::DoUpdate;
  }
}

/// Parses the statement with our grammar's statement rules: its own text,
/// with the customSQL's locator sliced to it so positions stay exact (each
/// statement costs its own length, however many there are). Whatever stops
/// the rules becomes the reason it stays opaque.
void StatementAnalyser::parse(SqlStatement &st) {
  DiagnosticEngine scratch;
  llvm::StringRef text = llvm::StringRef(op.sql).substr(st.offset, st.length);
  ScalarLocator locator = op.sqlLocator.slice(st.offset, st.offset + text.size());
  std::vector<CommonTableExpr> with;
  DmlQuery query;
  if (!parseStatement(text, locator, with, query, scratch)) {
    const std::vector<Diagnostic> &found = scratch.pending();
    st.notAnalysedReason = found.empty() ? "not covered by the analysis" : found[0].message;
    if (!found.empty())
      st.notAnalysedLoc = found[0].loc;
    return;
  }
  st.with = std::move(with);
  st.query = std::move(query);
  st.analysed = true;
}

void StatementAnalyser::analyse(llvm::StringRef node, const llvm::json::Object &body,
                                SqlStatement &st) {
  st.keyword = node.str();
  if (node == "UpdateStmt")
    st.kind = StatementKind::Update;
  else if (node == "DeleteStmt")
    st.kind = StatementKind::Delete;
  else if (node == "InsertStmt")
    st.kind = StatementKind::Insert;
  else if (node == "SelectStmt")
    st.kind = StatementKind::Select;
  else if (isDdl(node))
    st.kind = StatementKind::Ddl;
  else
    st.kind = StatementKind::Other;
  readRelation(body, st);
  if (st.kind == StatementKind::Ddl || st.kind == StatementKind::Other) {
    st.notAnalysedReason = node.str();
    return;
  }
  parse(st);
}

} // namespace

bool shc::analyseCustomSql(CustomSqlOp &op, DiagnosticEngine &diags) {
  if (op.sql.find('\0') != std::string::npos) {
    diags.error(op.sqlLocator.start(), "custom-sql-syntax", "customSQL contains a NUL byte");
    return false;
  }
  PgQueryParseResult result = pg_query_parse(op.sql.c_str());
  struct Free {
    PgQueryParseResult &r;
    ~Free() { pg_query_free_parse_result(r); }
  } freeResult{result};
  if (result.error) {
    size_t at = cursorToByte(op.sql, result.error->cursorpos);
    SourceLoc loc = result.error->cursorpos > 0 ? op.sqlLocator.locate(at) : op.sqlLocator.start();
    diags.error(loc, "custom-sql-syntax", result.error->message ? result.error->message : "error")
        .hint("checked with PostgreSQL's parser because of 'validate: true'");
    return false;
  }
  llvm::Expected<llvm::json::Value> tree = llvm::json::parse(result.parse_tree);
  if (!tree) {
    llvm::consumeError(tree.takeError());
    return false;
  }
  const llvm::json::Object *root = tree->getAsObject();
  const llvm::json::Array *stmts = root ? root->getArray("stmts") : nullptr;
  StatementAnalyser analyser(op);
  op.statements.clear();
  unsigned errors = diags.getNumErrors();
  if (stmts)
    for (const llvm::json::Value &v : *stmts) {
      const llvm::json::Object *raw = v.getAsObject();
      const llvm::json::Object *stmt = raw ? raw->getObject("stmt") : nullptr;
      if (!stmt || stmt->empty())
        continue;
      SqlStatement st;
      st.offset = static_cast<size_t>(intField(raw, "stmt_location"));
      int64_t len = intField(raw, "stmt_len");
      st.length = len > 0 ? static_cast<size_t>(len) : op.sql.size() - st.offset;
      // The statement starts at its first token, not at the blanks before.
      st.loc = op.sqlLocator.locate(skipBlanks(op.sql, st.offset, st.offset + st.length));
      const auto &first = *stmt->begin();
      if (const llvm::json::Object *body = first.second.getAsObject())
        analyser.analyse(first.first.str(), *body, st);
      op.statements.push_back(std::move(st));
    }
  op.parsed = true;
  return diags.getNumErrors() == errors;
}
