#include "core/interviews.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

TEST(SlotDetails, VideoNeedsALinkAndInPersonAnAddress) {
  SlotDetails d{30, "video", "  https://meet.example.org/abc ", " Dr. Okafor ", 2};
  auto ok = ValidateSlotDetails(d);
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->location, "https://meet.example.org/abc");
  EXPECT_EQ(ok->interviewers, "Dr. Okafor");
  d.location = "meet me";
  EXPECT_EQ(ValidateSlotDetails(d).error().field, "location");
  EXPECT_EQ(ValidateSlotDetails({30, "in_person", "", "", 1}).error().field, "location");
  EXPECT_TRUE(ValidateSlotDetails({30, "phone", "", "", 1}).has_value());
  EXPECT_EQ(ValidateSlotDetails({30, "fax", "", "", 1}).error().field, "format");
  EXPECT_EQ(ValidateSlotDetails({4, "phone", "", "", 1}).error().field, "minutes");
  EXPECT_EQ(ValidateSlotDetails({30, "phone", "", "", 0}).error().field, "capacity");
  EXPECT_EQ(ValidateSlotDetails({30, "phone", "", "", 51}).error().field, "capacity");
}

TEST(SlotPattern, WeekdayMorningsInHalfHoursForTwoWeeks) {
  // 2027-01-04 is a Monday; two weeks of weekdays, 09:00–12:00 in 30 minutes.
  auto slots = ExpandPattern({"2027-01-04", "2027-01-17", {1, 2, 3, 4, 5}, "09:00", "12:00", 30});
  ASSERT_TRUE(slots.has_value()) << slots.error().message;
  ASSERT_EQ(slots->size(), 10u * 6u);
  EXPECT_EQ(slots->front().date, "2027-01-04");
  EXPECT_EQ(slots->front().time, "09:00");
  EXPECT_EQ((*slots)[5].time, "11:30");
  EXPECT_EQ(slots->back().date, "2027-01-15");  // Friday; the weekend is skipped
}

TEST(SlotPattern, WindowMustHoldOneSlotAndTheCountIsCapped) {
  EXPECT_EQ(ExpandPattern({"2027-01-04", "2027-01-04", {1}, "09:00", "09:20", 30}).error().field, "window_end");
  EXPECT_EQ(ExpandPattern({"2027-01-04", "2027-03-31", {0, 1, 2, 3, 4, 5, 6}, "08:00", "18:00", 15}).error().field,
            "count");
  EXPECT_EQ(ExpandPattern({"2027-01-05", "2027-01-04", {1}, "09:00", "12:00", 30}).error().field, "to");
  EXPECT_EQ(ExpandPattern({"2027-01-04", "2027-01-04", {}, "09:00", "12:00", 30}).error().field, "weekdays");
  EXPECT_EQ(ExpandPattern({"2027-01-04", "2027-01-04", {7}, "09:00", "12:00", 30}).error().field, "weekdays");
  EXPECT_EQ(ExpandPattern({"2027-01-04", "2027-01-04", {0}, "09:00", "12:00", 30}).error().field, "weekdays");
  EXPECT_EQ(ExpandPattern({"2027-01-04", "2027-01-04", {1}, "9:00", "12:00", 30}).error().field, "window_start");
  EXPECT_EQ(ExpandPattern({"2027-02-30", "2027-03-01", {1}, "09:00", "12:00", 30}).error().field, "from");
}

TEST(ClockTime, AcceptsOnlyHoursAndMinutes) {
  EXPECT_TRUE(IsClockTime("00:00"));
  EXPECT_TRUE(IsClockTime("23:59"));
  EXPECT_FALSE(IsClockTime("24:00"));
  EXPECT_FALSE(IsClockTime("12:60"));
  EXPECT_FALSE(IsClockTime("1200"));
  EXPECT_EQ(ClockMinutes("09:30"), 570);
}

}  // namespace
}  // namespace clerkship::core
