// Calendar dates and wall-clock times in a named time zone (system tzdata via
// howardhinnant tz). Thread-safe.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/result.h"

namespace clerkship::adapters {

// "YYYY-MM-DD" of the instant `t` as seen in `zone` ("America/Chicago").
// An unknown or empty zone is read as UTC.
std::string LocalDate(core::TimePoint t, const std::string& zone);

// "YYYY-MM-DD HH:MM ABBR" (e.g. "2027-01-08 17:00 CST") of `t` in `zone`;
// an unknown or empty zone is read as UTC.
std::string LocalDateTimeWithZone(core::TimePoint t, const std::string& zone);

// "YYYY-MM-DDTHH:MM" of the instant `t` in `zone` (unknown or empty: UTC).
std::string LocalDateTime(core::TimePoint t, const std::string& zone);

// The instant a wall clock in `zone` shows `date` ("YYYY-MM-DD") `time`
// ("HH:MM"). An ambiguous time (clocks go back) is the earlier instant; a
// time that does not exist (clocks go forward) is kInvalidArgument "time";
// an unknown zone is kInvalidArgument "time_zone".
core::Result<core::TimePoint> ZonedToUtc(const std::string& date, const std::string& time, const std::string& zone);

}  // namespace clerkship::adapters
