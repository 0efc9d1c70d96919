#pragma once

// Shared by the Lower*Test files: lowers one YAML text and inspects the IR and
// the pending diagnostics.

#include "test/unit/TestDialects.h"
#include "frontend/Frontend.h"
#include "ir/Diagnostics.h"
#include "ir/Module.h"
#include "ir/SourceManager.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace shc::test {

class LowerFixture : public ::testing::Test {
protected:
  SourceManager sm;
  DiagnosticEngine diags;
  std::unique_ptr<Module> module;
  uint32_t file = 0;

  bool lower(const std::string &yaml, const Dialect &target = postgresDialect()) {
    module = std::make_unique<Module>(target);
    file = sm.addBuffer("m.yaml", yaml);
    uint32_t files[] = {file};
    return succeeded(lowerToIR(sm, files, *module, dialects(), diags));
  }

  SourceLoc at(uint32_t line, uint32_t col) const { return SourceLoc{file, line, col}; }

  /// "rule: message" for each pending diagnostic, in report order.
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const Diagnostic &d : diags.pending())
      out.push_back(d.rule + ": " + d.message);
    return out;
  }
  /// Pending diagnostics except those of the placeholder expression parser.
  std::vector<Diagnostic> nonParserDiags() const {
    std::vector<Diagnostic> out;
    for (const Diagnostic &d : diags.pending())
      if (d.rule != "expr-syntax" && d.rule != "unsupported-construct")
        out.push_back(d);
    return out;
  }

  const Migration &onlyMigration() const {
    EXPECT_EQ(module->migrations.size(), 1u);
    return *module->migrations.at(0);
  }
  const UpdateOp &update(size_t i) const {
    const Migration &m = onlyMigration();
    EXPECT_LT(i, m.operations.size());
    const auto *op = llvm::dyn_cast<UpdateOp>(m.operations.at(i).get());
    EXPECT_NE(op, nullptr);
    return *op;
  }
};

/// A DataMigration with one postgres operation list; `ops` is indented by 6.
inline std::string migration(const std::string &ops, const std::string &extraSpec = "") {
  return "apiVersion: schemas.schemahero.io/v1alpha4\n"
         "kind: DataMigration\n"
         "metadata:\n"
         "  name: meta-name\n"
         "spec:\n"
         "  database: mydb\n" +
         extraSpec +
         "  schema:\n"
         "    postgres:\n" +
         ops;
}

} // namespace shc::test
