// Profile, vault, minimal applications and compliance routes
// (docs/decisions/005-profile-vault-compliance.md).
#include "http/api.h"
#include "services/materials.h"
#include "services/profile_json.h"
#include "services/review.h"
#include "services/vault.h"

namespace clerkship::http {
namespace {

Json VersionJson(const store::DocumentVersionRow& v) {
  Json vaccines = Json::parse(v.vaccines, nullptr, false);
  if (vaccines.is_discarded()) vaccines = Json::array();
  return {{"version", v.version},       {"mime", v.mime},           {"size", v.size},
          {"pages", v.pages},           {"filename", v.filename},   {"issued_on", v.issued_on},
          {"expires_on", v.expires_on}, {"vaccines", vaccines},     {"uploaded_at", v.uploaded_at}};
}

Json DocumentJson(const store::DocumentRow& d) {
  Json versions = Json::array();
  for (const auto& v : d.versions) versions.push_back(VersionJson(v));
  return {{"id", d.id},
          {"type", d.type},
          {"title", d.title},
          {"status", d.status},
          {"status_reason", d.status_reason},
          {"reviewed_at", d.reviewed_at},
          {"current_version", d.current_version},
          {"created_at", d.created_at},
          {"updated_at", d.updated_at},
          {"versions", versions}};
}

Json DocumentsJson(const std::vector<store::DocumentRow>& list) {
  Json items = Json::array();
  for (const auto& d : list) items.push_back(DocumentJson(d));
  return Json{{"items", items}};
}

Json ItemJson(const core::ComplianceItem& i) {
  return {{"requirement", i.requirement}, {"count", i.count},  {"state", i.state},
          {"reason", i.reason},           {"document_ids", i.document_ids}};
}

Json ProblemsJson(const std::vector<core::SubmitProblem>& problems) {
  Json out = Json::array();
  for (const auto& p : problems) out.push_back({{"field", p.field}, {"message", p.message}});
  return out;
}

Json ProfileViewJson(const services::ProfileView& v) {
  return {{"profile", services::ProfileToJson(v.profile)},
          {"version", v.version},
          {"updated_at", v.updated_at},
          {"completeness", {{"percent", v.completeness.percent}, {"missing", v.completeness.missing}}}};
}

// A file answer: never rendered inline by the browser, never cached.
Response FileResponse(const services::FileDownload& f) {
  Response r;
  r.content_type = f.mime;
  r.body = f.bytes;
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + f.filename + "\"");
  r.headers.emplace_back("Cache-Control", "private, no-store");
  return r;
}

// ?version=N (optional, default the current one).
core::Result<int> VersionParam(const Request& req) {
  auto it = req.query.find("version");
  if (it == req.query.end() || it->second.empty()) return 0;
  const std::string& s = it->second;
  if (s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos || std::stoi(s) < 1) {
    return core::InvalidArgument("version", "version must be a positive whole number");
  }
  return std::stoi(s);
}

core::Result<services::DocumentRequest> DocumentBody(const Request& req, bool new_document) {
  auto j = ParseJsonObject(req.body);
  if (!j) return std::unexpected(j.error());
  return services::DocumentMetaFromJson(*j, new_document);
}

}  // namespace

Json FeeJson(const services::FeeView& f) {
  if (!f.applies) return nullptr;
  return {{"amount_cents", f.amount_cents}, {"currency", f.currency},     {"category", f.category},
          {"status", f.status},             {"method", f.method},         {"reference", f.reference},
          {"recorded_at", f.recorded_at},   {"decided_at", f.decided_at}, {"note", f.note}};
}

Json ApplicationJson(const services::ApplicationView& v, bool with_checklist) {
  const auto& a = v.row;
  Json blocks = Json::array();
  Json checklist = Json::array();
  for (const auto& b : v.blocks) {
    blocks.push_back({{"id", b.block_id}, {"start_date", b.start_date}, {"end_date", b.end_date},
                      {"deadline", b.deadline}});
    if (with_checklist) {
      Json items = Json::array();
      for (const auto& i : b.items) items.push_back(ItemJson(i));
      checklist.push_back({{"block_id", b.block_id}, {"cleared", b.cleared}, {"items", items}});
    }
  }
  Json j = {{"id", a.id},
            {"offering_id", a.offering_id},
            {"offering_title", v.offering_title},
            {"institution_id", a.institution_id},
            {"institution_name", v.institution_name},
            {"time_zone", v.time_zone},
            {"status", a.status},
            {"status_reason", a.status_reason},
            {"version", a.version},
            {"next_step", services::NextStep(a.status)},
            {"blocks", blocks},
            {"created_at", a.created_at},
            {"submitted_at", a.submitted_at},
            {"updated_at", a.updated_at}};
  if (with_checklist) {
    j["checklist"] = checklist;
    j["eligibility"] = EligibilityJson(v.eligibility);
    j["problems"] = ProblemsJson(v.problems);
    j["letters"] = {{"required", v.letters_required}, {"assigned", v.letters_assigned}};
    const auto& m = v.materials;
    j["materials"] = {{"cover_letter", {{"text", m.cover_letter_text}, {"pdf", m.cover_letter_pdf},
                                        {"filename", m.cover_letter_filename}, {"pages", m.cover_letter_pages}}},
                      {"cv", {{"kind", m.cv_kind}, {"document_id", m.cv_document_id}, {"frozen", m.cv_frozen}}},
                      {"required", {{"cover_letter", v.cover_letter_required}, {"cv", v.cv_required}}}};
    j["fee"] = FeeJson(v.fee);
    Json warnings = Json::array();
    for (const auto& w : v.warnings) warnings.push_back({{"field", w.field}, {"message", w.message}});
    j["warnings"] = warnings;
  }
  return j;
}

Json EligibilityJson(const std::vector<core::EligibilityCheck>& checks) {
  Json out = Json::array();
  for (const auto& c : checks) {
    out.push_back({{"rule", c.rule},
                   {"met", c.met},
                   {"requirement", c.requirement},
                   {"reason", c.reason},
                   {"profile_field", c.profile_field}});
  }
  return out;
}

void RegisterVaultApi(ApiBuilder& api) {
  auto& ctx = api.ctx();

  // ---- profile
  api.Add("GET", "/api/me/profile", Access::kApplicant, [&ctx](Request& req) {
    auto v = services::GetProfile(ctx, req.actor);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(ProfileViewJson(*v));
  });

  api.Add("PUT", "/api/me/profile", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"profile", "version"});
    if (!obj) return ErrorResponse(obj.error());
    const Json& j = *obj;
    if (!j.contains("version") || !j["version"].is_number_integer()) {
      return ErrorResponse(core::Error{core::ErrorCode::kInvalidArgument,
                                       "version must be the whole number you read (0 for a new profile)", "version", {}});
    }
    if (!j.contains("profile") || !j["profile"].is_object()) {
      return ErrorResponse(core::Error{core::ErrorCode::kInvalidArgument, "profile must be an object", "profile", {}});
    }
    auto profile = services::ProfileFromJson(j["profile"]);
    if (!profile) return ErrorResponse(profile.error());
    auto v = services::SaveProfile(ctx, req.actor, std::move(*profile), j["version"].get<int>());
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(ProfileViewJson(*v));
  });

  api.Add("GET", "/api/me/profile/cv.pdf", Access::kApplicant, [&ctx](Request& req) {
    auto pdf = services::RenderCv(ctx, req.actor);
    if (!pdf) return ErrorResponse(pdf.error());
    return FileResponse({std::move(*pdf), "application/pdf", "cv.pdf"});
  });

  // ---- vault
  api.AddUpload("PUT", "/api/me/uploads", Access::kApplicant, ctx.max_upload_bytes, [&ctx](Request& req) {
    auto u = services::StoreUpload(ctx, req.actor, req.body_file, req.Header("x-filename"));
    if (!u) return ErrorResponse(u.error());
    return JsonResponse(Json{{"upload_id", u->id}, {"mime", u->mime}, {"size", u->size}, {"pages", u->pages},
                             {"filename", u->filename}},
                        201);
  });

  api.Add("GET", "/api/me/documents", Access::kApplicant, [&ctx](Request& req) {
    auto list = services::ListMyDocuments(ctx, req.actor);
    if (!list) return ErrorResponse(list.error());
    return JsonResponse(DocumentsJson(*list));
  });

  api.Add("POST", "/api/me/documents", Access::kApplicant, [&ctx](Request& req) {
    auto body = DocumentBody(req, true);
    if (!body) return ErrorResponse(body.error());
    auto d = services::CreateDocument(ctx, req.actor, body->upload_id, std::move(body->meta));
    if (!d) return ErrorResponse(d.error());
    return JsonResponse(DocumentJson(*d), 201);
  });

  api.Add("POST", "/api/me/documents/{document_id}/versions", Access::kApplicant, [&ctx](Request& req) {
    auto body = DocumentBody(req, false);
    if (!body) return ErrorResponse(body.error());
    auto d = services::AddDocumentVersion(ctx, req.actor, req.params["document_id"], body->upload_id,
                                          std::move(body->meta));
    if (!d) return ErrorResponse(d.error());
    return JsonResponse(DocumentJson(*d));
  });

  api.Add("GET", "/api/me/documents/{document_id}/file", Access::kApplicant, [&ctx](Request& req) {
    auto version = VersionParam(req);
    if (!version) return ErrorResponse(version.error());
    auto f = services::ReadMyDocument(ctx, req.actor, req.params["document_id"], *version);
    if (!f) return ErrorResponse(f.error());
    return FileResponse(*f);
  });

  api.Add("DELETE", "/api/me/documents/{document_id}", Access::kApplicant, [&ctx](Request& req) {
    auto s = services::DeleteDocument(ctx, req.actor, req.params["document_id"]);
    if (!s) return ErrorResponse(s.error());
    Response r;
    r.status = 204;
    return r;
  });

  // ---- applications (minimal)
  api.Add("POST", "/api/applications", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"offering_id", "block_ids"});
    if (!obj) return ErrorResponse(obj.error());
    auto offering = StringField(*obj, "offering_id", true);
    if (!offering) return ErrorResponse(offering.error());
    std::vector<std::string> blocks;
    const Json& j = *obj;
    if (!j.contains("block_ids") || !j["block_ids"].is_array()) {
      return ErrorResponse(core::Error{core::ErrorCode::kInvalidArgument,
                                       "block_ids must be a list of block ids in order of preference", "block_ids", {}});
    }
    for (size_t i = 0; i < j["block_ids"].size(); ++i) {
      if (!j["block_ids"][i].is_string()) {
        return ErrorResponse(core::Error{core::ErrorCode::kInvalidArgument, "a block id must be text",
                                         "block_ids[" + std::to_string(i) + "]", {}});
      }
      blocks.push_back(j["block_ids"][i].get<std::string>());
    }
    auto v = services::CreateApplication(ctx, req.actor, *offering, blocks);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(ApplicationJson(*v, true), 201);
  });

  api.Add("GET", "/api/me/applications", Access::kApplicant, [&ctx](Request& req) {
    auto list = services::ListMyApplications(ctx, req.actor);
    if (!list) return ErrorResponse(list.error());
    auto unread = services::ApplicantUnreadCounts(ctx, req.actor);
    if (!unread) return ErrorResponse(unread.error());
    Json items = Json::array();
    for (const auto& v : *list) {
      Json j = ApplicationJson(v, false);
      // The next deadline among the chosen blocks (the first one still ahead is the earliest).
      std::string deadline;
      for (const auto& b : v.blocks) {
        if (deadline.empty() || b.deadline < deadline) deadline = b.deadline;
      }
      j["deadline"] = deadline;
      j["unread"] = (*unread)[v.row.id];
      items.push_back(std::move(j));
    }
    return JsonResponse(Json{{"items", items}});
  });

  api.Add("GET", "/api/applications/{application_id}", Access::kApplicant, [&ctx](Request& req) {
    auto v = services::GetMyApplication(ctx, req.actor, req.params["application_id"]);
    if (!v) return ErrorResponse(v.error());
    auto extras = services::GetApplicantExtras(ctx, req.actor, req.params["application_id"]);
    if (!extras) return ErrorResponse(extras.error());
    Json j = ApplicationJson(*v, true);
    j["timeline"] = ApplicantTimelineJson(extras->timeline);
    j["unread"] = extras->unread;
    return JsonResponse(j);
  });

  api.Add("POST", "/api/applications/{application_id}/submit", Access::kApplicant, [&ctx](Request& req) {
    if (auto obj = ParseObject(req.body.empty() ? "{}" : req.body, {}); !obj) return ErrorResponse(obj.error());
    std::vector<core::SubmitProblem> problems;
    auto v = services::SubmitApplication(ctx, req.actor, req.params["application_id"], &problems);
    if (!v && !problems.empty()) {
      // Every failure is named, not only the first.
      Response r = ErrorResponse(v.error());
      Json body = Json::parse(r.body);
      body["error"]["problems"] = ProblemsJson(problems);
      r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
      return r;
    }
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(ApplicationJson(*v, true));
  });

  api.Add("PUT", "/api/applications/{application_id}/cover-letter", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"text", "upload_id"});
    if (!obj) return ErrorResponse(obj.error());
    auto text = StringField(*obj, "text", false);
    if (!text) return ErrorResponse(text.error());
    auto upload = StringField(*obj, "upload_id", false);
    if (!upload) return ErrorResponse(upload.error());
    auto m = services::SetCoverLetter(ctx, req.actor, req.params["application_id"], *text, *upload);
    if (!m) return ErrorResponse(m.error());
    auto v = services::GetMyApplication(ctx, req.actor, req.params["application_id"]);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(ApplicationJson(*v, true));
  });

  api.Add("GET", "/api/applications/{application_id}/cover-letter.pdf", Access::kApplicant, [&ctx](Request& req) {
    auto f = services::ReadMyCoverLetter(ctx, req.actor, req.params["application_id"]);
    if (!f) return ErrorResponse(f.error());
    return FileResponse(*f);
  });

  api.Add("PUT", "/api/applications/{application_id}/cv", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"kind", "document_id"});
    if (!obj) return ErrorResponse(obj.error());
    auto kind = StringField(*obj, "kind", true);
    if (!kind) return ErrorResponse(kind.error());
    auto doc = StringField(*obj, "document_id", false);
    if (!doc) return ErrorResponse(doc.error());
    auto m = services::SetCvChoice(ctx, req.actor, req.params["application_id"], *kind, *doc);
    if (!m) return ErrorResponse(m.error());
    auto v = services::GetMyApplication(ctx, req.actor, req.params["application_id"]);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(ApplicationJson(*v, true));
  });

  api.Add("GET", "/api/institutions/{id}/applications/{application_id}/cover-letter.pdf", Access::kInstitutionStaff,
          [&ctx](Request& req) {
            auto f = services::ReadSubmittedMaterial(ctx, req.actor, req.params["id"], req.params["application_id"],
                                                     "cover_letter");
            if (!f) return ErrorResponse(f.error());
            return FileResponse(*f);
          });

  api.Add("GET", "/api/institutions/{id}/applications/{application_id}/cv.pdf", Access::kInstitutionStaff,
          [&ctx](Request& req) {
            auto f = services::ReadSubmittedMaterial(ctx, req.actor, req.params["id"], req.params["application_id"],
                                                     "cv");
            if (!f) return ErrorResponse(f.error());
            return FileResponse(*f);
          });

  api.Add("POST", "/api/applications/{application_id}/withdraw", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body.empty() ? "{}" : req.body, {"reason"});
    if (!obj) return ErrorResponse(obj.error());
    auto reason = StringField(*obj, "reason", false);
    if (!reason) return ErrorResponse(reason.error());
    auto v = services::WithdrawApplication(ctx, req.actor, req.params["application_id"], *reason);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(ApplicationJson(*v, true));
  });

  // ---- institution staff
  api.Add("GET", "/api/institutions/{id}/offerings/{offering_id}/compliance", Access::kInstitutionStaff,
          [&ctx](Request& req) {
            auto rows = services::OfferingCompliance(ctx, req.actor, req.params["id"], req.params["offering_id"]);
            if (!rows) return ErrorResponse(rows.error());
            Json items = Json::array();
            for (const auto& r : *rows) {
              Json blocks = Json::array();
              for (const auto& b : r.application.blocks) {
                Json list = Json::array();
                for (const auto& i : b.items) list.push_back(ItemJson(i));
                blocks.push_back({{"block_id", b.block_id}, {"start_date", b.start_date}, {"end_date", b.end_date},
                                  {"cleared", b.cleared}, {"items", list}});
              }
              items.push_back({{"applicant", {{"id", r.applicant_id}, {"name", r.applicant_name},
                                              {"email", r.applicant_email}}},
                               {"application_id", r.application.row.id},
                               {"status", r.application.row.status},
                               {"blocks", blocks}});
            }
            return JsonResponse(Json{{"items", items}});
          });

  api.Add("GET", "/api/institutions/{id}/applicants/{user_id}/documents", Access::kInstitutionStaff,
          [&ctx](Request& req) {
            auto list = services::ListApplicantDocuments(ctx, req.actor, req.params["id"], req.params["user_id"]);
            if (!list) return ErrorResponse(list.error());
            return JsonResponse(DocumentsJson(*list));
          });

  api.Add("GET", "/api/institutions/{id}/applicants/{user_id}/documents/{document_id}/file",
          Access::kInstitutionStaff, [&ctx](Request& req) {
            auto version = VersionParam(req);
            if (!version) return ErrorResponse(version.error());
            auto f = services::ReadApplicantDocument(ctx, req.actor, req.params["id"], req.params["user_id"],
                                                     req.params["document_id"], *version);
            if (!f) return ErrorResponse(f.error());
            return FileResponse(*f);
          });

  api.Add("POST", "/api/institutions/{id}/applicants/{user_id}/documents/{document_id}/review",
          Access::kInstitutionCoordinator, [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"decision", "reason"});
            if (!obj) return ErrorResponse(obj.error());
            auto decision = StringField(*obj, "decision", true);
            if (!decision) return ErrorResponse(decision.error());
            auto reason = StringField(*obj, "reason", false);
            if (!reason) return ErrorResponse(reason.error());
            auto d = services::ReviewDocument(ctx, req.actor, req.params["id"], req.params["user_id"],
                                              req.params["document_id"], *decision, *reason);
            if (!d) return ErrorResponse(d.error());
            return JsonResponse(DocumentJson(*d));
          });
}

}  // namespace clerkship::http
