//===- CustomSqlParser.cpp - customSQL through PostgreSQL's own parser ----===//
//
// libpg_query decides what is valid SQL and where each statement starts and
// ends; for a statement the grammar's rules leave opaque, PostgreSQL's tree
// of that statement alone says what it is.
//
// pg_query_split_with_parser runs the same parser (same errors, same
// statement boundaries) without writing a tree: the JSON tree of the whole
// SQL and its llvm::json parse were 467 K instructions a statement, the
// split is 30 K (bench/README.md). The protobuf tree is no cheaper: 523 K.
//
//===----------------------------------------------------------------------===//

#include "backends/postgres/catalog/CatalogTables.h"
#include "backends/postgres/catalog/CustomSqlScan.h"

#include "llvm/Support/JSON.h"

#include <pg_query.h>

#include <algorithm>

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

StatementKind kindOf(llvm::StringRef node) {
  if (node == "UpdateStmt")
    return StatementKind::Update;
  if (node == "DeleteStmt")
    return StatementKind::Delete;
  if (node == "InsertStmt")
    return StatementKind::Insert;
  if (node == "SelectStmt")
    return StatementKind::Select;
  return isDdl(node) ? StatementKind::Ddl : StatementKind::Other;
}

/// Parses one statement's text (PostgreSQL accepted it within the whole
/// customSQL, and statements parse independently) into its JSON tree.
bool readStatement(llvm::StringRef text, StatementFacts &out) {
  std::string copy = text.str();
  PgQueryParseResult result = pg_query_parse(copy.c_str());
  struct Free {
    PgQueryParseResult &r;
    ~Free() { pg_query_free_parse_result(r); }
  } freeResult{result};
  if (result.error)
    return false;
  llvm::Expected<llvm::json::Value> tree = llvm::json::parse(result.parse_tree);
  if (!tree) {
    llvm::consumeError(tree.takeError());
    return false;
  }
  const llvm::json::Object *root = tree->getAsObject();
  const llvm::json::Array *stmts = root ? root->getArray("stmts") : nullptr;
  const llvm::json::Object *raw = stmts && !stmts->empty() ? (*stmts)[0].getAsObject() : nullptr;
  const llvm::json::Object *stmt = raw ? raw->getObject("stmt") : nullptr;
  if (!stmt || stmt->empty())
    return false;
  const auto &first = *stmt->begin();
  out.node = first.first.str();
  const llvm::json::Object *body = first.second.getAsObject();
  const llvm::json::Object *rel = body ? body->getObject("relation") : nullptr;
  if (rel) {
    out.hasTable = true;
    if (auto name = rel->getString("relname"))
      out.table = name->str();
    if (auto schema = rel->getString("schemaname"))
      out.schema = schema->str();
    out.tableOffset = static_cast<size_t>(std::max<int64_t>(0, intField(rel, "location")));
  }
  if (const llvm::json::Object *oc = body ? body->getObject("onConflictClause") : nullptr) {
    auto action = oc->getString("action");
    out.onConflict = action && *action == "ONCONFLICT_NOTHING" ? OnConflict::DoNothing
                                                               : OnConflict::DoUpdate;
  }
  return true;
}

} // namespace

CustomSqlParse shc::pg::parseCustomSql(llvm::StringRef sql) {
  CustomSqlParse out;
  std::string copy = sql.str();
  PgQuerySplitResult result = pg_query_split_with_parser(copy.c_str());
  struct Free {
    PgQuerySplitResult &r;
    ~Free() { pg_query_free_split_result(r); }
  } freeResult{result};
  if (result.error) {
    out.error = result.error->message ? result.error->message : "error";
    if (result.error->cursorpos > 0)
      out.errorOffset = cursorToByte(sql, result.error->cursorpos);
    return out;
  }
  out.ok = true;
  for (int i = 0; i < result.n_stmts; ++i) {
    const PgQuerySplitStmt &split = *result.stmts[i];
    SqlStatementSpan span;
    span.offset = static_cast<size_t>(split.stmt_location);
    span.length = split.stmt_len > 0 ? static_cast<size_t>(split.stmt_len) : sql.size() - span.offset;
    span.firstToken = skipBlanks(sql, span.offset, span.offset + span.length);
    out.statements.push_back(span);
  }
  return out;
}

StatementFacts shc::pg::describeStatement(llvm::StringRef text) {
  StatementFacts facts;
  if (!readStatement(text, facts))
    facts.node.clear();
  facts.kind = kindOf(facts.node);
  return facts;
}
