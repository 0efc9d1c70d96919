// Type display names, categories and the cast catalogue (ir/Types.cpp,
// ir/Casts.cpp). Expected values are PostgreSQL 15's format_type, pg_type and
// pg_cast.

#include "backends/postgres/catalog/CatalogTables.h"
#include "ir/Types.h"

#include <gtest/gtest.h>

using namespace shc;
using K = TypeKind;

TEST(TypesTest, DisplayNamesFollowFormatType) {
  EXPECT_EQ(Type(K::Int4).str(), "integer");
  EXPECT_EQ(Type(K::Int2).str(), "smallint");
  EXPECT_EQ(Type(K::Int8).str(), "bigint");
  EXPECT_EQ(Type(K::Numeric).str(), "numeric");
  EXPECT_EQ(Type(K::Numeric, 10, 2).str(), "numeric(10,2)");
  EXPECT_EQ(Type(K::Numeric, 10).str(), "numeric(10,0)");
  EXPECT_EQ(Type(K::Float4).str(), "real");
  EXPECT_EQ(Type(K::Float8).str(), "double precision");
  EXPECT_EQ(Type(K::Varchar, 20).str(), "character varying(20)");
  EXPECT_EQ(Type(K::Varchar).str(), "character varying");
  EXPECT_EQ(Type(K::Char, 1).str(), "character(1)");
  EXPECT_EQ(Type(K::Char).str(), "bpchar");
  EXPECT_EQ(Type(K::Bool).str(), "boolean");
  EXPECT_EQ(Type(K::Time).str(), "time without time zone");
  EXPECT_EQ(Type(K::Time, 3).str(), "time(3) without time zone");
  EXPECT_EQ(Type(K::TimeTz).str(), "time with time zone");
  EXPECT_EQ(Type(K::Timestamp).str(), "timestamp without time zone");
  EXPECT_EQ(Type(K::TimestampTz, 3).str(), "timestamp(3) with time zone");
  EXPECT_EQ(Type(K::Interval).str(), "interval");
  EXPECT_EQ(Type(K::Unknown).str(), "unknown");
  EXPECT_EQ(Type(K::Text, -1, -1, true).str(), "text[]");
  EXPECT_EQ(Type(K::Varchar, 20, -1, true).str(), "character varying(20)[]");
  EXPECT_EQ(Type::other("citext").str(), "citext");
  EXPECT_EQ(Type::other("mood", true).str(), "mood[]");
}

TEST(TypesTest, CategoriesAndPreferredTypes) {
  EXPECT_EQ(pg::category(Type(K::Bool)), TypeCategory::Boolean);
  EXPECT_EQ(pg::category(Type(K::Int2)), TypeCategory::Numeric);
  EXPECT_EQ(pg::category(Type(K::Varchar, 3)), TypeCategory::String);
  EXPECT_EQ(pg::category(Type(K::Date)), TypeCategory::DateTime);
  EXPECT_EQ(pg::category(Type(K::Interval)), TypeCategory::Timespan);
  EXPECT_EQ(pg::category(Type(K::Jsonb)), TypeCategory::User);
  EXPECT_EQ(pg::category(Type(K::Inet)), TypeCategory::Network);
  EXPECT_EQ(pg::category(Type(K::Int4, -1, -1, true)), TypeCategory::Array);
  EXPECT_EQ(pg::category(Type(K::Unknown)), TypeCategory::Unknown);
  for (K k : {K::Bool, K::Float8, K::Text, K::TimestampTz, K::Interval, K::Inet})
    EXPECT_TRUE(pg::isPreferred(Type(k))) << Type(k).str();
  for (K k : {K::Int4, K::Numeric, K::Varchar, K::Char, K::Date, K::Timestamp, K::Uuid})
    EXPECT_FALSE(pg::isPreferred(Type(k))) << Type(k).str();
  EXPECT_FALSE(pg::isPreferred(Type(K::Text, -1, -1, true)));
}

static std::optional<CastContext> cast(K from, K to) { return pg::findCast(Type(from), Type(to)); }

TEST(TypesTest, CastContextsFollowPgCast) {
  EXPECT_EQ(cast(K::Int4, K::Int8), CastContext::Implicit);
  EXPECT_EQ(cast(K::Int8, K::Int4), CastContext::Assignment);
  EXPECT_EQ(cast(K::Numeric, K::Int4), CastContext::Assignment);
  EXPECT_EQ(cast(K::Int4, K::Numeric), CastContext::Implicit);
  EXPECT_EQ(cast(K::Float8, K::Numeric), CastContext::Assignment);
  EXPECT_EQ(cast(K::Numeric, K::Float8), CastContext::Implicit);
  EXPECT_EQ(cast(K::Text, K::Varchar), CastContext::Implicit);
  EXPECT_EQ(cast(K::Varchar, K::Text), CastContext::Implicit);
  EXPECT_EQ(cast(K::Char, K::Text), CastContext::Implicit);
  EXPECT_EQ(cast(K::Date, K::Timestamp), CastContext::Implicit);
  EXPECT_EQ(cast(K::TimestampTz, K::Date), CastContext::Assignment);
  EXPECT_EQ(cast(K::Timestamp, K::TimestampTz), CastContext::Implicit);
  EXPECT_EQ(cast(K::TimestampTz, K::Timestamp), CastContext::Assignment);
  EXPECT_EQ(cast(K::Bool, K::Int4), CastContext::Explicit);
  EXPECT_EQ(cast(K::Int4, K::Bool), CastContext::Explicit);
  EXPECT_EQ(cast(K::Json, K::Jsonb), CastContext::Assignment);
  EXPECT_EQ(cast(K::Jsonb, K::Json), CastContext::Assignment);
  EXPECT_EQ(cast(K::Jsonb, K::Int4), CastContext::Explicit);
}

TEST(TypesTest, IoConversionAndMissingCasts) {
  // Anything to a string type in assignment context; strings to anything only
  // explicitly.
  EXPECT_EQ(cast(K::Int4, K::Text), CastContext::Assignment);
  EXPECT_EQ(cast(K::Uuid, K::Varchar), CastContext::Assignment);
  EXPECT_EQ(cast(K::Text, K::Int4), CastContext::Explicit);
  EXPECT_EQ(cast(K::Text, K::Date), CastContext::Explicit);
  EXPECT_EQ(cast(K::Bool, K::Date), std::nullopt);
  EXPECT_EQ(cast(K::Uuid, K::Int4), std::nullopt);
  EXPECT_EQ(cast(K::Date, K::Int4), std::nullopt);
  EXPECT_EQ(cast(K::Interval, K::Date), std::nullopt);
}

TEST(TypesTest, LengthCoercionAndArrays) {
  EXPECT_EQ(pg::findCast(Type(K::Varchar, 10), Type(K::Varchar, 5)), CastContext::Implicit);
  EXPECT_EQ(pg::findCast(Type(K::Numeric, 10, 2), Type(K::Numeric)), CastContext::Implicit);
  Type intArr(K::Int4, -1, -1, true), bigArr(K::Int8, -1, -1, true), textArr(K::Text, -1, -1, true);
  EXPECT_EQ(pg::findCast(intArr, bigArr), CastContext::Implicit);
  EXPECT_EQ(pg::findCast(bigArr, intArr), CastContext::Assignment);
  EXPECT_EQ(pg::findCast(intArr, textArr), CastContext::Assignment);
  EXPECT_EQ(pg::findCast(intArr, Type(K::Text)), CastContext::Assignment);
  EXPECT_EQ(pg::findCast(Type(K::Bool, -1, -1, true), Type(K::Date, -1, -1, true)), std::nullopt);
  EXPECT_EQ(pg::findCast(intArr, Type(K::Int4)), std::nullopt);
}
