//===- LintConfig.cpp - rule catalogue and .schemahero-lint.yaml ------------===//

#include "frontend/LintConfig.h"

#include "frontend/YamlDocument.h"
#include "ir/SourceManager.h"
#include "ir/Suggest.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>

using namespace shc;

static const RuleInfo kRules[] = {
    // Input and YAML.
    {"io-error", Severity::Error, false, "an input path is missing or unreadable"},
    {"binary-file", Severity::Error, false, "an input file is not text"},
    {"yaml-syntax", Severity::Error, false, "the file is not valid YAML"},
    {"duplicate-key", Severity::Error, false, "a mapping repeats a key"},
    {"unknown-field", Severity::Error, false, "a field the spec does not define"},
    {"unknown-table-field", Severity::Warning, false,
     "a field SchemaHero's Table types do not define (ignored)"},
    {"ambiguous-document", Severity::Error, false,
     "a bare spec that is not clearly a Table or a DataMigration"},
    {"missing-field", Severity::Error, false, "a required field is absent"},
    {"invalid-field", Severity::Error, false, "a field has the wrong shape or value"},
    {"unused-field", Severity::Warning, false, "a field that has no effect here"},
    {"kind-skipped", Severity::Note, false, "a document of another kind is skipped"},
    {"no-operations", Severity::Warning, false, "a migration has no operations for the target"},
    {"dialect-mismatch", Severity::Error, false,
     "a migration has operations only for dialects other than the target"},
    {"dialect-inferred", Severity::Note, false,
     "no --dialect: the one every data migration has operations for is used"},
    {"dialect-unchecked", Severity::Warning, true,
     "the target dialect has no SQL checks yet: what is not checked"},
    // Expressions, names and types.
    {"expr-syntax", Severity::Error, false, "a where/expression is not one SQL expression"},
    {"unsupported-construct", Severity::Error, false, "SQL the compiler does not model"},
    {"unsupported-in-dialect", Severity::Error, false, "a construct the target cannot run"},
    {"unknown-table", Severity::Error, false, "the table has no kind: Table spec"},
    {"ambiguous-table", Severity::Error, false,
     "an unqualified table name matches tables of several schemas"},
    {"unqualified-table", Severity::Error, false,
     "a bare table name in customSQL that search_path resolves elsewhere"},
    {"before-schema-unchecked", Severity::Warning, false,
     "a before_schema migration names what the Table specs lack: not checked"},
    {"unknown-column", Severity::Error, false, "the column does not exist in the table"},
    {"ambiguous-column", Severity::Error, false, "a column reference matches several tables"},
    {"unknown-function", Severity::Warning, false, "no function of that name"},
    {"unknown-type", Severity::Warning, false,
     "a type_cast target that is no built-in type: a user-defined type, not checked"},
    {"undefined-function", Severity::Error, false, "no overload for these argument types"},
    {"invalid-aggregate", Severity::Error, false, "an aggregate where none is allowed"},
    {"ungrouped-column", Severity::Error, false,
     "a grouped query reads a column outside GROUP BY and aggregates"},
    {"insert-width", Severity::Error, false, "INSERT values and target columns do not match"},
    {"column-alias-count", Severity::Error, false,
     "more column names than a WITH query or FROM subquery has columns"},
    {"type-mismatch", Severity::Error, false, "a value or expression of the wrong type"},
    {"where-not-boolean", Severity::Error, false, "a WHERE that is not boolean"},
    {"invalid-literal", Severity::Error, false, "a literal the column type rejects"},
    {"sql-in-static-value", Severity::Error, false,
     "a staticUpdate value that reads as SQL (NOW(), CURRENT_TIMESTAMP)"},
    {"invalid-transform", Severity::Error, false, "a transformUpdate that cannot apply"},
    {"invalid-argument", Severity::Error, false, "a function argument out of its domain"},
    {"constant-folding", Severity::Error, false, "a constant expression fails (e.g. 1/0)"},
    {"identifier-too-long", Severity::Error, false, "a name longer than the dialect allows"},
    // customSQL, idempotency and ordering.
    {"custom-sql-syntax", Severity::Error, false, "validated customSQL does not parse"},
    {"custom-sql-not-analysed", Severity::Warning, true,
     "a validated customSQL statement the compiler cannot analyse"},
    {"not-idempotent", Severity::Error, false,
     "a migration declared idempotent is not (the idempotency analysis)"},
    {"idempotency-unknown", Severity::Warning, true,
     "a migration declared idempotent cannot be proved so"},
    {"duplicate-migration", Severity::Error, false, "two migrations have the same name"},
    {"unknown-requirement", Severity::Error, false, "requires names no migration"},
    {"requires-cycle", Severity::Error, false, "requires forms a cycle"},
    {"phase-order", Severity::Error, false,
     "a before_schema migration requires an after_schema one"},
    // Cassandra (CQL): what a CQL write cannot express (docs/cassandra.md).
    {"cql-no-where", Severity::Error, false, "a Cassandra update without a WHERE"},
    {"cql-non-key-where", Severity::Error, false,
     "a CQL WHERE on a column outside the primary key"},
    {"cql-partition-range", Severity::Error, false,
     "a range (or !=, token()) over a CQL partition key"},
    {"cql-key-restriction", Severity::Error, false,
     "a CQL write that does not fix the primary key as CQL requires"},
    {"cql-where-form", Severity::Error, false, "a condition CQL's WHERE cannot hold"},
    {"cql-calculated-update", Severity::Error, false,
     "a calculatedUpdate: CQL has no column-to-column expressions in SET"},
    {"cql-transform-update", Severity::Error, false,
     "a transformUpdate: CQL cannot compute a column from its value"},
    {"cql-set-expression", Severity::Error, false, "a CQL SET value CQL cannot compute"},
    {"cql-allow-filtering", Severity::Error, false, "ALLOW FILTERING in a CQL write"},
    {"cql-rerun-unsafe", Severity::Warning, true,
     "a Cassandra operation not proven idempotent: no ledger, no transaction"},
    {"cql-lightweight-transaction", Severity::Warning, true,
     "a Cassandra update compiled to a lightweight transaction (Paxos)"},
    {"connection", Severity::Error, false, "--uri: the database cannot be reached"},
    {"batch-not-possible", Severity::Error, false,
     "batchSize on an operation that cannot run in keyset batches"},
    {"invalid-flag", Severity::Error, false, "a dialect's own flag given for another dialect"},
    {"ir-verifier", Severity::Error, false, "internal: the IR verifier failed (a bug)"},
    {"too-many-errors", Severity::Error, false, "the error limit was reached"},
    {"lint-config", Severity::Error, false, "a problem in .schemahero-lint.yaml"},
    // Reviewer warnings.
    {"update-without-where", Severity::Warning, true, "an UPDATE rewrites every row"},
    {"nondeterministic-in-idempotent", Severity::Warning, true,
     "a migration declared idempotent calls now(), random() ..."},
    {"custom-sql-ddl", Severity::Warning, true, "DDL inside customSQL"},
    {"custom-sql-no-validate", Severity::Warning, true, "customSQL with validate: false"},
    {"unordered-migrations", Severity::Warning, true,
     "two migrations write the same column with no order between them"},
    {"null-into-not-null", Severity::Warning, true, "NULL set into a NOT NULL column"},
    {"unbatched-large-write", Severity::Warning, true,
     "lint --uri: an UPDATE or DELETE the planner estimates above --large-write-rows, without "
     "batchSize"},
    {"hypertable-all-chunks", Severity::Warning, true,
     "an UPDATE or DELETE of a hypertable with no condition on its time column"},
    {"hypertable-compressed-chunks", Severity::Warning, true,
     "a write that reaches a hypertable's compressed chunks"},
    {"continuous-aggregate-stale", Severity::Warning, true,
     "a write under a continuous aggregate that nothing refreshes"},
    {"hypertable-retention", Severity::Note, true,
     "the retention policy drops the chunks a migration writes"},
    {"quoted-null", Severity::Warning, true, "a quoted \"NULL\" in a staticUpdate is text"},
    {"affinity-change", Severity::Warning, true,
     "a staticUpdate value the database stores other than as the column's type says"},
    {"value-too-long", Severity::Warning, true, "a value may be longer than varchar(n)"},
    {"implicit-commit", Severity::Error, false,
     "customSQL the server commits implicitly at (DDL in MySQL)"},
    {"portability", Severity::Error, false,
     "an operation shared with another dialect means something else there"},
    {"value-truncated", Severity::Warning, true,
     "a staticUpdate value MySQL stores only after rounding or cutting it"},
};

llvm::ArrayRef<RuleInfo> shc::ruleCatalogue() { return kRules; }

const RuleInfo *shc::findRule(llvm::StringRef id) {
  for (const RuleInfo &r : kRules)
    if (id == r.id)
      return &r;
  return nullptr;
}

static const char kConfigName[] = ".schemahero-lint.yaml";

std::string shc::findLintConfig(llvm::ArrayRef<std::string> inputs) {
  std::vector<std::string> starts;
  for (const std::string &in : inputs) {
    llvm::SmallString<256> dir;
    if (in == "-") {
      llvm::sys::fs::current_path(dir);
    } else {
      dir = in;
      llvm::sys::fs::make_absolute(dir);
      if (!llvm::sys::fs::is_directory(dir))
        llvm::sys::path::remove_filename(dir);
    }
    starts.push_back(std::string(dir));
  }
  for (const std::string &start : starts) {
    llvm::SmallString<256> dir(start);
    while (!dir.empty()) {
      llvm::SmallString<256> candidate(dir);
      llvm::sys::path::append(candidate, kConfigName);
      if (llvm::sys::fs::is_regular_file(candidate))
        return std::string(candidate);
      llvm::StringRef parent = llvm::sys::path::parent_path(dir);
      if (parent == dir)
        break;
      dir = parent.str();
    }
  }
  return "";
}

static std::optional<std::optional<Severity>> parseLevel(llvm::StringRef s) {
  using R = std::optional<std::optional<Severity>>;
  return llvm::StringSwitch<R>(s)
      .Case("error", std::optional<Severity>(Severity::Error))
      .Case("warning", std::optional<Severity>(Severity::Warning))
      .Case("note", std::optional<Severity>(Severity::Note))
      .Cases("off", "false", "disable", std::optional<Severity>())
      .Default(std::nullopt);
}

LogicalResult shc::loadLintConfig(llvm::StringRef path, SourceManager &sm, DiagnosticEngine &diags,
                                  LintConfig &config) {
  auto buf = llvm::MemoryBuffer::getFile(path);
  if (!buf)
    return diags.error(SourceLoc(), "lint-config",
                       "cannot read '" + path.str() + "': " + buf.getError().message());
  uint32_t id = sm.addBuffer(path.str(), (*buf)->getBuffer().str());
  unsigned errorsBefore = diags.getNumErrors();
  std::vector<YamlDocument> docs = parseYamlDocuments(sm, id, diags);
  if (diags.getNumErrors() != errorsBefore)
    return failure();
  if (docs.empty() || !docs.front().root || docs.front().root->isNull())
    return success();
  const YamlNode *root = docs.front().root;
  if (!root->isMapping())
    return diags.error(root->loc, "lint-config", "expected a mapping with 'rules:'");
  std::vector<llvm::StringRef> ruleIds;
  for (const RuleInfo &r : kRules)
    if (r.configurable)
      ruleIds.push_back(r.id);
  bool ok = true;
  for (const YamlNode::Entry &e : root->entries) {
    if (e.key->value != "rules") {
      diags.error(e.key->loc, "lint-config",
                  "unknown key '" + e.key->value + "'" +
                      didYouMean(e.key->value, llvm::ArrayRef<llvm::StringRef>{"rules"}));
      ok = false;
      continue;
    }
    if (e.value->isNull())
      continue;
    if (!e.value->isMapping()) {
      diags.error(e.value->loc, "lint-config",
                  "'rules' must be a mapping of rule id to level, found " +
                      e.value->describe().str());
      ok = false;
      continue;
    }
    for (const YamlNode::Entry &r : e.value->entries) {
      const RuleInfo *info = findRule(r.key->value);
      if (!info) {
        diags.error(r.key->loc, "lint-config",
                    "unknown rule '" + r.key->value + "'" + didYouMean(r.key->value, ruleIds));
        ok = false;
        continue;
      }
      if (!info->configurable) {
        diags.error(r.key->loc, "lint-config",
                    "rule '" + r.key->value + "' is a compiler check and cannot be configured");
        ok = false;
        continue;
      }
      auto level = r.value->isScalar() ? parseLevel(r.value->value) : std::nullopt;
      if (!level) {
        diags.error(r.value->loc, "lint-config",
                    "level of '" + r.key->value + "' must be error, warning, note or off");
        ok = false;
        continue;
      }
      config.settings.push_back({r.key->value, *level});
    }
  }
  return ok ? success() : failure();
}

void shc::applyLintConfig(const LintConfig &config, std::vector<Diagnostic> &diags) {
  if (config.settings.empty())
    return;
  auto dropped = [&](Diagnostic &d) {
    // The last setting for a rule wins.
    for (auto it = config.settings.rbegin(); it != config.settings.rend(); ++it) {
      if (it->rule != d.rule)
        continue;
      if (!it->severity)
        return true;
      d.severity = *it->severity;
      return false;
    }
    return false;
  };
  diags.erase(std::remove_if(diags.begin(), diags.end(), dropped), diags.end());
}
