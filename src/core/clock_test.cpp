#include "core/clock.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

TEST(Clock, FormatsUtc) {
  using namespace std::chrono;
  TimePoint t = sys_days{year{2027} / January / 4} + hours{9} + minutes{5} + seconds{7};
  EXPECT_EQ(FormatIso8601(t), "2027-01-04T09:05:07Z");
}

TEST(Clock, ParsesWhatItFormats) {
  auto t = ParseIso8601("2027-01-04T09:05:07Z");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(FormatIso8601(*t), "2027-01-04T09:05:07Z");
  EXPECT_FALSE(ParseIso8601("2027-02-30T00:00:00Z").has_value());
  EXPECT_FALSE(ParseIso8601("2027-01-04 09:05:07").has_value());
  EXPECT_FALSE(ParseIso8601("").has_value());
}

}  // namespace
}  // namespace clerkship::core
