// Fees, apply to similar, block choice with overlap warnings, school
// verification and its private link (issue 6;
// docs/decisions/015-applications-rest.md).
#include "http/api.h"
#include "services/applications_rest.h"

namespace clerkship::http {
namespace {

core::Error Bad(const std::string& field, const std::string& message) {
  return core::Error{core::ErrorCode::kInvalidArgument, message, field, {}};
}

std::string TokenParam(const Request& req) {
  auto it = req.query.find("token");
  return it == req.query.end() ? "" : it->second;
}

// "block_ids": a list of text ids in order of preference.
core::Result<std::vector<std::string>> BlockIds(const Json& j) {
  if (!j.contains("block_ids") || !j["block_ids"].is_array()) {
    return std::unexpected(Bad("block_ids", "block_ids must be a list of block ids in order of preference"));
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < j["block_ids"].size(); ++i) {
    if (!j["block_ids"][i].is_string()) {
      return std::unexpected(Bad("block_ids[" + std::to_string(i) + "]", "a block id must be text"));
    }
    out.push_back(j["block_ids"][i].get<std::string>());
  }
  return out;
}

core::Result<bool> BoolField(const Json& j, const char* name) {
  if (!j.contains(name) || j[name].is_null()) return false;
  if (!j[name].is_boolean()) return std::unexpected(Bad(name, std::string(name) + " is true or false"));
  return j[name].get<bool>();
}

Json VerificationJson(const store::SchoolVerificationRow& v) {
  return {{"id", v.id},
          {"school_name", v.school_name},
          {"office_name", v.office_name},
          {"office_email", v.office_email},
          {"status", v.status},
          {"claim", v.claim},
          {"year", v.year ? Json(v.year) : Json(nullptr)},
          {"good_standing", v.good_standing},
          {"method", v.method},
          {"attester_name", v.attester_name},
          {"attester_title", v.attester_title},
          {"reason", v.reason},
          {"created_at", v.created_at},
          {"responded_at", v.responded_at}};
}

// The office's page: who asks, and whether a letter is attached; never the e-mail trail.
Json OfficeJson(const services::SchoolOfficeView& v) {
  return {{"applicant_name", v.applicant_name},
          {"applicant_status", v.applicant_status},
          {"graduation_date", v.graduation_date},
          {"school_name", v.row.school_name},
          {"office_name", v.row.office_name},
          {"status", v.row.status},
          {"has_letter", !v.row.blob.empty()},
          {"letter_pages", v.row.pages},
          {"responded_at", v.row.responded_at}};
}

Response FileResponse(const services::FileDownload& f) {
  Response r;
  r.content_type = f.mime;
  r.body = f.bytes;
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + f.filename + "\"");
  r.headers.emplace_back("Cache-Control", "private, no-store");
  return r;
}

}  // namespace

void RegisterApplicationsRestApi(ApiBuilder& api) {
  auto& ctx = api.ctx();

  // ---- fees
  api.Add("PUT", "/api/applications/{application_id}/fee", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"method", "reference"});
    if (!obj) return ErrorResponse(obj.error());
    auto method = StringField(*obj, "method", true);
    if (!method) return ErrorResponse(method.error());
    auto reference = StringField(*obj, "reference", true);
    if (!reference) return ErrorResponse(reference.error());
    auto fee = services::RecordFeePayment(ctx, req.actor, req.params["application_id"], *method, *reference);
    if (!fee) return ErrorResponse(fee.error());
    auto v = services::GetMyApplication(ctx, req.actor, req.params["application_id"]);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(ApplicationJson(*v, true));
  });

  api.Add("POST", "/api/institutions/{id}/applications/{application_id}/fee", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"action", "note"});
            if (!obj) return ErrorResponse(obj.error());
            auto action = StringField(*obj, "action", true);
            if (!action) return ErrorResponse(action.error());
            auto note = StringField(*obj, "note", false);
            if (!note) return ErrorResponse(note.error());
            auto fee = services::DecideFee(ctx, req.actor, req.params["id"], req.params["application_id"], *action,
                                           *note);
            if (!fee) return ErrorResponse(fee.error());
            return JsonResponse(Json{{"fee", FeeJson(*fee)}});
          });

  // ---- block choice (overlap warnings come back with the application)
  api.Add("PUT", "/api/applications/{application_id}/blocks", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"block_ids"});
    if (!obj) return ErrorResponse(obj.error());
    auto blocks = BlockIds(*obj);
    if (!blocks) return ErrorResponse(blocks.error());
    auto v = services::SetApplicationBlocks(ctx, req.actor, req.params["application_id"], *blocks);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(ApplicationJson(*v, true));
  });

  // ---- apply to similar
  api.Add("GET", "/api/applications/{application_id}/similar", Access::kApplicant, [&ctx](Request& req) {
    auto list = services::SimilarOfferings(ctx, req.actor, req.params["application_id"]);
    if (!list) return ErrorResponse(list.error());
    Json items = Json::array();
    for (const auto& s : *list) {
      Json blocks = Json::array();
      for (const auto& b : s.open_blocks) {
        blocks.push_back({{"id", b.id}, {"start_date", b.draft.start_date}, {"end_date", b.draft.end_date},
                          {"deadline", b.draft.deadline}, {"seats", b.draft.seats}});
      }
      const auto& o = s.offering;
      items.push_back({{"offering_id", o.id},
                       {"title", o.title},
                       {"institution_id", o.institution_id},
                       {"institution_name", o.institution_name},
                       {"city", o.city},
                       {"state", o.state},
                       {"country", o.country},
                       {"specialty", o.specialty},
                       {"type", o.type},
                       {"blocks", blocks}});
    }
    return JsonResponse(Json{{"items", items}});
  });

  api.Add("POST", "/api/applications/{application_id}/similar", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"offering_id", "block_ids"});
    if (!obj) return ErrorResponse(obj.error());
    auto offering = StringField(*obj, "offering_id", true);
    if (!offering) return ErrorResponse(offering.error());
    auto blocks = BlockIds(*obj);
    if (!blocks) return ErrorResponse(blocks.error());
    auto v = services::ApplyToSimilar(ctx, req.actor, req.params["application_id"], *offering, *blocks);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(ApplicationJson(*v, true), 201);
  });

  // ---- school verification: the applicant's side
  api.Add("GET", "/api/me/school-verifications", Access::kApplicant, [&ctx](Request& req) {
    auto list = services::ListMySchoolVerifications(ctx, req.actor);
    if (!list) return ErrorResponse(list.error());
    Json items = Json::array();
    for (const auto& v : *list) items.push_back(VerificationJson(v));
    return JsonResponse(Json{{"items", items}});
  });

  api.Add("POST", "/api/me/school-verifications", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"office_name", "office_email"});
    if (!obj) return ErrorResponse(obj.error());
    auto name = StringField(*obj, "office_name", true);
    if (!name) return ErrorResponse(name.error());
    auto email = StringField(*obj, "office_email", true);
    if (!email) return ErrorResponse(email.error());
    auto v = services::RequestSchoolVerification(ctx, req.actor, {*name, *email});
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(VerificationJson(*v), 201);
  });

  api.Add("POST", "/api/me/school-verifications/{verification_id}/cancel", Access::kApplicant, [&ctx](Request& req) {
    auto v = services::CancelSchoolVerification(ctx, req.actor, req.params["verification_id"]);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(VerificationJson(*v));
  });

  // ---- school verification: the office (no account: the private link's token authorizes)
  api.Add("GET", "/api/school-verification", Access::kPublic, [&ctx](Request& req) {
    auto v = services::GetSchoolVerificationByToken(ctx, TokenParam(req));
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(OfficeJson(*v));
  });

  api.AddUpload("PUT", "/api/school-verification/file", Access::kPublic, ctx.max_upload_bytes, [&ctx](Request& req) {
    auto v = services::UploadSchoolLetter(ctx, req.actor, TokenParam(req), req.body_file);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(OfficeJson(*v));
  });

  api.Add("POST", "/api/school-verification", Access::kPublic, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"decision", "claim", "year", "good_standing", "attester_name",
                                      "attester_title", "attest", "reason"});
    if (!obj) return ErrorResponse(obj.error());
    const Json& j = *obj;
    core::SchoolAttestation a;
    auto decision = StringField(j, "decision", true);
    if (!decision) return ErrorResponse(decision.error());
    a.decision = *decision;
    for (auto [name, target] : {std::pair{"claim", &a.claim}, std::pair{"attester_name", &a.attester_name},
                                std::pair{"attester_title", &a.attester_title}, std::pair{"reason", &a.reason}}) {
      auto v = StringField(j, name, false);
      if (!v) return ErrorResponse(v.error());
      *target = *v;
    }
    if (j.contains("year") && !j["year"].is_null()) {
      if (!j["year"].is_number_integer()) return ErrorResponse(Bad("year", "year is a whole number"));
      auto y = j["year"].get<int64_t>();
      if (y < 0 || y > 9999) return ErrorResponse(Bad("year", "year is a four-digit year"));
      a.year = static_cast<int>(y);
    }
    auto standing = BoolField(j, "good_standing");
    if (!standing) return ErrorResponse(standing.error());
    a.good_standing = *standing;
    auto attest = BoolField(j, "attest");
    if (!attest) return ErrorResponse(attest.error());
    a.attest = *attest;
    auto v = services::AnswerSchoolVerification(ctx, req.actor, TokenParam(req), std::move(a));
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(OfficeJson(*v));
  });

  // ---- staff: the school's letter
  api.Add("GET", "/api/institutions/{id}/applications/{application_id}/school-letter.pdf",
          Access::kInstitutionStaff, [&ctx](Request& req) {
            auto f = services::ReadSchoolLetter(ctx, req.actor, req.params["id"], req.params["application_id"]);
            if (!f) return ErrorResponse(f.error());
            return FileResponse(*f);
          });
}

}  // namespace clerkship::http
