//===- MySqlCatalog.h - MariaDB's types, functions and operators ---*- C++ -*-===//
//
// MySQL and MariaDB convert between numbers, strings and temporal values
// wherever an expression needs one: `int_col = '5'`, `'3' + 1` and
// `CONCAT(1, 2)` are all valid, so every conversion between scalar types is
// implicit here and the overload tables pick what the server picks (a
// string used as a number is a DOUBLE). What the server refuses is the
// value written into a column under its default strict mode
// (STRICT_TRANS_TABLES): checkLiteralInput answers with MariaDB's own
// messages (Incorrect integer value, Out of range value, Data too long,
// Incorrect date value), and literalStorageWarning names what it only
// truncates (a note, not an error). Integer types keep their exact range:
// mod1 is the width in bytes (1, 2, 3, 4, 8), mod2 is 1 when unsigned.
// The functions are MariaDB 10.11's, with result types probed from the
// server (backends/mysql/catalog/probe-functions.py).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Catalog.h"

namespace shc {

class MySqlCatalog : public Catalog {
public:
  MySqlCatalog();

  llvm::StringRef displayName() const override { return "MySQL"; }
  SemanticTraits semantics() const override;
  const ExprSyntax &syntax() const override { return exprSyntax; }
  size_t maxIdentifierLength() const override { return 64; }

  /// Each statement prepared by MariaDB's embedded server (MySqlEmbedded.h).
  CustomSqlParse parseCustomSql(llvm::StringRef sql) const override;
  /// What a statement is, from its leading words (MySqlLex.h).
  StatementFacts describeStatement(llvm::StringRef text) const override;
  /// The statement prepared again among the Table specs' tables.
  std::optional<StatementNameProblem>
  checkStatementNames(llvm::StringRef statement,
                      llvm::ArrayRef<const Table *> tables) const override;

  std::optional<Type> parseColumnType(llvm::StringRef spelling) const override;
  std::string typeName(const Type &t) const override;
  TypeCategory category(const Type &t) const override;
  bool isPreferred(const Type &t) const override;
  std::optional<CastContext> findCast(const Type &from, const Type &to) const override;
  bool checkLiteralInput(const Type &type, llvm::StringRef text,
                         LiteralInputError &error) const override;
  std::string literalStorageWarning(const Type &type, llvm::StringRef text) const override;
  llvm::StringRef literalStorageRule() const override { return "value-truncated"; }
  bool numberConstantsAsInput() const override { return true; }
  std::optional<Type> numberLiteralType(llvm::StringRef text, bool integer) const override;

  bool isRunTimeLiteral(const Type &, llvm::StringRef) const override { return false; }
  /// Zone names need the server's zone tables; fixed offsets always work.
  bool acceptsTimeZone(llvm::StringRef zone) const override;
  std::string timeZoneHint() const override;
  const char *dateUnitProblem(llvm::StringRef, llvm::StringRef, const Type &) const override {
    return nullptr;
  }

  llvm::ArrayRef<Signature> lookupFunction(llvm::StringRef name) const override;
  llvm::ArrayRef<Signature> lookupOperator(llvm::StringRef name, bool prefix) const override;
  const FunctionProperties &functionProperties(llvm::StringRef name,
                                               size_t numArgs) const override;

private:
  ExprSyntax exprSyntax;
};

/// A column type as MySQL and SchemaHero spell it (`int unsigned`,
/// `tinyint (3, 0)`, `varchar (255)`, `enum('a','b')`).
std::optional<Type> parseMySqlColumnType(llvm::StringRef spelling);

/// The range of a MySQL integer type (mod1 bytes, mod2 unsigned).
struct IntegerRange {
  long double min, max;
};
IntegerRange mysqlIntegerRange(const Type &t);

} // namespace shc
