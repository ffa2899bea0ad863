#include "services/match_day.h"

#include "services/internal.h"
#include "services/match_rounds.h"
#include "store/match_rounds.h"

namespace clerkship::services {
namespace {

std::string Now(Context& ctx) { return core::FormatIso8601(ctx.clock.Now()); }

}  // namespace

core::Result<store::MatchDayScheduleRow> ScheduleMatchDay(Context& ctx, const Actor& actor,
                                                          const std::string& round_id, bool scheduled) {
  return ctx.db.Run<store::MatchDayScheduleRow>([&](store::Tx& tx) -> core::Result<store::MatchDayScheduleRow> {
    auto r = store::FindMatchRound(tx, round_id);
    if (!r) return core::NotFound("no such match round");
    if (r->status == "published") return core::Conflict("this round is already published");
    auto existing = store::FindMatchDaySchedule(tx, round_id);
    if (existing && !existing->claimed_at.empty()) {
      return core::Conflict("the scheduler started this round's match day at " + existing->claimed_at);
    }
    std::string now = Now(ctx);
    store::SaveMatchDaySchedule(tx, round_id, scheduled, now);
    Audit(tx, ctx, actor, scheduled ? "match_round.match_day.schedule" : "match_round.match_day.unschedule",
          "match_round", round_id, "", r->match_day);
    return *store::FindMatchDaySchedule(tx, round_id);
  });
}

core::Result<store::MatchDayScheduleRow> GetMatchDaySchedule(Context& ctx, const std::string& round_id) {
  return ctx.db.RunRead<store::MatchDayScheduleRow>([&](store::Tx& tx) -> core::Result<store::MatchDayScheduleRow> {
    if (!store::FindMatchRound(tx, round_id)) return core::NotFound("no such match round");
    auto s = store::FindMatchDaySchedule(tx, round_id);
    if (s) return *s;
    store::MatchDayScheduleRow none;
    none.round_id = round_id;
    return none;
  });
}

core::Result<std::vector<MatchDayOutcome>> RunDueMatchDays(Context& ctx, const std::string& runner) {
  auto due = ctx.db.RunRead<std::vector<std::string>>(
      [&](store::Tx& tx) -> core::Result<std::vector<std::string>> { return store::DueMatchDays(tx, Now(ctx)); });
  if (!due) return std::unexpected(due.error());
  Actor system;  // the scheduler: audit entries carry no user
  std::vector<MatchDayOutcome> out;
  for (const auto& id : *due) {
    auto claimed = ctx.db.Run<bool>([&](store::Tx& tx) -> core::Result<bool> {
      if (!store::ClaimMatchDay(tx, id, Now(ctx), runner)) return false;
      Audit(tx, ctx, system, "match_round.match_day.claim", "match_round", id, "", runner);
      return true;
    });
    if (!claimed) return std::unexpected(claimed.error());
    if (!*claimed) continue;  // another process has it
    std::string outcome;
    auto round = GetMatchRoundForAdmin(ctx, id);
    bool run_needed = round && round->round.status != "matched";
    bool ok = true;
    if (run_needed) {
      auto run = RunMatchRound(ctx, system, id);
      if (!run) {
        ok = false;
        outcome = "failed: " + run.error().message;
      }
    }
    if (ok) {
      auto pub = PublishMatchRound(ctx, system, id);
      if (pub) {
        outcome = "published: " + std::to_string(pub->placed) + " placed, " + std::to_string(pub->not_matched) +
                  " not matched, " + std::to_string(pub->lapsed) + " lapsed";
      } else {
        outcome = "failed: " + pub.error().message;
      }
    }
    auto finished = ctx.db.Transact([&](store::Tx& tx) -> core::Status {
      store::FinishMatchDay(tx, id, outcome, Now(ctx));
      Audit(tx, ctx, system, "match_round.match_day.finish", "match_round", id, "", outcome);
      return {};
    });
    if (!finished) return std::unexpected(finished.error());
    out.push_back({id, outcome});
  }
  return out;
}

}  // namespace clerkship::services
