// Interviews (issue 7; docs/interviews.md): coordinators publish slots,
// invited applicants book, move or cancel one, each change e-mails an .ics
// invitation, a private calendar feed lists a user's interviews and
// rotations, and a job sends reminders a day before. One transaction per use
// case; thread-safe like Context.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/interviews.h"
#include "core/result.h"
#include "services/context.h"
#include "services/interviews_more.h"
#include "store/interviews.h"

namespace clerkship::services {

// One slot ("date" + "time" in the institution's zone) or a pattern.
struct PublishSlots {
  std::string date, time;                  // single slot
  std::optional<core::SlotPattern> pattern;  // or many (pattern.minutes = details.minutes)
  core::SlotDetails details;
};
// Coordinator of the offering's institution. Returns the slots made (all or
// none). Errors: kNotFound offering; kInvalidArgument naming the field (a
// start in the past, a local time that does not exist in the zone, …).
core::Result<std::vector<store::SlotRow>> PublishInterviewSlots(Context& ctx, const Actor& actor,
                                                                 const std::string& institution_id,
                                                                 const std::string& offering_id,
                                                                 const PublishSlots& request);

struct SlotBooking {
  std::string booking_id, application_id, applicant_name;
};
struct SlotWithBookings {
  store::SlotRow slot;
  std::vector<SlotBooking> bookings;
};
struct InvitedApplicant {
  std::string application_id, applicant_name;
  std::string turn_opens_at;  // randomized mode ("" otherwise)
  int ranked = 0;             // preferences mode: slots ranked
};
struct OfferingInterviews {
  std::string time_zone;  // the institution's
  std::vector<SlotWithBookings> slots;
  std::vector<InvitedApplicant> not_booked;  // status interview, no live booking
  store::ReleaseRow release;                 // fair release settings (version 0: first come, nothing saved)
};
// Staff of the institution: the offering's slots with who booked them.
core::Result<OfferingInterviews> ListInterviewSlots(Context& ctx, const Actor& actor,
                                                    const std::string& institution_id,
                                                    const std::string& offering_id);

// Coordinator: changes a slot nobody has booked (kConflict otherwise).
core::Result<store::SlotRow> UpdateInterviewSlot(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                 const std::string& slot_id, const std::string& date,
                                                 const std::string& time, const core::SlotDetails& details);
core::Status DeleteInterviewSlot(Context& ctx, const Actor& actor, const std::string& institution_id,
                                 const std::string& slot_id);

struct ApplicantInterview {
  std::string application_id, status, offering_title, institution_name, time_zone;
  bool invited = false;                     // status is interview
  std::vector<store::SlotRow> slots;        // future slots of the offering (full ones too)
  std::optional<store::BookingRow> booking;  // live booking
  std::optional<store::SlotRow> booked_slot;
  std::string change_until;                 // UTC: last moment to move or cancel ("" without booking)
  ApplicantRelease release;                 // fair release: the caller's turn or preferences
};
// The caller's own application (kNotFound otherwise).
core::Result<ApplicantInterview> GetApplicantInterview(Context& ctx, const Actor& actor,
                                                       const std::string& application_id);
// Books `slot_id`. kForbidden without an invitation; kNotFound slot of
// another offering; kConflict (field slot_id) for a full or past slot or a
// second booking. Nothing changes on error.
core::Result<ApplicantInterview> BookInterview(Context& ctx, const Actor& actor, const std::string& application_id,
                                               const std::string& slot_id);
// Moves the live booking to `slot_id` (same uid, SEQUENCE + 1). kConflict
// after the cutoff (24 h before the booked start) or when the new slot is full/past.
core::Result<ApplicantInterview> RescheduleInterview(Context& ctx, const Actor& actor,
                                                     const std::string& application_id, const std::string& slot_id);
// Cancels the live booking up to the cutoff; e-mails METHOD:CANCEL.
core::Result<ApplicantInterview> CancelInterview(Context& ctx, const Actor& actor, const std::string& application_id);
// The .ics of the caller's live booking (METHOD:REQUEST); kNotFound without one.
core::Result<std::string> InterviewIcs(Context& ctx, const Actor& actor, const std::string& application_id);

// Calendar feed: a new secret token for the caller (the old one stops
// working); returns the feed path "/api/calendar/<token>.ics".
core::Result<std::string> RegenerateCalendarFeed(Context& ctx, const Actor& actor);
// Whether the caller has a feed (the token itself is shown only once).
core::Result<bool> HasCalendarFeed(Context& ctx, const Actor& actor);
// The feed of the token's user: applicants their interviews and placements,
// staff their institutions' booked interviews. kNotFound for an unknown token.
core::Result<std::string> CalendarFeed(Context& ctx, const std::string& token);

// ---- interviewers as accounts (decision 014 addendum)

// The slot's interviewers for people: account names, then the free text.
std::string InterviewerNames(const store::SlotRow& s);

struct ConductedInterview {
  store::BookingRow booking;
  store::SlotRow slot;  // with interviewer_accounts
  std::string offering_title, institution_name, applicant_name;
  std::string scorecard_status;  // the caller's card: "" none, draft, submitted
  bool ended = false;            // the interview is over (listed while not scored)
};
// "My interviews": booked interviews where the caller is a named interviewer,
// at institutions where they are still staff, soonest first — the upcoming
// ones, plus those that ended in the last 14 days while the caller's
// scorecard is not submitted. kForbidden for accounts with no staff role.
core::Result<std::vector<ConductedInterview>> MyInterviews(Context& ctx, const Actor& actor);

// Queues one reminder per booking starting within the next 24 hours (key in
// reminders_sent, so repeated runs and several processes send it once).
core::Result<int> SendInterviewReminders(Context& ctx);

// Inside a use case's transaction: queues the e-mail of a booking change
// ("booked", "rescheduled", "cancelled", "reminder"; .ics attached except for
// reminders). Used by the batch assignment of fair release.
void QueueBookingEmail(store::Tx& tx, Context& ctx, const std::string& kind, const store::BookingRow& b,
                       const store::SlotRow& s);

}  // namespace clerkship::services
