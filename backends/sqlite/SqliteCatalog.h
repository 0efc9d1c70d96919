//===- SqliteCatalog.h - SQLite's types, functions and operators ---*- C++ -*-===//
//
// SQLite types values, not columns: a column's declared type gives it an
// affinity (INTEGER, REAL, TEXT, BLOB, NUMERIC) and any value may be stored
// in it. The catalogue models the storage class an expression yields, as
// typeof() reports it: integer (int8), real (float8), text, blob (bytea),
// and numeric for a result that is integer or real by value (text used as a
// number). Conversions between storage classes are implicit, as in SQLite's
// arithmetic and comparisons; nothing is rejected for its type, because
// SQLite rejects nothing outside STRICT tables. The functions are those of
// SQLite 3.40 as Debian builds it (math functions included);
// docs/sqlite.md lists what was measured against sqlite3 itself.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Catalog.h"

namespace shc {

class SqliteCatalog : public Catalog {
public:
  /// rqlite: the same language; its catalogue refuses nothing more here (its
  /// limits are the emitter's).
  explicit SqliteCatalog(llvm::StringRef displayName);

  llvm::StringRef displayName() const override { return name; }
  /// LIKE ignores ASCII case; `||` with a NULL is NULL (there is no CONCAT).
  SemanticTraits semantics() const override {
    SemanticTraits t;
    t.likeIgnoresCase = true;
    t.concatNullIsNull = true;
    return t;
  }
  const ExprSyntax &syntax() const override { return exprSyntax; }

  CustomSqlParse parseCustomSql(llvm::StringRef sql) const override;

  std::optional<Type> parseColumnType(llvm::StringRef spelling) const override;
  std::string typeName(const Type &t) const override;
  TypeCategory category(const Type &t) const override;
  bool isPreferred(const Type &t) const override;
  std::optional<CastContext> findCast(const Type &from, const Type &to) const override;
  bool checkLiteralInput(const Type &, llvm::StringRef, LiteralInputError &) const override {
    return true; // any value goes into any column of an ordinary table
  }
  std::optional<Type> numberLiteralType(llvm::StringRef text, bool integer) const override;
  /// Text that is not a number, into a column of numeric affinity.
  std::string literalStorageWarning(const Type &type, llvm::StringRef text) const override;

  bool isRunTimeLiteral(const Type &, llvm::StringRef) const override { return false; }
  bool acceptsTimeZone(llvm::StringRef zone) const override;
  std::string timeZoneHint() const override;
  const char *dateUnitProblem(llvm::StringRef, llvm::StringRef, const Type &) const override {
    return nullptr;
  }

  llvm::ArrayRef<Signature> lookupFunction(llvm::StringRef name) const override;
  /// Functions an application registers (sqlite3_create_function) exist only
  /// in its own connections, never in a migration's.
  bool knowsEveryFunction() const override { return true; }
  llvm::ArrayRef<Signature> lookupOperator(llvm::StringRef name, bool prefix) const override;
  const FunctionProperties &functionProperties(llvm::StringRef name,
                                               size_t numArgs) const override;

private:
  llvm::StringRef name;
  ExprSyntax exprSyntax;
};

/// "+05:30", "-08:00", "UTC", "Z": the zones SQLite's date functions take
/// (as modifiers); the minutes east of UTC in `minutes`.
bool parseSqliteOffset(llvm::StringRef zone, int &minutes);

} // namespace shc
