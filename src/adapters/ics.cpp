#include "adapters/ics.h"

#include <libical/ical.h>

#include <cstdlib>
#include <mutex>
#include <set>

#include "adapters/zones.h"

namespace clerkship::adapters {
namespace {

std::mutex& ZoneMutex() {
  static std::mutex mu;
  return mu;
}

// The zone's VTIMEZONE from libical's table (system zoneinfo on Debian), with
// the plain IANA name as TZID; nullptr when libical does not know it.
icalcomponent* VTimezone(const std::string& zone) {
  std::lock_guard lock(ZoneMutex());
  icaltimezone* tz = icaltimezone_get_builtin_timezone(zone.c_str());
  if (!tz) return nullptr;
  icalcomponent* c = icaltimezone_get_component(tz);
  if (!c) return nullptr;
  icalcomponent* copy = icalcomponent_new_clone(c);
  icalproperty* id = icalcomponent_get_first_property(copy, ICAL_TZID_PROPERTY);
  if (id) icalproperty_set_tzid(id, zone.c_str());
  return copy;
}

icaltimetype Utc(core::TimePoint t) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(t.time_since_epoch().count()), 0,
                                       icaltimezone_get_utc_timezone());
}

// Floating local time "YYYY-MM-DDTHH:MM" as an icaltimetype (TZID added by the caller).
icaltimetype Local(core::TimePoint t, const std::string& zone) {
  std::string s = LocalDateTime(t, zone);
  icaltimetype v = icaltime_null_time();
  v.year = std::atoi(s.substr(0, 4).c_str());
  v.month = std::atoi(s.substr(5, 2).c_str());
  v.day = std::atoi(s.substr(8, 2).c_str());
  v.hour = std::atoi(s.substr(11, 2).c_str());
  v.minute = std::atoi(s.substr(14, 2).c_str());
  v.second = 0;
  v.is_date = 0;
  return v;
}

icaltimetype Day(const std::string& s, int plus_days) {
  icaltimetype v = icaltime_null_date();
  v.year = std::atoi(s.substr(0, 4).c_str());
  v.month = std::atoi(s.substr(5, 2).c_str());
  v.day = std::atoi(s.substr(8, 2).c_str());
  v.is_date = 1;
  icaltime_adjust(&v, plus_days, 0, 0, 0);
  return v;
}

icalproperty* Timed(icalproperty* p, const std::string& tzid) {
  if (!tzid.empty()) icalproperty_add_parameter(p, icalparameter_new_tzid(tzid.c_str()));
  return p;
}

icalproperty_method Method(const std::string& m) {
  if (m == "REQUEST") return ICAL_METHOD_REQUEST;
  if (m == "CANCEL") return ICAL_METHOD_CANCEL;
  return ICAL_METHOD_PUBLISH;
}

}  // namespace

std::string RenderCalendar(const std::string& method, const std::vector<CalendarEvent>& events,
                           core::TimePoint stamp, const std::string& name) {
  icalcomponent* cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal, icalproperty_new_prodid("-//Clerkship//Interviews//EN"));
  icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal, icalproperty_new_method(Method(method)));
  if (!name.empty()) {
    icalproperty* x = icalproperty_new_x(name.c_str());
    icalproperty_set_x_name(x, "X-WR-CALNAME");
    icalcomponent_add_property(cal, x);
  }
  std::set<std::string> zones_added, zones_known;
  for (const auto& e : events) {
    if (!e.first_day.empty() || e.zone.empty() || zones_added.count(e.zone)) continue;
    zones_added.insert(e.zone);
    if (icalcomponent* tz = VTimezone(e.zone)) {
      icalcomponent_add_component(cal, tz);
      zones_known.insert(e.zone);
    }
  }
  for (const auto& e : events) {
    icalcomponent* ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_property(ev, icalproperty_new_uid(e.uid.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_sequence(e.sequence));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(Utc(stamp)));
    if (!e.first_day.empty()) {
      icalcomponent_add_property(ev, icalproperty_new_dtstart(Day(e.first_day, 0)));
      icalcomponent_add_property(ev, icalproperty_new_dtend(Day(e.last_day.empty() ? e.first_day : e.last_day, 1)));
    } else if (zones_known.count(e.zone)) {
      auto end = e.start + std::chrono::minutes(e.minutes);
      icalcomponent_add_property(ev, Timed(icalproperty_new_dtstart(Local(e.start, e.zone)), e.zone));
      icalcomponent_add_property(ev, Timed(icalproperty_new_dtend(Local(end, e.zone)), e.zone));
    } else {
      icalcomponent_add_property(ev, icalproperty_new_dtstart(Utc(e.start)));
      icalcomponent_add_property(ev, icalproperty_new_dtend(Utc(e.start + std::chrono::minutes(e.minutes))));
    }
    icalcomponent_add_property(ev, icalproperty_new_summary(e.summary.c_str()));
    if (!e.location.empty()) icalcomponent_add_property(ev, icalproperty_new_location(e.location.c_str()));
    if (!e.description.empty()) icalcomponent_add_property(ev, icalproperty_new_description(e.description.c_str()));
    if (!e.organizer_email.empty()) {
      icalproperty* organizer = icalproperty_new_organizer(("mailto:" + e.organizer_email).c_str());
      if (!e.organizer_name.empty()) icalproperty_add_parameter(organizer, icalparameter_new_cn(e.organizer_name.c_str()));
      icalcomponent_add_property(ev, organizer);
    }
    if (!e.attendee_email.empty()) {
      icalcomponent_add_property(ev, icalproperty_new_attendee(("mailto:" + e.attendee_email).c_str()));
    }
    for (const auto& a : e.attendees) {
      if (a.email.empty()) continue;
      icalproperty* attendee = icalproperty_new_attendee(("mailto:" + a.email).c_str());
      if (!a.name.empty()) icalproperty_add_parameter(attendee, icalparameter_new_cn(a.name.c_str()));
      icalproperty_add_parameter(attendee, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
      icalcomponent_add_property(ev, attendee);
    }
    icalcomponent_add_property(
        ev, icalproperty_new_status(e.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
    icalcomponent_add_component(cal, ev);
  }
  char* text = icalcomponent_as_ical_string_r(cal);
  std::string out = text ? text : "";
  std::free(text);
  icalcomponent_free(cal);
  return out;
}

}  // namespace clerkship::adapters
