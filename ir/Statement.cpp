//===- Statement.cpp - customSQL statements in the IR ---------------------===//

#include "ir/Statement.h"

#include "ir/Module.h"

using namespace shc;

SqlStatement::SqlStatement() = default;
SqlStatement::SqlStatement(SqlStatement &&) = default;
SqlStatement &SqlStatement::operator=(SqlStatement &&) = default;
SqlStatement::~SqlStatement() = default;

llvm::StringRef shc::statementKindName(StatementKind k) {
  switch (k) {
  case StatementKind::Update:
    return "update";
  case StatementKind::Insert:
    return "insert";
  case StatementKind::Delete:
    return "delete";
  case StatementKind::Ddl:
    return "ddl";
  case StatementKind::Other:
    return "other";
  }
  return "other";
}
