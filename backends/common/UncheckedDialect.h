//===- UncheckedDialect.h - a dialect whose SQL is not checked yet -*- C++ -*-===//
//
// Its Table specs are read (types normalised by its own names), table and
// column names, `requires` and phases are checked, and it says plainly what
// is not: where/expression and customSQL text are kept as written, never
// checked by another dialect's rules. compile reports that it has no
// emitter. A dialect starts here and grows a Catalog, an Emitter and a
// Runtime of its own (docs/adding-a-dialect.md).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "backends/common/BasicCatalog.h"
#include "ir/Dialect.h"
#include "ir/Emitter.h"

namespace shc {

class UncheckedDialect : public Dialect {
public:
  UncheckedDialect(llvm::StringRef key, llvm::StringRef displayName,
                   BasicCatalog::TypeParser parse)
      : dialectKey(key), catalogue(displayName, parse) {}

  llvm::StringRef key() const override { return dialectKey; }
  llvm::StringRef displayName() const override { return catalogue.displayName(); }
  const Catalog &catalog() const override { return catalogue; }
  llvm::StringRef uncheckedSummary() const override;
  std::unique_ptr<Emitter> createEmitter(DiagnosticEngine &) const override { return nullptr; }

private:
  llvm::StringRef dialectKey;
  BasicCatalog catalogue;
};

} // namespace shc
