// Catalog routes: vocabulary, specialties, offerings and blocks (coordinators
// of the owning institution), public offering pages and search.
#include "adapters/crypto.h"
#include "http/api.h"
#include "services/completion.h"
#include "services/catalog.h"
#include "services/catalog_json.h"
#include "services/review.h"

namespace clerkship::http {
namespace {

Json OfferingJson(const services::OfferingView& v) {
  Json j = services::OfferingDraftToJson(v.offering.draft);
  j["id"] = v.offering.id;
  j["institution_id"] = v.offering.institution_id;
  j["institution_name"] = v.offering.institution_name;
  j["time_zone"] = v.offering.time_zone;
  j["status"] = v.offering.status;
  j["created_at"] = v.offering.created_at;
  j["updated_at"] = v.offering.updated_at;
  j["all_in_cents"] = {{"student", v.all_in_student_cents}, {"graduate", v.all_in_graduate_cents}};
  Json blocks = Json::array();
  for (const auto& b : v.blocks) blocks.push_back(services::BlockToJson(b));
  j["blocks"] = blocks;
  return j;
}

Response Created(const Json& j) { return JsonResponse(j, 201); }

std::string EtagOf(const std::string& body) { return "\"" + adapters::HashToken(body).substr(0, 32) + "\""; }

// Public GETs: short shared caching plus an ETag so revalidation is a 304.
Response CachedAnswer(const Request& req, const services::CatalogCache::Body& body) {
  Response r;
  r.headers.emplace_back("ETag", body.etag);
  r.headers.emplace_back("Cache-Control", "public, max-age=30, must-revalidate");
  if (req.Header("if-none-match") == body.etag) {
    r.status = 304;
  } else {
    r.body = body.json;
  }
  return r;
}

// The same from the cache's shared copy: the body is not copied.
Response CachedAnswer(const Request& req, std::shared_ptr<const services::CatalogCache::Body> body) {
  Response r;
  r.headers.emplace_back("ETag", body->etag);
  r.headers.emplace_back("Cache-Control", "public, max-age=30, must-revalidate");
  if (req.Header("if-none-match") == body->etag) {
    r.status = 304;
  } else {
    r.shared_body = std::shared_ptr<const std::string>(body, &body->json);
  }
  return r;
}

Response Cacheable(const Request& req, Response r) {
  if (r.status != 200) return r;
  std::string etag = EtagOf(r.body);
  return CachedAnswer(req, {std::move(r.body), std::move(etag)});
}

template <typename T>
Response Reply(const core::Result<T>& r, int status = 200) {
  if (!r) return ErrorResponse(r.error());
  return JsonResponse(OfferingJson(*r), status);
}

}  // namespace

void RegisterCatalogApi(ApiBuilder& api) {
  auto& ctx = api.ctx();

  api.Add("GET", "/api/catalog/vocabulary", Access::kPublic, [&ctx](Request& req) {
    auto specialties = services::ListSpecialties(ctx);
    if (!specialties) return ErrorResponse(specialties.error());
    Json s = Json::array();
    for (const auto& sp : *specialties) s.push_back({{"code", sp.code}, {"name", sp.name}});
    return Cacheable(req, JsonResponse(Json{{"specialties", s},
                                            {"types", core::kOfferingTypes},
                                            {"document_types", core::kDocumentTypes},
                                            {"exams", core::kExams},
                                            {"visa_types", core::kVisaTypes},
                                            {"fee_kinds", core::kFeeKinds},
                                            {"fee_categories", core::kFeeCategories},
                                            {"settings", core::kSettings}}));
  });

  api.Add("POST", "/api/specialties", Access::kAdmin, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"code", "name"});
    if (!obj) return ErrorResponse(obj.error());
    auto code = StringField(*obj, "code", true);
    if (!code) return ErrorResponse(code.error());
    auto name = StringField(*obj, "name", true);
    if (!name) return ErrorResponse(name.error());
    auto s = services::AddSpecialty(ctx, req.actor, *code, *name);
    if (!s) return ErrorResponse(s.error());
    return Created(Json{{"code", s->code}, {"name", s->name}});
  });

  api.Add("GET", "/api/search/offerings", Access::kPublic, [&ctx](Request& req) {
    auto r = services::SearchCatalog(ctx, req.query);
    if (!r) return ErrorResponse(r.error());
    Json items = Json::array();
    for (const auto& h : r->page.hits) {
      const auto& o = *h.offering;
      items.push_back({{"id", o.id}, {"title", o.title}, {"institution_id", o.institution_id},
                       {"institution_name", o.institution_name}, {"specialty", o.specialty}, {"type", o.type},
                       {"hands_on", o.hands_on}, {"city", o.city}, {"state", o.state}, {"country", o.country},
                       {"duration_weeks", o.duration_weeks}, {"currency", o.currency},
                       {"fee_min_cents", o.fee_min_cents}, {"next_start", h.next_start},
                       {"next_deadline", h.next_deadline}, {"seats_left", h.seats_left},
                       {"time_zone", o.time_zone}});
    }
    return Cacheable(req, JsonResponse(Json{{"items", items}, {"total", r->page.total}, {"page", r->page_number},
                                            {"per_page", r->per_page}, {"facets", r->page.facets}}));
  });

  // Published pages are served from the serialised copy while the catalog is
  // unchanged (checked at most a second ago); drafts always go to the database.
  api.AddCached(
      "/api/offerings/{offering_id}",
      [&ctx](const Request& req) -> std::optional<Response> {
        // The page carries the response-time median, computed once a day: the day is part of the key.
        auto body = ctx.catalog_cache->FreshBody("offering:" + req.params.at("offering_id") + ":" +
                                                 core::FormatIso8601(ctx.clock.Now()).substr(0, 10));
        if (!body) return std::nullopt;
        return CachedAnswer(req, std::move(body));
      },
      [&ctx](Request& req) {
        auto v = services::GetOffering(ctx, req.actor, req.params["offering_id"]);
        if (!v) return ErrorResponse(v.error());
        Json j = OfferingJson(*v);
        auto median = services::MedianResponseDays(ctx, v->offering.institution_id);
        if (!median) return ErrorResponse(median.error());
        j["median_response_days"] = *median ? Json(**median) : Json(nullptr);
        // Applicants' ratings of the rotation, from three responses (issue 8).
        auto ratings = services::OfferingRatings(ctx, v->offering.id);
        if (!ratings) return ErrorResponse(ratings.error());
        if (*ratings) {
          Json questions = Json::array();
          for (const auto& q : core::FeedbackQuestions()) {
            auto it = (*ratings)->averages.find(q.key);
            if (it != (*ratings)->averages.end()) {
              questions.push_back({{"key", q.key}, {"label", q.label}, {"average", it->second}});
            }
          }
          j["ratings"] = {{"responses", (*ratings)->responses}, {"questions", questions}};
        } else {
          j["ratings"] = nullptr;
        }
        Response r = JsonResponse(j);
        // Drafts are private to staff: never cache them.
        if (v->offering.status != "published") return r;
        services::CatalogCache::Body body{r.body, EtagOf(r.body)};
        ctx.catalog_cache->PutBody("offering:" + v->offering.id + ":" +
                                       core::FormatIso8601(ctx.clock.Now()).substr(0, 10),
                                   v->catalog_version, body);
        return CachedAnswer(req, body);
      });

  api.Add("GET", "/api/institutions/{id}/offerings", Access::kInstitutionStaff, [&ctx](Request& req) {
    auto list = services::ListInstitutionOfferings(ctx, req.params["id"]);
    if (!list) return ErrorResponse(list.error());
    Json items = Json::array();
    for (const auto& v : *list) items.push_back(OfferingJson(v));
    return JsonResponse(Json{{"items", items}});
  });

  api.Add("POST", "/api/institutions/{id}/offerings", Access::kInstitutionCoordinator, [&ctx](Request& req) {
    auto j = ParseJsonObject(req.body);
    if (!j) return ErrorResponse(j.error());
    auto draft = services::OfferingDraftFromJson(*j);
    if (!draft) return ErrorResponse(draft.error());
    return Reply(services::CreateOffering(ctx, req.actor, req.params["id"], std::move(*draft)), 201);
  });

  api.Add("PUT", "/api/institutions/{id}/offerings/{offering_id}", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto j = ParseJsonObject(req.body);
            if (!j) return ErrorResponse(j.error());
            auto draft = services::OfferingDraftFromJson(*j);
            if (!draft) return ErrorResponse(draft.error());
            return Reply(services::UpdateOffering(ctx, req.actor, req.params["id"], req.params["offering_id"],
                                                  std::move(*draft)));
          });

  api.Add("POST", "/api/institutions/{id}/offerings/{offering_id}/status", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"status"});
            if (!obj) return ErrorResponse(obj.error());
            auto status = StringField(*obj, "status", true);
            if (!status) return ErrorResponse(status.error());
            return Reply(services::SetOfferingStatus(ctx, req.actor, req.params["id"], req.params["offering_id"],
                                                     *status));
          });

  api.Add("POST", "/api/institutions/{id}/offerings/{offering_id}/duplicate", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            return Reply(services::DuplicateOffering(ctx, req.actor, req.params["id"], req.params["offering_id"]),
                         201);
          });

  api.Add("POST", "/api/institutions/{id}/offerings/{offering_id}/blocks", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto j = ParseJsonObject(req.body);
            if (!j) return ErrorResponse(j.error());
            auto draft = services::BlockDraftFromJson(*j);
            if (!draft) return ErrorResponse(draft.error());
            auto b = services::AddBlock(ctx, req.actor, req.params["id"], req.params["offering_id"], *draft);
            if (!b) return ErrorResponse(b.error());
            return Created(services::BlockToJson(*b));
          });

  api.Add("PUT", "/api/institutions/{id}/offerings/{offering_id}/blocks/{block_id}",
          Access::kInstitutionCoordinator, [&ctx](Request& req) {
            auto j = ParseJsonObject(req.body);
            if (!j) return ErrorResponse(j.error());
            auto draft = services::BlockDraftFromJson(*j);
            if (!draft) return ErrorResponse(draft.error());
            auto b = services::UpdateBlock(ctx, req.actor, req.params["id"], req.params["offering_id"],
                                           req.params["block_id"], *draft);
            if (!b) return ErrorResponse(b.error());
            return JsonResponse(services::BlockToJson(*b));
          });

  api.Add("DELETE", "/api/institutions/{id}/offerings/{offering_id}/blocks/{block_id}",
          Access::kInstitutionCoordinator, [&ctx](Request& req) {
            auto st = services::DeleteBlock(ctx, req.actor, req.params["id"], req.params["offering_id"],
                                            req.params["block_id"]);
            if (!st) return ErrorResponse(st.error());
            Response r;
            r.status = 204;
            return r;
          });
}

}  // namespace clerkship::http
