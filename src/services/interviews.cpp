#include "services/interviews.h"

#include <chrono>
#include <set>

#include "adapters/crypto.h"
#include "adapters/ics.h"
#include "adapters/random.h"
#include "adapters/zones.h"
#include "services/internal.h"
#include "store/accounts.h"
#include "store/catalog.h"
#include "store/institutions.h"
#include "store/interviews_more.h"
#include "store/placements.h"
#include "store/vault.h"

namespace clerkship::services {
namespace {

std::string Now(Context& ctx) { return core::FormatIso8601(ctx.clock.Now()); }

std::unexpected<core::Error> ConflictOn(const std::string& field, const std::string& message) {
  return std::unexpected(core::Error{core::ErrorCode::kConflict, message, field, {}});
}

// "clerkship.example.org" from "https://clerkship.example.org/…".
std::string Host(Context& ctx) {
  std::string h = ctx.public_url;
  auto scheme = h.find("://");
  if (scheme != std::string::npos) h = h.substr(scheme + 3);
  auto slash = h.find('/');
  if (slash != std::string::npos) h = h.substr(0, slash);
  auto colon = h.find(':');
  if (colon != std::string::npos) h = h.substr(0, colon);
  return h.empty() ? "clerkship" : h;
}

core::Result<store::OfferingRow> OfferingOf(store::Tx& tx, const std::string& institution_id,
                                            const std::string& offering_id) {
  auto o = store::FindOffering(tx, offering_id);
  if (!o || o->institution_id != institution_id) return core::NotFound("no such offering");
  return *o;
}

core::Result<store::SlotRow> SlotOf(store::Tx& tx, const std::string& institution_id, const std::string& slot_id) {
  auto s = store::FindSlot(tx, slot_id);
  if (!s || s->institution_id != institution_id) return core::NotFound("no such slot");
  return *s;
}

core::TimePoint StartOf(const store::SlotRow& s) { return *core::ParseIso8601(s.starts_at); }

// At most this many interviewer accounts per slot.
constexpr size_t kMaxInterviewerAccounts = 10;

// The ids must be staff accounts (any role) of the institution, each once.
// kInvalidArgument naming interviewer_ids[i] otherwise.
core::Status CheckInterviewers(store::Tx& tx, const std::string& institution_id,
                               const std::vector<std::string>& ids) {
  if (ids.size() > kMaxInterviewerAccounts) {
    return core::InvalidArgument("interviewer_ids", "at most " + std::to_string(kMaxInterviewerAccounts) +
                                                        " interviewers per slot");
  }
  std::set<std::string> staff, seen;
  for (const auto& m : store::ListStaff(tx, institution_id)) staff.insert(m.user_id);
  for (size_t i = 0; i < ids.size(); ++i) {
    std::string field = "interviewer_ids[" + std::to_string(i) + "]";
    if (!staff.contains(ids[i])) {
      return core::InvalidArgument(field, "not a staff account of this institution (coordinator, reviewer or preceptor)");
    }
    if (!seen.insert(ids[i]).second) return core::InvalidArgument(field, "this interviewer is listed twice");
  }
  return {};
}

void FillInterviewers(store::Tx& tx, store::SlotRow& s) { s.interviewer_accounts = store::InterviewersOfSlot(tx, s.id); }

// Fills the interviewer accounts of slots of one offering with one query.
void FillInterviewers(store::Tx& tx, const std::string& offering_id, std::vector<store::SlotRow*> slots) {
  auto all = store::InterviewersOfOffering(tx, offering_id);
  for (auto* s : slots) {
    s->interviewer_accounts.clear();
    for (const auto& i : all) {
      if (i.slot_id == s->id) s->interviewer_accounts.push_back(i);
    }
  }
}

// Builds a slot row from a local start; kInvalidArgument for a past start or
// a time that does not exist in the zone.
core::Result<store::SlotRow> MakeSlot(Context& ctx, const std::string& zone, const std::string& date,
                                      const std::string& time, const core::SlotDetails& d) {
  auto start = adapters::ZonedToUtc(date, time, zone);
  if (!start) return std::unexpected(start.error());
  if (*start <= ctx.clock.Now()) return core::InvalidArgument("date", date + " " + time + " is in the past");
  store::SlotRow s;
  s.id = adapters::NewId();
  s.starts_at = core::FormatIso8601(*start);
  s.local_date = date;
  s.local_time = time;
  s.time_zone = zone;
  s.minutes = d.minutes;
  s.format = d.format;
  s.location = d.location;
  s.interviewers = d.interviewers;
  s.capacity = d.capacity;
  s.created_at = s.updated_at = Now(ctx);
  return s;
}

std::string Where(const store::SlotRow& s) {
  if (s.format == "phone") return s.location.empty() ? "by phone" : "by phone (" + s.location + ")";
  return s.location;
}

std::string When(const store::SlotRow& s) {
  return s.local_date + " " + s.local_time + " (" + s.time_zone + "), " + std::to_string(s.minutes) + " minutes";
}

}  // namespace

std::string InterviewerNames(const store::SlotRow& s) {
  std::string out;
  for (const auto& i : s.interviewer_accounts) out += (out.empty() ? "" : ", ") + i.display_name;
  if (!s.interviewers.empty()) out += (out.empty() ? "" : ", ") + s.interviewers;
  return out;
}

namespace {

std::string ApplicationLink(Context& ctx, const std::string& id) {
  return ctx.public_url + "/applications/" + id + "/interview";
}

adapters::CalendarEvent EventOf(Context& ctx, const store::BookingRow& b, const store::SlotRow& s,
                                const std::string& title, const std::string& institution, const std::string& attendee) {
  adapters::CalendarEvent e;
  e.uid = b.id + "@" + Host(ctx);
  e.sequence = b.sequence;
  e.start = StartOf(s);
  e.minutes = s.minutes;
  e.zone = s.time_zone;
  e.summary = "Interview: " + title + " (" + institution + ")";
  e.location = Where(s);
  std::string format = s.format == "video" ? "Video interview" : s.format == "phone" ? "Phone interview"
                                                                                      : "In-person interview";
  std::string names = InterviewerNames(s);
  e.description = format + (names.empty() ? "" : " with " + names) + ". " + Where(s) +
                  "\nDetails: " + ApplicationLink(ctx, b.application_id);
  // iTIP wants an ORGANIZER: the institution, at the no-reply address of this server.
  e.organizer_name = institution;
  e.organizer_email = "noreply@" + Host(ctx);
  e.attendee_email = attendee;
  // Interviewers with an e-mail are attendees of the invitation (not of a PUBLISH feed).
  if (!attendee.empty()) {
    for (const auto& i : s.interviewer_accounts) e.attendees.push_back({i.display_name, i.email});
  }
  e.cancelled = b.status == "cancelled";
  return e;
}

// Queues the e-mail with the .ics for a booking change, in the caller's transaction.
void MailBooking(store::Tx& tx, Context& ctx, const std::string& kind, const store::BookingRow& b,
                 const store::SlotRow& slot) {
  store::SlotRow s = slot;
  FillInterviewers(tx, s);
  auto user = store::FindUserById(tx, b.applicant_id);
  auto offering = store::FindOffering(tx, b.offering_id);
  if (!user || !offering) return;
  EmailContent mail = InterviewMessage(kind, user->display_name, offering->title, offering->institution_name, When(s),
                                       Where(s), ApplicationLink(ctx, b.application_id));
  if (kind != "reminder") {
    std::string method = kind == "cancelled" ? "CANCEL" : "REQUEST";
    mail.attachment_name = "interview.ics";
    mail.attachment_type = "text/calendar; method=" + method;
    mail.attachment = adapters::RenderCalendar(
        method, {EventOf(ctx, b, s, offering->title, offering->institution_name, user->email)}, ctx.clock.Now());
  }
  SendEmail(tx, ctx, user->email, mail);
}

core::Result<store::ApplicationRow> OwnApplication(store::Tx& tx, const Actor& actor, const std::string& id) {
  auto a = store::FindApplication(tx, id);
  if (!a || a->applicant_id != actor.user_id) return core::NotFound("no such application");
  return *a;
}

core::Result<ApplicantInterview> Load(store::Tx& tx, Context& ctx, const store::ApplicationRow& a) {
  ApplicantInterview out;
  out.application_id = a.id;
  out.status = a.status;
  out.invited = a.status == "interview";
  auto offering = store::FindOffering(tx, a.offering_id);
  if (!offering) return core::NotFound("no such offering");
  out.offering_title = offering->title;
  out.institution_name = offering->institution_name;
  out.time_zone = offering->time_zone;
  out.booking = store::LiveBookingOf(tx, a.id);
  if (out.booking) {
    out.booked_slot = store::FindSlot(tx, out.booking->slot_id);
    if (out.booked_slot) {
      FillInterviewers(tx, *out.booked_slot);
      out.change_until =
          core::FormatIso8601(StartOf(*out.booked_slot) - std::chrono::hours(core::kDefaultCutoffHours));
    }
  }
  out.release = ApplicantReleaseOf(tx, ctx, a);
  if (out.invited || out.booking) {
    std::string now = Now(ctx);
    for (auto& s : store::SlotsOfOffering(tx, a.offering_id)) {
      if (s.starts_at > now) out.slots.push_back(std::move(s));
    }
    std::vector<store::SlotRow*> ptrs;
    for (auto& s : out.slots) ptrs.push_back(&s);
    FillInterviewers(tx, a.offering_id, ptrs);
  }
  return out;
}

// A slot of the application's offering that has not started.
core::Result<store::SlotRow> BookableSlot(store::Tx& tx, Context& ctx, const store::ApplicationRow& a,
                                          const std::string& slot_id) {
  auto s = store::FindSlot(tx, slot_id);
  if (!s || s->offering_id != a.offering_id) return core::NotFound("no such slot for this application");
  if (StartOf(*s) <= ctx.clock.Now()) return ConflictOn("slot_id", "this slot has already started; choose a later one");
  return *s;
}

core::Status BeforeCutoff(Context& ctx, const store::SlotRow& booked) {
  if (ctx.clock.Now() >= StartOf(booked) - std::chrono::hours(core::kDefaultCutoffHours)) {
    return ConflictOn("slot_id", "changes close " + std::to_string(core::kDefaultCutoffHours) +
                                     " hours before the interview; write to the program instead");
  }
  return {};
}

}  // namespace

core::Result<std::vector<store::SlotRow>> PublishInterviewSlots(Context& ctx, const Actor& actor,
                                                                 const std::string& institution_id,
                                                                 const std::string& offering_id,
                                                                 const PublishSlots& request) {
  auto details = core::ValidateSlotDetails(request.details);
  if (!details) return std::unexpected(details.error());
  std::vector<core::LocalStart> starts;
  if (request.pattern) {
    core::SlotPattern p = *request.pattern;
    p.minutes = details->minutes;
    auto expanded = core::ExpandPattern(p);
    if (!expanded) return std::unexpected(expanded.error());
    starts = std::move(*expanded);
  } else {
    if (request.date.size() != 10) return core::InvalidArgument("date", "date must be YYYY-MM-DD");
    if (!core::IsClockTime(request.time)) return core::InvalidArgument("time", "time must be HH:MM");
    starts.push_back({request.date, request.time});
  }
  return ctx.db.Run<std::vector<store::SlotRow>>([&](store::Tx& tx) -> core::Result<std::vector<store::SlotRow>> {
    auto offering = OfferingOf(tx, institution_id, offering_id);
    if (!offering) return std::unexpected(offering.error());
    const std::vector<std::string> no_ids;
    const auto& ids = details->interviewer_ids ? *details->interviewer_ids : no_ids;
    if (auto st = CheckInterviewers(tx, institution_id, ids); !st) return std::unexpected(st.error());
    std::vector<store::SlotRow> out;
    for (const auto& st : starts) {
      auto s = MakeSlot(ctx, offering->time_zone, st.date, st.time, *details);
      if (!s) return std::unexpected(s.error());
      s->institution_id = institution_id;
      s->offering_id = offering_id;
      s->created_by = actor.user_id;
      store::InsertSlot(tx, *s);
      store::SetSlotInterviewers(tx, s->id, institution_id, ids);
      FillInterviewers(tx, *s);
      out.push_back(std::move(*s));
    }
    Audit(tx, ctx, actor, "interview_slots.publish", "offering", offering_id, institution_id,
          std::to_string(out.size()) + " slot(s) from " + out.front().starts_at);
    return out;
  });
}

core::Result<OfferingInterviews> ListInterviewSlots(Context& ctx, const Actor&, const std::string& institution_id,
                                                    const std::string& offering_id) {
  return ctx.db.RunRead<OfferingInterviews>([&](store::Tx& tx) -> core::Result<OfferingInterviews> {
    auto offering = OfferingOf(tx, institution_id, offering_id);
    if (!offering) return std::unexpected(offering.error());
    OfferingInterviews out;
    out.time_zone = offering->time_zone;
    auto name_of = [&](const std::string& user_id) {
      auto u = store::FindUserById(tx, user_id);
      return u ? u->display_name : std::string();
    };
    auto bookings = store::LiveBookingsOfOffering(tx, offering_id);
    std::set<std::string> booked_apps;
    for (auto& s : store::SlotsOfOffering(tx, offering_id)) {
      SlotWithBookings v{std::move(s), {}};
      for (const auto& b : bookings) {
        if (b.slot_id == v.slot.id) v.bookings.push_back({b.id, b.application_id, name_of(b.applicant_id)});
      }
      out.slots.push_back(std::move(v));
    }
    std::vector<store::SlotRow*> ptrs;
    for (auto& v : out.slots) ptrs.push_back(&v.slot);
    FillInterviewers(tx, offering_id, ptrs);
    for (const auto& b : bookings) booked_apps.insert(b.application_id);
    auto waiting = WaitingInfoOf(tx, offering_id);
    for (const auto& a : store::ListOfferingApplications(tx, offering_id)) {
      if (a.status == "interview" && !booked_apps.count(a.id)) {
        const WaitingInfo& w = waiting[a.id];
        out.not_booked.push_back({a.id, name_of(a.applicant_id), w.turn_opens_at, w.ranked});
      }
    }
    if (auto r = store::FindRelease(tx, offering_id)) out.release = *r;
    return out;
  });
}

core::Result<store::SlotRow> UpdateInterviewSlot(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                 const std::string& slot_id, const std::string& date,
                                                 const std::string& time, const core::SlotDetails& details) {
  auto d = core::ValidateSlotDetails(details);
  if (!d) return std::unexpected(d.error());
  if (date.size() != 10) return core::InvalidArgument("date", "date must be YYYY-MM-DD");
  if (!core::IsClockTime(time)) return core::InvalidArgument("time", "time must be HH:MM");
  return ctx.db.Run<store::SlotRow>([&](store::Tx& tx) -> core::Result<store::SlotRow> {
    auto old = SlotOf(tx, institution_id, slot_id);
    if (!old) return std::unexpected(old.error());
    if (old->booked > 0) return ConflictOn("slot_id", "this slot has bookings; it can no longer be changed");
    auto zone = old->time_zone;
    if (auto inst = store::FindInstitution(tx, institution_id)) zone = inst->time_zone;
    auto s = MakeSlot(ctx, zone, date, time, *d);
    if (!s) return std::unexpected(s.error());
    s->id = old->id;
    s->institution_id = old->institution_id;
    s->offering_id = old->offering_id;
    s->created_by = old->created_by;
    s->created_at = old->created_at;
    s->version = old->version + 1;
    if (!store::UpdateUnbookedSlot(tx, *s)) {
      return ConflictOn("slot_id", "this slot has bookings; it can no longer be changed");
    }
    // Interviewer accounts change only when sent (older clients send free text only).
    if (d->interviewer_ids) {
      if (auto st = CheckInterviewers(tx, institution_id, *d->interviewer_ids); !st) return std::unexpected(st.error());
      store::SetSlotInterviewers(tx, s->id, institution_id, *d->interviewer_ids);
    }
    FillInterviewers(tx, *s);
    Audit(tx, ctx, actor, "interview_slot.update", "interview_slot", s->id, institution_id,
          old->starts_at + " -> " + s->starts_at);
    return *s;
  });
}

core::Status DeleteInterviewSlot(Context& ctx, const Actor& actor, const std::string& institution_id,
                                 const std::string& slot_id) {
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    auto old = SlotOf(tx, institution_id, slot_id);
    if (!old) return std::unexpected(old.error());
    if (!store::DeleteUnbookedSlot(tx, slot_id)) {
      return ConflictOn("slot_id", "this slot has (or had) bookings; it can no longer be deleted");
    }
    Audit(tx, ctx, actor, "interview_slot.delete", "interview_slot", slot_id, institution_id, old->starts_at);
    return {};
  });
}

core::Result<ApplicantInterview> GetApplicantInterview(Context& ctx, const Actor& actor,
                                                       const std::string& application_id) {
  return ctx.db.RunRead<ApplicantInterview>([&](store::Tx& tx) -> core::Result<ApplicantInterview> {
    auto a = OwnApplication(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    return Load(tx, ctx, *a);
  });
}

core::Result<ApplicantInterview> BookInterview(Context& ctx, const Actor& actor, const std::string& application_id,
                                               const std::string& slot_id) {
  return ctx.db.Run<ApplicantInterview>([&](store::Tx& tx) -> core::Result<ApplicantInterview> {
    auto a = OwnApplication(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    if (a->status != "interview") {
      return core::Forbidden("this application has no interview invitation (status " + a->status + ")");
    }
    auto s = BookableSlot(tx, ctx, *a, slot_id);
    if (!s) return std::unexpected(s.error());
    if (auto turn = CheckBookingTurn(tx, ctx, *a); !turn) return std::unexpected(turn.error());
    if (store::LiveBookingOf(tx, a->id)) {
      return ConflictOn("slot_id", "you already booked an interview for this application; reschedule it instead");
    }
    if (!store::TakeSlotPlace(tx, s->id)) return ConflictOn("slot_id", "this slot is full; choose another");
    store::BookingRow b;
    b.id = adapters::NewId();
    b.slot_id = s->id;
    b.application_id = a->id;
    b.applicant_id = a->applicant_id;
    b.institution_id = a->institution_id;
    b.offering_id = a->offering_id;
    b.status = "booked";
    b.sequence = 0;
    b.created_at = b.updated_at = Now(ctx);
    store::InsertBooking(tx, b);
    s->booked += 1;
    Audit(tx, ctx, actor, "interview.book", "interview_booking", b.id, a->institution_id, s->starts_at);
    MailBooking(tx, ctx, "booked", b, *s);
    return Load(tx, ctx, *a);
  });
}

core::Result<ApplicantInterview> RescheduleInterview(Context& ctx, const Actor& actor,
                                                     const std::string& application_id, const std::string& slot_id) {
  return ctx.db.Run<ApplicantInterview>([&](store::Tx& tx) -> core::Result<ApplicantInterview> {
    auto a = OwnApplication(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    auto b = store::LiveBookingOf(tx, a->id);
    if (!b) return ConflictOn("slot_id", "you have no interview booked to move; book one instead");
    auto old = store::FindSlot(tx, b->slot_id);
    if (!old) return core::NotFound("no such slot");
    if (auto st = BeforeCutoff(ctx, *old); !st) return std::unexpected(st.error());
    if (old->id == slot_id) return ConflictOn("slot_id", "you are already booked in this slot");
    auto s = BookableSlot(tx, ctx, *a, slot_id);
    if (!s) return std::unexpected(s.error());
    if (!store::TakeSlotPlace(tx, s->id)) return ConflictOn("slot_id", "this slot is full; choose another");
    store::ReleaseSlotPlace(tx, old->id);
    b->slot_id = s->id;
    b->sequence += 1;
    b->updated_at = Now(ctx);
    store::UpdateBooking(tx, *b);
    Audit(tx, ctx, actor, "interview.reschedule", "interview_booking", b->id, a->institution_id,
          old->starts_at + " -> " + s->starts_at);
    MailBooking(tx, ctx, "rescheduled", *b, *s);
    return Load(tx, ctx, *a);
  });
}

core::Result<ApplicantInterview> CancelInterview(Context& ctx, const Actor& actor, const std::string& application_id) {
  return ctx.db.Run<ApplicantInterview>([&](store::Tx& tx) -> core::Result<ApplicantInterview> {
    auto a = OwnApplication(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    auto b = store::LiveBookingOf(tx, a->id);
    if (!b) return ConflictOn("slot_id", "you have no interview booked");
    auto old = store::FindSlot(tx, b->slot_id);
    if (!old) return core::NotFound("no such slot");
    if (auto st = BeforeCutoff(ctx, *old); !st) return std::unexpected(st.error());
    store::ReleaseSlotPlace(tx, old->id);
    b->status = "cancelled";
    b->sequence += 1;
    b->updated_at = Now(ctx);
    store::UpdateBooking(tx, *b);
    Audit(tx, ctx, actor, "interview.cancel", "interview_booking", b->id, a->institution_id, old->starts_at);
    MailBooking(tx, ctx, "cancelled", *b, *old);
    return Load(tx, ctx, *a);
  });
}

core::Result<std::string> InterviewIcs(Context& ctx, const Actor& actor, const std::string& application_id) {
  return ctx.db.RunRead<std::string>([&](store::Tx& tx) -> core::Result<std::string> {
    auto a = OwnApplication(tx, actor, application_id);
    if (!a) return std::unexpected(a.error());
    auto b = store::LiveBookingOf(tx, a->id);
    if (!b) return core::NotFound("no interview booked");
    auto s = store::FindSlot(tx, b->slot_id);
    auto offering = store::FindOffering(tx, a->offering_id);
    auto user = store::FindUserById(tx, a->applicant_id);
    if (!s || !offering || !user) return core::NotFound("no interview booked");
    FillInterviewers(tx, *s);
    return adapters::RenderCalendar(
        "REQUEST", {EventOf(ctx, *b, *s, offering->title, offering->institution_name, user->email)}, ctx.clock.Now());
  });
}

core::Result<std::vector<ConductedInterview>> MyInterviews(Context& ctx, const Actor& actor) {
  if (actor.principal.memberships.empty() && !actor.principal.is_admin) {
    return core::Forbidden("only staff of an institution conduct interviews");
  }
  return ctx.db.RunRead<std::vector<ConductedInterview>>(
      [&](store::Tx& tx) -> core::Result<std::vector<ConductedInterview>> {
        auto now = ctx.clock.Now();
        std::string from = core::FormatIso8601(now - std::chrono::days(14));
        std::set<std::string> member_of;
        for (const auto& m : store::MembershipsOf(tx, actor.user_id)) member_of.insert(m.institution_id);
        std::vector<ConductedInterview> out;
        for (auto& b : store::LiveBookingsOfInterviewer(tx, actor.user_id, from)) {
          if (!member_of.contains(b.institution_id)) continue;
          auto s = store::FindSlot(tx, b.slot_id);
          auto offering = store::FindOffering(tx, b.offering_id);
          if (!s || !offering) continue;
          ConductedInterview c;
          c.ended = StartOf(*s) + std::chrono::minutes(s->minutes) <= now;
          if (auto card = store::FindScorecard(tx, b.id, actor.user_id)) c.scorecard_status = card->status;
          if (c.ended && c.scorecard_status == "submitted") continue;
          FillInterviewers(tx, *s);
          c.slot = std::move(*s);
          c.offering_title = offering->title;
          c.institution_name = offering->institution_name;
          if (auto u = store::FindUserById(tx, b.applicant_id)) c.applicant_name = u->display_name;
          c.booking = std::move(b);
          out.push_back(std::move(c));
        }
        return out;
      });
}

core::Result<std::string> RegenerateCalendarFeed(Context& ctx, const Actor& actor) {
  return ctx.db.Run<std::string>([&](store::Tx& tx) -> core::Result<std::string> {
    std::string token = adapters::NewToken();
    store::SetFeedToken(tx, actor.user_id, adapters::HashToken(token), Now(ctx));
    Audit(tx, ctx, actor, "calendar_feed.regenerate", "user", actor.user_id, "", "");
    return "/api/calendar/" + token + ".ics";
  });
}

core::Result<bool> HasCalendarFeed(Context& ctx, const Actor& actor) {
  return ctx.db.RunRead<bool>([&](store::Tx& tx) -> core::Result<bool> { return store::HasFeed(tx, actor.user_id); });
}

core::Result<std::string> CalendarFeed(Context& ctx, const std::string& token) {
  return ctx.db.RunRead<std::string>([&](store::Tx& tx) -> core::Result<std::string> {
    if (token.empty() || token.size() > 200) return core::NotFound("no such calendar");
    auto user_id = store::FeedUserOf(tx, adapters::HashToken(token));
    if (!user_id) return core::NotFound("no such calendar");
    auto user = store::FindUserById(tx, *user_id);
    if (!user) return core::NotFound("no such calendar");
    std::vector<store::BookingRow> bookings = store::LiveBookingsOfApplicant(tx, user->id);
    std::set<std::string> member_of;
    for (const auto& m : store::MembershipsOf(tx, user->id)) {
      member_of.insert(m.institution_id);
      for (auto& b : store::LiveBookingsOfInstitution(tx, m.institution_id)) bookings.push_back(std::move(b));
    }
    // The interviews the user conducts are marked as theirs (only while still staff there).
    std::set<std::string> conducts;
    for (const auto& b : store::LiveBookingsOfInterviewer(tx, user->id, "")) {
      if (member_of.contains(b.institution_id)) conducts.insert(b.id);
    }
    std::vector<adapters::CalendarEvent> events;
    std::set<std::string> seen;
    for (const auto& b : bookings) {
      if (!seen.insert(b.id).second) continue;
      auto s = store::FindSlot(tx, b.slot_id);
      auto offering = store::FindOffering(tx, b.offering_id);
      if (!s || !offering) continue;
      FillInterviewers(tx, *s);
      std::string title = (conducts.contains(b.id) ? "you interview — " : "") + offering->title;
      if (b.applicant_id != user->id) {
        auto applicant = store::FindUserById(tx, b.applicant_id);
        if (applicant) title += " — " + applicant->display_name;
      }
      events.push_back(EventOf(ctx, b, *s, title, offering->institution_name, ""));
    }
    for (const auto& p : store::PlacementsOfApplicant(tx, user->id)) {
      if (p.status == "cancelled") continue;
      auto offering = store::FindOffering(tx, p.offering_id);
      adapters::CalendarEvent e;
      e.uid = "placement-" + p.id + "@" + Host(ctx);
      e.sequence = p.version;
      e.first_day = p.start_date;
      e.last_day = p.end_date;
      e.summary = "Rotation: " + (offering ? offering->title + " (" + offering->institution_name + ")" : "rotation");
      if (offering) e.location = offering->city;
      events.push_back(std::move(e));
    }
    return adapters::RenderCalendar("PUBLISH", events, ctx.clock.Now(), "Clerkship");
  });
}

void QueueBookingEmail(store::Tx& tx, Context& ctx, const std::string& kind, const store::BookingRow& b,
                       const store::SlotRow& s) {
  MailBooking(tx, ctx, kind, b, s);
}

core::Result<int> SendInterviewReminders(Context& ctx) {
  return ctx.db.Run<int>([&](store::Tx& tx) -> core::Result<int> {
    auto now = ctx.clock.Now();
    int sent = 0;
    for (const auto& b : store::LiveBookingsStartingBetween(tx, core::FormatIso8601(now),
                                                            core::FormatIso8601(now + std::chrono::hours(24)))) {
      auto s = store::FindSlot(tx, b.slot_id);
      if (!s) continue;
      // Keyed by booking and start: a booking moved to another day is reminded again.
      if (!store::MarkReminderSent(tx, "interview:" + b.id + ":" + s->starts_at, Now(ctx))) continue;
      MailBooking(tx, ctx, "reminder", b, *s);
      ++sent;
    }
    return sent;
  });
}

}  // namespace clerkship::services
