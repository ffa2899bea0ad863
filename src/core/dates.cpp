#include "core/dates.h"

#include <chrono>
#include <utility>

namespace clerkship::core {
namespace {

std::optional<std::chrono::year_month_day> Parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (s[i] - '0');
    }
  }
  if (parts[0] < 1900 || parts[0] > 2100) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{parts[0]},
                                  std::chrono::month{static_cast<unsigned>(parts[1])},
                                  std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

}  // namespace

bool IsCalendarDate(std::string_view s) { return Parse(s).has_value(); }

std::optional<int> DaysBetween(std::string_view from, std::string_view to) {
  auto a = Parse(from), b = Parse(to);
  if (!a || !b) return std::nullopt;
  return static_cast<int>((std::chrono::sys_days{*b} - std::chrono::sys_days{*a}).count());
}

std::optional<int> AgeOn(std::string_view birth, std::string_view on) {
  auto b = Parse(birth), o = Parse(on);
  if (!b || !o) return std::nullopt;
  int age = static_cast<int>(o->year()) - static_cast<int>(b->year());
  // Birthday not reached yet this year (month/day compare; 29 Feb → 1 Mar).
  if (std::pair{static_cast<unsigned>(o->month()), static_cast<unsigned>(o->day())} <
      std::pair{static_cast<unsigned>(b->month()), static_cast<unsigned>(b->day())}) {
    --age;
  }
  return age;
}

}  // namespace clerkship::core
