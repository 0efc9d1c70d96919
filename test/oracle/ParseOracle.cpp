//===- ParseOracle.cpp - Our expression grammar against PostgreSQL's parser -===//
//
// shc-parse-oracle FILE...: every SQL expression of the inputs (the `where`,
// `condition` and `expression` values of YAML files, at any depth, and the
// `where E` / `set c = E` lines of the typing corpus *.txt) that PostgreSQL's
// parser (libpg_query) accepts as `SELECT <expr>` must either
//   - parse in our grammar, and then libpg_query's tree of our re-emitted
//     text (minimal and fully parenthesised) equals its tree of the original,
//     with locations removed; or
//   - be rejected by our grammar as "unsupported-construct".
// Anything else (a wrong tree, an expr-syntax error on valid SQL, an emission
// failure) is printed and makes the exit code 1. Expressions PostgreSQL
// rejects are skipped (they are the diagnostics tests' business).
//
//===----------------------------------------------------------------------===//
#include "test/unit/TestDialects.h"
#include "backends/postgres/PostgresBackend.h"
#include "frontend/ExprParser.h"
#include "frontend/SourceLoader.h"
#include "frontend/YamlDocument.h"
#include "ir/Diagnostics.h"
#include "ir/SourceManager.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <pg_query.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace shc;

namespace {

struct Sample {
  std::string where; ///< file:line, for the report
  std::string text;
};

/// Removes what does not change the meaning: locations, and the
/// `pg_catalog` qualifier PostgreSQL's grammar adds to the SQL-standard type
/// spellings (`double precision` is pg_catalog.float8, `float8` as written is
/// float8; pg_catalog is always searched first).
void normalize(llvm::json::Value &root) {
  std::vector<llvm::json::Value *> work{&root};
  while (!work.empty()) {
    llvm::json::Value *n = work.back();
    work.pop_back();
    if (llvm::json::Object *o = n->getAsObject()) {
      for (llvm::StringRef k : {"location", "stmt_location", "stmt_len"})
        o->erase(k);
      if (llvm::json::Object *tn = o->getObject("TypeName"); tn || o->get("typemod")) {
        llvm::json::Object *t = tn ? tn : o;
        if (llvm::json::Array *names = t->getArray("names"); names && names->size() == 2) {
          const llvm::json::Object *first = (*names)[0].getAsObject();
          const llvm::json::Object *str = first ? first->getObject("String") : nullptr;
          if (str && str->getString("sval") == llvm::StringRef("pg_catalog"))
            *names = llvm::json::Array{(*names)[1]};
        }
      }
      for (auto &kv : *o)
        work.push_back(&kv.second);
    } else if (llvm::json::Array *a = n->getAsArray()) {
      for (llvm::json::Value &e : *a)
        work.push_back(&e);
    }
  }
}

/// True when the tree is one `SELECT <expr>` and nothing else: no second
/// statement (`1=1; DROP TABLE t`), no FROM or other clause (`1 FROM t`), one
/// unnamed target (`a, b` and `a AS x` are not one expression).
bool isSingleExpression(const llvm::json::Value &root) {
  const llvm::json::Object *o = root.getAsObject();
  const llvm::json::Array *stmts = o ? o->getArray("stmts") : nullptr;
  if (!stmts || stmts->size() != 1)
    return false;
  const llvm::json::Object *raw = (*stmts)[0].getAsObject();
  const llvm::json::Object *stmt = raw ? raw->getObject("stmt") : nullptr;
  const llvm::json::Object *sel = stmt ? stmt->getObject("SelectStmt") : nullptr;
  if (!sel)
    return false;
  for (const auto &kv : *sel)
    if (kv.first != "targetList" && kv.first != "limitOption" && kv.first != "op")
      return false;
  const llvm::json::Array *targets = sel->getArray("targetList");
  if (!targets || targets->size() != 1)
    return false;
  const llvm::json::Object *t = (*targets)[0].getAsObject();
  const llvm::json::Object *res = t ? t->getObject("ResTarget") : nullptr;
  return res && !res->get("name");
}

/// libpg_query's normalised JSON tree of `SELECT <expr>`, or nullopt when
/// PostgreSQL rejects it or it is not exactly one expression.
std::optional<std::string> pgTree(llvm::StringRef expr) {
  std::string sql = "SELECT " + expr.str();
  PgQueryParseResult r = pg_query_parse(sql.c_str());
  std::optional<std::string> out;
  if (!r.error) {
    llvm::Expected<llvm::json::Value> v = llvm::json::parse(r.parse_tree);
    if (v && isSingleExpression(*v)) {
      normalize(*v);
      std::string s;
      llvm::raw_string_ostream os(s);
      os << *v;
      out = os.str();
    } else if (!v) {
      llvm::consumeError(v.takeError());
    }
  }
  pg_query_free_parse_result(r);
  return out;
}

void collectYaml(const YamlNode *n, const SourceManager &sm, std::set<const YamlNode *> &seen,
                 std::vector<Sample> &out) {
  if (!n || !seen.insert(n).second)
    return;
  for (const YamlNode *item : n->items)
    collectYaml(item, sm, seen, out);
  for (const YamlNode::Entry &e : n->entries) {
    llvm::StringRef key = e.key->isScalar() ? llvm::StringRef(e.key->value) : "";
    if ((key == "where" || key == "condition" || key == "expression") && e.value->isScalar())
      out.push_back({(sm.getName(n->loc.file) + ":" + llvm::Twine(e.value->loc.line)).str(),
                     e.value->value});
    else
      collectYaml(e.value, sm, seen, out);
  }
}

void collectFile(const std::string &path, SourceManager &sm, DiagnosticEngine &diags,
                 std::vector<Sample> &out) {
  auto buf = llvm::MemoryBuffer::getFile(path);
  if (!buf) {
    llvm::errs() << "shc-parse-oracle: cannot read " << path << "\n";
    return;
  }
  llvm::StringRef contents = (*buf)->getBuffer();
  if (llvm::StringRef(path).endswith(".txt")) {
    unsigned line = 0;
    for (llvm::StringRef rest = contents; !rest.empty();) {
      auto [l, tail] = rest.split('\n');
      rest = tail;
      ++line;
      l = l.trim();
      std::string where = path + ":" + std::to_string(line);
      if (l.consume_front("where "))
        out.push_back({where, l.str()});
      else if (l.consume_front("set ") && l.contains(" = "))
        out.push_back({where, l.split(" = ").second.str()});
    }
    return;
  }
  uint32_t file = addSourceBuffer(path, contents.str(), sm, diags);
  if (!file)
    return;
  std::set<const YamlNode *> seen;
  for (const YamlDocument &doc : parseYamlDocuments(sm, file, diags))
    collectYaml(doc.root, sm, seen, out);
}

struct Counts {
  unsigned total = 0, pgRejects = 0, parsed = 0, unsupported = 0, failures = 0;
};

void check(const Sample &s, Counts &c) {
  ++c.total;
  std::optional<std::string> original = pgTree(s.text);
  if (!original) {
    ++c.pgRejects;
    return;
  }
  auto fail = [&](const std::string &why) {
    ++c.failures;
    llvm::outs() << "FAIL " << s.where << ": " << why << "\n  expression: " << s.text << "\n";
  };
  SourceManager sm;
  DiagnosticEngine diags;
  uint32_t file = sm.addBuffer("expr", s.text);
  ExprPtr e = parseExpression(s.text, ScalarLocator(SourceLoc{file, 1, 1}), postgresCatalog(), diags);
  std::vector<Diagnostic> ds = diags.takeSorted();
  if (!e) {
    for (const Diagnostic &d : ds)
      if (d.severity == Severity::Error && d.rule != "unsupported-construct")
        return fail("PostgreSQL accepts it but we report [" + d.rule + "] " + d.message);
    ++c.unsupported;
    return;
  }
  ++c.parsed;
  for (bool full : {false, true}) {
    PostgresExprEmitter emitter(diags);
    emitter.setFullyParenthesized(full);
    std::string out;
    if (failed(emitter.emit(*e, out))) {
      std::vector<Diagnostic> why = diags.takeSorted();
      return fail("cannot re-emit: " + (why.empty() ? std::string("?") : why.front().message));
    }
    std::optional<std::string> again = pgTree(out);
    if (!again)
      return fail("PostgreSQL rejects our re-emitted text: " + out);
    if (*again != *original)
      return fail(std::string(full ? "fully parenthesised" : "re-emitted") +
                  " text parses to a different tree: " + out + "\n  original tree: " + *original +
                  "\n  our tree:      " + *again);
  }
}

} // namespace

int main(int argc, char **argv) {
  SourceManager sm;
  DiagnosticEngine diags;
  std::vector<Sample> samples;
  for (int i = 1; i < argc; ++i)
    collectFile(argv[i], sm, diags, samples);
  (void)diags.takeSorted(); // broken test inputs are other tests' business
  Counts c;
  for (const Sample &s : samples)
    check(s, c);
  pg_query_exit();
  llvm::outs() << c.total << " expressions: " << c.pgRejects << " not one PostgreSQL expression, "
               << c.parsed << " parsed and round-tripped, " << c.unsupported
               << " unsupported, " << c.failures << " failures\n";
  return c.failures == 0 ? 0 : 1;
}
