// Calendar dates written "YYYY-MM-DD" (no time, no zone: the caller has
// already turned "now" into a local date). Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace clerkship::core {

// True for a real calendar date written YYYY-MM-DD with a year in
// 1900–2100. Wider than IsIsoDate (catalog.h, 2000–2100) because birth
// dates, diplomas and old exam results predate 2000.
bool IsCalendarDate(std::string_view s);

// Days from `from` to `to` (negative when `to` is earlier); nullopt when
// either is not a calendar date.
std::optional<int> DaysBetween(std::string_view from, std::string_view to);

// Completed years of age on `on` for someone born on `birth` (a 29 February
// birthday is reached on 1 March in common years); nullopt for bad dates.
std::optional<int> AgeOn(std::string_view birth, std::string_view on);

}  // namespace clerkship::core
