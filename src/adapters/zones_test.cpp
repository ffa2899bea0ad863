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
  EXPECT_EQ(LocalDateTimeWithZone(At("2027-01-08T23:00:00Z"), "America/Chicago"), "2027-01-08 17:00 CST");
  EXPECT_EQ(LocalDateTimeWithZone(At("2027-07-08T22:00:00Z"), "America/Chicago"), "2027-07-08 17:00 CDT");
  EXPECT_EQ(LocalDateTimeWithZone(At("2027-01-08T23:00:00Z"), "Nowhere/Else"), "2027-01-08 23:00 UTC");
}

TEST(ZonedToUtc, WallClockInTheZoneToUtcAcrossDaylightSaving) {
  EXPECT_EQ(core::FormatIso8601(*ZonedToUtc("2027-01-04", "09:00", "America/Chicago")), "2027-01-04T15:00:00Z");
  EXPECT_EQ(core::FormatIso8601(*ZonedToUtc("2027-07-05", "09:00", "America/Chicago")), "2027-07-05T14:00:00Z");
  EXPECT_EQ(LocalDateTime(*ZonedToUtc("2027-07-05", "09:00", "America/Chicago"), "Europe/Berlin"), "2027-07-05T16:00");
  // 02:30 on 14 March 2027 does not exist in Chicago; 01:30 on 7 November exists twice (the earlier is taken).
  EXPECT_EQ(ZonedToUtc("2027-03-14", "02:30", "America/Chicago").error().field, "time");
  EXPECT_EQ(core::FormatIso8601(*ZonedToUtc("2027-11-07", "01:30", "America/Chicago")), "2027-11-07T06:30:00Z");
  EXPECT_EQ(ZonedToUtc("2027-01-04", "09:00", "Mars/Olympus").error().field, "time_zone");
}

}  // namespace
}  // namespace clerkship::adapters
