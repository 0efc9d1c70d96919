//===- CqlParse.h - CQL writes read by grammar/Cql.g4 ---------------*- C++ -*-===//
//
// A customSQL's CQL as statements: what the checks need (the table, the
// columns each part names, the WHERE relations, the assignments' forms, IF,
// USING, ALLOW FILTERING), every name with its byte offset in the text so a
// diagnostic points inside the YAML scalar. Syntax errors come back with
// their offset; nothing throws out of parseCql.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace shc {

/// A name as written, folded as CQL folds it (lower case unless quoted).
struct CqlName {
  std::string name;
  size_t offset = 0;
};

/// One value: its text, and what it is.
struct CqlTerm {
  enum class Kind { Literal, Collection, Function, Column, Null };
  Kind kind = Kind::Literal;
  std::string text; ///< as written
  std::string name; ///< a column's or function's folded name
  size_t offset = 0;
};

/// `col op value`, `col IN (...)`, `token(cols) op value`.
struct CqlRelation {
  enum class Op { Eq, Ne, Lt, Le, Gt, Ge, In };
  Op op = Op::Eq;
  std::vector<CqlName> columns; ///< one, or several inside token(...)
  bool token = false;
  std::vector<CqlTerm> values;
  size_t offset = 0;
};

/// `col = v`, `col[k] = v`, `col = col + v`, `col = v + col`, `col = col - v`.
struct CqlAssignment {
  CqlName column;
  bool element = false; ///< col[k] = v
  CqlTerm value;        ///< the operand that is not the column itself
  /// '+' or '-' when the column is updated from its own value; 0 otherwise.
  char op = 0;
  bool prepend = false; ///< `v + col`
  /// The right side names another column (CQL has no such expression).
  std::optional<CqlName> otherColumn;
};

struct CqlStatement {
  enum class Kind { Insert, Update, Delete, Batch };
  Kind kind = Kind::Update;
  size_t offset = 0, length = 0; ///< its text, from its first token
  std::string keyspace;          ///< "" when unqualified
  CqlName table;
  std::vector<CqlName> columns; ///< INSERT's column list, DELETE's selection
  std::vector<CqlTerm> values;  ///< INSERT's values
  std::vector<CqlAssignment> assignments;
  std::vector<CqlRelation> where;
  std::vector<CqlRelation> conditions; ///< IF col op value
  bool ifExists = false, ifNotExists = false;
  bool usingTtl = false, usingTimestamp = false;
  std::optional<size_t> allowFiltering; ///< offset of ALLOW
  /// BATCH: its statements; `counterBatch` for BEGIN COUNTER BATCH.
  std::vector<CqlStatement> children;
  bool counterBatch = false, unloggedBatch = false;
};

struct CqlScript {
  std::vector<CqlStatement> statements;
  std::string error; ///< the first syntax error, when the parse failed
  size_t errorOffset = 0;
  bool ok() const { return error.empty(); }
};

CqlScript parseCql(llvm::StringRef text);

llvm::StringRef cqlStatementName(CqlStatement::Kind kind); ///< "UPDATE", ...

} // namespace shc
