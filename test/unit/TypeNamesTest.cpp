// Catalog::parseColumnType: column type spellings per dialect (each
// dialect's type names in its backend folder).

#include "test/unit/TestDialects.h"

#include <gtest/gtest.h>

using namespace shc;

namespace {
std::string pg(const char *s, const Dialect &d = postgresDialect()) {
  std::optional<Type> t = d.catalog().parseColumnType(s);
  return t ? t->str() : "<invalid>";
}
} // namespace

TEST(TypeNamesTest, PostgresNames) {
  EXPECT_EQ(pg("int"), "integer");
  EXPECT_EQ(pg("INT4"), "integer");
  EXPECT_EQ(pg("serial"), "integer");
  EXPECT_EQ(pg("bigserial"), "bigint");
  EXPECT_EQ(pg("smallserial"), "smallint");
  EXPECT_EQ(pg("float"), "double precision");
  EXPECT_EQ(pg("float(10)"), "real");
  EXPECT_EQ(pg("Double   Precision"), "double precision");
  EXPECT_EQ(pg("decimal(10, 2)"), "numeric(10,2)");
  EXPECT_EQ(pg("numeric(10)"), "numeric(10,0)");
  EXPECT_EQ(pg("varchar(20)"), "character varying(20)");
  EXPECT_EQ(pg("character varying ( 20 )"), "character varying(20)");
  EXPECT_EQ(pg("char"), "character(1)");
  EXPECT_EQ(pg("bpchar"), "bpchar");
  EXPECT_EQ(pg("timestamptz"), "timestamp with time zone");
  EXPECT_EQ(pg("timestamp(3) with time zone"), "timestamp(3) with time zone");
  EXPECT_EQ(pg("timestamp without time zone"), "timestamp without time zone");
  EXPECT_EQ(pg("time with time zone"), "time with time zone");
  EXPECT_EQ(pg("text[]"), "text[]");
  EXPECT_EQ(pg("integer[3][3]"), "integer[]");
  EXPECT_EQ(pg("int array"), "integer[]");
  EXPECT_EQ(pg("interval day to second"), "interval");
  EXPECT_EQ(pg("CITEXT"), "citext");
}

TEST(TypeNamesTest, BadModifiersAreNotTypes) {
  EXPECT_EQ(pg("varchar(abc)"), "<invalid>");
  EXPECT_EQ(pg("numeric(1,2,3)"), "<invalid>");
  EXPECT_EQ(pg("varchar(0)"), "<invalid>");
  EXPECT_EQ(pg("int(4)"), "<invalid>");
  EXPECT_EQ(pg("varchar(10"), "<invalid>");
  EXPECT_EQ(pg(""), "<invalid>");
}

TEST(TypeNamesTest, OtherDialects) {
  EXPECT_EQ(pg("tinyint(1)", mysqlDialect()), "boolean");
  // Every other MySQL integer is a BIGINT, as MySQL computes with it.
  EXPECT_EQ(pg("tinyint", mysqlDialect()), "bigint");
  EXPECT_EQ(pg("int(11)", mysqlDialect()), "bigint");
  EXPECT_EQ(pg("int unsigned", mysqlDialect()), "bigint");
  EXPECT_EQ(pg("datetime", mysqlDialect()), "timestamp without time zone");
  EXPECT_EQ(pg("timestamp", mysqlDialect()), "timestamp with time zone");
  EXPECT_EQ(pg("longtext", mysqlDialect()), "text");
  EXPECT_EQ(pg("varchar(255)", mysqlDialect()), "character varying(255)");
  EXPECT_EQ(pg("enum('a','b')", mysqlDialect()), "enum('a','b')");
  EXPECT_EQ(pg("INTEGER", sqliteDialect()), "bigint");
  EXPECT_EQ(pg("varchar(10)", sqliteDialect()), "text");
  EXPECT_EQ(pg("double", sqliteDialect()), "double precision");
  EXPECT_EQ(pg("boolean", sqliteDialect()), "boolean");
  EXPECT_EQ(pg("decimal(10,2)", sqliteDialect()), "numeric");
  EXPECT_EQ(pg("timeuuid", cassandraDialect()), "uuid");
  EXPECT_EQ(pg("timestamp", cassandraDialect()), "timestamp with time zone");
  EXPECT_EQ(pg("map<text, int>", cassandraDialect()), "map<text,int>");
  EXPECT_EQ(pg("int", cockroachDialect()), "bigint");
  EXPECT_EQ(pg("string", cockroachDialect()), "text");
}

// The spellings SchemaHero writes and normalises (its introspection puts a
// space before the parenthesis), in every dialect they appear in.
TEST(TypeNamesTest, SchemaHeroSpellings) {
  for (const Dialect *dp : {&postgresDialect(), &cockroachDialect(), &timescaleDialect()}) {
    const Dialect &d = *dp;
    EXPECT_EQ(pg("character varying (255)", d), "character varying(255)");
    EXPECT_EQ(pg("double precision", d), "double precision");
    EXPECT_EQ(pg("timestamp with time zone", d), "timestamp with time zone");
    EXPECT_EQ(pg("decimal (10, 2)", d), "numeric(10,2)");
    EXPECT_EQ(pg("varchar (40)", d), "character varying(40)");
  }
  EXPECT_EQ(pg("tinyint (3, 0)", mysqlDialect()), "bigint");
  EXPECT_EQ(pg("tinyint (1)", mysqlDialect()), "boolean");
  EXPECT_EQ(pg("int (11)", mysqlDialect()), "bigint");
  EXPECT_EQ(pg("int unsigned", mysqlDialect()), "bigint");
  EXPECT_EQ(pg("bigint (20) unsigned", mysqlDialect()), "bigint");
  // The exact range stays in the modifiers: width in bytes, unsigned.
  std::optional<Type> u = mysqlDialect().catalog().parseColumnType("bigint (20) unsigned");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->getMod1(), 8);
  EXPECT_EQ(u->getMod2(), 1);
  EXPECT_EQ(mysqlDialect().catalog().typeName(*u), "bigint unsigned");
  EXPECT_EQ(mysqlDialect().catalog().typeName(*mysqlDialect().catalog().parseColumnType("tinyint (3, 0)")), "tinyint");
  EXPECT_EQ(pg("decimal (10, 2)", mysqlDialect()), "numeric(10,2)");
  EXPECT_EQ(pg("double precision", mysqlDialect()), "double precision");
  EXPECT_EQ(pg("character varying (255)", mysqlDialect()), "character varying(255)");
  EXPECT_EQ(pg("varchar (255)", mysqlDialect()), "character varying(255)");
  EXPECT_EQ(pg("int4", mysqlDialect()), "bigint");
  EXPECT_EQ(pg("double precision", sqliteDialect()), "double precision");
  EXPECT_EQ(pg("character varying (255)", sqliteDialect()), "text");
  EXPECT_EQ(pg("timestamp with time zone", sqliteDialect()), "timestamp without time zone");
  EXPECT_EQ(pg("decimal (10, 2)", sqliteDialect()), "numeric");
  // CockroachDB: INTEGER is 64-bit, as is SERIAL.
  EXPECT_EQ(pg("integer", cockroachDialect()), "bigint");
  EXPECT_EQ(pg("serial", cockroachDialect()), "bigint");
  EXPECT_EQ(pg("int4", cockroachDialect()), "integer");
}
