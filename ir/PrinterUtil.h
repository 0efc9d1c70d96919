//===- PrinterUtil.h - Shared pieces of the IR printer ----------*- C++ -*-===//
#pragma once

#include "ir/Expr.h"

#include "llvm/ADT/StringRef.h"

#include <vector>

namespace llvm {
class raw_ostream;
}

namespace shc {

/// 'text' with quotes doubled and control characters escaped, so every value
/// prints on one line and golden files stay readable.
void printQuoted(llvm::raw_ostream &os, llvm::StringRef s);
/// The S-expression form of a subquery's SELECT.
void printSelect(const SelectStmt &query, llvm::raw_ostream &os);
/// `(label item ...)`: a select or RETURNING list.
void printSelectItems(llvm::StringRef label, const std::vector<SelectStmt::Item> &items,
                      llvm::raw_ostream &os);
/// `(from t (as u x) (left_join v (on cond)))`; `label` replaces "from".
void printFromList(llvm::StringRef label, const std::vector<TableRef> &from,
                   llvm::raw_ostream &os);

} // namespace shc
