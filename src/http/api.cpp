#include "http/api.h"

#include <string_view>
#include <vector>

#include "http/json_io.h"
#include "services/institutions.h"

namespace clerkship::embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& openapi();
}

namespace clerkship::http {
namespace {

services::Actor ActorOf(const Request& req) { return services::Actor{"", req.remote_ip}; }

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

}  // namespace

const std::string& OpenApiDocument() {
  static const std::string kDoc = [] {
    std::string s;
    for (const auto& [_, text] : embedded::openapi()) s += text;
    return s;
  }();
  return kDoc;
}

void RegisterApi(Router& router, services::Context& ctx, const ApiInfo& info) {
  router.Add("GET", "/api/health", Access::kPublic, [&ctx, info](Request&) {
    return JsonResponse(Json{{"status", "ok"}, {"version", info.version},
                             {"database", ctx.db.BackendName()}});
  });

  router.Add("GET", "/api/openapi.json", Access::kPublic, [](Request&) {
    Response r;
    r.body = OpenApiDocument();
    return r;
  });

  router.Add("GET", "/api/institutions", Access::kPublic, [&ctx](Request&) {
    auto list = services::ListInstitutions(ctx);
    if (!list) return ErrorResponse(list.error());
    Json items = Json::array();
    for (const auto& i : *list) items.push_back(InstitutionJson(i));
    return JsonResponse(Json{{"items", items}});
  });

  router.Add("POST", "/api/institutions", Access::kPublic, [&ctx](Request& req) {
    auto draft = InstitutionDraftFrom(req.body);
    if (!draft) return ErrorResponse(draft.error());
    auto created = services::CreateInstitution(ctx, ActorOf(req), std::move(*draft));
    if (!created) return ErrorResponse(created.error());
    return JsonResponse(InstitutionJson(*created), 201);
  });

  router.Add("GET", "/api/institutions/{id}", Access::kPublic, [&ctx](Request& req) {
    auto found = services::GetInstitution(ctx, req.params["id"]);
    if (!found) return ErrorResponse(found.error());
    return JsonResponse(InstitutionJson(*found));
  });
}

}  // namespace clerkship::http
