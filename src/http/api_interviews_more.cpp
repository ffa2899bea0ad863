// Fair release of interview slots and interviewers' scorecards (issue 7;
// docs/interviews.md).
#include "http/api.h"
#include "services/interviews.h"
#include "services/interviews_more.h"

namespace clerkship::http {
namespace {

core::Error Bad(const std::string& field, const std::string& message) {
  return core::Error{core::ErrorCode::kInvalidArgument, message, field, {}};
}

core::Result<int> IntField(const Json& j, const char* name, int fallback, int lo, int hi) {
  if (!j.contains(name)) return fallback;
  if (!j[name].is_number_integer() || j[name].get<long long>() < lo || j[name].get<long long>() > hi) {
    return std::unexpected(
        Bad(name, std::string(name) + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi)));
  }
  return j[name].get<int>();
}

core::Result<std::vector<std::string>> IdList(const Json& j, const char* name, bool required) {
  std::vector<std::string> out;
  if (!j.contains(name)) {
    if (required) return std::unexpected(Bad(name, std::string(name) + " is required (a list of ids)"));
    return out;
  }
  if (!j[name].is_array()) return std::unexpected(Bad(name, std::string(name) + " must be a list of ids"));
  for (size_t i = 0; i < j[name].size(); ++i) {
    const Json& v = j[name][i];
    if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > 64) {
      return std::unexpected(Bad(std::string(name) + "[" + std::to_string(i) + "]", "must be an id"));
    }
    out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace

Json ScorecardJson(const store::ScorecardRow& c) {
  Json scores = Json::parse(c.scores, nullptr, false);
  if (scores.is_discarded()) scores = Json::object();
  return {{"booking_id", c.booking_id},
          {"interviewer_id", c.interviewer_id},
          {"interviewer_name", c.interviewer_name},
          {"scores", scores},
          {"total", c.total / 100.0},
          {"recommendation", c.recommendation},
          {"notes", c.notes},
          {"status", c.status},
          {"version", c.version},
          {"submitted_at", c.submitted_at},
          {"updated_at", c.updated_at}};
}

Json InterviewScorecardsJson(const services::ScorecardsView& v) {
  Json cards = Json::array();
  int submitted = 0;
  for (const auto& c : v.cards) {
    Json card = ScorecardJson(c);
    bool named = false;
    for (const auto& i : v.interviewer_accounts) named = named || i.user_id == c.interviewer_id;
    card["named_interviewer"] = named;
    cards.push_back(std::move(card));
    if (c.status == "submitted") ++submitted;
  }
  Json accounts = Json::array();
  for (const auto& i : v.interviewer_accounts) accounts.push_back({{"user_id", i.user_id}, {"name", i.display_name}});
  return {{"booking_id", v.booking_id ? Json(*v.booking_id) : Json(nullptr)},
          {"starts_at", v.starts_at ? Json(*v.starts_at) : Json(nullptr)},
          {"interviewers", v.interviewers ? Json(*v.interviewers) : Json(nullptr)},
          {"interviewer_accounts", accounts},
          {"you_interview", v.you_interview},
          {"scorecards", cards},
          {"submitted_count", submitted},
          {"average", v.average < 0 ? Json(nullptr) : Json(v.average / 100.0)}};
}

Json ApplicantReleaseJson(const services::ApplicantRelease& r) {
  return {{"mode", r.mode},
          {"release_at", r.release_at},
          {"turn", r.turn},
          {"turn_opens_at", r.turn_opens_at},
          {"preference_deadline", r.preference_deadline},
          {"assigned", r.assigned},
          {"can_rank", r.can_rank},
          {"preferences", r.preferences}};
}

void RegisterInterviewMoreApi(ApiBuilder& api) {
  auto& ctx = api.ctx();

  api.Add("PUT", "/api/institutions/{id}/offerings/{offering_id}/interview-release", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"mode", "release_date", "release_time", "window_minutes",
                                              "deadline_date", "deadline_time", "version"});
            if (!obj) return ErrorResponse(obj.error());
            const Json& j = *obj;
            services::ReleaseInput in;
            auto mode = StringField(j, "mode", true);
            if (!mode) return ErrorResponse(mode.error());
            in.mode = *mode;
            for (auto [name, target] : {std::pair{"release_date", &in.release_date},
                                        std::pair{"release_time", &in.release_time},
                                        std::pair{"deadline_date", &in.deadline_date},
                                        std::pair{"deadline_time", &in.deadline_time}}) {
              auto v = StringField(j, name, false);
              if (!v) return ErrorResponse(v.error());
              *target = *v;
            }
            auto window = IntField(j, "window_minutes", 10, 1, 1440);
            if (!window) return ErrorResponse(window.error());
            in.window_minutes = *window;
            auto version = IntField(j, "version", -1, 0, 1000000000);
            if (!version) return ErrorResponse(version.error());
            if (*version < 0) return ErrorResponse(Bad("version", "version must be the number you read (0 at first)"));
            in.version = *version;
            auto r = services::SaveInterviewRelease(ctx, req.actor, req.params["id"], req.params["offering_id"], in);
            if (!r) return ErrorResponse(r.error());
            return JsonResponse({{"mode", r->mode},
                                 {"release_at", r->release_at},
                                 {"window_minutes", r->window_minutes},
                                 {"preference_deadline", r->preference_deadline},
                                 {"seed", r->seed},
                                 {"assigned_at", r->assigned_at},
                                 {"version", r->version}});
          });

  api.Add("POST", "/api/institutions/{id}/offerings/{offering_id}/interview-assignment",
          Access::kInstitutionCoordinator, [&ctx](Request& req) {
            if (!req.body.empty()) {
              auto obj = ParseObject(req.body, {});
              if (!obj) return ErrorResponse(obj.error());
            }
            auto out = services::RunInterviewAssignment(ctx, req.actor, req.params["id"], req.params["offering_id"]);
            if (!out) return ErrorResponse(out.error());
            Json assigned = Json::array();
            for (const auto& a : out->assigned) {
              assigned.push_back({{"application_id", a.application_id},
                                  {"applicant_name", a.applicant_name},
                                  {"slot_id", a.slot_id},
                                  {"starts_at", a.starts_at}});
            }
            return JsonResponse({{"seed", out->seed}, {"assigned", assigned}, {"unassigned", out->unassigned}});
          });

  api.Add("POST", "/api/institutions/{id}/offerings/{offering_id}/interview-nudges", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            Json j = Json::object();
            if (!req.body.empty()) {
              auto obj = ParseObject(req.body, {"application_ids"});
              if (!obj) return ErrorResponse(obj.error());
              j = *obj;
            }
            auto ids = IdList(j, "application_ids", false);
            if (!ids) return ErrorResponse(ids.error());
            auto sent = services::NudgeNotBooked(ctx, req.actor, req.params["id"], req.params["offering_id"], *ids);
            if (!sent) return ErrorResponse(sent.error());
            return JsonResponse({{"sent", *sent}});
          });

  api.Add("PUT", "/api/applications/{application_id}/interview/preferences", Access::kApplicant,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"slot_ids"});
            if (!obj) return ErrorResponse(obj.error());
            auto ids = IdList(*obj, "slot_ids", true);
            if (!ids) return ErrorResponse(ids.error());
            auto st = services::SaveInterviewPreferences(ctx, req.actor, req.params["application_id"], *ids);
            if (!st) return ErrorResponse(st.error());
            auto v = services::GetApplicantInterview(ctx, req.actor, req.params["application_id"]);
            if (!v) return ErrorResponse(v.error());
            return JsonResponse({{"application_id", v->application_id}, {"release", ApplicantReleaseJson(v->release)}});
          });

  api.Add("PUT", "/api/institutions/{id}/applications/{application_id}/scorecard", Access::kInstitutionStaff,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"scores", "recommendation", "notes", "submit", "version"});
            if (!obj) return ErrorResponse(obj.error());
            const Json& j = *obj;
            services::ScorecardInput in;
            if (j.contains("scores")) {
              if (!j["scores"].is_object()) {
                return ErrorResponse(Bad("scores", "scores must be an object of criterion → 1..5"));
              }
              for (const auto& [key, value] : j["scores"].items()) {
                if (!value.is_number_integer()) {
                  return ErrorResponse(Bad("scores." + key, "a score is a whole number 1..5"));
                }
                long long n = value.get<long long>();
                in.scores[key] = n < 0 || n > 100 ? -1 : static_cast<int>(n);
              }
            }
            auto rec = StringField(j, "recommendation", false);
            if (!rec) return ErrorResponse(rec.error());
            in.recommendation = *rec;
            auto notes = StringField(j, "notes", false);
            if (!notes) return ErrorResponse(notes.error());
            in.notes = *notes;
            if (j.contains("submit")) {
              if (!j["submit"].is_boolean()) return ErrorResponse(Bad("submit", "submit is true or false"));
              in.submit = j["submit"].get<bool>();
            }
            auto version = IntField(j, "version", -1, 0, 1000000000);
            if (!version) return ErrorResponse(version.error());
            if (*version < 0) return ErrorResponse(Bad("version", "version must be the number you read (0 for a new card)"));
            in.version = *version;
            auto c = services::SaveInterviewScorecard(ctx, req.actor, req.params["id"], req.params["application_id"], in);
            if (!c) return ErrorResponse(c.error());
            return JsonResponse(ScorecardJson(*c));
          });
}

}  // namespace clerkship::http
