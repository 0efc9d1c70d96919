//===- Dialect.cpp - a target database, as the layers above see it --------===//

#include "ir/Dialect.h"

#include "ir/Module.h"

using namespace shc;

Dialect::~Dialect() = default;

std::vector<std::string> Dialect::batchKey(const Table &t) const { return t.primaryKey; }
DialectRegistry::~DialectRegistry() = default;

const Dialect *DialectRegistry::find(llvm::StringRef key) const {
  for (const Dialect *d : all())
    if (d->key() == key)
      return d;
  return nullptr;
}

std::vector<std::string> DialectRegistry::keys() const {
  std::vector<std::string> out;
  for (const Dialect *d : all())
    out.push_back(d->key().str());
  return out;
}
