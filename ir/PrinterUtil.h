//===- PrinterUtil.h - Shared pieces of the IR printer ----------*- C++ -*-===//
#pragma once

#include "llvm/ADT/StringRef.h"

namespace llvm {
class raw_ostream;
}

namespace shc {

class SelectStmt;

/// 'text' with quotes doubled and control characters escaped, so every value
/// prints on one line and golden files stay readable.
void printQuoted(llvm::raw_ostream &os, llvm::StringRef s);
/// The S-expression form of a subquery's SELECT.
void printSelect(const SelectStmt &query, llvm::raw_ostream &os);

} // namespace shc
