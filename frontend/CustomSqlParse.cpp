//===- CustomSqlParse.cpp - customSQL parse-check and statement analysis --===//
//
// PostgreSQL's parser (libpg_query) decides what is valid SQL and where each
// statement starts and ends. Each statement is then parsed by our grammar's
// statement rules (UPDATE, INSERT, DELETE and SELECT, with WITH) into the IR
// that resolve and typecheck check. A statement those rules do not cover
// stays opaque, with the reason, and PostgreSQL's tree of that statement
// alone says what it is.
//
// pg_query_split_with_parser runs the same parser (same errors, same
// statement boundaries) without writing a tree: the JSON tree of the whole
// SQL and its llvm::json parse were 467 K instructions a statement, the
// split is 30 K (bench/README.md). The protobuf tree is no cheaper: 523 K.
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

/// PostgreSQL truncates longer names (NAMEDATALEN - 1).
constexpr size_t kMaxNameBytes = 63;

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

/// What PostgreSQL's tree says about one statement: its node name, target
/// table and ON CONFLICT. Locations are relative to the statement's text.
struct PgStatement {
  std::string node;
  bool hasRelation = false;
  std::string relname;
  std::string schemaname; ///< "" when unqualified
  int64_t relationLoc = 0;
  OnConflict onConflict = OnConflict::None;
};

/// Parses one statement's text (PostgreSQL accepted it within the whole
/// customSQL, and statements parse independently) into its JSON tree.
bool pgStatement(llvm::StringRef text, PgStatement &out) {
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
    out.hasRelation = true;
    if (auto name = rel->getString("relname"))
      out.relname = name->str();
    if (auto schema = rel->getString("schemaname"))
      out.schemaname = schema->str();
    out.relationLoc = intField(rel, "location");
  }
  if (const llvm::json::Object *oc = body ? body->getObject("onConflictClause") : nullptr) {
    auto action = oc->getString("action");
    out.onConflict = action && *action == "ONCONFLICT_NOTHING" ? OnConflict::DoNothing
                                                               : OnConflict::DoUpdate;
  }
  return true;
}

class StatementAnalyser {
public:
  explicit StatementAnalyser(CustomSqlOp &op) : op(op) {}

  void analyse(SqlStatement &st);

private:
  void fromPostgres(SqlStatement &st, const PgStatement &pg);

  CustomSqlOp &op;
};

/// The target table and ON CONFLICT as PostgreSQL's tree gives them.
void StatementAnalyser::fromPostgres(SqlStatement &st, const PgStatement &pg) {
  st.table.clear();
  st.schema.clear();
  st.tableLoc = SourceLoc();
  st.onConflict = pg.onConflict;
  if (pg.hasRelation) {
    st.table = pg.relname;
    st.schema = pg.schemaname;
    st.tableLoc = op.sqlLocator.locate(st.offset + static_cast<size_t>(pg.relationLoc));
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
  if (parseStatement(text, locator, with, query, scratch)) {
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
    PgStatement pg;
    if (st.table.size() > kMaxNameBytes && pgStatement(text, pg))
      fromPostgres(st, pg);
    st.with = std::move(with);
    st.query = std::move(query);
    st.analysed = true;
    return;
  }
  PgStatement pg;
  if (!pgStatement(text, pg))
    pg.node = "not covered by the analysis";
  st.keyword = pg.node;
  st.kind = kindOf(pg.node);
  fromPostgres(st, pg);
  if (st.kind == StatementKind::Ddl || st.kind == StatementKind::Other) {
    st.notAnalysedReason = pg.node;
    return;
  }
  const std::vector<Diagnostic> &found = scratch.pending();
  st.notAnalysedReason = found.empty() ? "not covered by the analysis" : found[0].message;
  if (!found.empty())
    st.notAnalysedLoc = found[0].loc;
}

} // namespace

bool shc::analyseCustomSql(CustomSqlOp &op, DiagnosticEngine &diags) {
  if (op.sql.find('\0') != std::string::npos) {
    diags.error(op.sqlLocator.start(), "custom-sql-syntax", "customSQL contains a NUL byte");
    return false;
  }
  PgQuerySplitResult result = pg_query_split_with_parser(op.sql.c_str());
  struct Free {
    PgQuerySplitResult &r;
    ~Free() { pg_query_free_split_result(r); }
  } freeResult{result};
  if (result.error) {
    size_t at = cursorToByte(op.sql, result.error->cursorpos);
    SourceLoc loc = result.error->cursorpos > 0 ? op.sqlLocator.locate(at) : op.sqlLocator.start();
    diags.error(loc, "custom-sql-syntax", result.error->message ? result.error->message : "error")
        .hint("checked with PostgreSQL's parser because of 'validate: true'");
    return false;
  }
  StatementAnalyser analyser(op);
  op.statements.clear();
  unsigned errors = diags.getNumErrors();
  for (int i = 0; i < result.n_stmts; ++i) {
    const PgQuerySplitStmt &split = *result.stmts[i];
    SqlStatement st;
    st.offset = static_cast<size_t>(split.stmt_location);
    st.length = split.stmt_len > 0 ? static_cast<size_t>(split.stmt_len) : op.sql.size() - st.offset;
    // The statement starts at its first token, not at the blanks before.
    st.loc = op.sqlLocator.locate(skipBlanks(op.sql, st.offset, st.offset + st.length));
    analyser.analyse(st);
    op.statements.push_back(std::move(st));
  }
  op.parsed = true;
  return diags.getNumErrors() == errors;
}
