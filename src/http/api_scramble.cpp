// The scramble after a published match round (issue 9; docs/match.md
// "Scramble"): the admin's schedule, the applicant's view and applications,
// the coordinator's unfilled blocks and scramble offers.
#include "http/api.h"
#include "services/scramble.h"

namespace clerkship::http {
namespace {

core::Error Bad(const std::string& field, const std::string& message) {
  return core::Error{core::ErrorCode::kInvalidArgument, message, field, {}};
}

Json Nullable(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json ScheduleJson(const services::ScrambleSchedule& s) {
  Json rounds = Json::array();
  for (size_t i = 0; i < s.rounds.size(); ++i) {
    const auto& r = s.rounds[i];
    std::string state = s.current && *s.current == i ? "open" : (r.ends_at <= s.now ? "ended" : "upcoming");
    rounds.push_back({{"id", r.id}, {"number", i + 1}, {"starts_at", r.starts_at}, {"ends_at", r.ends_at},
                      {"state", state}});
  }
  return {{"application_limit", s.application_limit},
          {"rounds", rounds},
          {"current", s.current ? Json(s.rounds[*s.current].id) : Json(nullptr)},
          {"next", s.next ? Json(s.rounds[*s.next].id) : Json(nullptr)},
          {"now", s.now}};
}

Json BlockJson(const store::RoundBlockRow& b) {
  return {{"block_id", b.block_id},
          {"offering_id", b.offering_id},
          {"offering_title", b.offering_title},
          {"institution_id", b.institution_id},
          {"institution_name", b.institution_name},
          {"start_date", b.start_date},
          {"end_date", b.end_date},
          {"seats", b.seats},
          {"seats_left", std::max(0, b.seats - b.filled)}};
}

Json OfferJson(const std::optional<store::OfferRow>& o) {
  if (!o) return nullptr;
  return {{"id", o->id},
          {"status", o->status},
          {"expires_at", o->expires_at},
          {"scramble_round_id", Nullable(o->scramble_round_id)}};
}

}  // namespace

void RegisterScrambleApi(ApiBuilder& api) {
  auto& ctx = api.ctx();

  api.Add("PUT", "/api/match-rounds/{round_id}/scramble/schedule", Access::kAdmin, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"application_limit", "rounds"});
    if (!obj) return ErrorResponse(obj.error());
    const Json& j = *obj;
    int limit = store::kDefaultScrambleLimit;
    if (j.contains("application_limit")) {
      if (!j["application_limit"].is_number_integer() || j["application_limit"].get<long long>() < 1 ||
          j["application_limit"].get<long long>() > 100) {
        return ErrorResponse(Bad("application_limit", "the application limit is a whole number from 1 to 100"));
      }
      limit = j["application_limit"].get<int>();
    }
    if (!j.contains("rounds") || !j["rounds"].is_array() || j["rounds"].size() > 20) {
      return ErrorResponse(Bad("rounds", "rounds must list 1 to 20 {starts_at, ends_at}"));
    }
    std::vector<core::ScrambleWindow> rounds;
    for (size_t i = 0; i < j["rounds"].size(); ++i) {
      const Json& r = j["rounds"][i];
      std::string field = "rounds[" + std::to_string(i) + "]";
      core::ScrambleWindow w;
      for (auto [name, target] : {std::pair{"starts_at", &w.starts_at}, std::pair{"ends_at", &w.ends_at}}) {
        if (!r.is_object() || !r.contains(name) || !r[name].is_string()) {
          return ErrorResponse(Bad(field + "." + name, std::string(name) + " is a UTC time like 2027-03-15T12:00:00Z"));
        }
        *target = r[name].get<std::string>();
      }
      rounds.push_back(std::move(w));
    }
    auto s = services::SaveScrambleSchedule(ctx, req.actor, req.params["round_id"], rounds, limit);
    if (!s) return ErrorResponse(s.error());
    return JsonResponse(ScheduleJson(*s));
  });

  api.Add("GET", "/api/match-rounds/{round_id}/scramble/schedule", Access::kSession, [&ctx](Request& req) {
    auto s = services::GetScrambleSchedule(ctx, req.actor, req.params["round_id"]);
    if (!s) return ErrorResponse(s.error());
    return JsonResponse(ScheduleJson(*s));
  });

  api.Add("GET", "/api/match-rounds/{round_id}/scramble/me", Access::kApplicant, [&ctx](Request& req) {
    auto v = services::GetApplicantScramble(ctx, req.actor, req.params["round_id"]);
    if (!v) return ErrorResponse(v.error());
    Json blocks = Json::array();
    for (const auto& b : v->blocks) blocks.push_back(BlockJson(b));
    Json apps = Json::array();
    for (const auto& a : v->applications) {
      apps.push_back({{"id", a.row.id},
                      {"block", BlockJson(a.block)},
                      {"application_id", a.row.application_id},
                      {"application_status", a.row.application_status},
                      {"scramble_round_id", a.row.scramble_round_id},
                      {"created_at", a.row.created_at},
                      {"offer", OfferJson(a.offer)}});
    }
    return JsonResponse(Json{{"schedule", ScheduleJson(v->schedule)},
                             {"used", v->used},
                             {"can_apply", v->can_apply},
                             {"reason", Nullable(v->reason)},
                             {"blocks", blocks},
                             {"applications", apps}});
  });

  api.Add("POST", "/api/match-rounds/{round_id}/scramble/applications", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"block_id"});
    if (!obj) return ErrorResponse(obj.error());
    auto block = StringField(*obj, "block_id", true);
    if (!block) return ErrorResponse(block.error());
    auto a = services::ApplyInScramble(ctx, req.actor, req.params["round_id"], *block);
    if (!a) return ErrorResponse(a.error());
    return JsonResponse(Json{{"id", a->id},
                             {"block_id", a->block_id},
                             {"application_id", a->application_id},
                             {"scramble_round_id", a->scramble_round_id},
                             {"created_at", a->created_at}},
                        201);
  });

  api.Add("GET", "/api/institutions/{id}/match-rounds/{round_id}/scramble", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto v = services::GetInstitutionScramble(ctx, req.actor, req.params["id"], req.params["round_id"]);
            if (!v) return ErrorResponse(v.error());
            Json blocks = Json::array();
            for (const auto& b : v->blocks) {
              Json applicants = Json::array();
              for (const auto& a : b.applicants) {
                applicants.push_back({{"id", a.row.id},
                                      {"applicant_id", a.row.applicant_id},
                                      {"name", a.row.applicant_name},
                                      {"application_id", a.row.application_id},
                                      {"application_status", a.row.application_status},
                                      {"created_at", a.row.created_at},
                                      {"offer", OfferJson(a.offer)}});
              }
              Json bj = BlockJson(b.block);
              bj["pending_offers"] = b.pending_offers;
              bj["applicants"] = applicants;
              blocks.push_back(bj);
            }
            return JsonResponse(Json{{"round", {{"id", v->round.id}, {"name", v->round.name}}},
                                     {"schedule", ScheduleJson(v->schedule)},
                                     {"blocks", blocks}});
          });

  api.Add("POST", "/api/institutions/{id}/match-rounds/{round_id}/scramble/offers", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"scramble_application_id", "note"});
            if (!obj) return ErrorResponse(obj.error());
            auto id = StringField(*obj, "scramble_application_id", true);
            if (!id) return ErrorResponse(id.error());
            auto note = StringField(*obj, "note", false);
            if (!note) return ErrorResponse(note.error());
            auto o = services::MakeScrambleOffer(ctx, req.actor, req.params["id"], req.params["round_id"], *id, *note);
            if (!o) return ErrorResponse(o.error());
            return JsonResponse(Json{{"id", o->id},
                                     {"status", o->status},
                                     {"block_id", o->block_id},
                                     {"application_id", o->application_id},
                                     {"expires_at", o->expires_at},
                                     {"scramble_round_id", o->scramble_round_id}},
                                201);
          });
}

}  // namespace clerkship::http
