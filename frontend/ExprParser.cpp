// Placeholder until the ANTLR-based parser lands: reports every expression as
// unsupported so the rest of the pipeline can be built and tested.
#include "frontend/ExprParser.h"

#include "ir/Diagnostics.h"

using namespace shc;

ExprPtr shc::parseExpression(llvm::StringRef text, const ScalarLocator &locator,
                             DiagnosticEngine &diags) {
  diags.error(locator.start(), "unsupported-construct", "expression parser not implemented yet");
  return nullptr;
}
