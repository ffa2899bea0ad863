// The scramble schedule after a match round (issue 9; docs/match.md): timed
// rounds in which unmatched applicants apply and programs make offers. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace clerkship::core {

struct ScrambleWindow {
  std::string starts_at, ends_at;  // UTC ISO 8601
};

// 1..20 windows, each starts_at < ends_at, in time order without overlap, and
// a limit of 1..100 applications. kInvalidArgument naming "rounds[i].starts_at",
// "rounds[i].ends_at" or "application_limit".
Status ValidateScrambleSchedule(const std::vector<ScrambleWindow>& rounds, int application_limit);

// Index of the window open at `now` (starts_at ≤ now < ends_at), if any.
std::optional<size_t> CurrentScrambleWindow(const std::vector<ScrambleWindow>& rounds, TimePoint now);
// Index of the first window that starts after `now`, if any.
std::optional<size_t> NextScrambleWindow(const std::vector<ScrambleWindow>& rounds, TimePoint now);

}  // namespace clerkship::core
