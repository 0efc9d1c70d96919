//===- BasicCatalog.h - a catalogue that only reads type names -----*- C++ -*-===//
//
// For a dialect whose expressions are not checked yet (Dialect::checksSql is
// false): it normalises the column types of its Table specs and claims
// nothing else: no functions, every cast explicit, every literal accepted.
// The passes that need more (typecheck, idempotency, dependence) do not run
// for such a dialect.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Catalog.h"

namespace shc {

/// The categories of a dialect that keeps json and uuid as text (MySQL,
/// SQLite): numbers, strings (json and uuid too), date and time values,
/// intervals, booleans; bytea and unmodelled types are User.
TypeCategory textualCategory(const Type &t);

class BasicCatalog : public Catalog {
public:
  using TypeParser = std::optional<Type> (*)(llvm::StringRef spelling);
  BasicCatalog(llvm::StringRef displayName, TypeParser parse) : name(displayName), parse(parse) {
    exprSyntax.dialectName = displayName;
  }
  /// Expressions are kept as written, not parsed.
  const ExprSyntax &syntax() const override { return exprSyntax; }

  llvm::StringRef displayName() const override { return name; }
  std::optional<Type> parseColumnType(llvm::StringRef spelling) const override {
    return parse(spelling);
  }
  TypeCategory category(const Type &t) const override;
  bool isPreferred(const Type &) const override { return false; }
  std::optional<CastContext> findCast(const Type &from, const Type &to) const override;
  bool checkLiteralInput(const Type &, llvm::StringRef, LiteralInputError &) const override {
    return true;
  }
  bool isRunTimeLiteral(const Type &, llvm::StringRef) const override { return false; }
  bool acceptsTimeZone(llvm::StringRef) const override { return true; }
  const char *dateUnitProblem(llvm::StringRef, llvm::StringRef, const Type &) const override {
    return nullptr;
  }
  llvm::ArrayRef<Signature> lookupFunction(llvm::StringRef) const override { return {}; }
  llvm::ArrayRef<Signature> lookupOperator(llvm::StringRef, bool) const override { return {}; }
  const FunctionProperties &functionProperties(llvm::StringRef, size_t) const override;

private:
  llvm::StringRef name;
  TypeParser parse;
  ExprSyntax exprSyntax;
};

} // namespace shc
