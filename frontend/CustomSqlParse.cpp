//===- CustomSqlParse.cpp - customSQL parse-check and statement analysis --===//
//
// PostgreSQL's parser (libpg_query) decides what is valid SQL and where each
// statement starts and ends; its JSON tree tells the statement kinds. The
// UPDATE and DELETE statements whose shape we cover (one target table, no
// alias, FROM, USING, RETURNING or WITH) are cut at their top-level SET
// commas and WHERE keyword, and each piece goes through our expression parser
// with the text outside it blanked, so positions stay exact.
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

/// A copy of `sql` with everything outside [begin, end) replaced by spaces.
std::string blankOutside(llvm::StringRef sql, size_t begin, size_t end) {
  std::string s(sql.size(), ' ');
  for (size_t i = begin; i < end && i < sql.size(); ++i)
    s[i] = sql[i];
  for (size_t i = 0; i < sql.size(); ++i)
    if (sql[i] == '\n' && (i < begin || i >= end))
      s[i] = '\n';
  return s;
}

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

/// Whether the statement has a clause the analysis does not cover; if so the
/// statement stays opaque and `st` says why.
bool uncoveredClause(const llvm::json::Object &body,
                     std::initializer_list<std::pair<const char *, const char *>> clauses,
                     SqlStatement &st) {
  for (const auto &[key, reason] : clauses)
    if (body.get(key)) {
      st.notAnalysedReason = reason;
      return true;
    }
  return false;
}

class StatementAnalyser {
public:
  StatementAnalyser(CustomSqlOp &op, DiagnosticEngine &diags) : op(op), diags(diags) {}

  void analyse(llvm::StringRef node, const llvm::json::Object &body, SqlStatement &st);

private:
  bool readRelation(const llvm::json::Object &body, SqlStatement &st);
  void analyseUpdate(const llvm::json::Object &body, SqlStatement &st);
  void analyseDelete(const llvm::json::Object &body, SqlStatement &st);
  ExprPtr parsePiece(size_t begin, size_t end);

  CustomSqlOp &op;
  DiagnosticEngine &diags;
};

bool StatementAnalyser::readRelation(const llvm::json::Object &body, SqlStatement &st) {
  const llvm::json::Object *rel = body.getObject("relation");
  if (!rel)
    return false;
  if (auto name = rel->getString("relname"))
    st.table = name->str();
  st.tableLoc = op.sqlLocator.locate(static_cast<size_t>(intField(rel, "location")));
  if (rel->getString("schemaname")) {
    st.notAnalysedReason = "schema-qualified table";
    return false;
  }
  if (rel->getObject("alias")) {
    st.notAnalysedReason = "table alias";
    return false;
  }
  return true;
}

ExprPtr StatementAnalyser::parsePiece(size_t begin, size_t end) {
  std::string text = blankOutside(op.sql, begin, end);
  return parseExpression(text, op.sqlLocator, diags);
}

void StatementAnalyser::analyseUpdate(const llvm::json::Object &body, SqlStatement &st) {
  if (!readRelation(body, st))
    return;
  if (uncoveredClause(body, {{"fromClause", "UPDATE ... FROM"},
                              {"returningList", "RETURNING"},
                              {"withClause", "WITH ... UPDATE"}},
                      st))
    return;
  const llvm::json::Array *targets = body.getArray("targetList");
  if (!targets || targets->empty())
    return;
  llvm::StringRef sql = op.sql;
  size_t stEnd = st.offset + st.length;
  auto update = std::make_unique<UpdateOp>(st.loc, UpdateOp::Origin::Static);
  update->table = st.table;
  update->tableLoc = st.tableLoc;
  std::vector<size_t> starts;
  for (const llvm::json::Value &t : *targets) {
    const llvm::json::Object *obj = t.getAsObject();
    const llvm::json::Object *rt = obj ? obj->getObject("ResTarget") : nullptr;
    if (!rt || rt->get("indirection") || !rt->getString("name")) {
      st.notAnalysedReason = "subscripted or multi-column assignment";
      return;
    }
    if (const llvm::json::Object *val = rt->getObject("val"); val && val->get("MultiAssignRef")) {
      st.notAnalysedReason = "multi-column assignment";
      return;
    }
    starts.push_back(static_cast<size_t>(intField(rt, "location")));
  }
  size_t whereAt = findTopLevel(sql, starts.back(), stEnd, false, "where");
  for (size_t i = 0; i < starts.size(); ++i) {
    const llvm::json::Object *rt = (*targets)[i].getAsObject()->getObject("ResTarget");
    size_t nameEnd = skipIdentifier(sql, starts[i], stEnd);
    size_t eq = skipBlanks(sql, nameEnd, stEnd);
    if (eq >= stEnd || sql[eq] != '=') {
      st.notAnalysedReason = "unexpected assignment form";
      return;
    }
    size_t end = i + 1 < starts.size() ? findTopLevel(sql, eq + 1, starts[i + 1], true, "")
                                       : whereAt;
    Assignment a;
    a.column = rt->getString("name")->str();
    a.loc = op.sqlLocator.locate(starts[i]);
    a.value = parsePiece(eq + 1, end);
    if (!a.value)
      return; // reported by the expression parser
    update->assignments.push_back(std::move(a));
  }
  if (whereAt < stEnd) {
    update->where = parsePiece(whereAt + 5, stEnd);
    if (!update->where)
      return;
  }
  st.update = std::move(update);
  st.analysed = true;
}

void StatementAnalyser::analyseDelete(const llvm::json::Object &body, SqlStatement &st) {
  if (!readRelation(body, st))
    return;
  if (uncoveredClause(body, {{"usingClause", "DELETE ... USING"},
                              {"returningList", "RETURNING"},
                              {"withClause", "WITH ... DELETE"}},
                      st))
    return;
  auto update = std::make_unique<UpdateOp>(st.loc, UpdateOp::Origin::Static);
  update->table = st.table;
  update->tableLoc = st.tableLoc;
  size_t stEnd = st.offset + st.length;
  size_t from = static_cast<size_t>(intField(body.getObject("relation"), "location"));
  size_t whereAt = findTopLevel(op.sql, from, stEnd, false, "where");
  if (whereAt < stEnd) {
    update->where = parsePiece(whereAt + 5, stEnd);
    if (!update->where)
      return;
  }
  st.update = std::move(update);
  st.analysed = true;
}

void StatementAnalyser::analyse(llvm::StringRef node, const llvm::json::Object &body,
                                SqlStatement &st) {
  st.keyword = node.str();
  st.hasWith = body.get("withClause") != nullptr;
  if (node == "UpdateStmt") {
    st.kind = StatementKind::Update;
    analyseUpdate(body, st);
  } else if (node == "DeleteStmt") {
    st.kind = StatementKind::Delete;
    analyseDelete(body, st);
  } else if (node == "InsertStmt") {
    st.kind = StatementKind::Insert;
    readRelation(body, st);
    if (const llvm::json::Object *oc = body.getObject("onConflictClause")) {
      auto action = oc->getString("action");
      st.onConflict = action && *action == "ONCONFLICT_NOTHING" ? OnConflict::DoNothing
                                                                : OnConflict::DoUpdate;
    }
    st.notAnalysedReason = "INSERT values";
  } else if (isDdl(node)) {
    st.kind = StatementKind::Ddl;
  } else {
    st.kind = StatementKind::Other;
  }
  if (!st.analysed && st.notAnalysedReason.empty())
    st.notAnalysedReason = node.str();
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
  StatementAnalyser analyser(op, diags);
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
