//===- TypeCategories.cpp - pg_type.typcategory and typispreferred --------===//

#include "backends/postgres/catalog/CatalogTables.h"

using namespace shc;

TypeCategory shc::pg::category(const Type &t) {
  if (t.isArray())
    return TypeCategory::Array;
  switch (t.getKind()) {
  case TypeKind::Bool:
    return TypeCategory::Boolean;
  case TypeKind::Int2:
  case TypeKind::Int4:
  case TypeKind::Int8:
  case TypeKind::Numeric:
  case TypeKind::Float4:
  case TypeKind::Float8:
    return TypeCategory::Numeric;
  case TypeKind::Text:
  case TypeKind::Varchar:
  case TypeKind::Char:
    return TypeCategory::String;
  case TypeKind::Date:
  case TypeKind::Time:
  case TypeKind::TimeTz:
  case TypeKind::Timestamp:
  case TypeKind::TimestampTz:
    return TypeCategory::DateTime;
  case TypeKind::Interval:
    return TypeCategory::Timespan;
  case TypeKind::Inet:
    return TypeCategory::Network;
  case TypeKind::Bytea:
  case TypeKind::Uuid:
  case TypeKind::Json:
  case TypeKind::Jsonb:
  case TypeKind::Other:
    return TypeCategory::User;
  case TypeKind::Unknown:
  case TypeKind::Any:
  case TypeKind::Error:
    return TypeCategory::Unknown;
  }
  return TypeCategory::Unknown;
}

bool shc::pg::isPreferred(const Type &t) {
  if (t.isArray())
    return false;
  switch (t.getKind()) {
  case TypeKind::Bool:
  case TypeKind::Float8:
  case TypeKind::Text:
  case TypeKind::TimestampTz:
  case TypeKind::Interval:
  case TypeKind::Inet:
    return true;
  default:
    return false;
  }
}

