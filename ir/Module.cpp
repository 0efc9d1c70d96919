#include "ir/Module.h"

using namespace shc;

Operation::~Operation() = default;

const Setting *shc::findSetting(llvm::ArrayRef<Setting> settings, llvm::StringRef path) {
  for (const Setting &s : settings)
    if (s.path == path)
      return &s;
  return nullptr;
}

const Column *Table::findColumn(llvm::StringRef n) const {
  for (const Column &c : columns)
    if (c.name == n) return &c;
  return nullptr;
}

std::vector<const Table *> shc::findTables(llvm::ArrayRef<std::unique_ptr<Table>> tables,
                                           llvm::StringRef database, llvm::StringRef schema,
                                           llvm::StringRef name) {
  std::vector<const Table *> out;
  for (const auto &t : tables)
    if (t->name == name && tableIsIn(*t, database, schema))
      out.push_back(t.get());
  return out;
}

bool shc::tableIsIn(const Table &t, llvm::StringRef database, llvm::StringRef schema) {
  if (!database.empty() && !t.database.empty() && t.database != database)
    return false;
  return schema.empty() || t.schemaOrDefault() == schema;
}

std::string Table::displayName() const { return qualifiedName(schema, name); }

const Table *Module::findTableByName(llvm::StringRef n, llvm::StringRef database) const {
  for (const auto &t : tables) {
    if (t->name != n && t->metadataName != n)
      continue;
    if (database.empty() || t->database.empty() || t->database == database)
      return t.get();
  }
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
