#include "http/api.h"

#include <charconv>
#include <string_view>
#include <vector>

#include "http/guard.h"
#include "services/audit.h"
#include "services/institutions.h"
#include "services/staff.h"

namespace clerkship::embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& openapi();
}

namespace clerkship::http {
namespace {

Json InstitutionJson(const core::Institution& i) {
  return Json{{"id", i.id},           {"name", i.name},         {"city", i.city},
              {"state", i.state},     {"country", i.country},   {"time_zone", i.time_zone},
              {"website", i.website}, {"created_at", i.created_at}};
}

// Reads a draft from the body; every member optional at this layer, the core
// validator says which are required.
core::Result<core::InstitutionDraft> InstitutionDraftFrom(const std::string& body) {
  auto obj = ParseObject(body, {"name", "city", "state", "country", "time_zone", "website"});
  if (!obj) return std::unexpected(obj.error());
  core::InstitutionDraft d;
  std::pair<const char*, std::string*> fields[] = {
      {"name", &d.name},       {"city", &d.city},           {"state", &d.state},
      {"country", &d.country}, {"time_zone", &d.time_zone}, {"website", &d.website}};
  for (auto& [name, out] : fields) {
    auto v = StringField(*obj, name, false);
    if (!v) return std::unexpected(v.error());
    *out = std::move(*v);
  }
  return d;
}

core::Result<int> IntQuery(const Request& req, const char* name, int fallback, int lo, int hi) {
  auto it = req.query.find(name);
  if (it == req.query.end() || it->second.empty()) return fallback;
  int v = 0;
  auto [ptr, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
  if (ec != std::errc() || ptr != it->second.data() + it->second.size() || v < lo || v > hi) {
    return core::InvalidArgument(name, std::string(name) + " must be a whole number from " +
                                           std::to_string(lo) + " to " + std::to_string(hi));
  }
  return v;
}

}  // namespace

void ApiBuilder::Add(std::string method, std::string pattern, Access access, Handler handler) {
  router_.Add(std::move(method), std::move(pattern), access, Guarded(ctx_, access, std::move(handler)));
}

void ApiBuilder::AddCached(std::string pattern, std::function<std::optional<Response>(const Request&)> fast,
                           Handler handler) {
  Add("GET", std::move(pattern), Access::kPublic, std::move(handler));
  router_.SetFast(std::move(fast));
}

void ApiBuilder::AddUpload(std::string method, std::string pattern, Access access, size_t limit,
                           Handler handler) {
  router_.Add(std::move(method), std::move(pattern), access, Guarded(ctx_, access, std::move(handler)), limit);
}

const std::string& OpenApiDocument() {
  static const std::string kDoc = [] {
    std::string s;
    for (const auto& [_, text] : embedded::openapi()) s += text;
    return s;
  }();
  return kDoc;
}

Json PrincipalJson(const core::Principal& p) {
  Json memberships = Json::array();
  for (const auto& m : p.memberships) {
    memberships.push_back({{"id", m.id},
                           {"institution_id", m.institution_id},
                           {"institution_name", m.institution_name},
                           {"role", core::RoleName(m.role)}});
  }
  return Json{{"id", p.user_id},
              {"email", p.email},
              {"display_name", p.display_name},
              {"is_admin", p.is_admin},
              {"is_applicant", p.is_applicant},
              {"email_verified", p.email_verified},
              {"memberships", memberships}};
}

void RegisterInstitutionApi(ApiBuilder& api) {
  auto& ctx = api.ctx();
  api.Add("GET", "/api/institutions", Access::kPublic, [&ctx](Request&) {
    auto list = services::ListInstitutions(ctx);
    if (!list) return ErrorResponse(list.error());
    Json items = Json::array();
    for (const auto& i : *list) items.push_back(InstitutionJson(i));
    return JsonResponse(Json{{"items", items}});
  });

  api.Add("POST", "/api/institutions", Access::kAdmin, [&ctx](Request& req) {
    auto draft = InstitutionDraftFrom(req.body);
    if (!draft) return ErrorResponse(draft.error());
    auto created = services::CreateInstitution(ctx, req.actor, std::move(*draft));
    if (!created) return ErrorResponse(created.error());
    return JsonResponse(InstitutionJson(*created), 201);
  });

  api.Add("GET", "/api/institutions/{id}", Access::kPublic, [&ctx](Request& req) {
    auto found = services::GetInstitution(ctx, req.params["id"]);
    if (!found) return ErrorResponse(found.error());
    return JsonResponse(InstitutionJson(*found));
  });

  api.Add("POST", "/api/institutions/{id}/invitations", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"email", "role"});
            if (!obj) return ErrorResponse(obj.error());
            auto email = StringField(*obj, "email", true);
            if (!email) return ErrorResponse(email.error());
            auto role = StringField(*obj, "role", true);
            if (!role) return ErrorResponse(role.error());
            auto inv = services::InviteStaff(ctx, req.actor, req.params["id"], *email, *role);
            if (!inv) return ErrorResponse(inv.error());
            return JsonResponse(Json{{"id", inv->id}, {"email", inv->email}, {"role", inv->role},
                                     {"expires_at", inv->expires_at}},
                                201);
          });

  api.Add("GET", "/api/institutions/{id}/staff", Access::kInstitutionStaff, [&ctx](Request& req) {
    auto staff = services::ListStaff(ctx, req.params["id"]);
    if (!staff) return ErrorResponse(staff.error());
    Json items = Json::array();
    for (const auto& s : *staff) {
      items.push_back({{"membership_id", s.membership_id}, {"user_id", s.user_id},
                       {"email", s.email}, {"display_name", s.display_name},
                       {"role", s.role}, {"created_at", s.created_at}});
    }
    return JsonResponse(Json{{"items", items}});
  });

  api.Add("DELETE", "/api/institutions/{id}/staff/{membership_id}",
          Access::kInstitutionCoordinator, [&ctx](Request& req) {
            auto st = services::RemoveStaff(ctx, req.actor, req.params["id"], req.params["membership_id"]);
            if (!st) return ErrorResponse(st.error());
            Response r;
            r.status = 204;
            return r;
          });

  api.Add("GET", "/api/audit", Access::kSession, [&ctx](Request& req) {
    auto limit = IntQuery(req, "limit", 100, 1, 500);
    if (!limit) return ErrorResponse(limit.error());
    auto inst = req.query.count("institution_id") ? req.query.at("institution_id") : "";
    auto before = req.query.count("before") ? req.query.at("before") : "";
    auto entries = services::ListAudit(ctx, req.actor, inst, before, *limit);
    if (!entries) return ErrorResponse(entries.error());
    Json items = Json::array();
    for (const auto& e : *entries) {
      items.push_back({{"id", e.id}, {"at", e.at}, {"actor_id", e.actor_id}, {"actor_ip", e.actor_ip},
                       {"action", e.action}, {"record_type", e.record_type},
                       {"record_id", e.record_id}, {"institution_id", e.institution_id},
                       {"detail", e.detail}});
    }
    return JsonResponse(Json{{"items", items}});
  });
}

void RegisterApi(Router& router, services::Context& ctx, const ApiInfo& info) {
  ApiBuilder api(router, ctx, info);
  api.Add("GET", "/api/health", Access::kPublic, [&ctx, info](Request&) {
    return JsonResponse(Json{{"status", "ok"}, {"version", info.version},
                             {"database", ctx.db.BackendName()}});
  });
  api.Add("GET", "/api/openapi.json", Access::kPublic, [](Request&) {
    Response r;
    r.body = OpenApiDocument();
    return r;
  });
  RegisterInstitutionApi(api);
  RegisterAccountApi(api);
  RegisterCatalogApi(api);
  RegisterVaultApi(api);
  RegisterCatalogIoApi(api);
  RegisterLetterApi(api);
  RegisterReviewApi(api);
  RegisterOfferApi(api);
  RegisterInterviewApi(api);
  RegisterInterviewMoreApi(api);
  RegisterMatchRoundApi(api);
  RegisterOnboardingApi(api);
  RegisterCompletionApi(api);
  RegisterScrambleApi(api);
  RegisterMatchDayApi(api);
  RegisterInstitutionGroupApi(api);
  RegisterApplicationsRestApi(api);
}

}  // namespace clerkship::http
