// Rotation completion routes (issue 8, docs/completion.md): the institution's
// placements page (preceptor, states, release, revoke, CSV exports), the
// preceptor's "My students" (attendance, evaluation), the applicant's
// placements (certificate, rotation feedback, letter request, residency-ready
// record) and the public certificate verification. Handlers parse and call
// one service each.
#include "http/api.h"
#include "services/completion.h"

namespace clerkship::http {
namespace {

core::Error Bad(const std::string& field, const std::string& message) {
  return core::Error{core::ErrorCode::kInvalidArgument, message, field, {}};
}

Response FileAnswer(std::string bytes, const std::string& mime, const std::string& filename) {
  Response r;
  r.content_type = mime;
  r.body = std::move(bytes);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  r.headers.emplace_back("Cache-Control", "private, no-store");
  return r;
}

Json FormJson(bool hands_on) {
  Json comps = Json::array();
  for (const auto& c : core::Competencies(hands_on)) {
    comps.push_back({{"key", c.key}, {"label", c.label}, {"prompt", c.prompt}});
  }
  Json scale = Json::array();
  for (const auto& l : core::EvaluationScale()) {
    scale.push_back({{"value", l.value}, {"label", l.label}, {"anchor", l.anchor}});
  }
  return {{"hands_on", hands_on}, {"competencies", comps}, {"scale", scale}};
}

enum class Audience { kStaff, kPreceptor, kApplicant };

Json PlacementJson(const services::PlacementView& v, Audience who, bool form) {
  bool staff = who == Audience::kStaff;
  const auto& p = v.row;
  Json j = {{"id", p.id},
            {"application_id", p.application_id},
            {"institution_id", p.institution_id},
            {"institution_name", v.institution_name},
            {"institution_place", v.institution_place},
            {"offering_id", p.offering_id},
            {"offering_title", v.offering_title},
            {"specialty", v.specialty},
            {"rotation_type", v.rotation_type},
            {"hands_on", v.hands_on},
            {"status", p.status},
            {"status_reason", p.status_reason},
            {"start_date", p.start_date},
            {"end_date", p.end_date},
            {"started_on", v.dates.started_on},
            {"finished_on", v.dates.finished_on},
            {"applicant", {{"name", v.applicant_name}}},
            {"preceptor", {{"id", p.preceptor_id}, {"name", v.preceptor_name}}},
            {"attendance", {{"present", v.attendance.present}, {"absent", v.attendance.absent}}},
            {"certificate", v.certificate_code.empty()
                                ? Json(nullptr)
                                : Json{{"code", v.certificate_code}, {"revoked", v.certificate_revoked}}},
            {"version", p.version},
            {"updated_at", p.updated_at}};
  if (staff) j["applicant"]["email"] = v.applicant_email;
  // The rotation feedback is anonymous: only its author learns it exists.
  if (who == Audience::kApplicant) j["feedback_given"] = v.feedback_given;
  if (!v.attendance_days.empty()) {
    Json days = Json::array();
    for (const auto& d : v.attendance_days) days.push_back({{"date", d.day}, {"status", d.status}, {"note", d.note}});
    j["attendance"]["days"] = days;
  }
  if (v.evaluation) {
    const auto& e = *v.evaluation;
    Json ratings = Json::object();
    for (const auto& [k, r] : e.ratings) ratings[k] = r;
    j["evaluation"] = {{"status", e.status},       {"hands_on", e.hands_on},       {"ratings", ratings},
                       {"comments", e.comments},   {"version", e.version},         {"submitted_at", e.submitted_at},
                       {"released_at", e.released_at}, {"updated_at", e.updated_at}};
  } else {
    j["evaluation"] = nullptr;
  }
  if (form) j["form"] = FormJson(v.hands_on);
  return j;
}

Json PlacementList(const std::vector<services::PlacementView>& list, Audience who) {
  Json items = Json::array();
  for (const auto& v : list) items.push_back(PlacementJson(v, who, false));
  return Json{{"items", items}};
}

Json ErasJson(const std::vector<core::RotationRecord>& records) {
  Json items = Json::array();
  for (const auto& r : records) {
    auto e = core::ToErasEntry(r);
    items.push_back({{"organization", e.organization},
                     {"position", e.position},
                     {"start_date", e.start_date},
                     {"end_date", e.end_date},
                     {"weeks", e.weeks},
                     {"hours_per_week", e.hours_per_week},
                     {"supervisor", e.supervisor},
                     {"description", e.description},
                     {"experience_type", e.experience_type},
                     {"verification_code", e.verification_code}});
  }
  return Json{{"experiences", items}};
}

// {"ratings": {key: int}} members as a map; errors name "ratings.<key>".
core::Result<std::map<std::string, int>> Ratings(const Json& j) {
  std::map<std::string, int> out;
  if (!j.contains("ratings") || j["ratings"].is_null()) return out;
  if (!j["ratings"].is_object()) return std::unexpected(Bad("ratings", "ratings is an object of competency: 1..5"));
  for (const auto& [k, v] : j["ratings"].items()) {
    if (v.is_null()) continue;
    if (!v.is_number_integer()) return std::unexpected(Bad("ratings." + k, "a rating is a whole number from 1 to 5"));
    long long n = v.get<long long>();
    if (n < 1 || n > 5) return std::unexpected(Bad("ratings." + k, "a rating is from 1 to 5"));
    out[k] = static_cast<int>(n);
  }
  return out;
}

core::Result<std::vector<std::string>> Ids(const Json& j, const char* name) {
  std::vector<std::string> out;
  if (!j.contains(name) || j[name].is_null()) return out;
  if (!j[name].is_array()) return std::unexpected(Bad(name, std::string(name) + " is a list of ids"));
  for (size_t i = 0; i < j[name].size(); ++i) {
    if (!j[name][i].is_string()) {
      return std::unexpected(Bad(std::string(name) + "[" + std::to_string(i) + "]", "an id is a string"));
    }
    out.push_back(j[name][i].get<std::string>());
  }
  return out;
}

core::Result<bool> BoolField(const Json& j, const char* name, bool fallback) {
  if (!j.contains(name) || j[name].is_null()) return fallback;
  if (!j[name].is_boolean()) return std::unexpected(Bad(name, std::string(name) + " is true or false"));
  return j[name].get<bool>();
}

}  // namespace

void RegisterCompletionApi(ApiBuilder& api) {
  auto& ctx = api.ctx();

  // ---- institution staff / coordinator
  api.Add("GET", "/api/institutions/{id}/placements", Access::kInstitutionStaff, [&ctx](Request& req) {
    auto list = services::InstitutionPlacements(ctx, req.actor, req.params["id"]);
    if (!list) return ErrorResponse(list.error());
    return JsonResponse(PlacementList(*list, Audience::kStaff));
  });

  api.Add("GET", "/api/institutions/{id}/placements/{placement_id}", Access::kInstitutionStaff, [&ctx](Request& req) {
    auto v = services::InstitutionPlacement(ctx, req.actor, req.params["id"], req.params["placement_id"]);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(PlacementJson(*v, Audience::kStaff, true));
  });

  api.Add("PUT", "/api/institutions/{id}/placements/{placement_id}/preceptor", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"preceptor_id"});
            if (!obj) return ErrorResponse(obj.error());
            auto who = StringField(*obj, "preceptor_id", true);
            if (!who) return ErrorResponse(who.error());
            auto v = services::AssignPreceptor(ctx, req.actor, req.params["id"], req.params["placement_id"], *who);
            if (!v) return ErrorResponse(v.error());
            return JsonResponse(PlacementJson(*v, Audience::kStaff, false));
          });

  api.Add("POST", "/api/institutions/{id}/placements/{placement_id}/status", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"status", "date", "reason"});
            if (!obj) return ErrorResponse(obj.error());
            auto status = StringField(*obj, "status", true);
            if (!status) return ErrorResponse(status.error());
            auto date = StringField(*obj, "date", false);
            if (!date) return ErrorResponse(date.error());
            auto reason = StringField(*obj, "reason", false);
            if (!reason) return ErrorResponse(reason.error());
            auto v = services::MovePlacement(ctx, req.actor, req.params["id"], req.params["placement_id"], *status,
                                             *date, *reason);
            if (!v) return ErrorResponse(v.error());
            return JsonResponse(PlacementJson(*v, Audience::kStaff, false));
          });

  api.Add("POST", "/api/institutions/{id}/placements/{placement_id}/evaluation/release",
          Access::kInstitutionCoordinator, [&ctx](Request& req) {
            auto v = services::ReleaseEvaluation(ctx, req.actor, req.params["id"], req.params["placement_id"]);
            if (!v) return ErrorResponse(v.error());
            return JsonResponse(PlacementJson(*v, Audience::kStaff, false));
          });

  api.Add("POST", "/api/institutions/{id}/placements/{placement_id}/certificate/revoke",
          Access::kInstitutionCoordinator, [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"reason"});
            if (!obj) return ErrorResponse(obj.error());
            auto reason = StringField(*obj, "reason", true);
            if (!reason) return ErrorResponse(reason.error());
            auto v = services::RevokeCertificate(ctx, req.actor, req.params["id"], req.params["placement_id"], *reason);
            if (!v) return ErrorResponse(v.error());
            return JsonResponse(PlacementJson(*v, Audience::kStaff, false));
          });

  api.Add("GET", "/api/institutions/{id}/completions.csv", Access::kInstitutionCoordinator, [&ctx](Request& req) {
    auto csv = services::CompletionsCsv(ctx, req.actor, req.params["id"]);
    if (!csv) return ErrorResponse(csv.error());
    return FileAnswer(std::move(*csv), "text/csv; charset=utf-8", "completions.csv");
  });

  api.Add("GET", "/api/institutions/{id}/evaluations.csv", Access::kInstitutionCoordinator, [&ctx](Request& req) {
    auto csv = services::EvaluationsCsv(ctx, req.actor, req.params["id"]);
    if (!csv) return ErrorResponse(csv.error());
    return FileAnswer(std::move(*csv), "text/csv; charset=utf-8", "evaluations.csv");
  });

  // ---- preceptor (any session; only placements they precept are found)
  api.Add("GET", "/api/me/students", Access::kSession, [&ctx](Request& req) {
    auto list = services::MyStudents(ctx, req.actor);
    if (!list) return ErrorResponse(list.error());
    return JsonResponse(PlacementList(*list, Audience::kPreceptor));
  });

  api.Add("GET", "/api/me/students/{placement_id}", Access::kSession, [&ctx](Request& req) {
    auto v = services::PreceptorPlacement(ctx, req.actor, req.params["placement_id"]);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(PlacementJson(*v, Audience::kPreceptor, true));
  });

  api.Add("PUT", "/api/me/students/{placement_id}/attendance", Access::kSession, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"days"});
    if (!obj) return ErrorResponse(obj.error());
    const Json& j = *obj;
    if (!j.contains("days") || !j["days"].is_array()) {
      return ErrorResponse(Bad("days", "days is a list of {date, status, note}"));
    }
    std::vector<core::AttendanceDay> days;
    for (size_t i = 0; i < j["days"].size(); ++i) {
      const Json& d = j["days"][i];
      std::string at = "days[" + std::to_string(i) + "]";
      if (!d.is_object()) return ErrorResponse(Bad(at, "each day is {date, status, note}"));
      core::AttendanceDay day;
      for (const char* f : {"date", "status", "note"}) {
        if (!d.contains(f) || d[f].is_null()) continue;
        if (!d[f].is_string()) return ErrorResponse(Bad(at + "." + f, std::string(f) + " is text"));
      }
      day.date = d.value("date", std::string());
      day.status = d.value("status", std::string());
      day.note = d.contains("note") && d["note"].is_string() ? d["note"].get<std::string>() : "";
      days.push_back(std::move(day));
    }
    auto v = services::SaveAttendance(ctx, req.actor, req.params["placement_id"], days);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(PlacementJson(*v, Audience::kPreceptor, true));
  });

  api.Add("PUT", "/api/me/students/{placement_id}/evaluation", Access::kSession, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"ratings", "comments", "submit"});
    if (!obj) return ErrorResponse(obj.error());
    core::EvaluationDraft draft;
    auto ratings = Ratings(*obj);
    if (!ratings) return ErrorResponse(ratings.error());
    draft.ratings = std::move(*ratings);
    auto comments = StringField(*obj, "comments", false);
    if (!comments) return ErrorResponse(comments.error());
    draft.comments = *comments;
    auto submit = BoolField(*obj, "submit", false);
    if (!submit) return ErrorResponse(submit.error());
    auto v = services::SaveEvaluation(ctx, req.actor, req.params["placement_id"], draft, *submit);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(PlacementJson(*v, Audience::kPreceptor, true));
  });

  // ---- applicant
  api.Add("GET", "/api/me/placements", Access::kApplicant, [&ctx](Request& req) {
    auto list = services::MyPlacements(ctx, req.actor);
    if (!list) return ErrorResponse(list.error());
    return JsonResponse(PlacementList(*list, Audience::kApplicant));
  });

  api.Add("GET", "/api/me/placements/{placement_id}", Access::kApplicant, [&ctx](Request& req) {
    auto v = services::MyPlacement(ctx, req.actor, req.params["placement_id"]);
    if (!v) return ErrorResponse(v.error());
    Json j = PlacementJson(*v, Audience::kApplicant, false);
    Json questions = Json::array();
    for (const auto& q : core::FeedbackQuestions()) questions.push_back({{"key", q.key}, {"label", q.label}});
    j["feedback_questions"] = questions;
    if (v->evaluation) j["form"] = FormJson(v->evaluation->hands_on);
    return JsonResponse(j);
  });

  api.Add("GET", "/api/me/placements/{placement_id}/certificate.pdf", Access::kApplicant, [&ctx](Request& req) {
    auto c = services::MyCertificate(ctx, req.actor, req.params["placement_id"]);
    if (!c) return ErrorResponse(c.error());
    Response r = FileAnswer(std::move(c->pdf), "application/pdf", "certificate-" + c->code + ".pdf");
    r.headers.emplace_back("X-Certificate-Code", c->code);
    return r;
  });

  api.Add("POST", "/api/me/placements/{placement_id}/feedback", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"ratings", "comment"});
    if (!obj) return ErrorResponse(obj.error());
    core::FeedbackDraft draft;
    auto ratings = Ratings(*obj);
    if (!ratings) return ErrorResponse(ratings.error());
    draft.ratings = std::move(*ratings);
    auto comment = StringField(*obj, "comment", false);
    if (!comment) return ErrorResponse(comment.error());
    draft.comment = *comment;
    auto st = services::SubmitFeedback(ctx, req.actor, req.params["placement_id"], draft);
    if (!st) return ErrorResponse(st.error());
    return JsonResponse(Json{{"ok", true}}, 201);
  });

  api.Add("POST", "/api/me/placements/{placement_id}/letter-request", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"waived"});
    if (!obj) return ErrorResponse(obj.error());
    if (!obj->contains("waived") || !(*obj)["waived"].is_boolean()) {
      return ErrorResponse(Bad("waived", "choose whether you waive your right to read the letter"));
    }
    auto id = services::AskPreceptorForLetter(ctx, req.actor, req.params["placement_id"], (*obj)["waived"].get<bool>());
    if (!id) return ErrorResponse(id.error());
    return JsonResponse(Json{{"letter_id", *id}}, 201);
  });

  api.Add("GET", "/api/me/record/transcript.pdf", Access::kApplicant, [&ctx](Request& req) {
    auto pdf = services::MyTranscriptPdf(ctx, req.actor);
    if (!pdf) return ErrorResponse(pdf.error());
    return FileAnswer(std::move(*pdf), "application/pdf", "transcript.pdf");
  });

  api.Add("GET", "/api/me/record/eras.json", Access::kApplicant, [&ctx](Request& req) {
    auto records = services::MyRecord(ctx, req.actor);
    if (!records) return ErrorResponse(records.error());
    return JsonResponse(ErasJson(*records));
  });

  api.Add("GET", "/api/me/record/eras.csv", Access::kApplicant, [&ctx](Request& req) {
    auto records = services::MyRecord(ctx, req.actor);
    if (!records) return ErrorResponse(records.error());
    std::vector<core::ErasEntry> entries;
    for (const auto& r : *records) entries.push_back(core::ToErasEntry(r));
    return FileAnswer(core::ErasCsv(entries), "text/csv; charset=utf-8", "eras-experiences.csv");
  });

  api.Add("POST", "/api/me/record/packet.pdf", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"program", "include_cv", "document_ids", "placement_ids"});
    if (!obj) return ErrorResponse(obj.error());
    services::PacketChoice choice;
    auto program = StringField(*obj, "program", true);
    if (!program) return ErrorResponse(program.error());
    choice.program = *program;
    auto cv = BoolField(*obj, "include_cv", true);
    if (!cv) return ErrorResponse(cv.error());
    choice.include_cv = *cv;
    auto docs = Ids(*obj, "document_ids");
    if (!docs) return ErrorResponse(docs.error());
    choice.document_ids = std::move(*docs);
    auto placements = Ids(*obj, "placement_ids");
    if (!placements) return ErrorResponse(placements.error());
    choice.placement_ids = std::move(*placements);
    auto pdf = services::MyPacketPdf(ctx, req.actor, choice);
    if (!pdf) return ErrorResponse(pdf.error());
    return FileAnswer(std::move(*pdf), "application/pdf", "application-packet.pdf");
  });

  // ---- public verification (no login)
  api.Add("GET", "/api/verify/{code}", Access::kPublic, [&ctx](Request& req) {
    auto v = services::VerifyCertificate(ctx, req.params["code"]);
    if (!v) return ErrorResponse(v.error());
    Json facts = Json::parse(v->facts, nullptr, false);
    if (!facts.is_object()) facts = Json::object();
    facts.erase("verification_url");
    return JsonResponse({{"code", v->code},
                         {"valid", !v->revoked},
                         {"revoked", v->revoked},
                         {"revoked_on", v->revoked ? v->revoked_at.substr(0, 10) : ""},
                         {"issued_on", v->issued_on},
                         {"facts", facts}});
  });
}

}  // namespace clerkship::http
