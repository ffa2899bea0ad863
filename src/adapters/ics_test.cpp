#include "adapters/ics.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <memory>
#include <string>
#include <vector>

namespace clerkship::adapters {
namespace {

using Cal = std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)>;

Cal Parse(const std::string& text) { return Cal(icalparser_parse_string(text.c_str()), &icalcomponent_free); }

CalendarEvent Interview() {
  CalendarEvent e;
  e.uid = "b123@clerkship.example.org";
  e.sequence = 2;
  e.start = *core::ParseIso8601("2027-01-04T15:00:00Z");  // 09:00 in Chicago
  e.minutes = 30;
  e.zone = "America/Chicago";
  e.summary = "Interview: Cardiology elective";
  e.location = "https://meet.example.org/abc";
  e.description = "Video interview, with Dr. Okafor";
  e.organizer_name = "Lakeshore University Medical Center";
  e.organizer_email = "noreply@clerkship.example.org";
  e.attendee_email = "ana@example.org";
  return e;
}

TEST(Ics, InterviewersAreAttendeesWithTheirNames) {
  CalendarEvent e = Interview();
  e.attendees = {{"Dr. Rivera", "rivera@example.org"}, {"No Mail", ""}};
  std::string text = RenderCalendar("REQUEST", {e}, *core::ParseIso8601("2026-12-01T10:00:00Z"));
  Cal cal = Parse(text);
  ASSERT_TRUE(cal) << text;
  EXPECT_EQ(icalcomponent_check_restrictions(cal.get()), 1) << text;
  icalcomponent* ev = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT);
  std::vector<std::string> attendees;
  for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY); p;
       p = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY)) {
    attendees.push_back(icalproperty_get_attendee(p));
  }
  ASSERT_EQ(attendees.size(), 2u) << text;  // the applicant, then the interviewer with an e-mail
  EXPECT_EQ(attendees[0], "mailto:ana@example.org");
  EXPECT_EQ(attendees[1], "mailto:rivera@example.org");
  icalproperty* second = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY);
  second = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY);
  icalparameter* cn = icalproperty_get_first_parameter(second, ICAL_CN_PARAMETER);
  ASSERT_NE(cn, nullptr) << text;
  EXPECT_STREQ(icalparameter_get_cn(cn), "Dr. Rivera");
  EXPECT_STREQ(icalcomponent_get_uid(ev), "b123@clerkship.example.org");
}

TEST(Ics, RequestParsesBackWithTzidUidMethodAndSequence) {
  std::string text = RenderCalendar("REQUEST", {Interview()}, *core::ParseIso8601("2026-12-01T10:00:00Z"));
  Cal cal = Parse(text);
  ASSERT_TRUE(cal) << text;
  EXPECT_EQ(icalcomponent_check_restrictions(cal.get()), 1) << text;
  EXPECT_EQ(icalcomponent_get_method(cal.get()), ICAL_METHOD_REQUEST);
  icalcomponent* tz = icalcomponent_get_first_component(cal.get(), ICAL_VTIMEZONE_COMPONENT);
  ASSERT_NE(tz, nullptr);
  EXPECT_STREQ(icalproperty_get_tzid(icalcomponent_get_first_property(tz, ICAL_TZID_PROPERTY)), "America/Chicago");
  icalcomponent* ev = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT);
  ASSERT_NE(ev, nullptr);
  EXPECT_STREQ(icalcomponent_get_uid(ev), "b123@clerkship.example.org");
  EXPECT_EQ(icalproperty_get_sequence(icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY)), 2);
  icalproperty* start = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
  icalparameter* tzid = icalproperty_get_first_parameter(start, ICAL_TZID_PARAMETER);
  ASSERT_NE(tzid, nullptr);
  EXPECT_STREQ(icalparameter_get_tzid(tzid), "America/Chicago");
  icaltimetype t = icalproperty_get_dtstart(start);
  EXPECT_EQ(t.hour, 9);
  EXPECT_EQ(t.minute, 0);
  EXPECT_STREQ(icalcomponent_get_location(ev), "https://meet.example.org/abc");
  EXPECT_NE(text.find("\r\n"), std::string::npos);
  // The wall clock resolves through the VTIMEZONE to the right instant.
  icaltimezone* zone = icaltimezone_new();
  ASSERT_TRUE(icaltimezone_set_component(zone, icalcomponent_new_clone(tz)));
  t.zone = zone;
  EXPECT_EQ(icaltime_as_timet_with_zone(t, zone), 1799074800);  // 2027-01-04T15:00:00Z
  icaltimezone_free(zone, 1);
}

TEST(Ics, CancelKeepsTheUidAndMarksTheEventCancelled) {
  CalendarEvent e = Interview();
  e.sequence = 3;
  e.cancelled = true;
  Cal cal = Parse(RenderCalendar("CANCEL", {e}, *core::ParseIso8601("2026-12-01T10:00:00Z")));
  ASSERT_TRUE(cal);
  EXPECT_EQ(icalcomponent_check_restrictions(cal.get()), 1);
  EXPECT_EQ(icalcomponent_get_method(cal.get()), ICAL_METHOD_CANCEL);
  icalcomponent* ev = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT);
  EXPECT_STREQ(icalcomponent_get_uid(ev), "b123@clerkship.example.org");
  EXPECT_EQ(icalcomponent_get_status(ev), ICAL_STATUS_CANCELLED);
  EXPECT_EQ(icalproperty_get_sequence(icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY)), 3);
}

TEST(Ics, FeedHoldsAllDayRotationsAndOneVtimezonePerZone) {
  CalendarEvent rotation;
  rotation.uid = "p1@clerkship.example.org";
  rotation.first_day = "2027-03-01";
  rotation.last_day = "2027-03-28";
  rotation.summary = "Rotation: Cardiology elective";
  CalendarEvent second = Interview();
  second.uid = "b456@clerkship.example.org";
  Cal cal = Parse(RenderCalendar("PUBLISH", {Interview(), second, rotation}, *core::ParseIso8601("2026-12-01T10:00:00Z"),
                                 "Clerkship"));
  ASSERT_TRUE(cal);
  EXPECT_EQ(icalcomponent_count_components(cal.get(), ICAL_VTIMEZONE_COMPONENT), 1);
  EXPECT_EQ(icalcomponent_count_components(cal.get(), ICAL_VEVENT_COMPONENT), 3);
  icalcomponent* ev = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT);
  ev = icalcomponent_get_next_component(cal.get(), ICAL_VEVENT_COMPONENT);
  ev = icalcomponent_get_next_component(cal.get(), ICAL_VEVENT_COMPONENT);
  icaltimetype start = icalcomponent_get_dtstart(ev), end = icalcomponent_get_dtend(ev);
  EXPECT_EQ(start.is_date, 1);
  EXPECT_EQ(start.day, 1);
  EXPECT_EQ(end.month, 3);
  EXPECT_EQ(end.day, 29);  // DTEND of an all-day event is the day after
}

TEST(Ics, UnknownZoneFallsBackToUtc) {
  CalendarEvent e = Interview();
  e.zone = "Mars/Olympus";
  std::string text = RenderCalendar("REQUEST", {e}, *core::ParseIso8601("2026-12-01T10:00:00Z"));
  EXPECT_NE(text.find("DTSTART:20270104T150000Z"), std::string::npos) << text;
  EXPECT_EQ(text.find("VTIMEZONE"), std::string::npos);
}

}  // namespace
}  // namespace clerkship::adapters
