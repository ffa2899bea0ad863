#include "adapters/zones.h"

#include <gtest/gtest.h>

namespace clerkship::adapters {
namespace {

core::TimePoint At(const char* iso) { return *core::ParseIso8601(iso); }

TEST(LocalDate, FollowsTheZone) {
  // 03:30 UTC on 2 Jan is still 1 Jan in Chicago (UTC-6) but 2 Jan in Berlin.
  EXPECT_EQ(LocalDate(At("2027-01-02T03:30:00Z"), "America/Chicago"), "2027-01-01");
  EXPECT_EQ(LocalDate(At("2027-01-02T03:30:00Z"), "Europe/Berlin"), "2027-01-02");
  EXPECT_EQ(LocalDate(At("2027-01-01T23:30:00Z"), "Asia/Kolkata"), "2027-01-02");
}

TEST(LocalDate, DaylightSavingIsApplied) {
  // 04:30 UTC on 1 July: 23:30 the day before in Chicago (CDT, UTC-5).
  EXPECT_EQ(LocalDate(At("2027-07-01T04:30:00Z"), "America/Chicago"), "2027-06-30");
  EXPECT_EQ(LocalDate(At("2027-07-01T05:30:00Z"), "America/Chicago"), "2027-07-01");
}

TEST(LocalDate, UnknownZoneIsUtc) {
  EXPECT_EQ(LocalDate(At("2027-01-02T03:30:00Z"), "Mars/Olympus"), "2027-01-02");
  EXPECT_EQ(LocalDate(At("2027-01-02T03:30:00Z"), ""), "2027-01-02");
}

TEST(LocalDateTime, NamesTheZonesAbbreviation) {
  EXPECT_EQ(LocalDateTime(At("2027-01-08T23:00:00Z"), "America/Chicago"), "2027-01-08 17:00 CST");
  EXPECT_EQ(LocalDateTime(At("2027-07-08T22:00:00Z"), "America/Chicago"), "2027-07-08 17:00 CDT");
  EXPECT_EQ(LocalDateTime(At("2027-01-08T23:00:00Z"), "Nowhere/Else"), "2027-01-08 23:00 UTC");
}

}  // namespace
}  // namespace clerkship::adapters
