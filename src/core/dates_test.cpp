#include "core/dates.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

TEST(IsCalendarDate, AcceptsRealDatesFrom1900To2100) {
  EXPECT_TRUE(IsCalendarDate("1996-04-02"));
  EXPECT_TRUE(IsCalendarDate("1900-01-01"));
  EXPECT_TRUE(IsCalendarDate("2100-12-31"));
  EXPECT_TRUE(IsCalendarDate("2024-02-29"));
}

TEST(IsCalendarDate, RejectsEverythingElse) {
  for (const char* s : {"", "2023-02-29", "1899-12-31", "2101-01-01", "2024-13-01", "2024-00-10",
                        "2024-01-32", "2024-1-01", "2024/01/01", "20240101", "2024-01-01T00:00:00Z",
                        " 2024-01-01", "２０２４-01-01", "abcd-ef-gh"}) {
    EXPECT_FALSE(IsCalendarDate(s)) << s;
  }
}

TEST(DaysBetween, CountsCalendarDaysAcrossMonthsAndLeapYears) {
  EXPECT_EQ(DaysBetween("2027-01-01", "2027-01-31"), 30);
  EXPECT_EQ(DaysBetween("2027-01-31", "2027-01-01"), -30);
  EXPECT_EQ(DaysBetween("2028-02-28", "2028-03-01"), 2);
  EXPECT_EQ(DaysBetween("2027-02-28", "2027-03-01"), 1);
  EXPECT_EQ(DaysBetween("2026-12-31", "2027-01-01"), 1);
  EXPECT_EQ(DaysBetween("2027-01-01", "2027-01-01"), 0);
  EXPECT_EQ(DaysBetween("2027-01-01", "nope"), std::nullopt);
}

TEST(AgeOn, CountsCompletedYears) {
  EXPECT_EQ(AgeOn("1996-04-02", "2026-04-01"), 29);
  EXPECT_EQ(AgeOn("1996-04-02", "2026-04-02"), 30);
  // A 29 February birthday is reached on 1 March in a common year.
  EXPECT_EQ(AgeOn("2008-02-29", "2025-02-28"), 16);
  EXPECT_EQ(AgeOn("2008-02-29", "2025-03-01"), 17);
  EXPECT_EQ(AgeOn("2008-02-29", "2028-02-29"), 20);
  EXPECT_EQ(AgeOn("bad", "2025-03-01"), std::nullopt);
}

}  // namespace
}  // namespace clerkship::core
