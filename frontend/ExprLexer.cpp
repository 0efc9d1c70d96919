// Lexing of one SQL expression: the ANTLR lexer, then a post-pass that does
// what PostgreSQL's scanner and its base_yylex filter do beyond a plain DFA
// (keywords, operator-name rules, lexical errors, a nesting limit).
#include "frontend/ExprLexer.h"

#include "frontend/ExprLiterals.h"
#include "ir/Diagnostics.h"
#include "ir/ExprSyntax.h"

#include "SqlExprLexer.h"
#include "SqlExprParser.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"

using namespace shc;
using namespace shc::sqlexpr;
using grammar::SqlExprParser;
using llvm::StringRef;

// --- ExprText ---------------------------------------------------------------

bool ExprText::decode(DiagnosticEngine &diags) {
  codePoints.clear();
  codePoints.reserve(text.size());
  size_t bad = findInvalidUtf8(text, &codePoints);
  if (bad != StringRef::npos) {
    std::string msg =
        text[bad] == '\0' ? "invalid NUL byte in expression" : invalidUtf8Message(text, bad);
    diags.error(locAtByte(bad), "expr-syntax", std::move(msg));
    return false;
  }
  offsets.clear();
  if (codePoints.size() != text.size()) {
    offsets.reserve(codePoints.size() + 1);
    for (size_t i = 0; i < text.size(); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
        offsets.push_back(static_cast<uint32_t>(i));
    offsets.push_back(static_cast<uint32_t>(text.size()));
  }
  return true;
}

SourceLoc ExprText::locOf(const antlr4::Token *tok) const {
  if (tok->getType() == antlr4::Token::EOF)
    return locAtByte(text.size());
  return locAtByte(byteOffset(tok->getStartIndex()));
}

StringRef ExprText::textOf(const antlr4::Token *tok) const { return textBetween(tok, tok); }

StringRef ExprText::textBetween(const antlr4::Token *first, const antlr4::Token *last) const {
  if (first->getType() == antlr4::Token::EOF)
    return "";
  size_t begin = byteOffset(first->getStartIndex());
  size_t end = byteOffset(last->getStopIndex() + 1);
  return text.substr(begin, end - begin);
}

namespace {
/// ANTLRInputStream over code points we already decoded (its own UTF-8
/// conversion would throw on bad input and repeats our work).
class CodePointStream : public antlr4::ANTLRInputStream {
public:
  explicit CodePointStream(std::u32string data) { _data = std::move(data); }
};
} // namespace

std::unique_ptr<antlr4::CharStream> ExprText::makeCharStream() {
  return std::make_unique<CodePointStream>(std::move(codePoints));
}

// --- keywords and operators ---------------------------------------------------

namespace {
/// Lower-case keyword -> token type, from the grammar's K_* token names.
class KeywordTable {
public:
  static const KeywordTable &get() {
    static const KeywordTable table;
    return table;
  }
  size_t lookup(StringRef lowered) const {
    auto it = map.find(lowered);
    return it == map.end() ? 0 : it->second;
  }
  size_t maxLength() const { return maxLen; }

private:
  KeywordTable() {
    std::vector<std::unique_ptr<antlr4::Token>> eof;
    eof.push_back(std::make_unique<antlr4::CommonToken>(antlr4::Token::EOF));
    antlr4::ListTokenSource source(std::move(eof));
    antlr4::CommonTokenStream stream(&source);
    SqlExprParser parser(&stream);
    const antlr4::dfa::Vocabulary &vocab = parser.getVocabulary();
    for (size_t t = 1; t <= vocab.getMaxTokenType(); ++t) {
      std::string symbolic = vocab.getSymbolicName(t);
      StringRef name = symbolic;
      if (!name.consume_front("K_"))
        continue;
      std::string key = foldIdentifier(name);
      maxLen = std::max(maxLen, key.size());
      map[key] = t;
    }
  }
  llvm::StringMap<size_t> map;
  size_t maxLen = 0;
};

bool isOperatorChar(size_t type) {
  switch (type) {
  case SqlExprParser::PLUS:
  case SqlExprParser::MINUS:
  case SqlExprParser::STAR:
  case SqlExprParser::SLASH:
  case SqlExprParser::PERCENT:
  case SqlExprParser::CARET:
  case SqlExprParser::LT:
  case SqlExprParser::GT:
  case SqlExprParser::EQ:
  case SqlExprParser::OP_CHAR:
    return true;
  default:
    return false;
  }
}

size_t operatorTokenType(StringRef op) {
  if (op.size() == 1) {
    switch (op[0]) {
    case '+':
      return SqlExprParser::PLUS;
    case '-':
      return SqlExprParser::MINUS;
    case '*':
      return SqlExprParser::STAR;
    case '/':
      return SqlExprParser::SLASH;
    case '%':
      return SqlExprParser::PERCENT;
    case '^':
      return SqlExprParser::CARET;
    case '<':
      return SqlExprParser::LT;
    case '>':
      return SqlExprParser::GT;
    case '=':
      return SqlExprParser::EQ;
    default:
      return SqlExprParser::OTHER_OP;
    }
  }
  return llvm::StringSwitch<size_t>(op)
      .Case("<=", SqlExprParser::LE)
      .Case(">=", SqlExprParser::GE)
      .Cases("<>", "!=", SqlExprParser::NE)
      .Case("=>", SqlExprParser::EQGT)
      .Case("||", SqlExprParser::CONCAT)
      .Case("->", SqlExprParser::ARROW)
      .Case("->>", SqlExprParser::ARROW2)
      .Default(SqlExprParser::OTHER_OP);
}
} // namespace

namespace {
/// DIV, MOD, XOR, REGEXP, RLIKE: keywords only where ExprSyntax::wordOperators.
bool isWordOperator(size_t type) {
  return type == SqlExprParser::K_DIV || type == SqlExprParser::K_MOD ||
         type == SqlExprParser::K_XOR || type == SqlExprParser::K_REGEXP ||
         type == SqlExprParser::K_RLIKE;
}

/// MySQL's operators: the longest of its multi-character operators, else one
/// character (`!=-1` is != and -1).
size_t wordOperatorLength(StringRef ops) {
  for (StringRef op : {"<=>", "->>", "<=", ">=", "<>", "!=", "<<", ">>", "&&", "||", "->", ":="})
    if (ops.startswith(op))
      return op.size();
  return 1;
}
} // namespace

size_t shc::sqlexpr::operatorTokenLength(StringRef ops) {
  size_t n = ops.size();
  if (n > 1 && (ops[n - 1] == '+' || ops[n - 1] == '-')) {
    if (ops.drop_back().find_first_of("~!@#^&|`?%") == StringRef::npos) {
      do {
        --n;
      } while (n > 1 && (ops[n - 1] == '+' || ops[n - 1] == '-'));
    }
  }
  return n;
}

// --- the post-pass ------------------------------------------------------------

namespace {
class PostPass {
public:
  PostPass(ExprText &text, LexedExpr &out, const ExprSyntax &syntax)
      : text(text), out(out), syntax(syntax) {}

  void add(std::unique_ptr<antlr4::Token> tok) {
    auto *ct = static_cast<antlr4::CommonToken *>(tok.get());
    switch (tok->getType()) {
    case SqlExprParser::IDENT: {
      StringRef word = text.textOf(tok.get());
      if (word.size() <= KeywordTable::get().maxLength())
        if (size_t kw = KeywordTable::get().lookup(foldIdentifier(word)))
          if (!isWordOperator(kw) || syntax.wordOperators)
            ct->setType(kw);
      break;
    }
    case SqlExprParser::UNTERMINATED_STRING:
    case SqlExprParser::UNTERMINATED_BACKSLASH_STRING:
    case SqlExprParser::UNTERMINATED_ESCAPE_STRING:
    case SqlExprParser::UNTERMINATED_NATIONAL_STRING:
      lexError(ct, "unterminated quoted string");
      break;
    case SqlExprParser::UNTERMINATED_BIT_STRING:
      lexError(ct, "unterminated bit string literal");
      break;
    case SqlExprParser::UNTERMINATED_HEX_STRING:
      lexError(ct, "unterminated hexadecimal string literal");
      break;
    case SqlExprParser::UNTERMINATED_QIDENT:
      lexError(ct, "unterminated quoted identifier");
      break;
    case SqlExprParser::UNTERMINATED_DOLLAR_STRING:
      lexError(ct, "unterminated dollar-quoted string");
      break;
    case SqlExprParser::UNTERMINATED_COMMENT:
      lexError(ct, "unterminated /* comment");
      break;
    case SqlExprParser::NUMBER_JUNK:
      lexError(ct, "trailing junk after numeric literal");
      break;
    case SqlExprParser::QIDENT:
      if (text.textOf(ct).size() == 2)
        lexError(ct, "zero-length delimited identifier");
      break;
    case SqlExprParser::ESCAPE_STRING: {
      std::string decoded, error;
      size_t at = 0;
      if (!decodeEscapeString(text.textOf(ct), decoded, at, error)) {
        lexError(ct, error);
        out.lexErrors[out.tokens.size()].byteOffset += at;
      }
      break;
    }
    default:
      break;
    }
    out.tokens.push_back(std::move(tok));
  }

  /// Splits a run of adjacent operator characters [first, last] into
  /// operator tokens by PostgreSQL's rules.
  void addOperators(size_t first, size_t last) {
    std::string ops;
    for (size_t i = first; i <= last; ++i)
      ops.push_back(text.str()[text.byteOffset(i)]);
    for (size_t pos = 0; pos < ops.size();) {
      StringRef rest = StringRef(ops).substr(pos);
      size_t n = syntax.wordOperators ? wordOperatorLength(rest) : operatorTokenLength(rest);
      StringRef op = rest.substr(0, n);
      size_t type = operatorTokenType(op);
      if (syntax.logicalPipes && (op == "||" || op == "&&"))
        type = op == "||" ? SqlExprParser::K_OR : SqlExprParser::K_AND;
      else if (syntax.wordOperators && op == "<=>")
        type = SqlExprParser::NULL_SAFE_EQ;
      out.tokens.push_back(std::make_unique<antlr4::CommonToken>(
          std::make_pair(out.lexer.get(), out.input.get()), type, antlr4::Token::DEFAULT_CHANNEL,
          first + pos, first + pos + n - 1));
      pos += n;
    }
  }

private:
  /// PostgreSQL's scanner errors read "<what> at or near "<token>"".
  void lexError(antlr4::CommonToken *tok, llvm::StringRef what) {
    std::string msg = what.str();
    if (!what.startswith("invalid byte sequence")) // PostgreSQL says it without a token
      msg += " at or near \"" + text.textOf(tok).str() + "\"";
    out.lexErrors[out.tokens.size()] = {text.byteOffset(tok->getStartIndex()), std::move(msg)};
    tok->setType(SqlExprParser::ERROR_CHAR);
  }

  ExprText &text;
  LexedExpr &out;
  const ExprSyntax &syntax;
};
} // namespace

namespace {
/// The generated lexer, plus PostgreSQL's nested block comments: after the
/// COMMENT_OPEN token, skip to the matching `*/`, counting `/*` inside. Where
/// strings take backslash escapes (MySQL), it also reads '...' and "..."
/// strings, `...` names, # comments and `--` (a comment only before a
/// blank) itself, as the dialect's own scanner does.
class NestingCommentLexer : public grammar::SqlExprLexer {
public:
  NestingCommentLexer(antlr4::CharStream *input, const ExprSyntax &syntax)
      : SqlExprLexer(input), syntax(syntax) {}

  std::unique_ptr<antlr4::Token> nextToken() override {
    for (;;) {
      if (syntax.backslashStrings)
        if (std::unique_ptr<antlr4::Token> tok = backslashDialectToken())
          return tok;
      std::unique_ptr<antlr4::Token> tok = SqlExprLexer::nextToken();
      if (tok->getType() != SqlExprParser::COMMENT_OPEN)
        return tok;
      size_t start = tok->getStartIndex();
      for (unsigned depth = 1; depth;) {
        size_t c = _input->LA(1);
        if (c == antlr4::Token::EOF)
          return std::make_unique<antlr4::CommonToken>(
              std::make_pair(this, _input), SqlExprParser::UNTERMINATED_COMMENT,
              antlr4::Token::DEFAULT_CHANNEL, start, _input->index() - 1);
        size_t next = _input->LA(2);
        if ((c == '/' && next == '*') || (c == '*' && next == '/')) {
          depth += c == '/' ? 1 : -1;
          _input->consume();
        }
        _input->consume();
      }
    }
  }

private:
  std::unique_ptr<antlr4::Token> make(size_t type, size_t start) {
    return std::make_unique<antlr4::CommonToken>(std::make_pair(this, _input), type,
                                                 antlr4::Token::DEFAULT_CHANNEL, start,
                                                 _input->index() - 1);
  }

  /// A token the dialect's scanner reads differently, or null to let the
  /// generated lexer read the next one. Skips # comments.
  std::unique_ptr<antlr4::Token> backslashDialectToken() {
    for (;;) {
      while (_input->LA(1) == ' ' || _input->LA(1) == '\t' || _input->LA(1) == '\n' ||
             _input->LA(1) == '\r' || _input->LA(1) == '\f')
        _input->consume();
      size_t c = _input->LA(1);
      size_t start = _input->index();
      if (c == '#') {
        while (_input->LA(1) != antlr4::Token::EOF && _input->LA(1) != '\n')
          _input->consume();
        continue;
      }
      if (c == '-' && _input->LA(2) == '-') {
        size_t after = _input->LA(3);
        if (after == antlr4::Token::EOF || after <= ' ')
          return nullptr; // a comment, as the generated lexer reads it
        _input->consume(); // `--1` is minus minus one
        return make(SqlExprParser::MINUS, start);
      }
      if (c == '\'' || c == '"' || c == '`') {
        _input->consume();
        for (;;) {
          size_t d = _input->LA(1);
          if (d == antlr4::Token::EOF)
            return make(c == '`' ? SqlExprParser::UNTERMINATED_QIDENT
                                 : SqlExprParser::UNTERMINATED_BACKSLASH_STRING,
                        start);
          _input->consume();
          if (d == '\\' && c != '`' && _input->LA(1) != antlr4::Token::EOF) {
            _input->consume();
          } else if (d == c) {
            if (_input->LA(1) != c)
              break;
            _input->consume(); // a doubled quote
          }
        }
        return make(c == '`' ? SqlExprParser::QIDENT : SqlExprParser::BACKSLASH_STRING, start);
      }
      return nullptr;
    }
  }

  const ExprSyntax &syntax;
};
} // namespace

bool shc::sqlexpr::lexExpression(ExprText &text, LexedExpr &out, const ExprSyntax &syntax,
                                 DiagnosticEngine &diags) {
  out.input = text.makeCharStream();
  auto lexer = std::make_unique<NestingCommentLexer>(out.input.get(), syntax);
  lexer->removeErrorListeners();
  std::vector<std::unique_ptr<antlr4::Token>> raw = lexer->getAllTokens();
  out.lexer = std::move(lexer);

  PostPass pass(text, out, syntax);
  out.tokens.reserve(raw.size() + 1);
  for (size_t i = 0; i < raw.size();) {
    if (!isOperatorChar(raw[i]->getType())) {
      pass.add(std::move(raw[i++]));
      continue;
    }
    size_t j = i;
    while (j + 1 < raw.size() && isOperatorChar(raw[j + 1]->getType()) &&
           raw[j + 1]->getStartIndex() == raw[j]->getStopIndex() + 1)
      ++j;
    pass.addOperators(raw[i]->getStartIndex(), raw[j]->getStopIndex());
    i = j + 1;
  }

  // PostgreSQL's lookahead filter (parser.c): NOT before BETWEEN, IN, LIKE,
  // ILIKE or SIMILAR, and WITH before TIME, are tokens of their own.
  for (size_t i = 0; i + 1 < out.tokens.size(); ++i) {
    auto *tok = static_cast<antlr4::CommonToken *>(out.tokens[i].get());
    size_t next = out.tokens[i + 1]->getType();
    if (tok->getType() == SqlExprParser::K_NOT &&
        (next == SqlExprParser::K_BETWEEN || next == SqlExprParser::K_IN ||
         next == SqlExprParser::K_LIKE || next == SqlExprParser::K_ILIKE ||
         next == SqlExprParser::K_SIMILAR || next == SqlExprParser::K_GLOB ||
         next == SqlExprParser::K_REGEXP || next == SqlExprParser::K_RLIKE))
      tok->setType(SqlExprParser::NOT_LA);
    else if (tok->getType() == SqlExprParser::K_WITH && next == SqlExprParser::K_TIME)
      tok->setType(SqlExprParser::WITH_LA);
  }

  // Nesting limit, checked on tokens before ANTLR recurses on them.
  unsigned depth = 0;
  for (const auto &tok : out.tokens) {
    switch (tok->getType()) {
    case SqlExprParser::LPAREN:
    case SqlExprParser::LBRACKET:
    case SqlExprParser::K_CASE:
      if (++depth > kMaxNesting) {
        diags.error(text.locOf(tok.get()), "expr-syntax", "expression is nested too deeply")
            .hint("at most " + std::to_string(kMaxNesting) +
                  " levels of parentheses, brackets and CASE are allowed");
        return false;
      }
      break;
    case SqlExprParser::RPAREN:
    case SqlExprParser::RBRACKET:
    case SqlExprParser::K_END:
      if (depth)
        --depth;
      break;
    default:
      break;
    }
  }

  // An explicit EOF at the end of the text.
  size_t end = out.input->size();
  out.tokens.push_back(std::make_unique<antlr4::CommonToken>(
      std::make_pair(out.lexer.get(), out.input.get()), antlr4::Token::EOF,
      antlr4::Token::DEFAULT_CHANNEL, end, end - 1));
  return true;
}
