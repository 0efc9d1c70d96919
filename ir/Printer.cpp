#include "ir/Printer.h"
#include "ir/Module.h"
#include "llvm/Support/raw_ostream.h"
void shc::printModule(const Module &, llvm::raw_ostream &os, const SourceManager *) { os << "TODO\n"; }
