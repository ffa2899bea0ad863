#include "core/scramble.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

TimePoint At(const std::string& s) { return *ParseIso8601(s); }

const std::vector<ScrambleWindow> kTwo = {{"2027-03-15T12:00:00Z", "2027-03-15T15:00:00Z"},
                                          {"2027-03-16T12:00:00Z", "2027-03-16T15:00:00Z"}};

TEST(ScrambleSchedule, AcceptsOrderedWindows) { EXPECT_TRUE(ValidateScrambleSchedule(kTwo, 10)); }

TEST(ScrambleSchedule, NamesTheBadField) {
  auto overlap = ValidateScrambleSchedule({kTwo[0], {"2027-03-15T14:00:00Z", "2027-03-15T18:00:00Z"}}, 10);
  ASSERT_FALSE(overlap);
  EXPECT_EQ(overlap.error().field, "rounds[1].starts_at");
  auto backwards = ValidateScrambleSchedule({{"2027-03-15T12:00:00Z", "2027-03-15T12:00:00Z"}}, 10);
  ASSERT_FALSE(backwards);
  EXPECT_EQ(backwards.error().field, "rounds[0].ends_at");
  auto garbage = ValidateScrambleSchedule({{"tomorrow", "2027-03-15T12:00:00Z"}}, 10);
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().field, "rounds[0].starts_at");
  auto limit = ValidateScrambleSchedule(kTwo, 0);
  ASSERT_FALSE(limit);
  EXPECT_EQ(limit.error().field, "application_limit");
  EXPECT_FALSE(ValidateScrambleSchedule({}, 10));
}

TEST(ScrambleSchedule, CurrentAndNextWindow) {
  EXPECT_EQ(CurrentScrambleWindow(kTwo, At("2027-03-15T11:59:59Z")), std::nullopt);
  EXPECT_EQ(NextScrambleWindow(kTwo, At("2027-03-15T11:59:59Z")), 0u);
  EXPECT_EQ(CurrentScrambleWindow(kTwo, At("2027-03-15T12:00:00Z")), 0u);
  EXPECT_EQ(CurrentScrambleWindow(kTwo, At("2027-03-15T15:00:00Z")), std::nullopt);  // the end is exclusive
  EXPECT_EQ(NextScrambleWindow(kTwo, At("2027-03-15T15:00:00Z")), 1u);
  EXPECT_EQ(CurrentScrambleWindow(kTwo, At("2027-03-16T14:00:00Z")), 1u);
  EXPECT_EQ(NextScrambleWindow(kTwo, At("2027-03-17T00:00:00Z")), std::nullopt);
}

}  // namespace
}  // namespace clerkship::core
