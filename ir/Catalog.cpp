//===- Catalog.cpp - what a dialect answers about types and functions -----===//

#include "ir/Catalog.h"

using namespace shc;

Catalog::~Catalog() = default;

CustomSqlParse Catalog::parseCustomSql(llvm::StringRef) const {
  CustomSqlParse out;
  out.error = displayName().str() + "'s parser is not available to check customSQL";
  return out;
}
