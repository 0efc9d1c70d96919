// checkLiteralInput: accept/reject and wording as PostgreSQL 15's input
// functions (each expectation was checked against a PostgreSQL 15 server).

#include "backends/postgres/catalog/LiteralInput.h"
#include "ir/Types.h"

#include <gtest/gtest.h>

using namespace shc;
using K = TypeKind;

namespace {

/// "" when `text` is valid input for `type`, else the error message.
std::string parse(Type type, const std::string &text) {
  LiteralInputError e;
  return pg::checkLiteralInput(type, text, e) ? "" : e.message;
}
std::string parse(K kind, const std::string &text) { return parse(Type(kind), text); }

} // namespace

TEST(TypeLiteralInputTest, Integers) {
  EXPECT_EQ(parse(K::Int4, "12"), "");
  EXPECT_EQ(parse(K::Int4, " +12 "), "");
  EXPECT_EQ(parse(K::Int4, "-2147483648"), "");
  EXPECT_EQ(parse(K::Int4, "abc"), "invalid input syntax for type integer: \"abc\"");
  EXPECT_EQ(parse(K::Int4, ""), "invalid input syntax for type integer: \"\"");
  EXPECT_EQ(parse(K::Int4, "1.5"), "invalid input syntax for type integer: \"1.5\"");
  EXPECT_EQ(parse(K::Int4, "1_000"), "invalid input syntax for type integer: \"1_000\"");
  EXPECT_EQ(parse(K::Int4, "99999999999"),
            "value \"99999999999\" is out of range for type integer");
  EXPECT_EQ(parse(K::Int2, "32768"), "value \"32768\" is out of range for type smallint");
  EXPECT_EQ(parse(K::Int8, "9223372036854775808"),
            "value \"9223372036854775808\" is out of range for type bigint");
  EXPECT_EQ(parse(K::Int8, "-9223372036854775808"), "");
}

TEST(TypeLiteralInputTest, NumericAndFloats) {
  EXPECT_EQ(parse(K::Numeric, " 1.5e3 "), "");
  EXPECT_EQ(parse(K::Numeric, "NaN"), "");
  EXPECT_EQ(parse(K::Numeric, "-Infinity"), "");
  EXPECT_EQ(parse(K::Numeric, "1.2.3"), "invalid input syntax for type numeric: \"1.2.3\"");
  EXPECT_EQ(parse(Type(K::Numeric, 5, 2), "999.99"), "");
  EXPECT_EQ(parse(Type(K::Numeric, 5, 2), "999.995"), "numeric field overflow");
  EXPECT_EQ(parse(Type(K::Numeric, 3, 1), "1000"), "numeric field overflow");
  EXPECT_EQ(parse(Type(K::Numeric, 4, 2), "12.345"), "");
  LiteralInputError err;
  EXPECT_FALSE(pg::checkLiteralInput(Type(K::Numeric, 3, 1), "1000", err));
  EXPECT_EQ(err.detail,
            "A field with precision 3, scale 1 must round to an absolute value less than 10^2.");
  EXPECT_EQ(parse(K::Float8, "NaN"), "");
  EXPECT_EQ(parse(K::Float8, "-Infinity"), "");
  EXPECT_EQ(parse(K::Float8, "1e400"), "\"1e400\" is out of range for type double precision");
  EXPECT_EQ(parse(K::Float4, "1e40"), "\"1e40\" is out of range for type real");
  EXPECT_EQ(parse(K::Float8, "abc"), "invalid input syntax for type double precision: \"abc\"");
}

TEST(TypeLiteralInputTest, Booleans) {
  for (const char *ok : {"t", "true", "TRUE", " yes ", "y", "on", "off", "of", "1", "0", "n", "fa"})
    EXPECT_EQ(parse(K::Bool, ok), "") << ok;
  EXPECT_EQ(parse(K::Bool, "maybe"), "invalid input syntax for type boolean: \"maybe\"");
  EXPECT_EQ(parse(K::Bool, "o"), "invalid input syntax for type boolean: \"o\"");
  EXPECT_EQ(parse(K::Bool, "10"), "invalid input syntax for type boolean: \"10\"");
}

TEST(TypeLiteralInputTest, DatesAndTimes) {
  EXPECT_EQ(parse(K::Date, "2024-02-29"), "");
  EXPECT_EQ(parse(K::Date, "2024-02-30"), "date/time field value out of range: \"2024-02-30\"");
  EXPECT_EQ(parse(K::Date, "2024-13-01"), "date/time field value out of range: \"2024-13-01\"");
  EXPECT_EQ(parse(K::Date, "garbage"), "invalid input syntax for type date: \"garbage\"");
  EXPECT_EQ(parse(K::Date, "Jan 5 2024"), "");
  EXPECT_EQ(parse(K::Date, "20240229"), "");
  EXPECT_EQ(parse(K::Date, "epoch"), "");
  EXPECT_EQ(parse(K::Time, "25:00:00"), "date/time field value out of range: \"25:00:00\"");
  EXPECT_EQ(parse(K::Time, "24:00:00"), "");
  EXPECT_EQ(parse(K::Time, "12:34:56.789"), "");
  EXPECT_EQ(parse(K::Time, "today"), "invalid input syntax for type time: \"today\"");
  EXPECT_EQ(parse(K::Timestamp, "2024-01-01T12:00:00"), "");
  EXPECT_EQ(parse(K::Timestamp, "2024-01-01 12:00:00.123456"), "");
  EXPECT_EQ(parse(K::Timestamp, "xyz"), "invalid input syntax for type timestamp: \"xyz\"");
  EXPECT_EQ(parse(K::TimestampTz, "2024-01-01 12:00:00+02"), "");
  EXPECT_EQ(parse(K::TimestampTz, "2024-01-01T12:00:00Z"), "");
  EXPECT_EQ(parse(K::TimestampTz, "2024-01-01 12:00:00 Europe/Paris"), "");
  EXPECT_EQ(parse(K::TimestampTz, "2024-01-01 12:00:00 Mars/Olympus"),
            "time zone \"mars/olympus\" not recognized");
  EXPECT_EQ(parse(K::TimestampTz, "2024-01-01 12:00:00+25"),
            "time zone displacement out of range: \"2024-01-01 12:00:00+25\"");
  EXPECT_EQ(parse(K::Timestamp, "294277-01-01"), "timestamp out of range: \"294277-01-01\"");
  LiteralInputError err;
  EXPECT_FALSE(pg::checkLiteralInput(Type(K::Date), "2024-13-01", err));
  EXPECT_EQ(err.hint, "Perhaps you need a different \"datestyle\" setting.");
}

TEST(TypeLiteralInputTest, Intervals) {
  for (const char *ok : {"1 day", "2 hours 30 minutes", "P1D", "01:00:00", "1 day ago", "1-2",
                         "3 4:05:06", "P1Y2M3DT4H5M6S", "PT1.5H", "@ 1 minute", "5"})
    EXPECT_EQ(parse(K::Interval, ok), "") << ok;
  EXPECT_EQ(parse(K::Interval, "1 fortnight"),
            "invalid input syntax for type interval: \"1 fortnight\"");
  EXPECT_EQ(parse(K::Interval, "1 day 2 days"),
            "invalid input syntax for type interval: \"1 day 2 days\"");
  EXPECT_EQ(parse(K::Interval, "1:60"), "interval field value out of range: \"1:60\"");
  EXPECT_EQ(parse(K::Interval, "p1d"), "invalid input syntax for type interval: \"p1d\"");
}

TEST(TypeLiteralInputTest, UuidJsonInetBytea) {
  EXPECT_EQ(parse(K::Uuid, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), "");
  EXPECT_EQ(parse(K::Uuid, "{A0EEBC999C0B4EF8BB6D6BB9BD380A11}"), "");
  EXPECT_EQ(parse(K::Uuid, "abc"), "invalid input syntax for type uuid: \"abc\"");
  EXPECT_EQ(parse(K::Json, "{\"a\": [1, 2.5e3, true, null]}"), "");
  EXPECT_EQ(parse(K::Json, "{bad"), "invalid input syntax for type json");
  LiteralInputError err;
  EXPECT_FALSE(pg::checkLiteralInput(Type(K::Json), "{\"a\":1,}", err));
  EXPECT_EQ(err.detail, "Expected string, but found \"}\".");
  EXPECT_FALSE(pg::checkLiteralInput(Type(K::Jsonb), "\"\\u0000\"", err));
  EXPECT_EQ(err.message, "unsupported Unicode escape sequence");
  EXPECT_EQ(parse(K::Json, "\"\\u0000\""), "");
  EXPECT_EQ(parse(K::Inet, "10.1.2.3/24"), "");
  EXPECT_EQ(parse(K::Inet, "::ffff:1.2.3.4"), "");
  EXPECT_EQ(parse(K::Inet, "10.1"), "invalid input syntax for type inet: \"10.1\"");
  EXPECT_EQ(parse(K::Bytea, "\\x0"), "invalid hexadecimal data: odd number of digits");
  EXPECT_EQ(parse(K::Bytea, "\\xZZ"), "invalid hexadecimal digit: \"Z\"");
}

TEST(TypeLiteralInputTest, StringLengths) {
  EXPECT_EQ(parse(Type(K::Varchar, 5), "abcde"), "");
  EXPECT_EQ(parse(Type(K::Varchar, 5), "abcdefg"), "value too long for type character varying(5)");
  EXPECT_EQ(parse(Type(K::Varchar, 3), "abc    "), ""); // excess spaces are dropped
  EXPECT_EQ(parse(Type(K::Varchar, 3), "héé"), "");     // characters, not bytes
  EXPECT_EQ(parse(Type(K::Char, 3), "abcd"), "value too long for type character(3)");
  EXPECT_EQ(parse(K::Text, std::string("a\0b", 3)),
            "invalid byte sequence for encoding \"UTF8\": 0x00");
  EXPECT_EQ(parse(Type::other("citext"), "anything"), "");
}

TEST(TypeLiteralInputTest, Arrays) {
  Type textArr(K::Text, -1, -1, true), intArr(K::Int4, -1, -1, true);
  EXPECT_EQ(parse(textArr, "{a,\"b c\",NULL}"), "");
  EXPECT_EQ(parse(intArr, "{{1,2},{3,4}}"), "");
  EXPECT_EQ(parse(intArr, "[1:2]={1,2}"), "");
  EXPECT_EQ(parse(textArr, "x"), "malformed array literal: \"x\"");
  EXPECT_EQ(parse(intArr, "{{1,2},{3}}"), "malformed array literal: \"{{1,2},{3}}\"");
  EXPECT_EQ(parse(intArr, "{a,}"), "malformed array literal: \"{a,}\""); // structure first
  EXPECT_EQ(parse(intArr, "{1,x}"), "invalid input syntax for type integer: \"x\"");
}
