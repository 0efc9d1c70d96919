//===- CustomSql.cpp - the custom-sql pass ---------------------------------===//
//
// After the frontend parse-checked each `validate: true` customSQL with
// PostgreSQL's parser and analysed what our grammar covers (resolve and
// typecheck then checked those statements), reports what a reviewer must
// look at by hand: statements kept opaque ("not analysed: ...", with where
// the analysis stopped) and DDL in a data migration. Also checks the target
// table of an opaque INSERT.
//
//===----------------------------------------------------------------------===//

#include "ir/Catalog.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"
#include "ir/Suggest.h"
#include "passes/Passes.h"

using namespace shc;

namespace {

std::string firstLine(llvm::StringRef sql, const SqlStatement &st) {
  llvm::StringRef text = sql.substr(st.offset, st.length).trim();
  text = text.take_until([](char c) { return c == '\n' || c == '\r'; }).rtrim();
  if (text.size() > 60)
    return text.take_front(57).str() + "...";
  return text.str();
}

class CustomSqlPass : public Pass {
public:
  llvm::StringRef getName() const override { return "custom-sql"; }
  LogicalResult run(Module &module, PassContext &ctx) override {
    unsigned errorsBefore = ctx.diags.getNumErrors();
    for (const auto &m : module.migrations)
      for (const OperationPtr &op : m->operations) {
        auto *c = llvm::dyn_cast_or_null<CustomSqlOp>(op.get());
        if (!c || !c->parsed)
          continue;
        unsigned before = ctx.diags.getNumErrors();
        for (const SqlStatement &st : c->statements)
          check(*c, st, module, *m, ctx);
        if (ctx.diags.getNumErrors() != before)
          c->hasErrors = true;
      }
    return ctx.diags.getNumErrors() == errorsBefore ? success() : failure();
  }

private:
  /// An opaque INSERT's target must exist in the migration's database (and,
  /// written bare, be reachable through search_path). Offline, a
  /// before_schema migration's tables are not known: nothing to say.
  bool targetExists(const SqlStatement &st, const Module &module, const Migration &m) {
    bool before = m.phase == Phase::BeforeSchema;
    if (before && !module.beforeSchemaKnown)
      return true;
    for (const Table *t :
         findTables(before ? module.beforeTables : module.tables, m.database, st.schema, st.table))
      if (!st.schema.empty() || t->onSearchPath)
        return true;
    return false;
  }

  void check(const CustomSqlOp &c, const SqlStatement &st, const Module &module, const Migration &m,
             PassContext &ctx) {
    DiagnosticEngine &diags = ctx.diags;
    if (st.kind == StatementKind::Ddl && ctx.catalog.semantics().ddlCommitsImplicitly) {
      diags
          .error(st.loc, "implicit-commit",
                 firstLine(c.sql, st) + ": " + ctx.catalog.displayName().str() +
                     " commits the transaction implicitly here, so this migration cannot run in "
                     "one transaction (apply refuses it)")
          .hint("change tables through their Table specs; customSQL in a data migration must "
                "not commit");
      return;
    }
    if (st.kind == StatementKind::Ddl) {
      diags
          .warning(st.loc, "custom-sql-ddl",
                   "DDL in a data migration: " + firstLine(c.sql, st))
          .hint("schema changes belong in a kind: Table spec, applied by SchemaHero");
      return;
    }
    if (st.analysed || ctx.catalog.checksOwnStatements())
      return; // resolve and typecheck covered it, or the dialect's own checks do
    if (st.kind == StatementKind::Insert && !st.table.empty() && !targetExists(st, module, m)) {
      std::vector<std::string> tableNames;
      for (const auto &t : module.tables)
        tableNames.push_back(t->name);
      std::string written = qualifiedName(st.schema, st.table);
      diags.error(st.tableLoc.isValid() ? st.tableLoc : st.loc, "unknown-table",
                  "table \"" + written + "\" does not exist" + didYouMean(st.table, tableNames));
      return;
    }
    // Where the server itself can resolve the names (a catalogue with an
    // embedded server), an opaque statement's names are checked too.
    if (m.phase != Phase::BeforeSchema || module.beforeSchemaKnown) {
      std::vector<const Table *> tables;
      for (const auto &t : m.phase == Phase::BeforeSchema ? module.beforeTables : module.tables)
        if (t->database == m.database)
          tables.push_back(t.get());
      if (std::optional<StatementNameProblem> p =
              ctx.catalog.checkStatementNames(c.sql.substr(st.offset, st.length), tables)) {
        diags.error(c.sqlLocator.locate(st.offset + p->offset), p->rule, p->message)
            .hint("checked by " + ctx.catalog.displayName().str() +
                  "'s own name resolution against the Table specs");
        return;
      }
    }
    auto d = diags.warning(st.loc, "custom-sql-not-analysed",
                           "not analysed: " + firstLine(c.sql, st) + " (" + st.notAnalysedReason +
                               ")");
    if (st.notAnalysedLoc.isValid() && st.notAnalysedLoc != st.loc)
      d.note(st.notAnalysedLoc, "the analysis stops here; the statement is emitted as written");
  }
};

} // namespace

std::unique_ptr<Pass> shc::createCustomSqlPass() { return std::make_unique<CustomSqlPass>(); }
