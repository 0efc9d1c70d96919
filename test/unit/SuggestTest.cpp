#include "ir/Suggest.h"

#include <gtest/gtest.h>

using namespace shc;

TEST(Suggest, TypoKinds) {
  std::vector<std::string> fields = {"table", "set", "where", "condition", "calculations"};
  EXPECT_EQ(suggestClosest("tabel", fields), "table"); // swap
  EXPECT_EQ(suggestClosest("tabl", fields), "table");  // deletion
  EXPECT_EQ(suggestClosest("wher", fields), "where");
  EXPECT_EQ(suggestClosest("Where", fields), "where"); // case only
  EXPECT_EQ(suggestClosest("calculation", fields), "calculations");
  EXPECT_EQ(suggestClosest("xyz", fields), "");         // nothing close
  std::vector<std::string> shortNames = {"at"};
  EXPECT_EQ(suggestClosest("id", shortNames), ""); // short names need exactness
}

TEST(Suggest, DidYouMeanFormat) {
  std::vector<std::string> cols = {"status", "region"};
  EXPECT_EQ(didYouMean("stauts", cols), " (did you mean 'status'?)");
  EXPECT_EQ(didYouMean("zzzzzz", cols), "");
}
