#pragma once

#include "frontend/ExprLexer.h"
#include "ir/Catalog.h"
#include "ir/Expr.h"
#include "ir/Statement.h"

#include "SqlExprBaseVisitor.h"

#include <optional>

namespace shc {
class DiagnosticEngine;
}

namespace shc::sqlexpr {

/// The IR depth the builder accepts. Parentheses are limited to kMaxNesting
/// before parsing; this bounds long left-deep chains (`a OR b OR ...`),
/// which ANTLR parses iteratively but every later pass walks recursively.
constexpr unsigned kMaxTreeDepth = 1000;

/// Turns an ANTLR parse tree of SqlExpr.g4 into the IR of ir/Expr.h. It also
/// enforces what the grammar leaves to it: PostgreSQL's non-associative
/// operator levels (`a = b = c`), ESCAPE only after LIKE, and reports
/// constructs that are parsed loosely only to be rejected as unsupported.
/// Reports the first error only and then returns null.
class ExprBuilder : public grammar::SqlExprBaseVisitor {
public:
  using P = grammar::SqlExprParser;

  ExprBuilder(const ExprText &text, antlr4::TokenStream &tokens, const Catalog &catalog,
              DiagnosticEngine &diags)
      : text(text), tokens(tokens), catalog(catalog), diags(diags) {}

  ExprPtr build(antlr4::tree::ParseTree *tree);
  bool hasFailed() const { return failed; }

  /// Builds a customSQL statement (ExprBuilderStatements.cpp). Unsupported
  /// constructs are then reported with the bare construct as message (the
  /// reason the statement stays opaque). False after an error.
  bool statement(P::StatementRootContext *ctx, std::vector<CommonTableExpr> &with,
                 DmlQuery &query);

  // expr
  antlrcpp::Any visitPrimaryExpr(P::PrimaryExprContext *ctx) override;
  antlrcpp::Any visitTypecastExpr(P::TypecastExprContext *ctx) override;
  antlrcpp::Any visitSubscriptExpr(P::SubscriptExprContext *ctx) override;
  antlrcpp::Any visitUnaryExpr(P::UnaryExprContext *ctx) override;
  antlrcpp::Any visitCollateExpr(P::CollateExprContext *ctx) override;
  antlrcpp::Any visitAtTimeZoneExpr(P::AtTimeZoneExprContext *ctx) override;
  antlrcpp::Any visitBinaryExpr(P::BinaryExprContext *ctx) override;
  antlrcpp::Any visitPrefixOpExpr(P::PrefixOpExprContext *ctx) override;
  antlrcpp::Any visitEscapeExpr(P::EscapeExprContext *ctx) override;
  antlrcpp::Any visitBetweenExpr(P::BetweenExprContext *ctx) override;
  antlrcpp::Any visitInExpr(P::InExprContext *ctx) override;
  antlrcpp::Any visitLikeExpr(P::LikeExprContext *ctx) override;
  antlrcpp::Any visitSimilarExpr(P::SimilarExprContext *ctx) override;
  antlrcpp::Any visitIsTestExpr(P::IsTestExprContext *ctx) override;
  antlrcpp::Any visitIsDistinctExpr(P::IsDistinctExprContext *ctx) override;
  antlrcpp::Any visitNotExpr(P::NotExprContext *ctx) override;
  // ExprBuilderDialect.cpp: constructs only some dialects have.
  antlrcpp::Any visitGlobExpr(P::GlobExprContext *ctx) override;
  antlrcpp::Any visitRegexpExpr(P::RegexpExprContext *ctx) override;
  antlrcpp::Any visitUnitIntervalPrimary(P::UnitIntervalPrimaryContext *ctx) override;
  antlrcpp::Any visitIsExpr(P::IsExprContext *ctx) override;
  // bexpr
  antlrcpp::Any visitBPrimaryExpr(P::BPrimaryExprContext *ctx) override;
  antlrcpp::Any visitBTypecastExpr(P::BTypecastExprContext *ctx) override;
  antlrcpp::Any visitBUnaryExpr(P::BUnaryExprContext *ctx) override;
  antlrcpp::Any visitBBinaryExpr(P::BBinaryExprContext *ctx) override;
  antlrcpp::Any visitBPrefixOpExpr(P::BPrefixOpExprContext *ctx) override;
  antlrcpp::Any visitBIsDistinctExpr(P::BIsDistinctExprContext *ctx) override;
  // primary
  antlrcpp::Any visitLiteralPrimary(P::LiteralPrimaryContext *ctx) override;
  antlrcpp::Any visitIntervalPrimary(P::IntervalPrimaryContext *ctx) override;
  antlrcpp::Any visitConstTypedPrimary(P::ConstTypedPrimaryContext *ctx) override;
  antlrcpp::Any visitGenericTypedPrimary(P::GenericTypedPrimaryContext *ctx) override;
  antlrcpp::Any visitSpecialPrimary(P::SpecialPrimaryContext *ctx) override;
  antlrcpp::Any visitFuncPrimary(P::FuncPrimaryContext *ctx) override;
  antlrcpp::Any visitColumnPrimary(P::ColumnPrimaryContext *ctx) override;
  antlrcpp::Any visitSubqueryPrimary(P::SubqueryPrimaryContext *ctx) override;
  antlrcpp::Any visitParenPrimary(P::ParenPrimaryContext *ctx) override;
  antlrcpp::Any visitCasePrimary(P::CasePrimaryContext *ctx) override;
  antlrcpp::Any visitCastPrimary(P::CastPrimaryContext *ctx) override;
  antlrcpp::Any visitExistsPrimary(P::ExistsPrimaryContext *ctx) override;
  antlrcpp::Any visitArrayPrimary(P::ArrayPrimaryContext *ctx) override;
  antlrcpp::Any visitRowPrimary(P::RowPrimaryContext *ctx) override;
  antlrcpp::Any visitQuantifiedPrimary(P::QuantifiedPrimaryContext *ctx) override;
  // special function forms
  antlrcpp::Any visitExtractFunc(P::ExtractFuncContext *ctx) override;
  antlrcpp::Any visitPositionFunc(P::PositionFuncContext *ctx) override;
  antlrcpp::Any visitSubstringFunc(P::SubstringFuncContext *ctx) override;
  antlrcpp::Any visitTrimFunc(P::TrimFuncContext *ctx) override;
  antlrcpp::Any visitListFunc(P::ListFuncContext *ctx) override;
  antlrcpp::Any visitNullifFunc(P::NullifFuncContext *ctx) override;
  antlrcpp::Any visitUnsupportedFunc(P::UnsupportedFuncContext *ctx) override;
  antlrcpp::Any visitNoParensFunc(P::NoParensFuncContext *ctx) override;

private:
  /// PostgreSQL's precedence levels, loosest last. Only the
  /// non-associative ones (Is, Cmp, Pattern) are compared.
  enum class Level : uint8_t {
    Atom,
    Typecast,
    Unary,
    At,
    Pow,
    Mul,
    Add,
    Op,
    Pattern,
    Cmp,
    Is,
    Not,
    And,
    Xor,
    Or
  };
  /// The syntactic shape of the node just built, for the associativity
  /// checks of its parent.
  struct Shape {
    Level level = Level::Atom;
    bool openRight = false;           ///< ends with an operand (`a = b`, not `a IS NULL`)
    antlr4::Token *opStart = nullptr; ///< first token after the left operand
  };

  // ExprBuilder.cpp: operators and predicates.
  /// INTERVAL n UNIT, after the unit is checked.
  ExprPtr unitInterval(antlr4::Token *start, ExprPtr amount, antlr4::Token *unit);
  ExprPtr binary(antlr4::ParserRuleContext *ctx, antlr4::ParserRuleContext *lhsCtx,
                 antlr4::Token *op, antlr4::ParserRuleContext *rhsCtx);
  ExprPtr unary(antlr4::Token *op, antlr4::ParserRuleContext *operandCtx);
  ExprPtr typecast(antlr4::ParserRuleContext *operandCtx, P::TypeNameContext *type);
  ExprPtr isDistinct(antlr4::ParserRuleContext *ctx, antlr4::ParserRuleContext *lhsCtx,
                     antlr4::ParserRuleContext *rhsCtx);
  ExprPtr leftOperand(antlr4::ParserRuleContext *lhsCtx, Level level);
  static bool isNonAssociative(Level level);
  bool checkRightOperand(Level level);
  antlrcpp::Any set(ExprPtr e, Level level = Level::Atom, bool openRight = false,
                    antlr4::Token *opStart = nullptr);
  antlr4::Token *tokenAfter(antlr4::ParserRuleContext *ctx);

  // ExprBuilderTerms.cpp: literals, names, types; ExprBuilderCalls.cpp:
  // function calls and subqueries.
  ExprPtr literal(P::LiteralContext *ctx);
  ExprPtr stringLiteral(P::StringConstContext *ctx);
  ExprPtr columnRef(P::ColumnRefContext *ctx);
  ExprPtr funcCall(P::FuncCallContext *ctx);
  ExprPtr typedLiteral(antlr4::ParserRuleContext *typeCtx, P::StringConstContext *str);
  /// `type 'text'` once the type is known: a cast the checker validates as
  /// that type's input. The three typed-literal syntaxes end here.
  ExprPtr castLiteral(antlr4::Token *start, Type type, std::string spelling,
                      P::StringConstContext *str);
  /// The same for a type given as text (`interval(3)`, `date`): parsed, or
  /// an "invalid type name" error.
  ExprPtr spelledTypedLiteral(antlr4::Token *start, std::string spelling,
                              P::StringConstContext *str);
  std::unique_ptr<SelectStmt> select(P::SelectStmtContext *ctx);
  bool selectItem(P::SelectItemContext *si, SelectStmt::Item &item);
  bool fromList(const std::vector<P::FromItemContext *> &items, std::vector<TableRef> &out);
  bool fromPrimary(P::FromPrimaryContext *fp, JoinKind join, std::vector<TableRef> &out);

  // ExprBuilderStatements.cpp: customSQL statements.
  bool dmlQuery(P::DmlQueryContext *ctx, DmlQuery &out);
  std::unique_ptr<UpdateOp> updateStmt(P::UpdateStmtContext *ctx);
  std::unique_ptr<UpdateOp> deleteStmt(P::DeleteStmtContext *ctx);
  /// What UPDATE and DELETE share (a DELETE has no SET; its FROM is USING).
  struct TargetedParts {
    antlr4::Token *start;
    antlr4::tree::TerminalNode *only;
    llvm::StringRef onlyWhat;
    P::QualifiedNameContext *target;
    P::ColIdContext *alias;
    std::vector<P::SetClauseContext *> sets;
    std::vector<P::FromItemContext *> from;
    P::ExprContext *where;
    P::ReturningClauseContext *returning;
  };
  std::unique_ptr<UpdateOp> targetedStatement(const TargetedParts &parts);
  std::unique_ptr<InsertStmt> insertStmt(P::InsertStmtContext *ctx);
  /// `[schema.]table` of an UPDATE, DELETE or INSERT.
  bool targetTable(P::QualifiedNameContext *ctx, std::string &schema, std::string &table,
                   SourceLoc &at);
  bool setClauses(const std::vector<P::SetClauseContext *> &clauses, UpdateOp &op);
  bool returning(P::ReturningClauseContext *ctx, std::vector<SelectStmt::Item> &out);
  bool exprList(P::ExprListContext *ctx, std::vector<ExprPtr> &out);
  /// The normalised spelling of a type (`character varying(10)`, `int[]`)
  /// and the Type it names, or nullopt after an error.
  std::optional<Type> typeOf(antlr4::ParserRuleContext *ctx, std::string &spelling);
  std::string spell(antlr4::ParserRuleContext *ctx);
  std::string spell(size_t firstToken, size_t lastToken);
  /// An identifier as PostgreSQL resolves it: folded unless quoted.
  std::string name(antlr4::ParserRuleContext *ctx);
  std::string nameOf(antlr4::Token *tok);

  // Errors: each reports once and marks the builder failed.
  ExprPtr syntaxError(antlr4::Token *tok);
  ExprPtr unsupported(antlr4::Token *tok, llvm::StringRef construct);
  ExprPtr error(antlr4::Token *tok, llvm::StringRef rule, std::string message);
  /// Reports (rule unsupported-in-dialect) that the target's language lacks
  /// `construct`, and what it writes instead.
  ExprPtr notInDialect(antlr4::Token *tok, llvm::StringRef construct, llvm::StringRef instead);

  SourceLoc loc(antlr4::Token *tok) const { return text.locOf(tok); }

  const ExprText &text;
  antlr4::TokenStream &tokens;
  const Catalog &catalog;
  DiagnosticEngine &diags;
  ExprPtr result;
  Shape shape;
  unsigned depth = 0;
  bool failed = false;
  bool statementMode = false;
};

} // namespace shc::sqlexpr
