//===- CqlParse.cpp - CQL writes read by grammar/Cql.g4 -------------------===//
//
// The generated parser reads the whole customSQL; the first syntax error
// stops it (no recovery: one error, at its position). The tree is then read
// into CqlStatement. ANTLR counts code points; offsets here are bytes, so a
// name after a non-ASCII character still points at itself.
//
//===----------------------------------------------------------------------===//

#include "backends/cassandra/CqlParse.h"
#include "grammar/FirstErrorStrategy.h"

#include "CqlLexer.h"
#include "CqlParser.h"

#include "llvm/ADT/StringExtras.h"

using namespace shc;
using P = grammar::CqlParser;
using antlr4::Token;

namespace {

using grammar::FirstErrorStrategy;

/// Remembers the first syntax error.
class FirstError : public antlr4::BaseErrorListener {
public:
  void syntaxError(antlr4::Recognizer *, Token *offending, size_t, size_t,
                   const std::string &message, std::exception_ptr) override {
    if (!seen) {
      seen = true;
      token = offending;
      text = message;
    }
  }
  bool seen = false;
  Token *token = nullptr;
  std::string text;
};

class Reader {
public:
  explicit Reader(llvm::StringRef text) : text(text) {
    for (size_t i = 0; i < text.size(); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
        bytes.push_back(i);
    bytes.push_back(text.size());
  }

  size_t offset(Token *t) const {
    size_t cp = t->getStartIndex();
    return cp < bytes.size() ? bytes[cp] : text.size();
  }
  size_t end(Token *t) const {
    size_t cp = t->getStopIndex() + 1;
    return cp < bytes.size() ? bytes[cp] : text.size();
  }
  std::string source(antlr4::ParserRuleContext *c) const {
    size_t from = offset(c->getStart()), to = end(c->getStop());
    return to > from ? text.slice(from, to).str() : std::string();
  }

  CqlName name(P::IdentifierContext *id) const {
    CqlName n;
    n.offset = offset(id->getStart());
    std::string raw = id->getText();
    if (id->QUOTED_IDENT()) {
      for (size_t i = 1; i + 1 < raw.size(); ++i) {
        n.name += raw[i];
        if (raw[i] == '"')
          ++i; // "" is one quote
      }
    } else {
      n.name = llvm::StringRef(raw).lower();
    }
    return n;
  }
  CqlName name(P::ColumnNameContext *c) const { return name(c->identifier()); }

  CqlTerm term(P::TermContext *t) const {
    CqlTerm out;
    out.offset = offset(t->getStart());
    out.text = source(t);
    if (t->columnName()) {
      out.kind = CqlTerm::Kind::Column;
      out.name = name(t->columnName()).name;
    } else if (t->functionCall()) {
      out.kind = CqlTerm::Kind::Function;
      out.name = name(t->functionCall()->identifier()).name;
    } else if (t->collection()) {
      out.kind = CqlTerm::Kind::Collection;
    } else if (t->literal() && t->literal()->K_NULL()) {
      out.kind = CqlTerm::Kind::Null;
    }
    return out;
  }

  static CqlRelation::Op op(P::ComparisonContext *c) {
    if (c->NE())
      return CqlRelation::Op::Ne;
    if (c->LT())
      return CqlRelation::Op::Lt;
    if (c->LE())
      return CqlRelation::Op::Le;
    if (c->GT())
      return CqlRelation::Op::Gt;
    if (c->GE())
      return CqlRelation::Op::Ge;
    return CqlRelation::Op::Eq;
  }

  CqlRelation relation(P::RelationContext *r) const {
    CqlRelation out;
    out.offset = offset(r->getStart());
    out.token = r->K_TOKEN() != nullptr;
    for (P::ColumnNameContext *c : r->columnName())
      out.columns.push_back(name(c));
    out.op = r->K_IN() ? CqlRelation::Op::In : op(r->comparison());
    for (P::TermContext *t : r->term())
      out.values.push_back(term(t));
    return out;
  }

  CqlRelation condition(P::ConditionContext *c) const {
    CqlRelation out;
    out.offset = offset(c->getStart());
    out.columns.push_back(name(c->columnName()));
    out.op = c->K_IN() ? CqlRelation::Op::In : op(c->comparison());
    for (P::TermContext *t : c->term())
      out.values.push_back(term(t));
    if (c->LBRACKET() && !out.values.empty())
      out.values.erase(out.values.begin()); // the element's key
    return out;
  }

  CqlAssignment assignment(P::AssignmentContext *a) const {
    CqlAssignment out;
    out.column = name(a->columnName());
    out.element = a->LBRACKET() != nullptr;
    std::vector<P::TermContext *> terms = a->term();
    if (out.element)
      terms.erase(terms.begin()); // the element's key
    if (terms.empty())
      return out;
    CqlTerm first = term(terms[0]);
    if (terms.size() == 1) {
      out.value = first;
    } else {
      CqlTerm second = term(terms[1]);
      out.op = a->PLUS() ? '+' : '-';
      bool firstIsSelf = first.kind == CqlTerm::Kind::Column && first.name == out.column.name;
      bool secondIsSelf = second.kind == CqlTerm::Kind::Column && second.name == out.column.name;
      out.prepend = !firstIsSelf && secondIsSelf;
      out.value = out.prepend ? first : second;
      if (!firstIsSelf && !secondIsSelf)
        out.op = 0; // `a = b + c`: reported as another column
    }
    for (P::TermContext *t : terms) {
      CqlTerm v = term(t);
      if (v.kind == CqlTerm::Kind::Column && v.name != out.column.name && !out.otherColumn)
        out.otherColumn = CqlName{v.name, v.offset};
    }
    return out;
  }

  void usingClause(P::UsingClauseContext *u, CqlStatement &st) const {
    if (!u)
      return;
    for (P::UsingOptionContext *o : u->usingOption()) {
      st.usingTtl |= o->K_TTL() != nullptr;
      st.usingTimestamp |= o->K_TIMESTAMP() != nullptr;
    }
  }

  void tableName(P::TableNameContext *t, CqlStatement &st) const {
    std::vector<P::IdentifierContext *> parts = t->identifier();
    st.table = name(parts.back());
    if (parts.size() == 2)
      st.keyspace = name(parts.front()).name;
  }

  void where(P::WhereClauseContext *w, CqlStatement &st) const {
    for (P::RelationContext *r : w->relation())
      st.where.push_back(relation(r));
  }

  void tail(P::IfExistsContext *ifExists, P::IfConditionsContext *conds,
            P::AllowFilteringContext *allow, CqlStatement &st) const {
    st.ifExists = ifExists != nullptr;
    if (conds)
      for (P::ConditionContext *c : conds->condition())
        st.conditions.push_back(condition(c));
    if (allow)
      st.allowFiltering = offset(allow->getStart());
  }

  CqlStatement insert(P::InsertStatementContext *i) const {
    CqlStatement st;
    st.kind = CqlStatement::Kind::Insert;
    tableName(i->tableName(), st);
    for (P::ColumnNameContext *c : i->columnName())
      st.columns.push_back(name(c));
    for (P::TermContext *t : i->term())
      st.values.push_back(term(t));
    st.ifNotExists = i->ifNotExists() != nullptr;
    usingClause(i->usingClause(), st);
    return st;
  }

  CqlStatement update(P::UpdateStatementContext *u) const {
    CqlStatement st;
    st.kind = CqlStatement::Kind::Update;
    tableName(u->tableName(), st);
    usingClause(u->usingClause(), st);
    for (P::AssignmentContext *a : u->assignment())
      st.assignments.push_back(assignment(a));
    where(u->whereClause(), st);
    tail(u->ifExists(), u->ifConditions(), u->allowFiltering(), st);
    return st;
  }

  CqlStatement remove(P::DeleteStatementContext *d) const {
    CqlStatement st;
    st.kind = CqlStatement::Kind::Delete;
    for (P::DeleteSelectionContext *s : d->deleteSelection())
      st.columns.push_back(name(s->columnName()));
    tableName(d->tableName(), st);
    usingClause(d->usingClause(), st);
    where(d->whereClause(), st);
    tail(d->ifExists(), d->ifConditions(), d->allowFiltering(), st);
    return st;
  }

  template <typename Ctx> CqlStatement write(Ctx *c) const {
    CqlStatement st = c->insertStatement()  ? insert(c->insertStatement())
                      : c->updateStatement() ? update(c->updateStatement())
                                             : remove(c->deleteStatement());
    st.offset = offset(c->getStart());
    st.length = end(c->getStop()) - st.offset;
    return st;
  }

  CqlStatement statement(P::StatementContext *s) const {
    P::BatchStatementContext *b = s->batchStatement();
    if (!b)
      return write(s);
    CqlStatement st;
    st.kind = CqlStatement::Kind::Batch;
    st.offset = offset(b->getStart());
    st.length = end(b->getStop()) - st.offset;
    st.counterBatch = b->K_COUNTER() != nullptr;
    st.unloggedBatch = b->K_UNLOGGED() != nullptr;
    usingClause(b->usingClause(), st);
    for (P::BatchChildContext *c : b->batchChild())
      st.children.push_back(write(c));
    return st;
  }

private:
  llvm::StringRef text;
  std::vector<size_t> bytes; ///< code point index -> byte offset
};

/// The parser's message, in our words where ANTLR's are cryptic.
std::string syntaxMessage(Token *t, const std::string &antlr) {
  if (!t || t->getType() == Token::EOF)
    return "syntax error: unexpected end of the statement";
  std::string word = t->getText();
  if (t->getType() == grammar::CqlLexer::UNEXPECTED && word == "'")
    return "syntax error: unterminated string";
  if (t->getType() == grammar::CqlLexer::UNEXPECTED && word == "?")
    return "syntax error at '?': a migration has no bind values; write the value";
  return "syntax error at '" + word + "'" + (antlr.empty() ? "" : " (" + antlr + ")");
}

} // namespace

llvm::StringRef shc::cqlStatementName(CqlStatement::Kind kind) {
  switch (kind) {
  case CqlStatement::Kind::Insert:
    return "INSERT";
  case CqlStatement::Kind::Update:
    return "UPDATE";
  case CqlStatement::Kind::Delete:
    return "DELETE";
  case CqlStatement::Kind::Batch:
    return "BATCH";
  }
  return "";
}

/// Where the text nests brackets deeper than the parser may recurse, or
/// nullopt: checked before ANTLR's recursive descent sees it. Quotes and
/// comments are skipped as the lexer skips them.
static std::optional<size_t> tooDeep(llvm::StringRef text) {
  constexpr size_t kMaxNesting = 200;
  size_t depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\'' || c == '"') {
      size_t end = text.find(c, i + 1);
      while (end != llvm::StringRef::npos && end + 1 < text.size() && text[end + 1] == c)
        end = text.find(c, end + 2);
      if (end == llvm::StringRef::npos)
        return std::nullopt;
      i = end;
    } else if (text.substr(i).startswith("--") || text.substr(i).startswith("//")) {
      i = text.find('\n', i);
      if (i == llvm::StringRef::npos)
        return std::nullopt;
    } else if (text.substr(i).startswith("/*")) {
      i = text.find("*/", i + 2);
      if (i == llvm::StringRef::npos)
        return std::nullopt;
      ++i;
    } else if (c == '(' || c == '[' || c == '{') {
      if (++depth > kMaxNesting)
        return i;
    } else if ((c == ')' || c == ']' || c == '}') && depth) {
      --depth;
    }
  }
  return std::nullopt;
}

CqlScript shc::parseCql(llvm::StringRef text) {
  CqlScript out;
  if (std::optional<size_t> at = tooDeep(text)) {
    out.error = "the statement is nested too deeply";
    out.errorOffset = *at;
    return out;
  }
  try {
    Reader reader(text);
    antlr4::ANTLRInputStream input(text.str());
    grammar::CqlLexer lexer(&input);
    lexer.removeErrorListeners();
    antlr4::CommonTokenStream tokens(&lexer);
    P parser(&tokens);
    FirstError errors;
    parser.removeErrorListeners();
    parser.addErrorListener(&errors);
    parser.setErrorHandler(std::make_shared<FirstErrorStrategy>());
    P::ScriptContext *script = nullptr;
    try {
      script = parser.script();
    } catch (antlr4::ParseCancellationException &) {
      script = nullptr;
    }
    if (errors.seen || !script) {
      Token *at = errors.token ? errors.token : parser.getCurrentToken();
      out.error = syntaxMessage(at, errors.text);
      out.errorOffset = at && at->getType() != Token::EOF ? reader.offset(at) : text.size();
      return out;
    }
    for (P::StatementContext *s : script->statement())
      out.statements.push_back(reader.statement(s));
  } catch (std::exception &e) {
    out.statements.clear();
    out.error = std::string("internal error while parsing CQL: ") + e.what();
  } catch (...) {
    out.statements.clear();
    out.error = "internal error while parsing CQL";
  }
  return out;
}
