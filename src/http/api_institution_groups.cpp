// Institution groups (issue 9; docs/match.md "Institution groups"): the
// admin creates groups and names managers; group managers create and run
// the group's match rounds. Routes need a session; the services authorize.
#include "http/api.h"
#include "services/institution_groups.h"
#include "services/match_rounds.h"

namespace clerkship::http {
namespace {

core::Error Bad(const std::string& field, const std::string& message) {
  return core::Error{core::ErrorCode::kInvalidArgument, message, field, {}};
}

core::Result<std::vector<std::string>> Ids(const Json& j, const char* name, bool required) {
  std::vector<std::string> out;
  if (!j.contains(name)) {
    if (required) return std::unexpected(Bad(name, std::string(name) + " must be a list of ids"));
    return out;
  }
  if (!j[name].is_array() || j[name].size() > 500) {
    return std::unexpected(Bad(name, std::string(name) + " must be a list of at most 500 ids"));
  }
  for (size_t i = 0; i < j[name].size(); ++i) {
    if (!j[name][i].is_string() || j[name][i].get<std::string>().empty()) {
      return std::unexpected(Bad(std::string(name) + "[" + std::to_string(i) + "]", "an id must be non-empty text"));
    }
    out.push_back(j[name][i].get<std::string>());
  }
  return out;
}

Json GroupJson(const store::InstitutionGroupRow& g) {
  Json institutions = Json::array(), managers = Json::array();
  for (size_t i = 0; i < g.institution_ids.size(); ++i) {
    institutions.push_back({{"id", g.institution_ids[i]},
                            {"name", i < g.institution_names.size() ? g.institution_names[i] : ""}});
  }
  for (size_t i = 0; i < g.manager_ids.size(); ++i) {
    managers.push_back({{"id", g.manager_ids[i]}, {"email", i < g.manager_emails.size() ? g.manager_emails[i] : ""}});
  }
  return {{"id", g.id},
          {"name", g.name},
          {"institution_ids", g.institution_ids},
          {"manager_ids", g.manager_ids},
          {"institutions", institutions},
          {"managers", managers},
          {"created_at", g.created_at}};
}

// The body of POST and PUT /api/institution-groups…: name, institution_ids,
// manager_ids? and manager_emails? (accounts by e-mail).
core::Result<services::NewInstitutionGroup> GroupInput(const std::string& body) {
  auto obj = ParseObject(body, {"name", "institution_ids", "manager_ids", "manager_emails"});
  if (!obj) return std::unexpected(obj.error());
  services::NewInstitutionGroup in;
  auto name = StringField(*obj, "name", true);
  if (!name) return std::unexpected(name.error());
  in.name = *name;
  auto members = Ids(*obj, "institution_ids", true);
  if (!members) return std::unexpected(members.error());
  in.institution_ids = *members;
  auto managers = Ids(*obj, "manager_ids", false);
  if (!managers) return std::unexpected(managers.error());
  in.manager_ids = *managers;
  auto emails = Ids(*obj, "manager_emails", false);
  if (!emails) return std::unexpected(emails.error());
  in.manager_emails = *emails;
  return in;
}

Json RoundJson(const store::MatchRoundRow& r) {
  auto nullable = [](const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); };
  return {{"id", r.id},
          {"name", r.name},
          {"status", r.status},
          {"applications_close", r.applications_close},
          {"rank_lists_due", r.rank_lists_due},
          {"match_day", r.match_day},
          {"matched_at", nullable(r.matched_at)},
          {"published_at", nullable(r.published_at)},
          {"created_at", r.created_at}};
}

}  // namespace

void RegisterInstitutionGroupApi(ApiBuilder& api) {
  auto& ctx = api.ctx();

  api.Add("POST", "/api/institution-groups", Access::kAdmin, [&ctx](Request& req) {
    auto in = GroupInput(req.body);
    if (!in) return ErrorResponse(in.error());
    auto g = services::CreateInstitutionGroup(ctx, req.actor, *in);
    if (!g) return ErrorResponse(g.error());
    return JsonResponse(GroupJson(*g), 201);
  });

  api.Add("GET", "/api/institution-groups/{group_id}", Access::kSession, [&ctx](Request& req) {
    auto g = services::GetInstitutionGroup(ctx, req.actor, req.params["group_id"]);
    if (!g) return ErrorResponse(g.error());
    return JsonResponse(GroupJson(*g));
  });

  api.Add("PUT", "/api/institution-groups/{group_id}", Access::kAdmin, [&ctx](Request& req) {
    auto in = GroupInput(req.body);
    if (!in) return ErrorResponse(in.error());
    auto g = services::UpdateInstitutionGroup(ctx, req.actor, req.params["group_id"], *in);
    if (!g) return ErrorResponse(g.error());
    return JsonResponse(GroupJson(*g));
  });

  api.Add("GET", "/api/institution-groups", Access::kSession, [&ctx](Request& req) {
    auto list = services::ListInstitutionGroups(ctx, req.actor);
    if (!list) return ErrorResponse(list.error());
    Json items = Json::array();
    for (const auto& g : *list) items.push_back(GroupJson(g));
    return JsonResponse(Json{{"items", items}});
  });

  api.Add("POST", "/api/institution-groups/{group_id}/match-rounds", Access::kSession, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"name", "applications_close", "rank_lists_due", "match_day", "blocks"});
    if (!obj) return ErrorResponse(obj.error());
    const Json& j = *obj;
    services::NewMatchRound in;
    for (auto [field, target] : {std::pair{"name", &in.name}, std::pair{"applications_close", &in.timeline.applications_close},
                                 std::pair{"rank_lists_due", &in.timeline.rank_lists_due},
                                 std::pair{"match_day", &in.timeline.match_day}}) {
      auto v = StringField(j, field, true);
      if (!v) return ErrorResponse(v.error());
      *target = *v;
    }
    if (!j.contains("blocks") || !j["blocks"].is_array()) {
      return ErrorResponse(Bad("blocks", "blocks must list {block_id, quota?}"));
    }
    for (size_t i = 0; i < j["blocks"].size(); ++i) {
      const Json& b = j["blocks"][i];
      std::string field = "blocks[" + std::to_string(i) + "]";
      if (!b.is_object() || !b.contains("block_id") || !b["block_id"].is_string()) {
        return ErrorResponse(Bad(field + ".block_id", "each block needs a block_id"));
      }
      services::NewRoundBlock nb{b["block_id"].get<std::string>(), std::nullopt};
      if (b.contains("quota") && !b["quota"].is_null()) {
        if (!b["quota"].is_number_integer() || b["quota"].get<long long>() < 0 || b["quota"].get<long long>() > 100000) {
          return ErrorResponse(Bad(field + ".quota", "the quota is a whole number of seats"));
        }
        nb.quota = b["quota"].get<int>();
      }
      in.blocks.push_back(std::move(nb));
    }
    auto r = services::CreateGroupMatchRound(ctx, req.actor, req.params["group_id"], in);
    if (!r) return ErrorResponse(r.error());
    return JsonResponse(RoundJson(*r), 201);
  });

  api.Add("GET", "/api/institution-groups/{group_id}/match-rounds", Access::kSession, [&ctx](Request& req) {
    auto list = services::ListGroupMatchRounds(ctx, req.actor, req.params["group_id"]);
    if (!list) return ErrorResponse(list.error());
    Json items = Json::array();
    for (const auto& r : *list) items.push_back(RoundJson(r));
    return JsonResponse(Json{{"items", items}});
  });

  api.Add("POST", "/api/institution-groups/{group_id}/match-rounds/{round_id}/status", Access::kSession,
          [&ctx](Request& req) {
            auto ok = services::AuthorizeGroupRound(ctx, req.actor, req.params["group_id"], req.params["round_id"]);
            if (!ok) return ErrorResponse(ok.error());
            auto obj = ParseObject(req.body, {"action"});
            if (!obj) return ErrorResponse(obj.error());
            auto action = StringField(*obj, "action", true);
            if (!action) return ErrorResponse(action.error());
            auto r = services::AdvanceMatchRound(ctx, req.actor, req.params["round_id"], *action);
            if (!r) return ErrorResponse(r.error());
            return JsonResponse(RoundJson(*r));
          });

  api.Add("POST", "/api/institution-groups/{group_id}/match-rounds/{round_id}/run", Access::kSession,
          [&ctx](Request& req) {
            auto ok = services::AuthorizeGroupRound(ctx, req.actor, req.params["group_id"], req.params["round_id"]);
            if (!ok) return ErrorResponse(ok.error());
            auto s = services::RunMatchRound(ctx, req.actor, req.params["round_id"]);
            if (!s) return ErrorResponse(s.error());
            Json body = RoundJson(s->round);
            body["stable"] = s->stable;
            body["matched"] = s->matched;
            return JsonResponse(body);
          });

  api.Add("POST", "/api/institution-groups/{group_id}/match-rounds/{round_id}/publish", Access::kSession,
          [&ctx](Request& req) {
            auto ok = services::AuthorizeGroupRound(ctx, req.actor, req.params["group_id"], req.params["round_id"]);
            if (!ok) return ErrorResponse(ok.error());
            auto s = services::PublishMatchRound(ctx, req.actor, req.params["round_id"]);
            if (!s) return ErrorResponse(s.error());
            Json body = RoundJson(s->round);
            body["placed"] = s->placed;
            body["not_matched"] = s->not_matched;
            body["lapsed"] = s->lapsed;
            return JsonResponse(body);
          });
}

}  // namespace clerkship::http
