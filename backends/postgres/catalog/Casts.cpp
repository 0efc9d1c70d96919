//===- Casts.cpp - PostgreSQL's cast catalogue (pg_cast) -------------------===//
//
// findCast answers what PostgreSQL's find_coercion_pathway answers for the
// modelled types: the entries below are pg_cast rows of PostgreSQL 15
// (castcontext i/a/e) restricted to those types. On top of the table come the
// rules PostgreSQL applies without a pg_cast row:
//   - the same type with other modifiers: a length coercion, implicit;
//   - automatic I/O conversion: anything to a string type in assignment
//     context, a string type to anything explicitly;
//   - arrays: element-wise, in the context of the element cast.
//
//===----------------------------------------------------------------------===//

#include "backends/postgres/catalog/CatalogTables.h"

using namespace shc;

namespace {

struct CastEntry {
  TypeKind from;
  TypeKind to;
  CastContext context;
};

constexpr CastContext I = CastContext::Implicit;
constexpr CastContext A = CastContext::Assignment;
constexpr CastContext E = CastContext::Explicit;
using K = TypeKind;

// select s.typname, t.typname, c.castcontext from pg_cast c ... (PostgreSQL 15)
// String targets are covered by the I/O rule below unless pg_cast says more.
const CastEntry castTable[] = {
    {K::Bool, K::Int4, E},
    {K::Char, K::Text, I},
    {K::Char, K::Varchar, I},
    {K::Date, K::Timestamp, I},
    {K::Date, K::TimestampTz, I},
    {K::Float4, K::Float8, I},
    {K::Float4, K::Int2, A},
    {K::Float4, K::Int4, A},
    {K::Float4, K::Int8, A},
    {K::Float4, K::Numeric, A},
    {K::Float8, K::Float4, A},
    {K::Float8, K::Int2, A},
    {K::Float8, K::Int4, A},
    {K::Float8, K::Int8, A},
    {K::Float8, K::Numeric, A},
    {K::Int2, K::Float4, I},
    {K::Int2, K::Float8, I},
    {K::Int2, K::Int4, I},
    {K::Int2, K::Int8, I},
    {K::Int2, K::Numeric, I},
    {K::Int4, K::Bool, E},
    {K::Int4, K::Float4, I},
    {K::Int4, K::Float8, I},
    {K::Int4, K::Int2, A},
    {K::Int4, K::Int8, I},
    {K::Int4, K::Numeric, I},
    {K::Int8, K::Float4, I},
    {K::Int8, K::Float8, I},
    {K::Int8, K::Int2, A},
    {K::Int8, K::Int4, A},
    {K::Int8, K::Numeric, I},
    {K::Interval, K::Time, A},
    {K::Json, K::Jsonb, A},
    {K::Jsonb, K::Bool, E},
    {K::Jsonb, K::Float4, E},
    {K::Jsonb, K::Float8, E},
    {K::Jsonb, K::Int2, E},
    {K::Jsonb, K::Int4, E},
    {K::Jsonb, K::Int8, E},
    {K::Jsonb, K::Json, A},
    {K::Jsonb, K::Numeric, E},
    {K::Numeric, K::Float4, I},
    {K::Numeric, K::Float8, I},
    {K::Numeric, K::Int2, A},
    {K::Numeric, K::Int4, A},
    {K::Numeric, K::Int8, A},
    {K::Text, K::Char, I},
    {K::Text, K::Varchar, I},
    {K::Time, K::Interval, I},
    {K::Time, K::TimeTz, I},
    {K::Timestamp, K::Date, A},
    {K::Timestamp, K::Time, A},
    {K::Timestamp, K::TimestampTz, I},
    {K::TimestampTz, K::Date, A},
    {K::TimestampTz, K::Time, A},
    {K::TimestampTz, K::Timestamp, A},
    {K::TimestampTz, K::TimeTz, A},
    {K::TimeTz, K::Time, A},
    {K::Varchar, K::Char, I},
    {K::Varchar, K::Text, I},
};

bool isStringKind(TypeKind k) { return k == K::Text || k == K::Varchar || k == K::Char; }

std::optional<CastContext> lookupScalar(TypeKind from, TypeKind to) {
  for (const CastEntry &e : castTable)
    if (e.from == from && e.to == to)
      return e.context;
  return std::nullopt;
}

} // namespace

std::optional<CastContext> shc::pg::findCast(const Type &from, const Type &to) {
  // Nothing more can be said about expressions that were not type-checked;
  // unknown literals coerce to anything (their text is validated elsewhere).
  if (from.isIndeterminate() || to.isIndeterminate() || from.isUnknown())
    return CastContext::Implicit;
  if (from.sameBase(to))
    return CastContext::Implicit;

  bool fromString = !from.isArray() && isStringKind(from.getKind());
  bool toString = !to.isArray() && isStringKind(to.getKind());

  // Array coercion: element by element, in the element cast's context.
  if (from.isArray() && to.isArray())
    return findCast(from.elementType(), to.elementType());

  if (!from.isArray() && !to.isArray()) {
    if (auto ctx = lookupScalar(from.getKind(), to.getKind()))
      return ctx;
  }
  // Automatic I/O conversion.
  if (toString)
    return CastContext::Assignment;
  if (fromString)
    return CastContext::Explicit;
  // Types we do not model (enums, domains, extension types): their casts are
  // unknown, so allow an explicit cast rather than report a false error.
  if (from.getKind() == K::Other || to.getKind() == K::Other)
    return CastContext::Explicit;
  return std::nullopt;
}
