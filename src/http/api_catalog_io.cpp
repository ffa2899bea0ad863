// Catalog CSV import/export (coordinators) and applicants' saved searches.
#include "http/api.h"
#include "services/catalog_csv.h"
#include "services/saved_searches.h"

namespace clerkship::http {
namespace {

Json ReportJson(const services::CsvImportReport& r) {
  Json rows = Json::array();
  for (const auto& row : r.rows) {
    rows.push_back({{"line", row.line},
                    {"offering_ref", row.offering_ref},
                    {"offering_id", row.offering_id},
                    {"title", row.title},
                    {"offering", row.offering_action},
                    {"status", row.status},
                    {"block", row.block_action},
                    {"block_id", row.block_id},
                    {"start_date", row.start_date},
                    {"end_date", row.end_date}});
  }
  Json errors = Json::array();
  for (const auto& e : r.errors)
    errors.push_back({{"line", e.line}, {"field", e.field}, {"message", e.message}});
  return Json{{"dry_run", r.dry_run},
              {"applied", r.applied},
              {"valid", r.errors.empty()},
              {"summary",
               {{"rows", r.rows.size()},
                {"offerings_created", r.offerings_created},
                {"offerings_updated", r.offerings_updated},
                {"offerings_unchanged", r.offerings_unchanged},
                {"blocks_created", r.blocks_created},
                {"blocks_updated", r.blocks_updated},
                {"blocks_unchanged", r.blocks_unchanged}}},
              {"rows", rows},
              {"errors", errors}};
}

Json SavedSearchJson(const services::SavedSearch& s) {
  return Json{{"id", s.id},
              {"name", s.name},
              {"query", s.params},
              {"query_string", s.query_string},
              {"created_at", s.created_at},
              {"last_alert_at", s.last_alert_at}};
}

}  // namespace

void RegisterCatalogIoApi(ApiBuilder& api) {
  auto& ctx = api.ctx();

  api.Add("GET", "/api/institutions/{id}/catalog.csv", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto csv = services::ExportCatalogCsv(ctx, req.params["id"]);
            if (!csv) return ErrorResponse(csv.error());
            Response r;
            r.content_type = "text/csv; charset=utf-8";
            r.body = std::move(*csv);
            r.headers.emplace_back("Content-Disposition", "attachment; filename=\"catalog.csv\"");
            return r;
          });

  api.Add("POST", "/api/institutions/{id}/catalog.csv", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            bool dry_run = false;
            for (const auto& [k, v] : req.query) {
              if (k != "dry_run")
                return ErrorResponse(
                    core::InvalidArgument(k.substr(0, 40), "unknown parameter " + k.substr(0, 40))
                        .error());
              if (v == "1" || v == "true")
                dry_run = true;
              else if (v != "0" && v != "false" && !v.empty()) {
                return ErrorResponse(
                    core::InvalidArgument("dry_run", "dry_run must be 1 or 0").error());
              }
            }
            auto report =
                services::ImportCatalogCsv(ctx, req.actor, req.params["id"], req.body, dry_run);
            if (!report) return ErrorResponse(report.error());
            Json body = ReportJson(*report);
            if (!dry_run && !report->errors.empty()) {
              size_t lines = 0;
              int last = -1;
              for (const auto& e : report->errors) {
                if (e.line != last) ++lines;
                last = e.line;
              }
              body["error"] = {
                  {"code", "invalid_argument"},
                  {"message", std::to_string(lines) + (lines == 1 ? " line has" : " lines have") +
                                  " errors; nothing was imported"},
                  {"field", "body"}};
              return JsonResponse(body, 400);
            }
            return JsonResponse(body);
          });

  api.Add("GET", "/api/saved-searches", Access::kApplicant, [&ctx](Request& req) {
    auto list = services::ListSavedSearches(ctx, req.actor);
    if (!list) return ErrorResponse(list.error());
    Json items = Json::array();
    for (const auto& s : *list) items.push_back(SavedSearchJson(s));
    return JsonResponse(Json{{"items", items}});
  });

  api.Add("POST", "/api/saved-searches", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"name", "query"});
    if (!obj) return ErrorResponse(obj.error());
    auto name = StringField(*obj, "name", true);
    if (!name) return ErrorResponse(name.error());
    std::map<std::string, std::string> params;
    if (obj->contains("query")) {
      const Json& q = (*obj)["query"];
      if (!q.is_object())
        return ErrorResponse(
            core::InvalidArgument("query", "query must be an object of search parameters").error());
      for (const auto& [k, v] : q.items()) {
        if (!v.is_string()) {
          return ErrorResponse(
              core::InvalidArgument("query." + k.substr(0, 40), "search parameters are strings")
                  .error());
        }
        params[k] = v.get<std::string>();
      }
    }
    auto saved = services::SaveSearch(ctx, req.actor, *name, params);
    if (!saved) return ErrorResponse(saved.error());
    return JsonResponse(SavedSearchJson(*saved), 201);
  });

  api.Add("DELETE", "/api/saved-searches/{saved_search_id}", Access::kApplicant,
          [&ctx](Request& req) {
            auto st = services::DeleteSavedSearch(ctx, req.actor, req.params["saved_search_id"]);
            if (!st) return ErrorResponse(st.error());
            Response r;
            r.status = 204;
            return r;
          });
}

}  // namespace clerkship::http
