// Review queue, scores, decisions, waitlist, timeline and messages (issue 6;
// docs/applications.md).
#include "http/api.h"
#include "services/review.h"

namespace clerkship::http {
namespace {

core::Error Bad(const std::string& field, const std::string& message) {
  return core::Error{core::ErrorCode::kInvalidArgument, message, field, {}};
}

// What programs see of the applicant's school verification (null: never asked).
Json SchoolJson(const std::optional<store::SchoolVerificationRow>& s) {
  if (!s) return nullptr;
  return {{"status", s->status},
          {"school_name", s->school_name},
          {"office_name", s->office_name},
          {"claim", s->claim},
          {"year", s->year ? Json(s->year) : Json(nullptr)},
          {"good_standing", s->good_standing},
          {"method", s->method},
          {"attester_name", s->attester_name},
          {"attester_title", s->attester_title},
          {"has_letter", s->status == "verified" && !s->blob.empty()},
          {"requested_at", s->created_at},
          {"responded_at", s->responded_at}};
}

std::string Query(const Request& req, const char* name) {
  auto it = req.query.find(name);
  return it == req.query.end() ? "" : it->second;
}

// A whole number query parameter within [lo, hi], `fallback` when absent.
core::Result<int> IntQuery(const Request& req, const char* name, int fallback, int lo, int hi) {
  std::string s = Query(req, name);
  if (s.empty()) return fallback;
  if (s.size() > 7 || s.find_first_not_of("0123456789") != std::string::npos || std::stoi(s) < lo ||
      std::stoi(s) > hi) {
    return std::unexpected(
        Bad(name, std::string(name) + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi)));
  }
  return std::stoi(s);
}

core::Result<int> VersionField(const Json& j, bool required) {
  if (!j.contains("version")) {
    if (required) return std::unexpected(Bad("version", "version must be the whole number you read"));
    return -1;
  }
  if (!j["version"].is_number_integer() || j["version"].get<long long>() < 0 ||
      j["version"].get<long long>() > 1000000000) {
    return std::unexpected(Bad("version", "version must be the whole number you read"));
  }
  return j["version"].get<int>();
}

Json EventJson(const store::EventRow& e) {
  return {{"id", e.id},           {"kind", e.kind},           {"event", e.event},
          {"from", e.from_status}, {"to", e.to_status},        {"actor_kind", e.actor_kind},
          {"detail", e.detail},   {"created_at", e.created_at}};
}

Json TimelineJson(const std::vector<store::EventRow>& list) {
  Json out = Json::array();
  for (const auto& e : list) out.push_back(EventJson(e));
  return out;
}

Json MessageJson(const store::MessageRow& m) {
  return {{"id", m.id},           {"sender_id", m.sender_id}, {"sender_name", m.sender_name},
          {"side", m.sender_side}, {"body", m.body},          {"created_at", m.created_at}};
}

Json RubricJson(const std::vector<services::Criterion>& rubric) {
  Json out = Json::array();
  for (const auto& c : rubric) out.push_back({{"key", c.key}, {"label", c.label}, {"weight", c.weight}});
  return out;
}

// Hundredths of a point as a number with two decimals.
double Points(int hundredths) { return hundredths / 100.0; }

Json ScoreJson(const store::ScoreRow& s) {
  Json scores = Json::parse(s.scores, nullptr, false);
  if (scores.is_discarded()) scores = Json::object();
  return {{"reviewer_id", s.reviewer_id}, {"reviewer_name", s.reviewer_name}, {"scores", scores},
          {"total", Points(s.total)},     {"note", s.note},                   {"version", s.version},
          {"updated_at", s.updated_at}};
}

Json StateJson(const store::ApplicationRow& a) {
  return {{"id", a.id},
          {"status", a.status},
          {"status_reason", a.status_reason},
          {"version", a.version},
          {"updated_at", a.updated_at}};
}

Response Ok204() {
  Response r;
  r.status = 204;
  return r;
}

Json SettingsJson(const services::ReviewSettings& s) {
  return {{"rubric", RubricJson(s.rubric)},
          {"target_days", s.target_days},
          {"is_default", s.is_default},
          {"updated_at", s.updated_at}};
}

// {"rubric":[{"key","label","weight"}…],"target_days":N}; every mistake names its field.
core::Result<services::ReviewSettings> ParseSettings(const std::string& body) {
  auto obj = ParseObject(body, {"rubric", "target_days"});
  if (!obj) return std::unexpected(obj.error());
  const Json& j = *obj;
  services::ReviewSettings out;
  if (!j.contains("rubric") || !j["rubric"].is_array()) {
    return std::unexpected(Bad("rubric", "rubric must list the criteria"));
  }
  for (size_t i = 0; i < j["rubric"].size(); ++i) {
    const Json& c = j["rubric"][i];
    const std::string at = "rubric[" + std::to_string(i) + "]";
    if (!c.is_object()) return std::unexpected(Bad(at, "a criterion has a key, a label and a weight"));
    for (const auto& [k, v] : c.items()) {
      if (k != "key" && k != "label" && k != "weight") return std::unexpected(Bad(at + "." + k, "unknown field"));
    }
    if (!c.contains("key") || !c["key"].is_string()) return std::unexpected(Bad(at + ".key", "a key is text"));
    if (!c.contains("label") || !c["label"].is_string()) {
      return std::unexpected(Bad(at + ".label", "a label is text"));
    }
    if (!c.contains("weight") || !c["weight"].is_number_integer() || c["weight"].get<long long>() < 0 ||
        c["weight"].get<long long>() > 1000) {
      return std::unexpected(Bad(at + ".weight", "a weight is a whole number from 1 to 100"));
    }
    out.rubric.push_back({c["key"].get<std::string>(), c["label"].get<std::string>(), c["weight"].get<int>()});
  }
  if (!j.contains("target_days") || !j["target_days"].is_number_integer() ||
      j["target_days"].get<long long>() < 0 || j["target_days"].get<long long>() > 1000) {
    return std::unexpected(Bad("target_days", "target_days is a whole number of days from 1 to 90"));
  }
  out.target_days = j["target_days"].get<int>();
  return out;
}

}  // namespace

void RegisterReviewApi(ApiBuilder& api) {
  auto& ctx = api.ctx();

  // ---- settings: the rubric and the response-time target
  api.Add("GET", "/api/institutions/{id}/review-settings", Access::kInstitutionStaff, [&ctx](Request& req) {
    auto s = services::GetReviewSettings(ctx, req.params["id"]);
    if (!s) return ErrorResponse(s.error());
    return JsonResponse(SettingsJson(*s));
  });
  api.Add("PUT", "/api/institutions/{id}/review-settings", Access::kInstitutionCoordinator, [&ctx](Request& req) {
    auto in = ParseSettings(req.body);
    if (!in) return ErrorResponse(in.error());
    auto s = services::SaveReviewSettings(ctx, req.actor, req.params["id"], in->rubric, in->target_days);
    if (!s) return ErrorResponse(s.error());
    return JsonResponse(SettingsJson(*s));
  });

  // ---- staff
  api.Add("GET", "/api/institutions/{id}/offerings/{offering_id}/review", Access::kInstitutionStaff,
          [&ctx](Request& req) {
            services::QueueQuery q;
            q.status = Query(req, "status");
            q.block_id = Query(req, "block_id");
            q.country = Query(req, "country");
            q.exam = Query(req, "exam");
            q.search = Query(req, "q");
            if (!q.country.empty() && q.country.size() != 2) {
              return ErrorResponse(Bad("country", "country is a two-letter code"));
            }
            std::string sort = Query(req, "sort");
            if (!sort.empty()) q.sort = sort;
            auto min = IntQuery(req, "min_score", -1, 0, 100);
            if (!min) return ErrorResponse(min.error());
            q.min_score = *min;
            auto limit = IntQuery(req, "limit", 50, 1, 200);
            if (!limit) return ErrorResponse(limit.error());
            q.limit = *limit;
            auto offset = IntQuery(req, "offset", 0, 0, 1000000);
            if (!offset) return ErrorResponse(offset.error());
            q.offset = *offset;
            std::string cleared = Query(req, "compliance_cleared");
            if (cleared == "true") {
              q.compliance_cleared = true;
            } else if (cleared == "false") {
              q.compliance_cleared = false;
            } else if (!cleared.empty()) {
              return ErrorResponse(Bad("compliance_cleared", "compliance_cleared is true or false"));
            }
            for (auto [name, target] : {std::pair{"eligible", &q.eligible}, std::pair{"school_verified", &q.school_verified}}) {
              std::string v = Query(req, name);
              if (v == "true") {
                *target = true;
              } else if (v == "false") {
                *target = false;
              } else if (!v.empty()) {
                return ErrorResponse(Bad(name, std::string(name) + " is true or false"));
              }
            }
            auto page = services::ReviewQueue(ctx, req.actor, req.params["id"], req.params["offering_id"], q);
            if (!page) return ErrorResponse(page.error());
            Json items = Json::array();
            for (const auto& it : page->items) {
              const auto& r = it.row;
              items.push_back({{"application_id", r.application_id},
                               {"applicant", {{"id", r.applicant_id}, {"name", r.applicant_name}}},
                               {"school", {{"name", r.school_name}, {"country", r.school_country}}},
                               {"exams", r.exams_summary},
                               {"status", r.status},
                               {"version", r.version},
                               {"submitted_at", r.submitted_at},
                               {"score_count", r.score_count},
                               {"score_average", r.score_count ? Json(Points(r.score_avg)) : Json(nullptr)},
                               {"score_spread", r.score_count ? Json(Points(r.score_spread)) : Json(nullptr)},
                               {"waitlist_rank", r.status == "waitlisted" ? Json(r.waitlist_rank) : Json(nullptr)},
                               {"compliance_cleared", it.compliance_cleared},
                               {"eligibility_flags", it.eligibility_flags},
                               {"school_verified", it.school_verified},
                               {"unread", r.unread}});
            }
            return JsonResponse(Json{{"items", items}, {"total", page->total}, {"rubric", RubricJson(page->rubric)}});
          });

  api.Add("GET", "/api/institutions/{id}/applications/{application_id}", Access::kInstitutionStaff,
          [&ctx](Request& req) {
            auto v = services::GetStaffApplication(ctx, req.actor, req.params["id"], req.params["application_id"]);
            if (!v) return ErrorResponse(v.error());
            Json blocks = Json::array();
            for (const auto& b : v->row.block_ids) blocks.push_back(b);
            Json docs = Json::array();
            for (const auto& d : v->documents) {
              docs.push_back({{"id", d.id}, {"type", d.type}, {"title", d.title}, {"status", d.status},
                              {"current_version", d.current_version}});
            }
            Json scores = Json::array();
            for (const auto& s : v->scores) scores.push_back(ScoreJson(s));
            Json snapshot = nullptr;
            if (v->snapshot) {
              Json profile = Json::parse(v->snapshot->profile, nullptr, false);
              if (profile.is_discarded()) profile = Json::object();
              snapshot = {{"profile", profile},
                          {"applicant_name", v->snapshot->applicant_name},
                          {"school", {{"name", v->snapshot->school_name}, {"country", v->snapshot->school_country}}},
                          {"exams", v->snapshot->exams_summary},
                          {"created_at", v->snapshot->created_at}};
            }
            const auto& f = v->facts;
            return JsonResponse(Json{
                {"id", v->row.id},
                {"applicant_id", v->row.applicant_id},
                {"offering_id", v->row.offering_id},
                {"offering_title", v->offering_title},
                {"status", v->row.status},
                {"status_reason", v->row.status_reason},
                {"version", v->row.version},
                {"submitted_at", v->row.submitted_at},
                {"block_ids", blocks},
                {"snapshot", snapshot},
                {"documents", docs},
                {"rubric", RubricJson(v->rubric)},
                {"scores", scores},
                {"score_count", f.score_count},
                {"score_average", f.score_count ? Json(Points(f.score_avg)) : Json(nullptr)},
                {"score_spread", f.score_count ? Json(Points(f.score_spread)) : Json(nullptr)},
                {"waitlist_rank", v->row.status == "waitlisted" ? Json(f.waitlist_rank) : Json(nullptr)},
                {"timeline", TimelineJson(v->timeline)},
                {"allowed_events", v->allowed_events},
                {"eligibility", EligibilityJson(v->eligibility)},
                {"materials", {{"cover_letter_text", v->materials.cover_letter_text},
                               {"cover_letter_pdf", v->materials.cover_letter_pdf},
                               {"cv_kind", v->materials.cv_kind},
                               {"cv_sent", v->materials.cv_frozen}}},
                {"interview", InterviewScorecardsJson(v->interview)},
                {"fee", FeeJson(v->fee)},
                {"school_verification", SchoolJson(v->school)},
                {"unread", v->unread}});
          });

  api.Add("PUT", "/api/institutions/{id}/applications/{application_id}/score", Access::kInstitutionStaff,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"scores", "note", "version"});
            if (!obj) return ErrorResponse(obj.error());
            const Json& j = *obj;
            if (!j.contains("scores") || !j["scores"].is_object()) {
              return ErrorResponse(Bad("scores", "scores must be an object of criterion → 1..5"));
            }
            std::map<std::string, int> scores;
            for (const auto& [key, value] : j["scores"].items()) {
              if (!value.is_number_integer()) return ErrorResponse(Bad("scores." + key, "a score is a whole number 1..5"));
              long long n = value.get<long long>();
              scores[key] = n < 0 || n > 100 ? -1 : static_cast<int>(n);
            }
            auto note = StringField(j, "note", false);
            if (!note) return ErrorResponse(note.error());
            auto version = VersionField(j, true);
            if (!version) return ErrorResponse(version.error());
            auto s = services::ScoreApplication(ctx, req.actor, req.params["id"], req.params["application_id"],
                                                scores, *note, *version);
            if (!s) return ErrorResponse(s.error());
            return JsonResponse(ScoreJson(*s));
          });

  api.Add("POST", "/api/institutions/{id}/applications/{application_id}/transition", Access::kInstitutionStaff,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"event", "reason", "version"});
            if (!obj) return ErrorResponse(obj.error());
            auto event = StringField(*obj, "event", true);
            if (!event) return ErrorResponse(event.error());
            auto reason = StringField(*obj, "reason", false);
            if (!reason) return ErrorResponse(reason.error());
            auto version = VersionField(*obj, true);
            if (!version) return ErrorResponse(version.error());
            auto a = services::TransitionApplication(ctx, req.actor, req.params["id"], req.params["application_id"],
                                                     *event, *reason, *version);
            if (!a) return ErrorResponse(a.error());
            return JsonResponse(StateJson(*a));
          });

  api.Add("POST", "/api/institutions/{id}/bulk-transition", Access::kInstitutionStaff, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"event", "reason", "application_ids"});
    if (!obj) return ErrorResponse(obj.error());
    auto event = StringField(*obj, "event", true);
    if (!event) return ErrorResponse(event.error());
    auto reason = StringField(*obj, "reason", false);
    if (!reason) return ErrorResponse(reason.error());
    const Json& j = *obj;
    if (!j.contains("application_ids") || !j["application_ids"].is_array() || j["application_ids"].empty() ||
        j["application_ids"].size() > 200) {
      return ErrorResponse(Bad("application_ids", "application_ids must list 1 to 200 applications"));
    }
    std::vector<std::string> ids;
    for (size_t i = 0; i < j["application_ids"].size(); ++i) {
      if (!j["application_ids"][i].is_string()) {
        return ErrorResponse(Bad("application_ids[" + std::to_string(i) + "]", "an application id must be text"));
      }
      ids.push_back(j["application_ids"][i].get<std::string>());
    }
    auto results = services::BulkTransition(ctx, req.actor, req.params["id"], ids, *event, *reason);
    Json items = Json::array();
    int ok = 0;
    for (const auto& r : results) {
      Json item = {{"application_id", r.application_id}};
      if (r.row) {
        ++ok;
        item["ok"] = true;
        item["status"] = r.row->status;
        item["version"] = r.row->version;
      } else {
        item["ok"] = false;
        auto resp = ErrorResponse(*r.error);
        Json err = Json::parse(resp.body, nullptr, false);
        item["status_code"] = resp.status;
        item["error"] = err.is_object() && err.contains("error") ? err["error"] : Json{{"message", r.error->message}};
      }
      items.push_back(item);
    }
    return JsonResponse(Json{{"items", items}, {"succeeded", ok}, {"failed", static_cast<int>(results.size()) - ok}});
  });

  api.Add("PUT", "/api/institutions/{id}/offerings/{offering_id}/waitlist", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"application_ids"});
            if (!obj) return ErrorResponse(obj.error());
            const Json& j = *obj;
            if (!j.contains("application_ids") || !j["application_ids"].is_array()) {
              return ErrorResponse(Bad("application_ids", "application_ids must list the waitlist in order"));
            }
            std::vector<std::string> ids;
            for (const auto& x : j["application_ids"]) {
              if (!x.is_string()) return ErrorResponse(Bad("application_ids", "an application id must be text"));
              ids.push_back(x.get<std::string>());
            }
            auto s = services::ReorderWaitlist(ctx, req.actor, req.params["id"], req.params["offering_id"], ids);
            if (!s) return ErrorResponse(s.error());
            return Ok204();
          });

  api.Add("GET", "/api/institutions/{id}/applications/{application_id}/messages", Access::kInstitutionStaff,
          [&ctx](Request& req) {
            auto list = services::ReadThread(ctx, req.actor, req.params["id"], req.params["application_id"]);
            if (!list) return ErrorResponse(list.error());
            Json items = Json::array();
            for (const auto& m : *list) items.push_back(MessageJson(m));
            return JsonResponse(Json{{"items", items}});
          });
  api.Add("POST", "/api/institutions/{id}/applications/{application_id}/messages", Access::kInstitutionStaff,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"body"});
            if (!obj) return ErrorResponse(obj.error());
            auto body = StringField(*obj, "body", true);
            if (!body) return ErrorResponse(body.error());
            auto m = services::PostMessage(ctx, req.actor, req.params["id"], req.params["application_id"], *body);
            if (!m) return ErrorResponse(m.error());
            return JsonResponse(MessageJson(*m), 201);
          });

  // ---- applicant
  api.Add("POST", "/api/applications/{application_id}/answer", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"answer"});
    if (!obj) return ErrorResponse(obj.error());
    auto answer = StringField(*obj, "answer", true);
    if (!answer) return ErrorResponse(answer.error());
    auto a = services::AnswerInfo(ctx, req.actor, req.params["application_id"], *answer);
    if (!a) return ErrorResponse(a.error());
    return JsonResponse(StateJson(*a));
  });
  api.Add("GET", "/api/applications/{application_id}/messages", Access::kApplicant, [&ctx](Request& req) {
    auto list = services::ReadThread(ctx, req.actor, "", req.params["application_id"]);
    if (!list) return ErrorResponse(list.error());
    Json items = Json::array();
    for (const auto& m : *list) items.push_back(MessageJson(m));
    return JsonResponse(Json{{"items", items}});
  });
  api.Add("POST", "/api/applications/{application_id}/messages", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"body"});
    if (!obj) return ErrorResponse(obj.error());
    auto body = StringField(*obj, "body", true);
    if (!body) return ErrorResponse(body.error());
    auto m = services::PostMessage(ctx, req.actor, "", req.params["application_id"], *body);
    if (!m) return ErrorResponse(m.error());
    return JsonResponse(MessageJson(*m), 201);
  });
}

Json ApplicantTimelineJson(const std::vector<store::EventRow>& list) { return TimelineJson(list); }

}  // namespace clerkship::http
