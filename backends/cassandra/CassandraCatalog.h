//===- CassandraCatalog.h - CQL's types, functions and operators ----*- C++ -*-===//
//
// What a staticUpdate's `where` and `set` may hold in CQL: comparisons (=,
// <, <=, >, >=, IN; CQL has no <> in a write's WHERE, Dialect::check says
// so), AND, the few functions a write can call (now(), uuid(),
// currentTimestamp(), toTimestamp()), and literals of the column types.
// Numbers convert among themselves (a CQL literal takes the column's type);
// every other conversion is explicit. Collections (set<t>, list<t>,
// map<k,v>, frozen<...>) are Type::other spelled without blanks; their
// values are written as JSON in the YAML (CassandraLiterals.h).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/BasicCatalog.h"

namespace shc {

std::optional<Type> parseCassandraType(llvm::StringRef spelling);

class CassandraCatalog : public BasicCatalog {
public:
  CassandraCatalog();

  const ExprSyntax &syntax() const override { return cqlSyntax; }
  std::string typeName(const Type &t) const override;
  std::optional<CastContext> findCast(const Type &from, const Type &to) const override;
  bool checkLiteralInput(const Type &type, llvm::StringRef text,
                         LiteralInputError &err) const override;
  llvm::ArrayRef<Signature> lookupFunction(llvm::StringRef name) const override;
  bool knowsEveryFunction() const override { return true; }
  llvm::ArrayRef<Signature> lookupOperator(llvm::StringRef name, bool prefix) const override;
  const FunctionProperties &functionProperties(llvm::StringRef name,
                                               size_t numArgs) const override;

  /// `validate: true` customSQL through grammar/Cql.g4 (CqlParse.h).
  CustomSqlParse parseCustomSql(llvm::StringRef sql) const override;
  StatementFacts describeStatement(llvm::StringRef sql) const override;
  bool checksOwnStatements() const override { return true; }
  /// `ks.table`: the keyspace, which SchemaHero's Database gives, not the spec.
  bool qualifierNamesConnectionScope() const override { return true; }

private:
  ExprSyntax cqlSyntax;
};

} // namespace shc
