// The scheduled match day of a round (issue 9; docs/match.md "Scheduled
// match day"): the admin turns the automatic run on or off and reads its outcome.
#include "http/api.h"
#include "services/match_day.h"

namespace clerkship::http {
namespace {

Json ScheduleJson(const store::MatchDayScheduleRow& s) {
  auto nullable = [](const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); };
  return {{"scheduled", s.scheduled},
          {"claimed_at", nullable(s.claimed_at)},
          {"outcome", nullable(s.outcome)},
          {"finished_at", nullable(s.finished_at)}};
}

}  // namespace

void RegisterMatchDayApi(ApiBuilder& api) {
  auto& ctx = api.ctx();

  api.Add("GET", "/api/match-rounds/{round_id}/match-day", Access::kAdmin, [&ctx](Request& req) {
    auto s = services::GetMatchDaySchedule(ctx, req.params["round_id"]);
    if (!s) return ErrorResponse(s.error());
    return JsonResponse(ScheduleJson(*s));
  });

  api.Add("PUT", "/api/match-rounds/{round_id}/match-day", Access::kAdmin, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"scheduled"});
    if (!obj) return ErrorResponse(obj.error());
    if (!obj->contains("scheduled") || !(*obj)["scheduled"].is_boolean()) {
      return ErrorResponse(core::Error{core::ErrorCode::kInvalidArgument, "scheduled is true or false", "scheduled", {}});
    }
    auto s = services::ScheduleMatchDay(ctx, req.actor, req.params["round_id"], (*obj)["scheduled"].get<bool>());
    if (!s) return ErrorResponse(s.error());
    return JsonResponse(ScheduleJson(*s));
  });
}

}  // namespace clerkship::http
