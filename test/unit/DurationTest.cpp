// --lock-timeout / --statement-timeout: PostgreSQL's time units.

#include "tools/driver/Duration.h"

#include <gtest/gtest.h>

using namespace shc;

TEST(DurationTest, AcceptsPostgresTimeUnits) {
  EXPECT_EQ(parseDurationMs("500"), 500u); // a bare number is milliseconds
  EXPECT_EQ(parseDurationMs("200ms"), 200u);
  EXPECT_EQ(parseDurationMs("5s"), 5000u);
  EXPECT_EQ(parseDurationMs("1min"), 60000u);
  EXPECT_EQ(parseDurationMs("2h"), 7200000u);
  EXPECT_EQ(parseDurationMs("1d"), 86400000u);
  EXPECT_EQ(parseDurationMs("1500us"), 2u); // rounded
  EXPECT_EQ(parseDurationMs("1.5s"), 1500u);
  EXPECT_EQ(parseDurationMs(" 5 s "), 5000u);
  EXPECT_EQ(parseDurationMs("0"), 0u);     // the server's default
  EXPECT_EQ(parseDurationMs("100us"), 1u); // not 0, which would mean no timeout
}

TEST(DurationTest, RejectsAnythingElse) {
  for (const char *bad :
       {"", "ms", "5x", "5 sec", "5S", "-1", "1.2.3", ".", "5s5", "abc", "24856d", "1e3"})
    EXPECT_FALSE(parseDurationMs(bad)) << bad;
}
