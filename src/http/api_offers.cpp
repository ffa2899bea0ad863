// Offers and seats (issue 7; docs/offers.md): coordinators offer a block,
// rescind, cancel placements and set the offering's offer settings;
// applicants accept or decline. Handlers parse and call one service each.
#include "http/api.h"
#include "services/offers.h"

namespace clerkship::http {
namespace {

core::Error Bad(const std::string& field, const std::string& message) {
  return core::Error{core::ErrorCode::kInvalidArgument, message, field, {}};
}

Json OfferJson(const services::OfferView& v) {
  const auto& o = v.row;
  return {{"id", o.id},
          {"application_id", o.application_id},
          {"applicant_id", o.applicant_id},
          {"institution_id", o.institution_id},
          {"offering_id", o.offering_id},
          {"offering_title", v.offering_title},
          {"institution_name", v.institution_name},
          {"time_zone", v.time_zone},
          {"block", {{"id", o.block_id},
                     {"start_date", v.block_start},
                     {"end_date", v.block_end},
                     {"seats", v.seats},
                     {"filled", v.filled},
                     {"seats_left", std::max(0, v.seats - v.filled)},
                     {"pending_offers", v.pending_offers}}},
          {"status", o.status},
          {"expires_at", o.expires_at},
          {"reason", o.reason},
          {"from_waitlist", o.offered_by.empty()},
          {"scramble_round_id", o.scramble_round_id.empty() ? Json(nullptr) : Json(o.scramble_round_id)},
          {"placement_id", o.placement_id},
          {"version", o.version},
          {"created_at", o.created_at},
          {"updated_at", o.updated_at}};
}

Json PlacementJson(const store::PlacementRow& p) {
  return {{"id", p.id},
          {"application_id", p.application_id},
          {"applicant_id", p.applicant_id},
          {"offering_id", p.offering_id},
          {"block_id", p.block_id},
          {"source", p.source},
          {"status", p.status},
          {"status_reason", p.status_reason},
          {"start_date", p.start_date},
          {"end_date", p.end_date},
          {"version", p.version},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

Json OfferList(const std::vector<services::OfferView>& list) {
  Json items = Json::array();
  for (const auto& v : list) items.push_back(OfferJson(v));
  return Json{{"items", items}};
}

Json SettingsJson(const store::OfferSettingsRow& s) {
  return {{"expiry_days", s.expiry_days}, {"waitlist_promotion", s.waitlist_promotion}};
}

// A required reason (400 naming "reason" when missing).
core::Result<std::string> Reason(const Json& j, bool required) { return StringField(j, "reason", required); }

}  // namespace

void RegisterOfferApi(ApiBuilder& api) {
  auto& ctx = api.ctx();

  // ---- coordinator / staff
  api.Add("POST", "/api/institutions/{id}/applications/{application_id}/offers", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"block_id", "expiry_days", "note"});
            if (!obj) return ErrorResponse(obj.error());
            const Json& j = *obj;
            services::OfferInput in;
            auto block = StringField(j, "block_id", true);
            if (!block) return ErrorResponse(block.error());
            in.block_id = *block;
            if (j.contains("expiry_days") && !j["expiry_days"].is_null()) {
              if (!j["expiry_days"].is_number_integer() || j["expiry_days"].get<long long>() < 1 ||
                  j["expiry_days"].get<long long>() > 60) {
                return ErrorResponse(Bad("expiry_days", "an offer stays open from 1 to 60 days"));
              }
              in.expiry_days = j["expiry_days"].get<int>();
            }
            auto note = StringField(j, "note", false);
            if (!note) return ErrorResponse(note.error());
            in.note = *note;
            auto o = services::MakeOffer(ctx, req.actor, req.params["id"], req.params["application_id"], in);
            if (!o) return ErrorResponse(o.error());
            return JsonResponse(OfferJson(*o), 201);
          });

  api.Add("GET", "/api/institutions/{id}/applications/{application_id}/offers", Access::kInstitutionStaff,
          [&ctx](Request& req) {
            auto list =
                services::ApplicationOffers(ctx, req.actor, req.params["id"], req.params["application_id"]);
            if (!list) return ErrorResponse(list.error());
            return JsonResponse(OfferList(*list));
          });

  api.Add("POST", "/api/institutions/{id}/offers/{offer_id}/rescind", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"reason"});
            if (!obj) return ErrorResponse(obj.error());
            auto reason = Reason(*obj, true);
            if (!reason) return ErrorResponse(reason.error());
            auto o = services::RescindOffer(ctx, req.actor, req.params["id"], req.params["offer_id"], *reason);
            if (!o) return ErrorResponse(o.error());
            return JsonResponse(OfferJson(*o));
          });

  api.Add("POST", "/api/institutions/{id}/placements/{placement_id}/cancel", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"reason"});
            if (!obj) return ErrorResponse(obj.error());
            auto reason = Reason(*obj, true);
            if (!reason) return ErrorResponse(reason.error());
            auto p = services::CancelPlacement(ctx, req.actor, req.params["id"], req.params["placement_id"], *reason);
            if (!p) return ErrorResponse(p.error());
            return JsonResponse(PlacementJson(*p));
          });

  api.Add("GET", "/api/institutions/{id}/offerings/{offering_id}/offers", Access::kInstitutionStaff,
          [&ctx](Request& req) {
            auto b = services::OfferingOffers(ctx, req.actor, req.params["id"], req.params["offering_id"]);
            if (!b) return ErrorResponse(b.error());
            Json names = Json::object();
            for (const auto& [id, name] : b->names) names[id] = name;
            Json blocks = Json::array();
            for (const auto& bb : b->blocks) {
              blocks.push_back({{"id", bb.block.id},
                                {"start_date", bb.block.start_date},
                                {"end_date", bb.block.end_date},
                                {"seats", bb.block.seats},
                                {"filled", bb.block.filled},
                                {"seats_left", std::max(0, bb.block.seats - bb.block.filled)},
                                {"pending_offers", bb.pending_offers},
                                {"waitlist", bb.waitlist}});
            }
            Json offers = Json::array();
            for (const auto& v : b->offers) {
              Json o = OfferJson(v);
              o["applicant_name"] = names.value(v.row.applicant_id, "");
              offers.push_back(o);
            }
            Json placements = Json::array();
            for (const auto& p : b->placements) {
              Json pj = PlacementJson(p);
              pj["applicant_name"] = names.value(p.applicant_id, "");
              placements.push_back(pj);
            }
            return JsonResponse(Json{{"settings", SettingsJson(b->settings)},
                                     {"blocks", blocks},
                                     {"offers", offers},
                                     {"placements", placements}});
          });

  api.Add("PUT", "/api/institutions/{id}/offerings/{offering_id}/offer-settings", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"expiry_days", "waitlist_promotion"});
            if (!obj) return ErrorResponse(obj.error());
            const Json& j = *obj;
            if (!j.contains("expiry_days") || !j["expiry_days"].is_number_integer() ||
                j["expiry_days"].get<long long>() < 1 || j["expiry_days"].get<long long>() > 60) {
              return ErrorResponse(Bad("expiry_days", "an offer stays open from 1 to 60 days"));
            }
            auto mode = StringField(j, "waitlist_promotion", true);
            if (!mode) return ErrorResponse(mode.error());
            auto s = services::SaveOfferSettings(ctx, req.actor, req.params["id"], req.params["offering_id"],
                                                 j["expiry_days"].get<int>(), *mode);
            if (!s) return ErrorResponse(s.error());
            return JsonResponse(SettingsJson(*s));
          });

  // ---- applicant
  api.Add("GET", "/api/me/offers", Access::kApplicant, [&ctx](Request& req) {
    auto list = services::MyOffers(ctx, req.actor);
    if (!list) return ErrorResponse(list.error());
    return JsonResponse(OfferList(*list));
  });
  api.Add("GET", "/api/applications/{application_id}/offers", Access::kApplicant, [&ctx](Request& req) {
    auto list = services::ApplicationOffers(ctx, req.actor, "", req.params["application_id"]);
    if (!list) return ErrorResponse(list.error());
    return JsonResponse(OfferList(*list));
  });
  api.Add("POST", "/api/offers/{offer_id}/accept", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"decline_other_offers"});
    if (!obj) return ErrorResponse(obj.error());
    const Json& j = *obj;
    bool decline_others = false;
    if (j.contains("decline_other_offers")) {
      if (!j["decline_other_offers"].is_boolean()) {
        return ErrorResponse(Bad("decline_other_offers", "decline_other_offers is true or false"));
      }
      decline_others = j["decline_other_offers"].get<bool>();
    }
    auto r = services::AcceptOffer(ctx, req.actor, req.params["offer_id"], decline_others);
    if (!r) return ErrorResponse(r.error());
    return JsonResponse(Json{{"offer", OfferJson(r->offer)},
                             {"placement", PlacementJson(r->placement)},
                             {"declined_offer_ids", r->declined_offer_ids}});
  });
  api.Add("POST", "/api/offers/{offer_id}/decline", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"reason"});
    if (!obj) return ErrorResponse(obj.error());
    auto reason = Reason(*obj, false);
    if (!reason) return ErrorResponse(reason.error());
    auto o = services::DeclineOffer(ctx, req.actor, req.params["offer_id"], *reason);
    if (!o) return ErrorResponse(o.error());
    return JsonResponse(OfferJson(*o));
  });
}

}  // namespace clerkship::http
