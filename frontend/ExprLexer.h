#pragma once

#include "ir/ScalarLocator.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace antlr4 {
class CharStream;
class Token;
class TokenSource;
} // namespace antlr4

namespace shc {

class DiagnosticEngine;
struct ExprSyntax;

namespace sqlexpr {

/// Expressions nested deeper than this (parentheses, brackets, CASE) are
/// rejected before parsing, so that neither ANTLR's recursive descent nor
/// the passes that walk the IR can exhaust the stack.
constexpr unsigned kMaxNesting = 200;

/// The text of one expression, validated as UTF-8, with the mapping from
/// ANTLR's character positions (code points) back to byte offsets and file
/// positions.
class ExprText {
public:
  ExprText(llvm::StringRef text, const ScalarLocator &locator) : text(text), locator(locator) {}

  /// Checks the encoding and decodes the code points ANTLR reads. Reports
  /// invalid UTF-8 or a NUL byte at its position and returns false.
  bool decode(DiagnosticEngine &diags);

  llvm::StringRef str() const { return text; }
  size_t byteOffset(size_t codePoint) const {
    return offsets.empty() ? codePoint : offsets[codePoint];
  }
  SourceLoc locAtByte(size_t byteOffset) const { return locator.locate(byteOffset); }
  SourceLoc locOf(const antlr4::Token *tok) const;
  /// The source text of a token (as written, not case-folded).
  llvm::StringRef textOf(const antlr4::Token *tok) const;
  /// The source text from the start of `first` to the end of `last`.
  llvm::StringRef textBetween(const antlr4::Token *first, const antlr4::Token *last) const;
  const ScalarLocator &getLocator() const { return locator; }

  /// The input stream for the ANTLR lexer, once, after decode().
  std::unique_ptr<antlr4::CharStream> makeCharStream();

private:
  llvm::StringRef text;
  const ScalarLocator &locator;
  std::u32string codePoints;
  /// Byte offset of each code point, plus one entry for the end; empty when
  /// the text is ASCII (offsets equal indices).
  std::vector<uint32_t> offsets;
};

/// The token list the parser reads: keywords re-typed, operators merged as
/// PostgreSQL's scanner merges them, lexical errors turned into ERROR_CHAR
/// tokens whose message is kept in `lexErrors` (reported only if the parser
/// reaches them, as PostgreSQL reports them).
struct LexedExpr {
  std::unique_ptr<antlr4::CharStream> input;
  std::unique_ptr<antlr4::TokenSource> lexer;
  std::vector<std::unique_ptr<antlr4::Token>> tokens;
  struct LexError {
    size_t byteOffset; ///< where to report it
    std::string message;
  };
  /// Token index -> lexical error (rule expr-syntax).
  llvm::DenseMap<size_t, LexError> lexErrors;
};

/// Lexes `text` into `out`. Returns false after reporting an error that must
/// stop parsing (nesting too deep).
bool lexExpression(ExprText &text, LexedExpr &out, const ExprSyntax &syntax,
                   DiagnosticEngine &diags);

/// PostgreSQL's operator-name rule: how many leading characters of the run of
/// operator characters `ops` form the first operator token.
size_t operatorTokenLength(llvm::StringRef ops);

} // namespace sqlexpr
} // namespace shc
