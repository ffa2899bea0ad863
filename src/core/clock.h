// Clock: where services get "now" from, so tests can move time.
// Implementations must be thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace clerkship::core {

using TimePoint = std::chrono::sys_seconds;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
};

// "2026-11-27T16:00:00Z".
std::string FormatIso8601(TimePoint t);

// Parses exactly "YYYY-MM-DDTHH:MM:SSZ"; nullopt for anything else.
std::optional<TimePoint> ParseIso8601(const std::string& text);

}  // namespace clerkship::core
