#include "ir/SourceManager.h"
#include <gtest/gtest.h>
TEST(SourceManager, LineCol) {
  shc::SourceManager sm;
  uint32_t id = sm.addBuffer("a.yaml", "ab\ncd\r\nef");
  auto loc = sm.getLoc(id, 4);
  EXPECT_EQ(loc.line, 2u);
  EXPECT_EQ(loc.col, 2u);
  EXPECT_EQ(sm.getLineText(id, 2), "cd");
  EXPECT_EQ(sm.getLoc(id, 7).line, 3u);
}
