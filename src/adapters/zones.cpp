#include "adapters/zones.h"

#include <date/date.h>
#include <date/tz.h>

namespace clerkship::adapters {
namespace {

const date::time_zone* Find(const std::string& zone) {
  if (zone.empty()) return nullptr;
  try {
    return date::locate_zone(zone);
  } catch (const std::exception&) {
    return nullptr;
  }
}

date::local_seconds ToLocal(core::TimePoint t, const std::string& zone) {
  const date::time_zone* tz = Find(zone);
  return tz ? tz->to_local(t) : date::local_seconds{t.time_since_epoch()};
}

}  // namespace

std::string LocalDate(core::TimePoint t, const std::string& zone) {
  return date::format("%F", date::floor<date::days>(ToLocal(t, zone)));
}

std::string LocalDateTime(core::TimePoint t, const std::string& zone) {
  return date::format("%FT%H:%M", date::floor<std::chrono::minutes>(ToLocal(t, zone)));
}

core::Result<core::TimePoint> ZonedToUtc(const std::string& day, const std::string& time, const std::string& zone) {
  const date::time_zone* tz = Find(zone);
  if (!tz) return core::InvalidArgument("time_zone", "unknown time zone " + zone);
  if (day.size() != 10 || time.size() != 5) return core::InvalidArgument("time", "date YYYY-MM-DD and time HH:MM");
  int y = std::stoi(day.substr(0, 4)), m = std::stoi(day.substr(5, 2)), d = std::stoi(day.substr(8, 2));
  int hh = std::stoi(time.substr(0, 2)), mm = std::stoi(time.substr(3, 2));
  date::local_days ld{date::year{y} / static_cast<unsigned>(m) / static_cast<unsigned>(d)};
  auto local = date::local_seconds{ld} + std::chrono::hours{hh} + std::chrono::minutes{mm};
  auto info = tz->get_info(local);
  if (info.result == date::local_info::nonexistent) {
    return core::InvalidArgument("time", day + " " + time + " does not exist in " + zone + " (clocks go forward)");
  }
  return std::chrono::time_point_cast<std::chrono::seconds>(tz->to_sys(local, date::choose::earliest));
}

std::string LocalDateTimeWithZone(core::TimePoint t, const std::string& zone) {
  const date::time_zone* tz = Find(zone);
  if (!tz) return date::format("%F %H:%M UTC", t);
  return date::format("%F %H:%M %Z", date::make_zoned(tz, t));
}

}  // namespace clerkship::adapters
