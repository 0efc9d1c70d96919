// parseTypeName: column type spellings per dialect (frontend/TypeNames.cpp).

#include "frontend/TypeNames.h"

#include <gtest/gtest.h>

using namespace shc;

namespace {
std::string pg(const char *s, Dialect d = Dialect::Postgres) {
  std::optional<Type> t = parseTypeName(s, d);
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
  EXPECT_EQ(pg("tinyint(1)", Dialect::MySQL), "boolean");
  EXPECT_EQ(pg("tinyint", Dialect::MySQL), "smallint");
  EXPECT_EQ(pg("int(11)", Dialect::MySQL), "integer");
  EXPECT_EQ(pg("int unsigned", Dialect::MySQL), "bigint");
  EXPECT_EQ(pg("datetime", Dialect::MySQL), "timestamp without time zone");
  EXPECT_EQ(pg("timestamp", Dialect::MySQL), "timestamp with time zone");
  EXPECT_EQ(pg("longtext", Dialect::MySQL), "text");
  EXPECT_EQ(pg("varchar(255)", Dialect::MySQL), "character varying(255)");
  EXPECT_EQ(pg("enum('a','b')", Dialect::MySQL), "enum('a','b')");
  EXPECT_EQ(pg("INTEGER", Dialect::SQLite), "bigint");
  EXPECT_EQ(pg("varchar(10)", Dialect::SQLite), "text");
  EXPECT_EQ(pg("double", Dialect::SQLite), "double precision");
  EXPECT_EQ(pg("boolean", Dialect::SQLite), "boolean");
  EXPECT_EQ(pg("decimal(10,2)", Dialect::SQLite), "numeric");
  EXPECT_EQ(pg("timeuuid", Dialect::Cassandra), "uuid");
  EXPECT_EQ(pg("timestamp", Dialect::Cassandra), "timestamp with time zone");
  EXPECT_EQ(pg("map<text, int>", Dialect::Cassandra), "map<text,int>");
  EXPECT_EQ(pg("int", Dialect::CockroachDB), "bigint");
  EXPECT_EQ(pg("string", Dialect::CockroachDB), "text");
}

// The spellings SchemaHero writes and normalises (its introspection puts a
// space before the parenthesis), in every dialect they appear in.
TEST(TypeNamesTest, SchemaHeroSpellings) {
  for (Dialect d : {Dialect::Postgres, Dialect::CockroachDB, Dialect::TimescaleDB}) {
    EXPECT_EQ(pg("character varying (255)", d), "character varying(255)");
    EXPECT_EQ(pg("double precision", d), "double precision");
    EXPECT_EQ(pg("timestamp with time zone", d), "timestamp with time zone");
    EXPECT_EQ(pg("decimal (10, 2)", d), "numeric(10,2)");
    EXPECT_EQ(pg("varchar (40)", d), "character varying(40)");
  }
  EXPECT_EQ(pg("tinyint (3, 0)", Dialect::MySQL), "smallint");
  EXPECT_EQ(pg("tinyint (1)", Dialect::MySQL), "boolean");
  EXPECT_EQ(pg("int (11)", Dialect::MySQL), "integer");
  EXPECT_EQ(pg("int unsigned", Dialect::MySQL), "bigint");
  EXPECT_EQ(pg("bigint (20) unsigned", Dialect::MySQL), "numeric(20,0)");
  EXPECT_EQ(pg("decimal (10, 2)", Dialect::MySQL), "numeric(10,2)");
  EXPECT_EQ(pg("double precision", Dialect::MySQL), "double precision");
  EXPECT_EQ(pg("character varying (255)", Dialect::MySQL), "character varying(255)");
  EXPECT_EQ(pg("varchar (255)", Dialect::MySQL), "character varying(255)");
  EXPECT_EQ(pg("int4", Dialect::MySQL), "integer");
  EXPECT_EQ(pg("double precision", Dialect::SQLite), "double precision");
  EXPECT_EQ(pg("character varying (255)", Dialect::SQLite), "text");
  EXPECT_EQ(pg("timestamp with time zone", Dialect::SQLite), "timestamp without time zone");
  EXPECT_EQ(pg("decimal (10, 2)", Dialect::SQLite), "numeric");
  // CockroachDB: INTEGER is 64-bit, as is SERIAL.
  EXPECT_EQ(pg("integer", Dialect::CockroachDB), "bigint");
  EXPECT_EQ(pg("serial", Dialect::CockroachDB), "bigint");
  EXPECT_EQ(pg("int4", Dialect::CockroachDB), "integer");
}
