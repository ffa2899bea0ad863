// Letters of recommendation routes (docs/letters.md): the applicant's
// requests, the referee's private upload page (token in the query string, so
// it never reaches the request log), and the institution's view.
#include "http/api.h"
#include "services/letters.h"

namespace clerkship::http {
namespace {

// The applicant's view: who, status, waiver, where assigned. Never the file.
Json LetterJson(const services::LetterView& v) {
  const auto& l = v.row;
  return {{"id", l.id},
          {"referee", {{"name", l.referee_name}, {"email", l.referee_email}, {"title", l.referee_title},
                       {"institution", l.referee_institution}}},
          {"relationship", l.relationship},
          {"waived", l.waived},
          {"status", l.status},
          {"received_at", l.uploaded_at},
          {"pages", l.pages},
          {"size", l.size},
          {"sent", !l.first_sent_at.empty()},
          {"first_sent_at", l.first_sent_at},
          {"last_link_at", l.last_link_at},
          {"reminders_sent", l.reminders},
          {"can_download", !l.waived && l.status == "received"},
          {"application_ids", v.application_ids},
          {"created_at", l.created_at},
          {"updated_at", l.updated_at}};
}

Json RefereeJson(const services::RefereeView& v) {
  const auto& l = v.row;
  return {{"applicant", {{"name", v.applicant_name}, {"school", v.applicant_school}}},
          {"referee", {{"name", l.referee_name}, {"title", l.referee_title}, {"institution", l.referee_institution}}},
          {"relationship", l.relationship},
          {"waived", l.waived},
          {"status", l.status},
          {"received_at", l.uploaded_at},
          {"pages", l.pages},
          {"can_replace", v.can_replace},
          {"sent", !l.first_sent_at.empty()}};
}

Json StaffLetterJson(const store::LetterRow& l) {
  return {{"id", l.id},
          {"referee", {{"name", l.referee_name}, {"email", l.referee_email}, {"title", l.referee_title},
                       {"institution", l.referee_institution}}},
          {"relationship", l.relationship},
          {"waived", l.waived},
          {"received_at", l.uploaded_at},
          {"pages", l.pages},
          {"size", l.size}};
}

Response FileResponse(const services::FileDownload& f) {
  Response r;
  r.content_type = f.mime;
  r.body = f.bytes;
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + f.filename + "\"");
  r.headers.emplace_back("Cache-Control", "private, no-store");
  return r;
}

std::string TokenParam(const Request& req) {
  auto it = req.query.find("token");
  return it == req.query.end() ? "" : it->second;
}

core::Result<core::LetterRequestDraft> DraftFrom(const std::string& body) {
  auto obj = ParseObject(body, {"referee_name", "referee_email", "referee_title", "referee_institution",
                                "relationship", "waived"});
  if (!obj) return std::unexpected(obj.error());
  core::LetterRequestDraft d;
  std::pair<const char*, std::string*> fields[] = {{"referee_name", &d.referee_name},
                                                   {"referee_email", &d.referee_email},
                                                   {"referee_title", &d.referee_title},
                                                   {"referee_institution", &d.referee_institution},
                                                   {"relationship", &d.relationship}};
  for (auto& [name, out] : fields) {
    auto v = StringField(*obj, name, false);
    if (!v) return std::unexpected(v.error());
    *out = std::move(*v);
  }
  const Json& j = *obj;
  if (!j.contains("waived") || !j["waived"].is_boolean()) {
    return core::InvalidArgument("waived", "choose whether you waive your right to read the letter (true or false)");
  }
  d.waived = j["waived"].get<bool>();
  return d;
}

Response EmptyBodyOr(const Request& req, const std::function<Response()>& next) {
  if (auto obj = ParseObject(req.body.empty() ? "{}" : req.body, {}); !obj) return ErrorResponse(obj.error());
  return next();
}

}  // namespace

void RegisterLetterApi(ApiBuilder& api) {
  auto& ctx = api.ctx();

  // ---- applicant
  api.Add("GET", "/api/me/letters", Access::kApplicant, [&ctx](Request& req) {
    auto list = services::ListMyLetters(ctx, req.actor);
    if (!list) return ErrorResponse(list.error());
    Json items = Json::array();
    for (const auto& v : *list) items.push_back(LetterJson(v));
    return JsonResponse(Json{{"items", items}});
  });

  api.Add("POST", "/api/me/letters", Access::kApplicant, [&ctx](Request& req) {
    auto draft = DraftFrom(req.body);
    if (!draft) return ErrorResponse(draft.error());
    auto v = services::RequestLetter(ctx, req.actor, std::move(*draft));
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(LetterJson(*v), 201);
  });

  api.Add("POST", "/api/me/letters/{letter_id}/cancel", Access::kApplicant, [&ctx](Request& req) {
    return EmptyBodyOr(req, [&] {
      auto v = services::CancelLetter(ctx, req.actor, req.params["letter_id"]);
      if (!v) return ErrorResponse(v.error());
      return JsonResponse(LetterJson(*v));
    });
  });

  api.Add("POST", "/api/me/letters/{letter_id}/resend", Access::kApplicant, [&ctx](Request& req) {
    return EmptyBodyOr(req, [&] {
      auto v = services::ResendLetterLink(ctx, req.actor, req.params["letter_id"]);
      if (!v) return ErrorResponse(v.error());
      return JsonResponse(LetterJson(*v));
    });
  });

  api.Add("GET", "/api/me/letters/{letter_id}/file", Access::kApplicant, [&ctx](Request& req) {
    auto f = services::ReadMyLetter(ctx, req.actor, req.params["letter_id"]);
    if (!f) return ErrorResponse(f.error());
    return FileResponse(*f);
  });

  api.Add("PUT", "/api/applications/{application_id}/letters/{letter_id}", Access::kApplicant,
          [&ctx](Request& req) {
            return EmptyBodyOr(req, [&] {
              auto v = services::AssignLetter(ctx, req.actor, req.params["application_id"], req.params["letter_id"]);
              if (!v) return ErrorResponse(v.error());
              return JsonResponse(LetterJson(*v));
            });
          });

  api.Add("DELETE", "/api/applications/{application_id}/letters/{letter_id}", Access::kApplicant,
          [&ctx](Request& req) {
            auto v = services::UnassignLetter(ctx, req.actor, req.params["application_id"], req.params["letter_id"]);
            if (!v) return ErrorResponse(v.error());
            return JsonResponse(LetterJson(*v));
          });

  // ---- referee (no account: the private link's token authorizes)
  api.Add("GET", "/api/referee/letter", Access::kPublic, [&ctx](Request& req) {
    auto v = services::GetLetterByToken(ctx, TokenParam(req));
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(RefereeJson(*v));
  });

  api.AddUpload("PUT", "/api/referee/letter/file", Access::kPublic, ctx.max_upload_bytes, [&ctx](Request& req) {
    auto v = services::UploadLetter(ctx, req.actor, TokenParam(req), req.body_file);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(RefereeJson(*v));
  });

  // ---- institution staff: only letters assigned to a submitted application here
  api.Add("GET", "/api/institutions/{id}/applications/{application_id}/letters", Access::kInstitutionStaff,
          [&ctx](Request& req) {
            auto list = services::ListApplicationLetters(ctx, req.actor, req.params["id"], req.params["application_id"]);
            if (!list) return ErrorResponse(list.error());
            Json items = Json::array();
            for (const auto& l : *list) items.push_back(StaffLetterJson(l));
            return JsonResponse(Json{{"items", items}});
          });

  api.Add("GET", "/api/institutions/{id}/applications/{application_id}/letters/{letter_id}/file",
          Access::kInstitutionStaff, [&ctx](Request& req) {
            auto f = services::ReadApplicationLetter(ctx, req.actor, req.params["id"], req.params["application_id"],
                                                     req.params["letter_id"]);
            if (!f) return ErrorResponse(f.error());
            return FileResponse(*f);
          });
}

}  // namespace clerkship::http
