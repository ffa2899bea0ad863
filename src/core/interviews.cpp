#include "core/interviews.h"

#include <chrono>
#include <cstdio>
#include <set>

#include "core/dates.h"
#include "core/text.h"

namespace clerkship::core {
namespace {

std::chrono::sys_days ToDays(const std::string& s) {
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)} /
                               std::chrono::day{static_cast<unsigned>(d)}};
}

std::string FormatDay(std::chrono::sys_days d) {
  std::chrono::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string FormatClock(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

}  // namespace

Result<SlotDetails> ValidateSlotDetails(SlotDetails d) {
  d.format = Trim(d.format);
  d.location = Trim(d.location);
  d.interviewers = Trim(d.interviewers);
  if (d.minutes < 5 || d.minutes > 480) return InvalidArgument("minutes", "length must be 5 to 480 minutes");
  if (d.format != "video" && d.format != "phone" && d.format != "in_person") {
    return InvalidArgument("format", "format must be video, phone or in_person");
  }
  if (d.format == "video") {
    if (d.location.rfind("https://", 0) != 0 && d.location.rfind("http://", 0) != 0) {
      return InvalidArgument("location", "a video interview needs its link (http:// or https://)");
    }
  }
  if (d.format == "in_person" && d.location.empty()) {
    return InvalidArgument("location", "an in-person interview needs the address");
  }
  if (d.location.size() > 500) return InvalidArgument("location", "location is at most 500 characters");
  if (d.location.find_first_of("\r\n") != std::string::npos && d.format == "video") {
    return InvalidArgument("location", "the link must be one line");
  }
  if (d.interviewers.size() > 300) return InvalidArgument("interviewers", "interviewers is at most 300 characters");
  if (d.capacity < 1 || d.capacity > 50) return InvalidArgument("capacity", "capacity must be 1 to 50");
  return d;
}

bool IsClockTime(const std::string& s) {
  if (s.size() != 5 || s[2] != ':') return false;
  for (int i : {0, 1, 3, 4}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return std::stoi(s.substr(0, 2)) <= 23 && std::stoi(s.substr(3, 2)) <= 59;
}

int ClockMinutes(const std::string& s) { return std::stoi(s.substr(0, 2)) * 60 + std::stoi(s.substr(3, 2)); }

Result<std::vector<LocalStart>> ExpandPattern(const SlotPattern& p) {
  if (!IsCalendarDate(p.from)) return InvalidArgument("from", "from must be a date YYYY-MM-DD");
  if (!IsCalendarDate(p.to)) return InvalidArgument("to", "to must be a date YYYY-MM-DD");
  auto span = DaysBetween(p.from, p.to);
  if (!span || *span < 0) return InvalidArgument("to", "to must not be before from");
  if (*span > 92) return InvalidArgument("to", "a pattern covers at most 92 days");
  if (p.weekdays.empty()) return InvalidArgument("weekdays", "choose at least one weekday");
  std::set<int> days;
  for (int w : p.weekdays) {
    if (w < 0 || w > 6) return InvalidArgument("weekdays", "weekdays are 0 (Sunday) to 6 (Saturday)");
    days.insert(w);
  }
  if (!IsClockTime(p.window_start)) return InvalidArgument("window_start", "window_start must be HH:MM");
  if (!IsClockTime(p.window_end)) return InvalidArgument("window_end", "window_end must be HH:MM");
  int begin = ClockMinutes(p.window_start), end = ClockMinutes(p.window_end);
  if (p.minutes < 5 || p.minutes > 480) return InvalidArgument("minutes", "length must be 5 to 480 minutes");
  if (end - begin < p.minutes) return InvalidArgument("window_end", "the window is shorter than one slot");
  int per_day = (end - begin) / p.minutes;
  std::vector<LocalStart> out;
  for (auto d = ToDays(p.from); d <= ToDays(p.to); d += std::chrono::days{1}) {
    int wd = static_cast<int>(std::chrono::weekday{d}.c_encoding());
    if (!days.count(wd)) continue;
    if (static_cast<int>(out.size()) + per_day > kMaxSlotsPerPattern) {
      return InvalidArgument("count", "a pattern makes at most " + std::to_string(kMaxSlotsPerPattern) +
                                          " slots; shorten the dates or the window");
    }
    for (int i = 0; i < per_day; ++i) out.push_back({FormatDay(d), FormatClock(begin + i * p.minutes)});
  }
  if (out.empty()) return InvalidArgument("weekdays", "none of the chosen weekdays falls between from and to");
  return out;
}

}  // namespace clerkship::core
