#include "services/scramble.h"

#include <algorithm>
#include <set>

#include "adapters/random.h"
#include "adapters/zones.h"
#include "services/internal.h"
#include "services/offers.h"
#include "services/review.h"
#include "store/accounts.h"
#include "store/vault.h"

namespace clerkship::services {
namespace {

std::string Now(Context& ctx) { return core::FormatIso8601(ctx.clock.Now()); }

// Statuses of an application that can still take an offer.
bool IsOpenForOffer(const std::string& status) {
  return status == "submitted" || status == "under_review" || status == "interview" || status == "waitlisted";
}

std::vector<core::ScrambleWindow> Windows(const std::vector<store::ScrambleRoundRow>& rounds) {
  std::vector<core::ScrambleWindow> out;
  for (const auto& r : rounds) out.push_back({r.starts_at, r.ends_at});
  return out;
}

ScrambleSchedule ScheduleOf(store::Tx& tx, Context& ctx, const std::string& round_id) {
  ScrambleSchedule s;
  s.round_id = round_id;
  s.application_limit = store::ScrambleLimitOf(tx, round_id);
  s.rounds = store::ListScrambleRounds(tx, round_id);
  for (size_t i = 0; i < s.rounds.size(); ++i) s.rounds[i].seq = static_cast<int>(i) + 1;
  auto windows = Windows(s.rounds);
  s.current = core::CurrentScrambleWindow(windows, ctx.clock.Now());
  s.next = core::NextScrambleWindow(windows, ctx.clock.Now());
  s.now = Now(ctx);
  return s;
}

std::string NoRoundOpen(const ScrambleSchedule& s) {
  if (s.rounds.empty()) return "no scramble round is scheduled for this match round yet";
  if (s.next) {
    return "no scramble round is open now; round " + std::to_string(*s.next + 1) + " opens at " +
           s.rounds[*s.next].starts_at;
  }
  return "the scramble is over: its last round ended at " + s.rounds.back().ends_at;
}

core::Error ConflictOn(const std::string& field, const std::string& message) {
  return core::Error{core::ErrorCode::kConflict, message, field, {}};
}

core::Result<store::MatchRoundRow> PublishedRound(store::Tx& tx, const Actor& actor, const std::string& id) {
  auto r = store::FindMatchRound(tx, id);
  if (!r || (r->status == "draft" && !actor.principal.is_admin)) return core::NotFound("no such match round");
  if (r->status != "published") return core::Conflict("the scramble opens when the results are published");
  return *r;
}

// The applicant may take part: in the round and not matched.
core::Status Unmatched(store::Tx& tx, const std::string& round_id, const std::string& user_id) {
  auto res = store::FindMatchResult(tx, round_id, user_id);
  if (!res) return core::Forbidden("the scramble is for applicants of this match round; you had no rank list in it");
  if (res->outcome == "matched") {
    return core::Forbidden("you matched in this round and hold a placement; the scramble is for applicants who did not match");
  }
  return {};
}

std::optional<store::OfferRow> AcceptedScrambleOffer(store::Tx& tx, const std::string& user_id) {
  for (auto& o : store::OffersOfApplicant(tx, user_id)) {
    if (o.status == "accepted" && !o.scramble_round_id.empty()) return o;
  }
  return std::nullopt;
}

// The newest offer of the application for the block.
std::optional<store::OfferRow> OfferFor(store::Tx& tx, const std::string& application_id, const std::string& block_id) {
  for (auto& o : store::OffersOfApplication(tx, application_id)) {
    if (o.block_id == block_id) return o;
  }
  return std::nullopt;
}

bool SameWindow(const store::ScrambleRoundRow& r, const core::ScrambleWindow& w) {
  return r.starts_at == w.starts_at && r.ends_at == w.ends_at;
}

}  // namespace

core::Result<ScrambleSchedule> SaveScrambleSchedule(Context& ctx, const Actor& actor, const std::string& round_id,
                                                    const std::vector<core::ScrambleWindow>& rounds,
                                                    int application_limit) {
  if (auto ok = core::ValidateScrambleSchedule(rounds, application_limit); !ok) return std::unexpected(ok.error());
  return ctx.db.Run<ScrambleSchedule>([&](store::Tx& tx) -> core::Result<ScrambleSchedule> {
    auto r = store::FindMatchRound(tx, round_id);
    if (!r) return core::NotFound("no such match round");
    if (r->status != "published") return core::Conflict("schedule the scramble after the results are published");
    auto now = ctx.clock.Now();
    std::string now_text = Now(ctx);
    auto stored = store::ListScrambleRounds(tx, round_id);
    // Started rounds stay as they were; rounds not started yet may change.
    std::vector<bool> kept(rounds.size(), false);
    for (size_t s = 0; s < stored.size(); ++s) {
      auto start = core::ParseIso8601(stored[s].starts_at);
      bool started = start && *start <= now;
      auto same = std::find_if(rounds.begin(), rounds.end(),
                               [&](const core::ScrambleWindow& w) { return SameWindow(stored[s], w); });
      if (same != rounds.end()) {
        kept[same - rounds.begin()] = true;
        continue;
      }
      if (started) {
        return std::unexpected(ConflictOn("rounds", "scramble round " + std::to_string(s + 1) + " (" +
                                                        stored[s].starts_at + " to " + stored[s].ends_at +
                                                        ") has started and cannot be changed or removed"));
      }
      store::DeleteScrambleRound(tx, stored[s].id);
    }
    for (size_t i = 0; i < rounds.size(); ++i) {
      if (kept[i]) continue;
      auto end = core::ParseIso8601(rounds[i].ends_at);
      if (end && *end <= now) {
        return core::InvalidArgument("rounds[" + std::to_string(i) + "].ends_at", "a new round must end in the future");
      }
      store::InsertScrambleRound(tx, {adapters::NewId(), round_id, static_cast<int>(i) + 1, rounds[i].starts_at,
                                      rounds[i].ends_at, now_text});
    }
    store::SaveScrambleLimit(tx, round_id, application_limit, now_text);
    Audit(tx, ctx, actor, "match_round.scramble.schedule", "match_round", round_id, "",
          std::to_string(rounds.size()) + " rounds, limit " + std::to_string(application_limit));
    return ScheduleOf(tx, ctx, round_id);
  });
}

core::Result<ScrambleSchedule> GetScrambleSchedule(Context& ctx, const Actor& actor, const std::string& round_id) {
  return ctx.db.RunRead<ScrambleSchedule>([&](store::Tx& tx) -> core::Result<ScrambleSchedule> {
    auto r = store::FindMatchRound(tx, round_id);
    if (!r || (r->status == "draft" && !actor.principal.is_admin)) return core::NotFound("no such match round");
    return ScheduleOf(tx, ctx, round_id);
  });
}

core::Result<ApplicantScramble> GetApplicantScramble(Context& ctx, const Actor& actor, const std::string& round_id) {
  return ctx.db.RunRead<ApplicantScramble>([&](store::Tx& tx) -> core::Result<ApplicantScramble> {
    auto r = PublishedRound(tx, actor, round_id);
    if (!r) return std::unexpected(r.error());
    if (auto ok = Unmatched(tx, round_id, actor.user_id); !ok) return std::unexpected(ok.error());
    ApplicantScramble v;
    v.schedule = ScheduleOf(tx, ctx, round_id);
    auto blocks = store::ListRoundBlocks(tx, round_id);
    for (const auto& b : blocks) {
      if (b.seats > b.filled) v.blocks.push_back(b);
    }
    for (auto& a : store::ScrambleApplicationsOf(tx, round_id, actor.user_id)) {
      MyScrambleApplication m;
      for (const auto& b : blocks) {
        if (b.block_id == a.block_id) m.block = b;
      }
      m.offer = OfferFor(tx, a.application_id, a.block_id);
      m.row = std::move(a);
      v.applications.push_back(std::move(m));
    }
    v.used = static_cast<int>(v.applications.size());
    if (AcceptedScrambleOffer(tx, actor.user_id)) {
      v.reason = "you accepted a scramble offer; your scramble is complete";
    } else if (!v.schedule.current) {
      v.reason = NoRoundOpen(v.schedule);
    } else if (v.used >= v.schedule.application_limit) {
      v.reason = "you have used all " + std::to_string(v.schedule.application_limit) +
                 " scramble applications of this round";
    } else {
      v.can_apply = true;
    }
    return v;
  });
}

core::Result<store::ScrambleApplicationRow> ApplyInScramble(Context& ctx, const Actor& actor,
                                                            const std::string& round_id, const std::string& block_id) {
  if (block_id.empty()) return core::InvalidArgument("block_id", "choose a block with seats left");
  return ctx.db.Run<store::ScrambleApplicationRow>([&](store::Tx& tx) -> core::Result<store::ScrambleApplicationRow> {
    store::LockApplicant(tx, actor.user_id);  // the limit holds under concurrent applications
    auto r = PublishedRound(tx, actor, round_id);
    if (!r) return std::unexpected(r.error());
    if (auto ok = Unmatched(tx, round_id, actor.user_id); !ok) return std::unexpected(ok.error());
    auto schedule = ScheduleOf(tx, ctx, round_id);
    if (!schedule.current) return core::Conflict(NoRoundOpen(schedule));
    if (AcceptedScrambleOffer(tx, actor.user_id)) {
      return core::Conflict("you accepted a scramble offer; you cannot apply to more blocks");
    }
    int used = store::CountScrambleApplications(tx, round_id, actor.user_id);
    if (used >= schedule.application_limit) {
      return std::unexpected(ConflictOn("application_limit", "you have used all " +
                                                                  std::to_string(schedule.application_limit) +
                                                                  " scramble applications allowed in this round"));
    }
    auto blocks = store::ListRoundBlocks(tx, round_id);
    auto b = std::find_if(blocks.begin(), blocks.end(),
                          [&](const store::RoundBlockRow& x) { return x.block_id == block_id; });
    if (b == blocks.end()) return core::InvalidArgument("block_id", "this block is not part of the match round");
    if (b->seats <= b->filled) return core::InvalidArgument("block_id", "this block has no seats left");
    for (const auto& mine : store::ScrambleApplicationsOf(tx, round_id, actor.user_id)) {
      if (mine.block_id == block_id) {
        return std::unexpected(ConflictOn("block_id", "you already applied to this block in the scramble"));
      }
    }
    std::string now = Now(ctx);
    // The applicant's open application at the offering takes the offer; else a new one.
    std::optional<store::ApplicationRow> app;
    for (auto& a : store::ListApplicationsOf(tx, actor.user_id)) {
      if (a.offering_id == b->offering_id && IsOpenForOffer(a.status)) {
        app = std::move(a);
        break;
      }
    }
    if (!app) {
      store::ApplicationRow a;
      a.id = adapters::NewId();
      a.applicant_id = actor.user_id;
      a.offering_id = b->offering_id;
      a.institution_id = b->institution_id;
      a.status = "submitted";
      a.status_reason = "scramble of " + r->name;
      a.created_at = a.submitted_at = a.updated_at = now;
      a.block_ids = {block_id};
      store::InsertApplication(tx, a);
      store::AddBlockApplications(tx, block_id, 1);
      RecordSubmission(tx, ctx, actor, a, "draft");
      Audit(tx, ctx, actor, "application.submit", "application", a.id, a.institution_id, "scramble");
      app = a;
    }
    store::ScrambleApplicationRow s;
    s.id = adapters::NewId();
    s.round_id = round_id;
    s.scramble_round_id = schedule.rounds[*schedule.current].id;
    s.applicant_id = actor.user_id;
    s.block_id = block_id;
    s.application_id = app->id;
    s.institution_id = b->institution_id;
    s.created_at = now;
    store::InsertScrambleApplication(tx, s);
    Audit(tx, ctx, actor, "match_round.scramble.apply", "match_round", round_id, b->institution_id,
          "block " + block_id + ", application " + app->id + " (" + std::to_string(used + 1) + " of " +
              std::to_string(schedule.application_limit) + ")");
    return *store::FindScrambleApplication(tx, s.id);
  });
}

core::Result<InstitutionScramble> GetInstitutionScramble(Context& ctx, const Actor& actor,
                                                         const std::string& institution_id,
                                                         const std::string& round_id) {
  return ctx.db.RunRead<InstitutionScramble>([&](store::Tx& tx) -> core::Result<InstitutionScramble> {
    auto r = PublishedRound(tx, actor, round_id);
    if (!r) return std::unexpected(r.error());
    InstitutionScramble v;
    v.round = *r;
    v.schedule = ScheduleOf(tx, ctx, round_id);
    auto applications = store::ScrambleApplicationsAt(tx, round_id, institution_id);
    std::string now = Now(ctx);
    bool any = false;
    for (auto& b : store::ListRoundBlocks(tx, round_id)) {
      if (b.institution_id != institution_id) continue;
      any = true;
      ScrambleBlockView bv;
      for (const auto& a : applications) {
        if (a.block_id != b.block_id) continue;
        bv.applicants.push_back({a, OfferFor(tx, a.application_id, a.block_id)});
      }
      if (b.seats <= b.filled && bv.applicants.empty()) continue;
      bv.pending_offers = store::PendingScrambleOffersOfBlock(tx, b.block_id, now);
      bv.block = std::move(b);
      v.blocks.push_back(std::move(bv));
    }
    if (!any) return core::NotFound("no such match round");
    return v;
  });
}

core::Result<store::OfferRow> MakeScrambleOffer(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                const std::string& round_id,
                                                const std::string& scramble_application_id, const std::string& note) {
  if (scramble_application_id.empty()) {
    return core::InvalidArgument("scramble_application_id", "choose the scramble application to offer");
  }
  if (note.size() > 2000) return core::InvalidArgument("note", "the note is at most 2000 characters");
  auto out = ctx.db.Run<store::OfferRow>([&](store::Tx& tx) -> core::Result<store::OfferRow> {
    auto r = PublishedRound(tx, actor, round_id);
    if (!r) return std::unexpected(r.error());
    auto s = store::FindScrambleApplication(tx, scramble_application_id);
    if (!s || s->round_id != round_id || s->institution_id != institution_id) {
      return core::NotFound("no such scramble application");
    }
    auto schedule = ScheduleOf(tx, ctx, round_id);
    if (!schedule.current) return core::Conflict("offers are made only during a scramble round: " + NoRoundOpen(schedule));
    const auto& current = schedule.rounds[*schedule.current];
    store::LockApplicant(tx, s->applicant_id);
    if (AcceptedScrambleOffer(tx, s->applicant_id)) {
      return core::Conflict("this applicant already accepted a scramble offer");
    }
    auto blocks = store::ListRoundBlocks(tx, round_id);
    auto b = std::find_if(blocks.begin(), blocks.end(),
                          [&](const store::RoundBlockRow& x) { return x.block_id == s->block_id; });
    if (b == blocks.end()) return core::NotFound("no such block in this round");
    int left = b->seats - b->filled;
    int pending = store::PendingScrambleOffersOfBlock(tx, b->block_id, Now(ctx));
    if (left - pending <= 0) {
      return core::Conflict("this block's " + std::to_string(std::max(left, 0)) + " seat(s) left are covered by " +
                            std::to_string(pending) + " pending scramble offer(s); wait until one is answered or lapses");
    }
    auto a = store::FindApplication(tx, s->application_id);
    if (!a) return core::NotFound("no such application");
    auto ends = core::ParseIso8601(current.ends_at);
    auto o = InsertScrambleOffer(tx, ctx, actor, *a, b->block_id, *ends, current.id, note);
    if (!o) return std::unexpected(o.error());
    return *o;
  });
  return out;
}

}  // namespace clerkship::services

namespace clerkship::services {

core::Result<int> AnnounceOpenScrambleRounds(Context& ctx, const std::string& runner) {
  auto due = ctx.db.RunRead<std::vector<store::ScrambleRoundRow>>(
      [&](store::Tx& tx) -> core::Result<std::vector<store::ScrambleRoundRow>> {
        return store::ScrambleRoundsToAnnounce(tx, Now(ctx));
      });
  if (!due) return std::unexpected(due.error());
  Actor system;  // the scheduler: audit entries carry no user
  int queued = 0;
  for (const auto& sr : *due) {
    // Claim and e-mails in one transaction: a process that loses the claim
    // sends nothing, and a failure rolls the claim back for the next pass.
    auto n = ctx.db.Run<int>([&](store::Tx& tx) -> core::Result<int> {
      std::string now = Now(ctx);
      if (!store::ClaimScrambleNotice(tx, sr.id, now, runner)) return 0;  // another process has it
      auto r = store::FindMatchRound(tx, sr.round_id);
      if (!r) return 0;
      int limit = store::ScrambleLimitOf(tx, sr.round_id);
      int unfilled = 0;
      for (const auto& b : store::ListRoundBlocks(tx, sr.round_id)) {
        if (b.seats > b.filled) ++unfilled;
      }
      auto ends = core::ParseIso8601(sr.ends_at);
      // Users have no time zone of their own: the end is written in UTC.
      std::string until = ends ? adapters::LocalDateTimeWithZone(*ends, "UTC") : sr.ends_at;
      std::string link = ctx.public_url + "/match-rounds/" + sr.round_id;
      int sent = 0;
      for (const auto& res : store::ListMatchResults(tx, sr.round_id)) {
        if (res.outcome == "matched") continue;
        if (AcceptedScrambleOffer(tx, res.applicant_id)) continue;
        int left = limit - store::CountScrambleApplications(tx, sr.round_id, res.applicant_id);
        if (left <= 0) continue;
        auto user = store::FindUserById(tx, res.applicant_id);
        if (!user) continue;
        SendEmail(tx, ctx, user->email,
                  ScrambleOpenMessage(user->display_name, r->name, unfilled, left, until, link));
        ++sent;
      }
      Audit(tx, ctx, system, "match_round.scramble.announce", "match_round", sr.round_id, "",
            "round " + std::to_string(sr.seq) + ": " + std::to_string(sent) + " e-mails (" + runner + ")");
      return sent;
    });
    if (!n) return std::unexpected(n.error());
    queued += *n;
  }
  return queued;
}

}  // namespace clerkship::services
