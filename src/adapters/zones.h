// Calendar dates in a named time zone (system tzdata via howardhinnant tz).
// Thread-safe.
#pragma once

#include <string>

#include "core/clock.h"

namespace clerkship::adapters {

// "YYYY-MM-DD" of the instant `t` as seen in `zone` ("America/Chicago").
// An unknown or empty zone is read as UTC.
std::string LocalDate(core::TimePoint t, const std::string& zone);

// "YYYY-MM-DD HH:MM ABBR" (e.g. "2027-01-08 17:00 CST") of `t` in `zone`;
// an unknown or empty zone is read as UTC.
std::string LocalDateTime(core::TimePoint t, const std::string& zone);

}  // namespace clerkship::adapters
