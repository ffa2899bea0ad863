#include "core/scramble.h"

namespace clerkship::core {

Status ValidateScrambleSchedule(const std::vector<ScrambleWindow>& rounds, int application_limit) {
  if (application_limit < 1 || application_limit > 100) {
    return InvalidArgument("application_limit", "the application limit is 1 to 100 per applicant");
  }
  if (rounds.empty() || rounds.size() > 20) return InvalidArgument("rounds", "schedule 1 to 20 scramble rounds");
  std::optional<TimePoint> previous_end;
  for (size_t i = 0; i < rounds.size(); ++i) {
    std::string field = "rounds[" + std::to_string(i) + "]";
    auto start = ParseIso8601(rounds[i].starts_at);
    if (!start) return InvalidArgument(field + ".starts_at", "a UTC time like 2027-03-15T12:00:00Z");
    auto end = ParseIso8601(rounds[i].ends_at);
    if (!end) return InvalidArgument(field + ".ends_at", "a UTC time like 2027-03-15T17:00:00Z");
    if (*end <= *start) return InvalidArgument(field + ".ends_at", "a round ends after it starts");
    if (previous_end && *start < *previous_end) {
      return InvalidArgument(field + ".starts_at", "rounds are in time order and do not overlap");
    }
    previous_end = end;
  }
  return {};
}

std::optional<size_t> CurrentScrambleWindow(const std::vector<ScrambleWindow>& rounds, TimePoint now) {
  for (size_t i = 0; i < rounds.size(); ++i) {
    auto start = ParseIso8601(rounds[i].starts_at), end = ParseIso8601(rounds[i].ends_at);
    if (start && end && *start <= now && now < *end) return i;
  }
  return std::nullopt;
}

std::optional<size_t> NextScrambleWindow(const std::vector<ScrambleWindow>& rounds, TimePoint now) {
  for (size_t i = 0; i < rounds.size(); ++i) {
    auto start = ParseIso8601(rounds[i].starts_at);
    if (start && *start > now) return i;
  }
  return std::nullopt;
}

}  // namespace clerkship::core
