// Interview slots (issue 7): validation of what a coordinator publishes and
// the expansion of a repeating pattern into local start times. Pure; the
// caller turns local times into UTC with the institution's zone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace clerkship::core {

// At most this many slots from one pattern (a bigger pattern is refused, not cut).
inline constexpr int kMaxSlotsPerPattern = 200;
// Cancelling or moving a booking closes this many hours before the start.
inline constexpr int kDefaultCutoffHours = 24;

// What every slot carries besides its start.
struct SlotDetails {
  int minutes = 30;           // 5..480
  std::string format;         // video | phone | in_person
  std::string location;       // video link, phone note, or address (required for video and in person)
  std::string interviewers;   // names, free text (may be empty)
  int capacity = 1;           // 1..50 applicants per slot
  // Staff accounts of the institution who interview (checked by the service
  // against the institution's staff). nullopt: not sent (an edit keeps them).
  std::optional<std::vector<std::string>> interviewer_ids;
};

// Trims and checks the details; the first bad field otherwise.
Result<SlotDetails> ValidateSlotDetails(SlotDetails d);

// A start in the institution's zone: "YYYY-MM-DD" and "HH:MM".
struct LocalStart {
  std::string date;
  std::string time;
};

// True for "HH:MM" with 00 ≤ HH ≤ 23 and 00 ≤ MM ≤ 59.
bool IsClockTime(const std::string& s);
// Minutes since midnight of a valid "HH:MM".
int ClockMinutes(const std::string& s);

// Every weekday listed (0 = Sunday … 6 = Saturday) from `from` to `to`
// (inclusive, at most 92 days), slots of `minutes` back to back from
// `window_start` while they end by `window_end`. Errors name the field
// (from, to, weekdays, window_start, window_end, count when more than
// kMaxSlotsPerPattern or none at all).
struct SlotPattern {
  std::string from, to;
  std::vector<int> weekdays;
  std::string window_start, window_end;
  int minutes = 30;
};
Result<std::vector<LocalStart>> ExpandPattern(const SlotPattern& p);

}  // namespace clerkship::core
