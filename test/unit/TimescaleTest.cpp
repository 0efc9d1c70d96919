//===- TimescaleTest.cpp - intervals, bucket widths and versions ----------===//

#include "backends/timescaledb/Hypertable.h"
#include "backends/timescaledb/TimescaleIntrospect.h"

#include <gtest/gtest.h>

using namespace shc;

TEST(Timescale, IntervalsInSeconds) {
  EXPECT_EQ(intervalSeconds("7 days"), 7 * 86400.0);
  EXPECT_EQ(intervalSeconds("1 week 2 hours"), 7 * 86400.0 + 7200);
  EXPECT_EQ(intervalSeconds("30d"), 30 * 86400.0);
  EXPECT_EQ(intervalSeconds("01:30:00"), 5400.0);
  EXPECT_EQ(intervalSeconds("2 Months"), 60 * 86400.0);
  EXPECT_EQ(intervalSeconds("36 hours"), 36 * 3600.0);
  EXPECT_EQ(intervalSeconds("1 day -1 hour"), 23 * 3600.0);
  EXPECT_FALSE(intervalSeconds(""));
  EXPECT_FALSE(intervalSeconds("forever"));
  EXPECT_FALSE(intervalSeconds("7 fortnights"));
}

TEST(Timescale, BucketWidthFromTheViewDefinition) {
  EXPECT_EQ(timeBucketWidth(" SELECT time_bucket('01:00:00'::interval, m.\"time\") AS b"),
            "01:00:00");
  EXPECT_EQ(timeBucketWidth("SELECT time_bucket( '1 day'::interval, t)"), "1 day");
  EXPECT_EQ(timeBucketWidth("SELECT time_bucket('it''s', t)"), "it's");
  EXPECT_EQ(timeBucketWidth("SELECT time_bucket(10, t)"), "");
  EXPECT_EQ(timeBucketWidth("SELECT date_trunc('hour', t)"), "");
  EXPECT_EQ(timeBucketWidth("SELECT time_bucket('unterminated"), "");
}

TEST(Timescale, Versions) {
  EXPECT_TRUE(versionBefore("2.9.1", 2, 11));
  EXPECT_TRUE(versionBefore("1.7.5", 2, 11));
  EXPECT_FALSE(versionBefore("2.11.0", 2, 11));
  EXPECT_FALSE(versionBefore("2.13.1", 2, 11));
  EXPECT_FALSE(versionBefore("3.0", 2, 11));
  EXPECT_FALSE(versionBefore("dev", 2, 11));
}
