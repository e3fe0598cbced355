#include "pagewash/result.h"

#include <gtest/gtest.h>

#include <string>

namespace pagewash {
namespace {

TEST(ResultTest, HoldsAValueOrAStatus) {
  Result<int> good(7);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good.value(), 7);
  EXPECT_EQ(*good, 7);
  Result<std::string> bad(Status::InvalidInput("no such thing").At("page.txt", 3));
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().ToString(), "page.txt:3: no such thing");
}

TEST(ResultDeathTest, ValueOfAnErrorAbortsWithItsMessage) {
  Result<std::string> bad(Status::InvalidInput("no such thing").At("page.txt", 3));
  EXPECT_DEATH((void)bad.value(), "value\\(\\) of a failed Result: page.txt:3: no such thing");
  EXPECT_DEATH((void)bad->size(), "failed Result");
}

}  // namespace
}  // namespace pagewash
