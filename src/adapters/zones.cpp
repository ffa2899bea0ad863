#include "adapters/zones.h"

#include <date/date.h>
#include <date/tz.h>

namespace clerkship::adapters {

std::string LocalDate(core::TimePoint t, const std::string& zone) {
  const date::time_zone* tz = nullptr;
  if (!zone.empty()) {
    try {
      tz = date::locate_zone(zone);
    } catch (const std::exception&) {
      tz = nullptr;
    }
  }
  auto local = tz ? tz->to_local(t) : date::local_seconds{t.time_since_epoch()};
  return date::format("%F", date::floor<date::days>(local));
}

std::string LocalDateTime(core::TimePoint t, const std::string& zone) {
  const date::time_zone* tz = nullptr;
  if (!zone.empty()) {
    try {
      tz = date::locate_zone(zone);
    } catch (const std::exception&) {
      tz = nullptr;
    }
  }
  if (!tz) return date::format("%F %H:%M UTC", t);
  return date::format("%F %H:%M %Z", date::make_zoned(tz, t));
}

}  // namespace clerkship::adapters
