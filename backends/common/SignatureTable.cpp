//===- SignatureTable.cpp - function and operator tables from rows -------===//

#include "backends/common/SignatureTable.h"

#include "backends/common/SignatureText.h"

#include <string>

using namespace shc;

void SignatureTable::addFunctions(llvm::ArrayRef<FunctionRow> rows, bool aggregate) {
  for (const FunctionRow &r : rows) {
    Signature sig = makeSignature(r.name, r.params, r.result);
    sig.aggregate = aggregate;
    functions[r.name].push_back(std::move(sig));
  }
}

void SignatureTable::addOperators(llvm::ArrayRef<OperatorRow> rows) {
  for (const OperatorRow &r : rows) {
    bool isPrefix = *r.left == 0;
    std::string params = isPrefix ? r.right : std::string(r.left) + "," + r.right;
    (isPrefix ? prefix : binary)[r.name].push_back(makeSignature(r.name, params, r.result));
  }
}

void SignatureTable::addComparisons(llvm::ArrayRef<const char *> types) {
  for (const char *op : {"=", "<>", "<", ">", "<=", ">="})
    for (const char *type : types)
      binary[op].push_back(makeSignature(op, std::string(type) + "," + type, "bool"));
}

static llvm::ArrayRef<Signature> find(const llvm::StringMap<std::vector<Signature>> &map,
                                      llvm::StringRef name) {
  auto it = map.find(name);
  if (it == map.end())
    return {};
  return it->second;
}

llvm::ArrayRef<Signature> SignatureTable::function(llvm::StringRef name) const {
  return find(functions, name);
}

llvm::ArrayRef<Signature> SignatureTable::op(llvm::StringRef name, bool isPrefix) const {
  return find(isPrefix ? prefix : binary, name == "!=" ? "<>" : name);
}

static FunctionProperties make(char volatility, llvm::StringRef flags, AlgebraRole role) {
  FunctionProperties p;
  p.known = true;
  p.volatility = volatility == 'i'   ? Volatility::Immutable
                 : volatility == 's' ? Volatility::Stable
                                     : Volatility::Volatile;
  p.runVarying = flags.contains('r');
  p.nullPreserving = flags.contains('n');
  p.outsideEffects = flags.contains('o');
  p.role = role;
  return p;
}

void PropertyTable::add(llvm::ArrayRef<PropertyRow> list) {
  for (const PropertyRow &r : list)
    rows[r.name] = make(r.volatility, r.flags, r.role);
}

void PropertyTable::addAll(llvm::ArrayRef<const char *> names, char volatility,
                           const char *flags) {
  for (const char *n : names)
    rows[n] = make(volatility, flags, AlgebraRole::None);
}

const FunctionProperties &PropertyTable::lookup(llvm::StringRef name) const {
  static const FunctionProperties unknown;
  auto it = rows.find(name);
  return it == rows.end() ? unknown : it->second;
}
