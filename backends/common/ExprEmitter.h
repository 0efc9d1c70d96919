//===- ExprEmitter.h - Dialect-independent SQL expression emission -*- C++ -*-===//
//
// Re-emits an IR expression as SQL text with the fewest parentheses the
// target grammar allows. The traversal, the precedence rules and the
// standard-SQL spellings live here; a dialect subclass overrides the hooks
// where it differs (type names, time zone conversion, function spellings,
// operators it lacks such as MySQL's `||`).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/Precedence.h"
#include "backends/common/SqlWriter.h"
#include "ir/Expr.h"

#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>

namespace shc {

class DiagnosticEngine;

class ExprEmitter {
public:
  ExprEmitter(const SqlWriter &writer, DiagnosticEngine &diags) : writer(writer), diags(diags) {}
  virtual ~ExprEmitter();

  /// Appends `e` to `out` as a complete expression. Failure means a
  /// diagnostic was reported (e.g. a literal the dialect cannot store).
  LogicalResult emit(const Expr &e, std::string &out);
  /// Appends `name` as an identifier, quoted only when needed.
  void appendIdentifier(llvm::StringRef name, std::string &out) const {
    out += writer.identifier(name);
  }
  /// Appends a table name: schema-qualified when the spec places the table
  /// in a schema (`resolved`), or as written (`schema`, `name`) when it was
  /// not resolved, so the statement reaches exactly that relation.
  void appendTableName(const Table *resolved, llvm::StringRef schema, llvm::StringRef name,
                       std::string &out) const;

  /// Parenthesise every operand that is not a primary. Only a test oracle:
  /// minimal and full parenthesisation must parse to the same tree.
  void setFullyParenthesized(bool v) { fullParens = v; }
  const SqlWriter &getWriter() const { return writer; }

protected:
  // --- Hooks a dialect overrides --------------------------------------------

  /// How tightly `e` binds once emitted (it depends on the spelling chosen).
  virtual Prec precedenceOf(const Expr &e) const;
  /// A type name usable in CAST(x AS t) and x::t, or nullopt after reporting.
  virtual std::optional<std::string> typeName(const Type &type, llvm::StringRef spelling,
                                              SourceLoc loc) = 0;
  /// TimezoneConvertExpr has no standard spelling.
  virtual void emitTimezoneConvert(const TimezoneConvertExpr &tz) = 0;
  virtual void emitFuncCall(const FuncCallExpr &f);
  virtual void emitCast(const CastExpr &c);
  virtual void emitBinary(const BinaryExpr &b);
  /// a IS [NOT] DISTINCT FROM b.
  virtual void emitIsDistinct(const IsDistinctExpr &d);
  /// The function name as written in a call, quoted when the grammar would
  /// not accept it bare.
  virtual std::string functionName(llvm::StringRef name) const;
  /// Whether a CastExpr::TypedLiteral can keep the `type 'text'` form.
  virtual bool canUseTypedLiteral(const CastExpr &c) const;

  // --- Helpers for hooks ------------------------------------------------------

  /// Emits `child` as the `side` operand of an operator of strength `slot`,
  /// parenthesised if needed.
  void emitOperand(const Expr &child, Prec slot, Side side);
  /// As above; a missing child (malformed IR) is reported, not dereferenced.
  void emitOperand(const ExprPtr &child, Prec slot, Side side);
  /// Emits `child` in a slot restricted to PostgreSQL's b_expr (BETWEEN's
  /// lower bound, POSITION's operands), where AND/OR/NOT/IS/IN/LIKE/BETWEEN
  /// and AT TIME ZONE need parentheses whatever their precedence.
  void emitBExprOperand(const ExprPtr &child, Prec slot, Side side);
  /// Emits `e` in a delimited slot (function argument, CASE arm).
  void emitNested(const ExprPtr &e) { emitOperand(e, Prec::Lowest, Side::Right); }
  void emitString(llvm::StringRef value, SourceLoc loc);
  void emitIdentifier(llvm::StringRef name) { appendIdentifier(name, *buf); }
  void emitSelect(const SelectStmt *q);
  void emitList(const std::vector<ExprPtr> &items);
  /// Reports "unsupported-in-dialect" at `loc` and marks the emission failed.
  void unsupported(SourceLoc loc, std::string message);
  /// Reports "ir-verifier" (a compiler bug: the IR is malformed).
  void malformedIR(SourceLoc loc, llvm::StringRef message);
  llvm::raw_ostream &os() { return *stream; }
  std::string &text() { return *buf; }

  const SqlWriter &writer;
  DiagnosticEngine &diags;

private:
  void emitNode(const Expr &e);
  void emitLiteral(const LiteralExpr &lit);
  void emitUnary(const UnaryExpr &u);
  void emitCase(const CaseExpr &c);
  void emitSpecialCall(const FuncCallExpr &f);
  bool isBExpr(const Expr &e) const;
  void missing(llvm::StringRef what);

  std::string *buf = nullptr;
  llvm::raw_ostream *stream = nullptr;
  bool hadError = false;
  SourceLoc currentLoc; ///< of the node being emitted, for malformed-IR reports
  bool fullParens = false;
  bool bExprOnly = false;
};

/// Whether `text` is a number literal as SQL writes it: digits with an
/// optional fraction and exponent, optionally negative.
bool isSqlNumber(llvm::StringRef text);

} // namespace shc
