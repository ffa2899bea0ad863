// Onboarding after acceptance (issue 7; docs/onboarding.md): coordinators set
// an offering's items and the institution's letterhead and watch the
// "cleared to start" board (JSON and CSV); applicants see their checklist per
// placement, acknowledge and sign, and download the visa invitation letter.
// Handlers parse and call one service each.
#include <set>

#include "adapters/zones.h"
#include "http/api.h"
#include "services/onboarding.h"

namespace clerkship::http {
namespace {

core::Error Bad(const std::string& field, const std::string& message) {
  return core::Error{core::ErrorCode::kInvalidArgument, message, field, {}};
}

Json ItemJson(const store::OnboardingItemRow& i, const std::string& zone) {
  Json j = {{"id", i.id},
            {"kind", i.kind},
            {"title", i.title},
            {"body", i.body},
            {"date", i.local_date},
            {"time", i.local_time},
            {"starts_at", i.starts_at},
            {"time_zone", zone},
            {"starts_at_local", ""},
            {"place", i.place},
            {"version", i.version},
            {"text_hash", i.text_hash},
            {"action", core::ActionFor(i.kind)},
            {"updated_at", i.updated_at}};
  if (auto t = core::ParseIso8601(i.starts_at)) j["starts_at_local"] = adapters::LocalDateTimeWithZone(*t, zone);
  return j;
}

Json OfferingOnboardingJson(const services::OfferingOnboarding& o) {
  Json items = Json::array();
  for (const auto& i : o.items) items.push_back(ItemJson(i, o.time_zone));
  return {{"offering_id", o.offering_id},
          {"offering_title", o.offering_title},
          {"time_zone", o.time_zone},
          {"visa_letter", o.visa_letter},
          {"items", items}};
}

Json PlacementOnboardingJson(const services::PlacementOnboarding& v, bool board) {
  const auto& p = v.placement;
  Json compliance = Json::array();
  for (const auto& c : v.checklist.compliance) {
    compliance.push_back({{"requirement", c.requirement},
                          {"count", c.count},
                          {"state", c.state},
                          {"reason", c.reason},
                          {"document_ids", c.document_ids},
                          {"fix_url", "/documents"}});
  }
  Json items = Json::array();
  for (size_t n = 0; n < v.checklist.items.size(); ++n) {
    const auto& s = v.checklist.items[n];
    Json j = n < v.items.size() ? ItemJson(v.items[n], v.time_zone) : Json::object();
    j["state"] = s.state;
    j["reason"] = s.reason;
    j["recorded_at"] = s.recorded_at;
    if (s.kind == "badge_photo") j["fix_url"] = "/documents";
    if (board) j.erase("body");
    items.push_back(j);
  }
  Json out = {{"placement_id", p.id},
              {"application_id", p.application_id},
              {"offering_id", p.offering_id},
              {"offering_title", v.offering_title},
              {"institution_id", p.institution_id},
              {"institution_name", v.institution_name},
              {"time_zone", v.time_zone},
              {"block_id", p.block_id},
              {"start_date", p.start_date},
              {"end_date", p.end_date},
              {"status", p.status},
              {"visa_letter", v.visa_letter},
              {"cleared", v.checklist.cleared},
              {"missing", v.checklist.missing},
              {"compliance", compliance},
              {"items", items}};
  if (board) {
    out["applicant_id"] = p.applicant_id;
    out["applicant_name"] = v.applicant_name;
    out["applicant_email"] = v.applicant_email;
    Json reminders = Json::array();
    for (const auto& [days, at] : v.reminders) reminders.push_back({{"days", days}, {"sent_at", at}});
    out["reminders"] = reminders;
  }
  return out;
}

Json LetterheadJson(const store::LetterheadRow& l) {
  return {{"institution_id", l.institution_id},     {"address", l.address},
          {"phone", l.phone},                       {"signatory_name", l.signatory_name},
          {"signatory_title", l.signatory_title},   {"updated_at", l.updated_at}};
}

core::Result<services::BoardFilter> Filter(const Request& req) {
  services::BoardFilter f;
  for (const auto& [k, v] : req.query) {
    if (k == "offering_id") f.offering_id = v;
    else if (k == "block_id") f.block_id = v;
    else if (k == "start_from") f.start_from = v;
    else if (k == "start_to") f.start_to = v;
    else return std::unexpected(Bad(k.substr(0, 40), "unknown parameter " + k.substr(0, 40)));
  }
  return f;
}

core::Result<std::vector<core::OnboardingItemDraft>> ParseItems(const Json& j) {
  if (!j.contains("items") || !j["items"].is_array()) return std::unexpected(Bad("items", "items must be an array"));
  std::vector<core::OnboardingItemDraft> out;
  for (size_t i = 0; i < j["items"].size(); ++i) {
    const Json& x = j["items"][i];
    std::string at = "items[" + std::to_string(i) + "]";
    if (!x.is_object()) return std::unexpected(Bad(at, at + " must be an object"));
    core::OnboardingItemDraft d;
    for (auto it = x.begin(); it != x.end(); ++it) {
      static const std::set<std::string> kKnown = {"id", "kind", "title", "body", "date", "time", "place"};
      if (!kKnown.contains(it.key())) return std::unexpected(Bad(at + "." + it.key(), "unknown field"));
      if (!it.value().is_string() && !it.value().is_null()) {
        return std::unexpected(Bad(at + "." + it.key(), it.key() + " must be a string"));
      }
    }
    auto str = [&](const char* k) { return x.contains(k) && x[k].is_string() ? x[k].get<std::string>() : ""; };
    d.id = str("id");
    d.kind = str("kind");
    d.title = str("title");
    d.body = str("body");
    d.date = str("date");
    d.time = str("time");
    d.place = str("place");
    out.push_back(std::move(d));
  }
  return out;
}

Response CsvResponse(std::string body, const std::string& filename) {
  Response r;
  r.content_type = "text/csv; charset=utf-8";
  r.body = std::move(body);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  r.headers.emplace_back("Cache-Control", "private, no-store");
  return r;
}

}  // namespace

void RegisterOnboardingApi(ApiBuilder& api) {
  auto& ctx = api.ctx();

  // ---- coordinator / staff
  api.Add("GET", "/api/institutions/{id}/offerings/{offering_id}/onboarding", Access::kInstitutionStaff,
          [&ctx](Request& req) {
            auto o = services::GetOfferingOnboarding(ctx, req.actor, req.params["id"], req.params["offering_id"]);
            if (!o) return ErrorResponse(o.error());
            return JsonResponse(OfferingOnboardingJson(*o));
          });
  api.Add("PUT", "/api/institutions/{id}/offerings/{offering_id}/onboarding", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"items"});
            if (!obj) return ErrorResponse(obj.error());
            auto items = ParseItems(*obj);
            if (!items) return ErrorResponse(items.error());
            auto o = services::SaveOfferingOnboarding(ctx, req.actor, req.params["id"], req.params["offering_id"],
                                                      std::move(*items));
            if (!o) return ErrorResponse(o.error());
            return JsonResponse(OfferingOnboardingJson(*o));
          });
  api.Add("GET", "/api/institutions/{id}/onboarding-board", Access::kInstitutionStaff, [&ctx](Request& req) {
    auto f = Filter(req);
    if (!f) return ErrorResponse(f.error());
    auto rows = services::OnboardingBoard(ctx, req.actor, req.params["id"], *f);
    if (!rows) return ErrorResponse(rows.error());
    Json items = Json::array();
    int cleared = 0;
    for (const auto& r : *rows) {
      items.push_back(PlacementOnboardingJson(r, true));
      cleared += r.checklist.cleared ? 1 : 0;
    }
    return JsonResponse(Json{{"items", items}, {"cleared", cleared}, {"total", rows->size()}});
  });
  api.Add("GET", "/api/institutions/{id}/onboarding-board.csv", Access::kInstitutionStaff, [&ctx](Request& req) {
    auto f = Filter(req);
    if (!f) return ErrorResponse(f.error());
    auto rows = services::OnboardingBoard(ctx, req.actor, req.params["id"], *f);
    if (!rows) return ErrorResponse(rows.error());
    return CsvResponse(services::OnboardingBoardCsv(*rows), "cleared-to-start.csv");
  });
  api.Add("GET", "/api/institutions/{id}/letterhead", Access::kInstitutionStaff, [&ctx](Request& req) {
    auto l = services::GetLetterhead(ctx, req.actor, req.params["id"]);
    if (!l) return ErrorResponse(l.error());
    return JsonResponse(LetterheadJson(*l));
  });
  api.Add("PUT", "/api/institutions/{id}/letterhead", Access::kInstitutionCoordinator, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"address", "phone", "signatory_name", "signatory_title"});
    if (!obj) return ErrorResponse(obj.error());
    store::LetterheadRow l;
    l.institution_id = req.params["id"];
    for (auto [name, target] : {std::pair{"address", &l.address}, std::pair{"phone", &l.phone},
                                std::pair{"signatory_name", &l.signatory_name},
                                std::pair{"signatory_title", &l.signatory_title}}) {
      auto v = StringField(*obj, name, true);
      if (!v) return ErrorResponse(v.error());
      *target = *v;
    }
    auto saved = services::SaveLetterhead(ctx, req.actor, std::move(l));
    if (!saved) return ErrorResponse(saved.error());
    return JsonResponse(LetterheadJson(*saved));
  });

  // ---- applicant
  api.Add("GET", "/api/me/onboarding", Access::kApplicant, [&ctx](Request& req) {
    auto list = services::MyOnboarding(ctx, req.actor);
    if (!list) return ErrorResponse(list.error());
    Json items = Json::array();
    for (const auto& v : *list) items.push_back(PlacementOnboardingJson(v, false));
    return JsonResponse(Json{{"items", items}});
  });
  api.Add("POST", "/api/placements/{placement_id}/onboarding/{item_id}", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"action", "text_hash", "agree"});
    if (!obj) return ErrorResponse(obj.error());
    auto action = StringField(*obj, "action", true);
    if (!action) return ErrorResponse(action.error());
    auto hash = StringField(*obj, "text_hash", false);
    if (!hash) return ErrorResponse(hash.error());
    // A signature is an explicit "I have read and agree".
    if (*action == "sign" && !(obj->contains("agree") && (*obj)["agree"] == true)) {
      return ErrorResponse(Bad("agree", "tick \"I have read and agree\" to sign (agree: true)"));
    }
    auto v = services::RecordOnboarding(ctx, req.actor, req.params["placement_id"], req.params["item_id"], *action,
                                        *hash);
    if (!v) return ErrorResponse(v.error());
    return JsonResponse(PlacementOnboardingJson(*v, false));
  });
  api.Add("GET", "/api/placements/{placement_id}/visa-letter.pdf", Access::kApplicant, [&ctx](Request& req) {
    auto pdf = services::VisaInvitationLetter(ctx, req.actor, req.params["placement_id"]);
    if (!pdf) return ErrorResponse(pdf.error());
    Response r;
    r.content_type = "application/pdf";
    r.body = std::move(pdf->bytes);
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + pdf->filename + "\"");
    r.headers.emplace_back("Cache-Control", "private, no-store");
    return r;
  });
}

}  // namespace clerkship::http
