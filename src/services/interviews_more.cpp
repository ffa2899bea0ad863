#include "services/interviews_more.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <set>

#include "adapters/random.h"
#include "adapters/zones.h"
#include "core/interview_release.h"
#include "core/scorecard.h"
#include "services/emails.h"
#include "services/internal.h"
#include "services/interviews.h"
#include "services/review.h"
#include "store/accounts.h"
#include "store/catalog.h"
#include "store/interviews.h"

namespace clerkship::services {
namespace {

using Json = nlohmann::json;

std::string Now(Context& ctx) { return core::FormatIso8601(ctx.clock.Now()); }

std::unexpected<core::Error> ConflictOn(const std::string& field, const std::string& message) {
  return std::unexpected(core::Error{core::ErrorCode::kConflict, message, field, {}});
}

// A fresh 64-bit seed from the CSPRNG (via a random id: 26 base32 characters).
std::uint64_t NewSeed() {
  std::string id = adapters::NewId();
  std::uint64_t seed = 0;
  for (size_t i = 0; i < 12 && i < id.size(); ++i) {
    char c = id[i];
    int v = c >= 'a' && c <= 'z' ? c - 'a' : c >= '2' && c <= '7' ? 26 + (c - '2') : 0;
    seed = (seed << 5) | static_cast<std::uint64_t>(v);
  }
  return seed;
}

std::uint64_t ParseSeed(const std::string& s) {
  try {
    return s.empty() ? 0 : std::stoull(s);
  } catch (...) {
    return 0;
  }
}

// Invited applications of the offering without a live booking.
std::vector<store::ApplicationRow> Waiting(store::Tx& tx, const std::string& offering_id) {
  std::set<std::string> booked;
  for (const auto& b : store::LiveBookingsOfOffering(tx, offering_id)) booked.insert(b.application_id);
  std::vector<store::ApplicationRow> out;
  for (auto& a : store::ListOfferingApplications(tx, offering_id)) {
    if (a.status == "interview" && !booked.contains(a.id)) out.push_back(std::move(a));
  }
  return out;
}

// When the turn of an applicant without a drawn turn opens: after everyone drawn.
std::string LateTurn(const store::ReleaseRow& r, int drawn) {
  auto release = core::ParseIso8601(r.release_at);
  if (!release) return r.release_at;
  return core::FormatIso8601(*release + std::chrono::minutes(core::TurnOffsetMinutes(drawn, r.window_minutes)));
}

core::Result<core::TimePoint> LocalMoment(const std::string& zone, const std::string& date, const std::string& time,
                                          const std::string& date_field, const std::string& time_field) {
  if (date.size() != 10) return core::InvalidArgument(date_field, date_field + " must be YYYY-MM-DD");
  if (!core::IsClockTime(time)) return core::InvalidArgument(time_field, time_field + " must be HH:MM");
  auto t = adapters::ZonedToUtc(date, time, zone);
  if (!t) {
    core::Error e = t.error();
    e.field = e.field == "time" ? time_field : date_field;
    return std::unexpected(e);
  }
  return *t;
}

}  // namespace

core::Result<store::ReleaseRow> SaveInterviewRelease(Context& ctx, const Actor& actor,
                                                     const std::string& institution_id,
                                                     const std::string& offering_id, const ReleaseInput& in) {
  if (!core::IsReleaseMode(in.mode)) {
    return core::InvalidArgument("mode", "mode is first_come, randomized or preferences");
  }
  if (in.version < 0) return core::InvalidArgument("version", "version must be the number you read (0 at first)");
  if (in.mode == core::kReleaseRandomized) {
    if (auto st = core::ValidateWindowMinutes(in.window_minutes); !st) return std::unexpected(st.error());
  }
  return ctx.db.Run<store::ReleaseRow>([&](store::Tx& tx) -> core::Result<store::ReleaseRow> {
    auto offering = store::FindOffering(tx, offering_id);
    if (!offering || offering->institution_id != institution_id) return core::NotFound("no such offering");
    auto now = ctx.clock.Now();
    auto old = store::FindRelease(tx, offering_id);
    int old_version = old ? old->version : 0;
    if (in.version != old_version) return ConflictOn("version", "changed by someone else; reload");
    if (old && old->mode == core::kReleaseRandomized && !old->release_at.empty() &&
        *core::ParseIso8601(old->release_at) <= now && in.mode == core::kReleaseRandomized) {
      return ConflictOn("mode", "the release has started; the order can no longer be redrawn");
    }
    if (old && old->mode == core::kReleasePreferences && !old->assigned_at.empty() &&
        in.mode == core::kReleasePreferences) {
      return ConflictOn("mode", "the assignment already ran; preferences are closed");
    }
    store::ReleaseRow r;
    r.offering_id = offering_id;
    r.institution_id = institution_id;
    r.mode = in.mode;
    r.window_minutes = in.mode == core::kReleaseRandomized ? in.window_minutes : 0;
    r.version = old_version + 1;
    r.updated_by = actor.user_id;
    r.updated_at = Now(ctx);
    std::vector<store::TurnRow> turns;
    std::string detail = in.mode;
    if (in.mode == core::kReleaseRandomized) {
      auto release = LocalMoment(offering->time_zone, in.release_date, in.release_time, "release_date", "release_time");
      if (!release) return std::unexpected(release.error());
      if (*release <= now) return core::InvalidArgument("release_time", "the release must be in the future");
      r.release_at = core::FormatIso8601(*release);
      std::uint64_t seed = NewSeed();
      r.seed = std::to_string(seed);
      std::vector<std::string> ids;
      for (const auto& a : Waiting(tx, offering_id)) ids.push_back(a.id);
      auto order = core::SeededOrder(ids, seed);
      for (size_t i = 0; i < order.size(); ++i) {
        turns.push_back({order[i], static_cast<int>(i),
                         core::FormatIso8601(*release + std::chrono::minutes(core::TurnOffsetMinutes(
                                                            static_cast<int>(i), in.window_minutes)))});
      }
      detail += " release " + r.release_at + " window " + std::to_string(in.window_minutes) + " min seed " + r.seed +
                " order " + std::to_string(order.size());
    } else if (in.mode == core::kReleasePreferences) {
      auto deadline =
          LocalMoment(offering->time_zone, in.deadline_date, in.deadline_time, "deadline_date", "deadline_time");
      if (!deadline) return std::unexpected(deadline.error());
      if (*deadline <= now) return core::InvalidArgument("deadline_time", "the preference deadline must be in the future");
      r.preference_deadline = core::FormatIso8601(*deadline);
      detail += " deadline " + r.preference_deadline;
    }
    if (!store::SaveRelease(tx, r, old_version)) return ConflictOn("version", "changed by someone else; reload");
    store::ReplaceTurns(tx, offering_id, turns);
    Audit(tx, ctx, actor, "interview_release.save", "offering", offering_id, institution_id, detail);
    return r;
  });
}

core::Result<AssignmentOutcome> RunInterviewAssignment(Context& ctx, const Actor& actor,
                                                       const std::string& institution_id,
                                                       const std::string& offering_id) {
  return ctx.db.Run<AssignmentOutcome>([&](store::Tx& tx) -> core::Result<AssignmentOutcome> {
    auto offering = store::FindOffering(tx, offering_id);
    if (!offering || offering->institution_id != institution_id) return core::NotFound("no such offering");
    auto release = store::FindRelease(tx, offering_id);
    if (!release || release->mode != core::kReleasePreferences) {
      return ConflictOn("mode", "this offering does not assign slots from preferences");
    }
    AssignmentOutcome out;
    out.seed = std::to_string(NewSeed());
    // Conditional: of two coordinators running it at once, one wins.
    if (!store::MarkAssigned(tx, offering_id, out.seed, Now(ctx))) {
      return ConflictOn("mode", "the assignment already ran");
    }
    core::AssignmentInput input;
    input.seed = ParseSeed(out.seed);
    std::string now = Now(ctx);
    std::map<std::string, store::SlotRow> slots;
    for (auto& s : store::SlotsOfOffering(tx, offering_id)) {
      input.free_places[s.id] = s.starts_at > now ? std::max(0, s.capacity - s.booked) : 0;
      slots.emplace(s.id, std::move(s));
    }
    std::map<std::string, store::ApplicationRow> apps;
    for (auto& a : Waiting(tx, offering_id)) {
      auto ranked = store::PreferencesOf(tx, a.id);
      if (ranked.empty()) continue;
      input.preferences[a.id] = std::move(ranked);
      apps.emplace(a.id, std::move(a));
    }
    auto result = core::AssignByPreferences(input);
    for (const auto& app_id : result.order) {
      auto it = result.slot_of.find(app_id);
      if (it == result.slot_of.end()) continue;
      const auto& a = apps.at(app_id);
      auto& s = slots.at(it->second);
      // The same conditional UPDATE as a booking: capacity holds whatever else runs.
      if (!store::TakeSlotPlace(tx, s.id)) {
        result.unassigned.push_back(app_id);
        continue;
      }
      store::BookingRow b;
      b.id = adapters::NewId();
      b.slot_id = s.id;
      b.application_id = a.id;
      b.applicant_id = a.applicant_id;
      b.institution_id = a.institution_id;
      b.offering_id = a.offering_id;
      b.status = "booked";
      b.sequence = 0;
      b.created_at = b.updated_at = now;
      store::InsertBooking(tx, b);
      s.booked += 1;
      Audit(tx, ctx, actor, "interview.assign", "interview_booking", b.id, institution_id, s.starts_at);
      QueueBookingEmail(tx, ctx, "booked", b, s);
      auto user = store::FindUserById(tx, a.applicant_id);
      out.assigned.push_back({a.id, user ? user->display_name : "", s.id, s.starts_at});
    }
    out.unassigned = result.unassigned;
    Audit(tx, ctx, actor, "interview_assignment.run", "offering", offering_id, institution_id,
          "seed " + out.seed + ", " + std::to_string(out.assigned.size()) + " assigned, " +
              std::to_string(out.unassigned.size()) + " unassigned");
    return out;
  });
}

core::Result<int> NudgeNotBooked(Context& ctx, const Actor& actor, const std::string& institution_id,
                                 const std::string& offering_id, const std::vector<std::string>& application_ids) {
  if (application_ids.size() > 500) return core::InvalidArgument("application_ids", "at most 500 at once");
  return ctx.db.Run<int>([&](store::Tx& tx) -> core::Result<int> {
    auto offering = store::FindOffering(tx, offering_id);
    if (!offering || offering->institution_id != institution_id) return core::NotFound("no such offering");
    auto waiting = Waiting(tx, offering_id);
    std::map<std::string, const store::ApplicationRow*> by_id;
    for (const auto& a : waiting) by_id[a.id] = &a;
    std::vector<const store::ApplicationRow*> targets;
    if (application_ids.empty()) {
      for (const auto& a : waiting) targets.push_back(&a);
    } else {
      std::set<std::string> seen;
      for (size_t i = 0; i < application_ids.size(); ++i) {
        auto it = by_id.find(application_ids[i]);
        if (it == by_id.end()) {
          return core::InvalidArgument("application_ids[" + std::to_string(i) + "]",
                                       "not an invited applicant of this offering without a booking");
        }
        if (seen.insert(it->first).second) targets.push_back(it->second);
      }
    }
    int sent = 0;
    for (const auto* a : targets) {
      auto user = store::FindUserById(tx, a->applicant_id);
      if (!user) continue;
      auto release = ApplicantReleaseOf(tx, ctx, *a);
      std::string todo = "Please choose an interview time in the app.";
      if (release.mode == core::kReleaseRandomized) {
        todo = "Your turn to book opens at " + release.turn_opens_at + " (UTC); please choose a time then.";
      } else if (release.mode == core::kReleasePreferences && release.can_rank) {
        todo = "Please rank the interview times you can make before " + release.preference_deadline + " (UTC).";
      }
      EmailContent mail = InterviewMessage("nudge", user->display_name, offering->title, offering->institution_name,
                                           todo, "", ctx.public_url + "/applications/" + a->id + "/interview");
      SendEmail(tx, ctx, user->email, mail);
      Audit(tx, ctx, actor, "interview.nudge", "application", a->id, institution_id, release.mode);
      ++sent;
    }
    return sent;
  });
}

ApplicantRelease ApplicantReleaseOf(store::Tx& tx, Context& ctx, const store::ApplicationRow& a) {
  ApplicantRelease out;
  auto r = store::FindRelease(tx, a.offering_id);
  if (!r) return out;
  out.mode = r->mode;
  if (r->mode == core::kReleaseRandomized) {
    out.release_at = r->release_at;
    if (auto t = store::TurnOf(tx, a.offering_id, a.id)) {
      out.turn = t->turn_index;
      out.turn_opens_at = t->opens_at;
    } else {
      out.turn_opens_at = LateTurn(*r, static_cast<int>(store::TurnsOf(tx, a.offering_id).size()));
    }
  } else if (r->mode == core::kReleasePreferences) {
    out.preference_deadline = r->preference_deadline;
    out.assigned = !r->assigned_at.empty();
    out.can_rank = !out.assigned && a.status == "interview" && Now(ctx) < r->preference_deadline &&
                   !store::LiveBookingOf(tx, a.id);
    out.preferences = store::PreferencesOf(tx, a.id);
  }
  return out;
}

core::Status CheckBookingTurn(store::Tx& tx, Context& ctx, const store::ApplicationRow& a) {
  auto r = ApplicantReleaseOf(tx, ctx, a);
  if (r.mode == core::kReleaseRandomized && Now(ctx) < r.turn_opens_at) {
    return ConflictOn("slot_id", "your turn to book opens at " + r.turn_opens_at +
                                     " (UTC); until then you can look at the slots");
  }
  if (r.mode == core::kReleasePreferences && !r.assigned) {
    return ConflictOn("slot_id", "slots are assigned from preferences: rank the slots you can make before " +
                                     r.preference_deadline + " (UTC)");
  }
  return {};
}

std::map<std::string, WaitingInfo> WaitingInfoOf(store::Tx& tx, const std::string& offering_id) {
  std::map<std::string, WaitingInfo> out;
  auto r = store::FindRelease(tx, offering_id);
  if (!r) return out;
  if (r->mode == core::kReleaseRandomized) {
    auto turns = store::TurnsOf(tx, offering_id);
    for (const auto& t : turns) out[t.application_id].turn_opens_at = t.opens_at;
    std::string late = LateTurn(*r, static_cast<int>(turns.size()));
    for (const auto& a : Waiting(tx, offering_id)) {
      if (!out.contains(a.id)) out[a.id].turn_opens_at = late;
    }
  } else if (r->mode == core::kReleasePreferences) {
    for (const auto& [app, n] : store::PreferenceCounts(tx, offering_id)) out[app].ranked = n;
  }
  return out;
}

core::Status SaveInterviewPreferences(Context& ctx, const Actor& actor, const std::string& application_id,
                                      const std::vector<std::string>& slot_ids) {
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    auto a = store::FindApplication(tx, application_id);
    if (!a || a->applicant_id != actor.user_id) return core::NotFound("no such application");
    if (a->status != "interview") {
      return core::Forbidden("this application has no interview invitation (status " + a->status + ")");
    }
    auto r = ApplicantReleaseOf(tx, ctx, *a);
    if (r.mode != core::kReleasePreferences) {
      return ConflictOn("slot_ids", "this offering does not take slot preferences; book a slot instead");
    }
    if (r.assigned) return ConflictOn("slot_ids", "the slots were already assigned");
    if (Now(ctx) >= r.preference_deadline) {
      return ConflictOn("slot_ids", "preferences closed at " + r.preference_deadline + " (UTC)");
    }
    if (store::LiveBookingOf(tx, a->id)) return ConflictOn("slot_ids", "you already have an interview booked");
    std::vector<std::string> offered;
    std::string now = Now(ctx);
    for (const auto& s : store::SlotsOfOffering(tx, a->offering_id)) {
      if (s.starts_at > now) offered.push_back(s.id);
    }
    if (auto st = core::ValidatePreferences(slot_ids, offered); !st) return std::unexpected(st.error());
    store::ReplacePreferences(tx, a->id, a->offering_id, slot_ids, now);
    Audit(tx, ctx, actor, "interview.preferences", "application", a->id, a->institution_id,
          std::to_string(slot_ids.size()) + " slot(s) ranked");
    return {};
  });
}

core::Result<store::ScorecardRow> SaveInterviewScorecard(Context& ctx, const Actor& actor,
                                                         const std::string& institution_id,
                                                         const std::string& application_id, const ScorecardInput& in) {
  if (in.notes.size() > 5000) return core::InvalidArgument("notes", "the notes are at most 5000 characters");
  if (in.version < 0) return core::InvalidArgument("version", "version must be the number you read (0 for a new card)");
  if (!in.recommendation.empty() && !core::IsRecommendation(in.recommendation)) {
    return core::InvalidArgument("recommendation", "recommendation is strong_yes, yes, no or strong_no");
  }
  auto settings = GetReviewSettings(ctx, institution_id);
  if (!settings) return std::unexpected(settings.error());
  return ctx.db.Run<store::ScorecardRow>([&](store::Tx& tx) -> core::Result<store::ScorecardRow> {
    auto a = store::FindApplication(tx, application_id);
    if (!a || a->institution_id != institution_id || a->status == "draft") {
      return core::NotFound("no such application");
    }
    auto booking = store::LiveBookingOf(tx, a->id);
    if (!booking) return ConflictOn("booking", "no interview is booked for this application");
    auto old = store::FindScorecard(tx, booking->id, actor.user_id);
    int old_version = old ? old->version : 0;
    if (in.version != old_version) return ConflictOn("version", "changed by someone else; reload");
    bool submitted = in.submit || (old && old->status == "submitted");
    auto total = core::ScorecardTotal(settings->rubric, in.scores, submitted);
    if (!total) return std::unexpected(total.error());
    if (submitted && in.recommendation.empty()) {
      return core::InvalidArgument("recommendation", "choose a recommendation before submitting");
    }
    Json scores = Json::object();
    for (const auto& [k, v] : in.scores) scores[k] = v;
    store::ScorecardRow row;
    row.booking_id = booking->id;
    row.interviewer_id = actor.user_id;
    row.application_id = a->id;
    row.institution_id = institution_id;
    row.scores = scores.dump();
    row.total = *total;
    row.recommendation = in.recommendation;
    row.notes = in.notes;
    row.status = submitted ? "submitted" : "draft";
    row.version = old_version + 1;
    row.updated_at = Now(ctx);
    row.submitted_at = old && !old->submitted_at.empty() ? old->submitted_at : submitted ? row.updated_at : "";
    if (!store::SaveScorecard(tx, row, old_version)) return ConflictOn("version", "changed by someone else; reload");
    bool named = false;
    for (const auto& i : store::InterviewersOfSlot(tx, booking->slot_id)) named = named || i.user_id == actor.user_id;
    Audit(tx, ctx, actor, submitted ? "interview_scorecard.submit" : "interview_scorecard.draft", "application", a->id,
          institution_id,
          std::to_string(row.total) + " " + row.recommendation + (named ? " (named interviewer)" : " (other staff)"));
    if (auto u = store::FindUserById(tx, actor.user_id)) row.interviewer_name = u->display_name;
    return row;
  });
}

ScorecardsView ScorecardsFor(store::Tx& tx, const Actor& actor, const std::string& application_id) {
  ScorecardsView v;
  if (auto b = store::LiveBookingOf(tx, application_id)) {
    v.booking_id = b->id;
    if (auto s = store::FindSlot(tx, b->slot_id)) {
      v.starts_at = s->starts_at;
      s->interviewer_accounts = store::InterviewersOfSlot(tx, s->id);
      v.interviewers = InterviewerNames(*s);
      v.interviewer_accounts = s->interviewer_accounts;
      for (const auto& i : v.interviewer_accounts) v.you_interview = v.you_interview || i.user_id == actor.user_id;
    }
  }
  std::vector<int> totals;
  for (auto& c : store::ScorecardsOf(tx, application_id)) {
    if (c.status == "submitted") {
      totals.push_back(c.total);
      v.cards.push_back(std::move(c));
    } else if (c.interviewer_id == actor.user_id) {
      v.cards.push_back(std::move(c));
    }
  }
  v.average = core::AverageTotal(totals);
  return v;
}

}  // namespace clerkship::services
