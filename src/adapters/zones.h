// Calendar dates in a named time zone (system tzdata via howardhinnant tz).
// Thread-safe.
#pragma once

#include <string>

#include "core/clock.h"

namespace clerkship::adapters {

// "YYYY-MM-DD" of the instant `t` as seen in `zone` ("America/Chicago").
// An unknown or empty zone is read as UTC.
std::string LocalDate(core::TimePoint t, const std::string& zone);

}  // namespace clerkship::adapters
