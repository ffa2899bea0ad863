// iCalendar (RFC 5545 / iTIP RFC 5546) documents for interviews and
// rotations, generated with libical. No I/O; thread-safe (libical's builtin
// time-zone table is loaded under a mutex).
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"

namespace clerkship::adapters {

// Another participant of an event (an interviewer): ATTENDEE;CN=name:mailto:email.
struct CalendarAttendee {
  std::string name, email;
};

struct CalendarEvent {
  std::string uid;       // stable across reschedules: "<booking id>@<host>"
  int sequence = 0;      // grows with every change of the same uid
  // A timed event: start instant, length and the zone its DTSTART/DTEND are
  // written in (TZID + VTIMEZONE). Unknown or empty zone: UTC ("…Z").
  core::TimePoint start{};
  int minutes = 0;
  std::string zone;
  // An all-day event instead (a rotation): first and last day "YYYY-MM-DD".
  std::string first_day, last_day;
  std::string summary, location, description;
  std::string organizer_name;                    // CN of the ORGANIZER
  std::string organizer_email, attendee_email;  // optional
  // More attendees after attendee_email (interviewers with an e-mail); for
  // REQUEST/CANCEL only: a PUBLISH feed carries no ATTENDEE.
  std::vector<CalendarAttendee> attendees;
  bool cancelled = false;                        // STATUS:CANCELLED
};

// A VCALENDAR with METHOD `method` ("REQUEST", "CANCEL" or "PUBLISH" for a
// feed), one VTIMEZONE per zone used and one VEVENT per event. `stamp` is
// DTSTAMP. Lines are CRLF-terminated and folded as RFC 5545 wants.
std::string RenderCalendar(const std::string& method, const std::vector<CalendarEvent>& events,
                           core::TimePoint stamp, const std::string& name = "");

}  // namespace clerkship::adapters
