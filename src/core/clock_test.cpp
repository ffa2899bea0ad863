#include "core/clock.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

TEST(Clock, FormatsUtc) {
  using namespace std::chrono;
  TimePoint t = sys_days{year{2027} / January / 4} + hours{9} + minutes{5} + seconds{7};
  EXPECT_EQ(FormatIso8601(t), "2027-01-04T09:05:07Z");
}

}  // namespace
}  // namespace clerkship::core
