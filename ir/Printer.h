#pragma once

namespace llvm {
class raw_ostream;
}

namespace shc {

class AnalysisResults;
class Expr;
class Module;
class SourceManager;

/// The stable textual IR (--emit=ir / --emit=ast / --print-after). Types are
/// printed when set; locations as file:line:col when `sm` is given; the
/// idempotency verdicts when `results` holds them.
void printModule(const Module &module, llvm::raw_ostream &os, const SourceManager *sm,
                 const AnalysisResults *results = nullptr);
void printExpr(const Expr &expr, llvm::raw_ostream &os);

} // namespace shc
