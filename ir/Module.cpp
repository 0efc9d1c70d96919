#include "ir/Module.h"

using namespace shc;

Operation::~Operation() = default;

const Column *Table::findColumn(llvm::StringRef n) const {
  for (const Column &c : columns)
    if (c.name == n) return &c;
  return nullptr;
}

const Table *Module::findTable(llvm::StringRef n) const {
  for (const auto &t : tables)
    if (t->name == n) return t.get();
  return nullptr;
}

llvm::StringRef shc::phaseName(Phase p) {
  return p == Phase::BeforeSchema ? "before_schema" : "after_schema";
}

llvm::StringRef shc::updateOriginName(UpdateOp::Origin o) {
  switch (o) {
  case UpdateOp::Origin::Static: return "staticUpdate";
  case UpdateOp::Origin::Calculated: return "calculatedUpdate";
  case UpdateOp::Origin::Transform: return "transformUpdate";
  }
  return "update";
}

llvm::StringRef shc::verdictName(Verdict v) {
  switch (v) {
  case Verdict::Idempotent: return "idempotent";
  case Verdict::NotIdempotent: return "not_idempotent";
  case Verdict::Unknown: return "unknown";
  }
  return "unknown";
}
