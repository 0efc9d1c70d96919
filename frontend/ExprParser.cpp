// shc::parseExpression: lex (frontend/ExprLexer.cpp), parse with the ANTLR
// grammar grammar/SqlExpr.g4, build the IR (frontend/ExprBuilder*.cpp).
// Every ANTLR or library exception stops here and becomes a diagnostic.
#include "frontend/ExprParser.h"
#include "grammar/FirstErrorStrategy.h"

#include "frontend/ExprBuilder.h"
#include "frontend/ExprLexer.h"
#include "ir/Catalog.h"
#include "ir/Diagnostics.h"

#include "SqlExprParser.h"

using namespace shc;
using namespace shc::sqlexpr;
using antlr4::Token;
using P = grammar::SqlExprParser;

namespace {

/// Rule invocations the parser may nest. kMaxNesting parentheses cost a few
/// invocations each; this also bounds chains such as `NOT NOT NOT ... x`
/// that nest without parentheses.
constexpr int kMaxParserDepth = 2500;

struct NestingTooDeep {
  SourceLoc loc;
};

/// The generated parser, with a guard on its recursion depth.
class GuardedParser : public P {
public:
  GuardedParser(antlr4::TokenStream *input, const ExprText &text) : P(input), text(text) {}

  using P::enterRecursionRule;
  void enterRule(antlr4::ParserRuleContext *ctx, size_t state, size_t rule) override {
    guard(ctx);
    P::enterRule(ctx, state, rule);
  }
  void enterRecursionRule(antlr4::ParserRuleContext *ctx, size_t state, size_t rule,
                          int precedence) override {
    guard(ctx);
    P::enterRecursionRule(ctx, state, rule, precedence);
  }

private:
  void guard(antlr4::ParserRuleContext *ctx) {
    if (ctx->depth() > kMaxParserDepth)
      throw NestingTooDeep{text.locOf(getCurrentToken())};
  }
  const ExprText &text;
};

using grammar::FirstErrorStrategy;

/// Remembers the token of the first syntax error; the diagnostic is written
/// by reportSyntaxError, which knows the lexer's findings.
class FirstErrorListener : public antlr4::BaseErrorListener {
public:
  void syntaxError(antlr4::Recognizer *, Token *offending, size_t, size_t, const std::string &,
                   std::exception_ptr) override {
    if (!token)
      token = offending;
  }
  Token *token = nullptr;
};

/// Constructs that PostgreSQL lexes as one token and we never accept.
const char *unsupportedToken(size_t type) {
  switch (type) {
  case P::PARAM:
    return "$n parameter";
  case P::BIT_STRING:
    return "B'...' bit string";
  case P::HEX_STRING:
    return "X'...' bit string";
  case P::NATIONAL_STRING:
    return "N'...' national string";
  case P::UNICODE_STRING:
    return "U&'...' string";
  case P::UNICODE_IDENT:
    return "U&\"...\" identifier";
  case P::TAGGED_DOLLAR:
    return "$tag$ dollar-quoted string";
  case P::K_ARRAY:
    return "ARRAY[...]";
  case P::LBRACKET:
    return "[...] subscript";
  case P::EQGT:
  case P::COLON_EQUALS:
    return "name => value argument";
  case P::K_COLLATE:
    return "COLLATE";
  case P::K_SIMILAR:
    return "SIMILAR TO";
  case P::K_OVERLAPS:
    return "OVERLAPS";
  default:
    return nullptr;
  }
}

/// `x IS [NOT] DOCUMENT`, `IS NORMALIZED`, `IS JSON`: predicates PostgreSQL
/// has and we do not model (their words are not keywords of our grammar).
bool isIsPredicateWord(llvm::StringRef word) {
  std::string w = llvm::StringRef(word).lower();
  return w == "document" || w == "normalized" || w == "nfc" || w == "nfd" || w == "nfkc" ||
         w == "nfkd" || w == "json";
}

bool isAfterIs(Token *tok, antlr4::TokenStream &tokens) {
  size_t i = tok->getTokenIndex();
  if (i > 0 && tokens.get(i - 1)->getType() == P::K_NOT)
    --i;
  return i > 0 && tokens.get(i - 1)->getType() == P::K_IS;
}

/// Where the grammar stopped. For a customSQL statement (`statement`), which
/// PostgreSQL has accepted, the message is the reason it stays opaque: the
/// construct alone, or where the analysis stops.
void reportSyntaxError(Token *tok, const ExprText &text, const LexedExpr &lexed,
                       antlr4::TokenStream &tokens, DiagnosticEngine &diags, bool statement) {
  auto lexError = lexed.lexErrors.find(tok->getTokenIndex());
  if (lexError != lexed.lexErrors.end()) {
    diags.error(text.locAtByte(lexError->second.byteOffset), "expr-syntax",
                lexError->second.message);
    return;
  }
  if (tok->getType() == Token::EOF) {
    // At the end of the last token, where the missing text belongs.
    size_t idx = tok->getTokenIndex();
    size_t at = idx == 0 ? 0 : text.byteOffset(tokens.get(idx - 1)->getStopIndex() + 1);
    diags.error(text.locAtByte(at), "expr-syntax",
                statement ? "not covered by the analysis at the end"
                          : "syntax error at end of input");
    return;
  }
  std::string spelled = text.textOf(tok).str();
  if (tok->getType() == P::OTHER_OP)
    spelled += " operator";
  else if (isAfterIs(tok, tokens) && isIsPredicateWord(spelled))
    spelled = "IS " + llvm::StringRef(spelled).upper();
  else if (llvm::StringRef(spelled).equals_insensitive("operator") &&
           tokens.get(tok->getTokenIndex() + 1)->getType() == P::LPAREN)
    spelled = "OPERATOR(...)";
  else if (tok->getType() == P::DOT && tok->getTokenIndex() > 0 &&
           tokens.get(tok->getTokenIndex() - 1)->getType() == P::RPAREN)
    spelled = "(expression).field selection";
  else if (const char *what = unsupportedToken(tok->getType()))
    spelled = what;
  else
    spelled.clear();
  if (!spelled.empty()) {
    diags.error(text.locOf(tok), "unsupported-construct",
                statement ? spelled
                          : "unsupported SQL construct '" + spelled +
                                "' in an expression; use customSQL");
    return;
  }
  std::string near = "\"" + text.textOf(tok).str() + "\"";
  auto diag = diags.error(text.locOf(tok), "expr-syntax",
                          (statement ? "not covered by the analysis from " : "syntax error at or near ") + near);
  if (tok->getType() == P::SEMI)
    diag.hint("a where/expression value holds a single SQL expression; use customSQL for "
              "statements");
}

/// Lexes and parses `text` from the start rule `startRule` (a member of the
/// generated parser), then hands the tree to `build`. Syntax errors are
/// reported; returns false after one.
template <typename Start, typename Build>
bool parse(ExprText &text, const Catalog &catalog, DiagnosticEngine &diags, bool statement,
           Start startRule, Build build) {
  LexedExpr lexed;
  if (!lexExpression(text, lexed, catalog.syntax(), diags))
    return false;
  antlr4::ListTokenSource source(std::move(lexed.tokens));
  antlr4::CommonTokenStream tokens(&source);
  tokens.fill();

  // One LL pass. A first SLL pass with a bail-out strategy (the usual
  // two-stage setup) measured no faster on valid expressions (~11 us each
  // either way; ANTLR's LL mode already tries SLL per decision first), and
  // again under callgrind (2026-12-03), two stages vs this one pass:
  // 72.76 M vs 72.72 M instructions for one file and its schema, 1,937.8 M
  // vs 1,938.1 M for 1,000 migrations.
  // The cold-DFA cost is SLL's own closure (computeStartState).
  FirstErrorListener listener;
  GuardedParser parser(&tokens, text);
  parser.removeErrorListeners();
  parser.addErrorListener(&listener);
  parser.setErrorHandler(std::make_shared<FirstErrorStrategy>());
  decltype((parser.*startRule)()) root = nullptr;
  try {
    root = (parser.*startRule)();
  } catch (antlr4::ParseCancellationException &) {
    root = nullptr;
  }
  if (listener.token || !root) {
    reportSyntaxError(listener.token ? listener.token : tokens.get(0), text, lexed, tokens, diags,
                      statement);
    return false;
  }
  ExprBuilder builder(text, tokens, catalog, diags);
  return build(builder, root);
}

/// Runs `body` with ANTLR's and the runtime's exceptions turned into
/// diagnostics (the core never lets one escape).
template <typename Body>
bool guarded(ExprText &text, const ScalarLocator &locator, DiagnosticEngine &diags, Body body) {
  try {
    if (!text.decode(diags))
      return false;
    return body();
  } catch (NestingTooDeep &deep) {
    diags.error(deep.loc, "expr-syntax", "expression is nested too deeply");
  } catch (std::exception &e) {
    diags.error(locator.start(), "expr-syntax",
                std::string("internal error while parsing the expression: ") + e.what());
  } catch (...) {
    diags.error(locator.start(), "expr-syntax", "internal error while parsing the expression");
  }
  return false;
}

} // namespace

ExprPtr shc::parseExpression(llvm::StringRef text, const ScalarLocator &locator,
                             const Catalog &catalog, DiagnosticEngine &diags) {
  ExprText exprText(text, locator);
  ExprPtr result;
  guarded(exprText, locator, diags, [&] {
    return parse(exprText, catalog, diags, false, &P::root, [&](ExprBuilder &b, P::RootContext *root) {
      result = b.build(root->expr());
      return result != nullptr;
    });
  });
  return result;
}

bool shc::parseStatement(llvm::StringRef text, const ScalarLocator &locator,
                         const Catalog &catalog, std::vector<CommonTableExpr> &with,
                         DmlQuery &query, DiagnosticEngine &diags) {
  ExprText exprText(text, locator);
  return guarded(exprText, locator, diags, [&] {
    return parse(exprText, catalog, diags, true, &P::statementRoot,
                 [&](ExprBuilder &b, P::StatementRootContext *root) {
                   return b.statement(root, with, query);
                 });
  });
}
