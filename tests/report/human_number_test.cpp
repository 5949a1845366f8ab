#include <gtest/gtest.h>

#include <limits>

#include "report/human_number.h"

namespace bg::report {
namespace {

TEST(HumanNumber, GroupsThousandsWithCommas) {
  EXPECT_EQ(human_number(0), "0");
  EXPECT_EQ(human_number(999), "999");
  EXPECT_EQ(human_number(1000), "1,000");
  EXPECT_EQ(human_number(1204), "1,204");
  EXPECT_EQ(human_number(100000), "100,000");
  EXPECT_EQ(human_number(1234567), "1,234,567");
  EXPECT_EQ(human_number(std::numeric_limits<std::uint64_t>::max()), "18,446,744,073,709,551,615");
}

}  // namespace
}  // namespace bg::report
