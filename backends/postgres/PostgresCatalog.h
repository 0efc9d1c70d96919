//===- PostgresCatalog.h - PostgreSQL 15's catalogue ---------------*- C++ -*-===//
//
// The Catalog of the postgres family: pg_type categories, pg_cast, the type
// input functions, pg_proc and pg_operator for the modelled types
// (backends/postgres/catalog/).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/postgres/PostgresFlavor.h"
#include "ir/Catalog.h"

namespace shc {

class PostgresCatalog : public Catalog {
public:
  explicit PostgresCatalog(const PostgresFlavor &flavor) : flavor(flavor) {
    exprSyntax.dialectName = flavor.displayName;
  }
  const ExprSyntax &syntax() const override { return exprSyntax; }
  llvm::StringRef displayName() const override { return flavor.displayName; }
  /// NAMEDATALEN - 1.
  size_t maxIdentifierLength() const override { return 63; }
  CustomSqlParse parseCustomSql(llvm::StringRef sql) const override;
  StatementFacts describeStatement(llvm::StringRef text) const override;
  std::optional<Type> parseColumnType(llvm::StringRef spelling) const override;
  std::optional<std::string> unknownTypeName(llvm::StringRef spelling) const override;
  std::string suggestTypeName(llvm::StringRef name) const override;
  std::string builtinName(llvm::StringRef name) const override {
    return "pg_catalog." + name.str();
  }
  TypeCategory category(const Type &t) const override;
  bool isPreferred(const Type &t) const override;
  std::optional<CastContext> findCast(const Type &from, const Type &to) const override;
  bool checkLiteralInput(const Type &type, llvm::StringRef text,
                         LiteralInputError &error) const override;
  bool acceptsTimeZone(llvm::StringRef zone) const override;
  bool isRunTimeLiteral(const Type &type, llvm::StringRef text) const override;
  const char *dateUnitProblem(llvm::StringRef fn, llvm::StringRef unit,
                              const Type &type) const override;
  llvm::ArrayRef<Signature> lookupFunction(llvm::StringRef name) const override;
  llvm::ArrayRef<Signature> lookupOperator(llvm::StringRef name, bool prefix) const override;
  const FunctionProperties &functionProperties(llvm::StringRef name,
                                               size_t numArgs) const override;

private:
  const PostgresFlavor &flavor;
  ExprSyntax exprSyntax; ///< every construct the grammar knows
};

/// PostgreSQL's own catalogue (postgresDialect().catalog()).
const PostgresCatalog &postgresCatalog();

} // namespace shc
