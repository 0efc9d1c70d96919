//===- UncheckedDialect.cpp - a dialect whose SQL is not checked yet ------===//

#include "backends/common/UncheckedDialect.h"

using namespace shc;

llvm::StringRef UncheckedDialect::uncheckedSummary() const {
  return "where/expression and customSQL text, values against column types, idempotency and "
         "unordered writes";
}
