#include "adapters/system_clock.h"

#include <filesystem>

#include "core/institution.h"

namespace clerkship::adapters {

core::TimePoint SystemClock::Now() const {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

bool TimeZoneExists(const std::string& name) {
  if (!core::LooksLikeTimeZone(name)) return false;
  std::error_code ec;
  auto path = std::filesystem::path("/usr/share/zoneinfo") / name;
  return std::filesystem::is_regular_file(path, ec);
}

}  // namespace clerkship::adapters
