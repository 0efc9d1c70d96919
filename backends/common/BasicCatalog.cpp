//===- BasicCatalog.cpp - a catalogue that only reads type names ----------===//

#include "backends/common/BasicCatalog.h"

using namespace shc;

TypeCategory BasicCatalog::category(const Type &t) const {
  if (t.isArray())
    return TypeCategory::Array;
  if (t.is(TypeKind::Bool))
    return TypeCategory::Boolean;
  if (t.isNumeric())
    return TypeCategory::Numeric;
  if (t.isString())
    return TypeCategory::String;
  if (t.isDateTime())
    return TypeCategory::DateTime;
  if (t.is(TypeKind::Interval))
    return TypeCategory::Timespan;
  if (t.isUnknown() || t.isIndeterminate())
    return TypeCategory::Unknown;
  return TypeCategory::User;
}

TypeCategory shc::textualCategory(const Type &t) {
  if (t.isArray())
    return TypeCategory::Array;
  if (t.isUnknown() || t.isIndeterminate())
    return TypeCategory::Unknown;
  switch (t.getKind()) {
  case TypeKind::Bool:
    return TypeCategory::Boolean;
  case TypeKind::Date:
  case TypeKind::Time:
  case TypeKind::Timestamp:
  case TypeKind::TimestampTz:
    return TypeCategory::DateTime;
  case TypeKind::Interval:
    return TypeCategory::Timespan;
  case TypeKind::Bytea:
  case TypeKind::Other:
    return TypeCategory::User;
  default:
    return t.isNumeric() ? TypeCategory::Numeric : TypeCategory::String;
  }
}

std::optional<CastContext> BasicCatalog::findCast(const Type &from, const Type &to) const {
  if (from.isUnknown() || from.isIndeterminate() || to.isIndeterminate() || from.sameBase(to))
    return CastContext::Implicit;
  return CastContext::Explicit;
}

const FunctionProperties &BasicCatalog::functionProperties(llvm::StringRef, size_t) const {
  static const FunctionProperties unknown;
  return unknown;
}
