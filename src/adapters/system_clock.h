// The real clock, and a settable one for tests. Both thread-safe.
#pragma once

#include <atomic>

#include "core/clock.h"

namespace clerkship::adapters {

class SystemClock final : public core::Clock {
 public:
  core::TimePoint Now() const override;
};

class FakeClock final : public core::Clock {
 public:
  explicit FakeClock(core::TimePoint t) : seconds_(t.time_since_epoch().count()) {}
  core::TimePoint Now() const override { return core::TimePoint(std::chrono::seconds(seconds_.load())); }
  void Advance(std::chrono::seconds d) { seconds_ += d.count(); }

 private:
  std::atomic<int64_t> seconds_;
};

// True when `name` is a zone in the system tz database (/usr/share/zoneinfo).
bool TimeZoneExists(const std::string& name);

}  // namespace clerkship::adapters
