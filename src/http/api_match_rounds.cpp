// Match rounds (issue 9; docs/match.md "Match rounds in the product"):
// admin set-up, run and publish; applicant, couple and coordinator rank
// lists; results and the scramble.
#include "http/api.h"
#include "services/match_rounds.h"

namespace clerkship::http {
namespace {

core::Error Bad(const std::string& field, const std::string& message) {
  return core::Error{core::ErrorCode::kInvalidArgument, message, field, {}};
}

Response Ok204() {
  Response r;
  r.status = 204;
  return r;
}

Response StatusResponse(const core::Status& s) { return s ? Ok204() : ErrorResponse(s.error()); }

// A member holding an array of strings (at most `max`).
core::Result<std::vector<std::string>> StringList(const Json& j, const char* name, bool required, size_t max) {
  std::vector<std::string> out;
  if (!j.contains(name)) {
    if (required) return std::unexpected(Bad(name, std::string(name) + " must be a list"));
    return out;
  }
  if (!j[name].is_array() || j[name].size() > max) {
    return std::unexpected(Bad(name, std::string(name) + " must be a list of at most " + std::to_string(max) + " ids"));
  }
  for (size_t i = 0; i < j[name].size(); ++i) {
    if (!j[name][i].is_string() || j[name][i].get<std::string>().empty()) {
      return std::unexpected(Bad(std::string(name) + "[" + std::to_string(i) + "]", "an id must be non-empty text"));
    }
    out.push_back(j[name][i].get<std::string>());
  }
  return out;
}

Json StatsJson(const std::string& s) {
  if (s.empty()) return nullptr;
  Json j = Json::parse(s, nullptr, false);
  return j.is_discarded() ? Json(nullptr) : j;
}

Json RoundJson(const store::MatchRoundRow& r) {
  return {{"id", r.id},
          {"name", r.name},
          {"status", r.status},
          {"applications_close", r.applications_close},
          {"rank_lists_due", r.rank_lists_due},
          {"match_day", r.match_day},
          {"matched_at", r.matched_at.empty() ? Json(nullptr) : Json(r.matched_at)},
          {"published_at", r.published_at.empty() ? Json(nullptr) : Json(r.published_at)},
          {"created_at", r.created_at}};
}

Json BlockJson(const store::RoundBlockRow& b) {
  return {{"block_id", b.block_id},
          {"offering_id", b.offering_id},
          {"offering_title", b.offering_title},
          {"institution_id", b.institution_id},
          {"institution_name", b.institution_name},
          {"start_date", b.start_date},
          {"end_date", b.end_date},
          {"quota", b.quota},
          {"seats", b.seats},
          {"seats_left", std::max(0, b.seats - b.filled)}};
}

Json BlocksJson(const std::vector<store::RoundBlockRow>& list) {
  Json out = Json::array();
  for (const auto& b : list) out.push_back(BlockJson(b));
  return out;
}

Json ProgressJson(const services::ListProgress& p) {
  return {{"total", p.total}, {"saved", p.saved}, {"certified", p.certified}};
}

Json Nullable(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json CandidatesJson(const std::vector<services::Candidate>& list) {
  Json out = Json::array();
  for (const auto& c : list) {
    out.push_back({{"applicant_id", c.applicant_id}, {"name", c.name}, {"application_id", c.application_id},
                   {"status", c.status}});
  }
  return out;
}

}  // namespace

void RegisterMatchRoundApi(ApiBuilder& api) {
  auto& ctx = api.ctx();

  // ---- admin
  api.Add("POST", "/api/match-rounds", Access::kAdmin, [&ctx](Request& req) {
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
    auto r = services::CreateMatchRound(ctx, req.actor, in);
    if (!r) return ErrorResponse(r.error());
    return JsonResponse(RoundJson(*r), 201);
  });

  api.Add("GET", "/api/match-rounds", Access::kSession, [&ctx](Request& req) {
    auto list = services::ListMatchRounds(ctx, req.actor);
    if (!list) return ErrorResponse(list.error());
    Json items = Json::array();
    for (const auto& r : *list) items.push_back(RoundJson(r));
    return JsonResponse(Json{{"items", items}});
  });

  api.Add("GET", "/api/match-rounds/{round_id}", Access::kAdmin, [&ctx](Request& req) {
    auto v = services::GetMatchRoundForAdmin(ctx, req.params["round_id"]);
    if (!v) return ErrorResponse(v.error());
    Json results = Json::array();
    for (const auto& r : v->results) {
      results.push_back({{"applicant_id", r.applicant_id}, {"block_id", Nullable(r.block_id)},
                         {"placement_id", Nullable(r.placement_id)}, {"outcome", r.outcome}});
    }
    Json body = RoundJson(v->round);
    body["blocks"] = BlocksJson(v->blocks);
    body["progress"] = {{"applicants", ProgressJson(v->applicants)}, {"programs", ProgressJson(v->programs)},
                        {"couples", v->couples}};
    body["stats"] = StatsJson(v->round.stats);
    body["stable"] = v->round.stats.empty() ? Json(nullptr) : Json(v->round.stable);
    Json pairs = Json::parse(v->round.blocking_pairs.empty() ? "[]" : v->round.blocking_pairs, nullptr, false);
    body["blocking_pairs"] = pairs.is_discarded() ? Json::array() : pairs;
    body["results"] = v->round.status == "published" ? results : Json(nullptr);
    return JsonResponse(body);
  });

  api.Add("POST", "/api/match-rounds/{round_id}/status", Access::kAdmin, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"action"});
    if (!obj) return ErrorResponse(obj.error());
    auto action = StringField(*obj, "action", true);
    if (!action) return ErrorResponse(action.error());
    auto r = services::AdvanceMatchRound(ctx, req.actor, req.params["round_id"], *action);
    if (!r) return ErrorResponse(r.error());
    return JsonResponse(RoundJson(*r));
  });

  api.Add("POST", "/api/match-rounds/{round_id}/run", Access::kAdmin, [&ctx](Request& req) {
    auto s = services::RunMatchRound(ctx, req.actor, req.params["round_id"]);
    if (!s) return ErrorResponse(s.error());
    Json body = RoundJson(s->round);
    body["stats"] = StatsJson(s->round.stats);
    body["stable"] = s->stable;
    return JsonResponse(body);
  });

  api.Add("POST", "/api/match-rounds/{round_id}/publish", Access::kAdmin, [&ctx](Request& req) {
    auto s = services::PublishMatchRound(ctx, req.actor, req.params["round_id"]);
    if (!s) return ErrorResponse(s.error());
    Json body = RoundJson(s->round);
    body["placed"] = s->placed;
    body["not_matched"] = s->not_matched;
    body["lapsed"] = s->lapsed;
    return JsonResponse(body);
  });

  // ---- applicants
  api.Add("GET", "/api/match-rounds/{round_id}/me", Access::kApplicant, [&ctx](Request& req) {
    auto v = services::GetApplicantRound(ctx, req.actor, req.params["round_id"]);
    if (!v) return ErrorResponse(v.error());
    Json body = RoundJson(v->round);
    body["editable"] = v->editable;
    body["rankable"] = BlocksJson(v->rankable);
    body["rank_list"] = v->list;
    body["certified_at"] = Nullable(v->certified_at);
    if (v->couple) {
      const auto& c = *v->couple;
      Json pairs = Json::array();
      for (const auto& [a, b] : v->couple_list) pairs.push_back(Json::array({Nullable(a), Nullable(b)}));
      body["couple"] = {{"id", c.id},
                        {"status", c.status},
                        {"you_are", v->couple_first ? "first" : "second"},
                        {"first", {{"name", c.first_name}, {"email", c.first_email}}},
                        {"second", {{"name", c.second_name}, {"email", c.second_email}}},
                        {"partner_rankable", BlocksJson(v->partner_rankable)},
                        {"pairs", pairs},
                        {"certified_at", Nullable(v->couple_certified_at)}};
    } else {
      body["couple"] = nullptr;
    }
    if (v->result) {
      body["result"] = {{"outcome", v->result->outcome},
                        {"placement_id", Nullable(v->result->placement_id)},
                        {"block", v->result_block ? BlockJson(*v->result_block) : Json(nullptr)}};
    } else {
      body["result"] = nullptr;
    }
    return JsonResponse(body);
  });

  api.Add("PUT", "/api/match-rounds/{round_id}/me/rank-list", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"block_ids"});
    if (!obj) return ErrorResponse(obj.error());
    auto ids = StringList(*obj, "block_ids", true, 100);
    if (!ids) return ErrorResponse(ids.error());
    return StatusResponse(services::SaveApplicantRankList(ctx, req.actor, req.params["round_id"], *ids));
  });

  api.Add("POST", "/api/match-rounds/{round_id}/me/certify", Access::kApplicant, [&ctx](Request& req) {
    return StatusResponse(services::CertifyApplicantRankList(ctx, req.actor, req.params["round_id"]));
  });

  api.Add("POST", "/api/match-rounds/{round_id}/me/couple", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"email"});
    if (!obj) return ErrorResponse(obj.error());
    auto email = StringField(*obj, "email", true);
    if (!email) return ErrorResponse(email.error());
    auto c = services::InviteCouplePartner(ctx, req.actor, req.params["round_id"], *email);
    if (!c) return ErrorResponse(c.error());
    return JsonResponse(Json{{"id", c->id}, {"status", c->status}}, 201);
  });

  api.Add("POST", "/api/match-rounds/{round_id}/me/couple/confirm", Access::kApplicant, [&ctx](Request& req) {
    auto c = services::ConfirmCouple(ctx, req.actor, req.params["round_id"]);
    if (!c) return ErrorResponse(c.error());
    return JsonResponse(Json{{"id", c->id}, {"status", c->status}});
  });

  api.Add("PUT", "/api/match-rounds/{round_id}/me/couple/rank-list", Access::kApplicant, [&ctx](Request& req) {
    auto obj = ParseObject(req.body, {"pairs"});
    if (!obj) return ErrorResponse(obj.error());
    const Json& j = *obj;
    if (!j.contains("pairs") || !j["pairs"].is_array() || j["pairs"].size() > 300) {
      return ErrorResponse(Bad("pairs", "pairs must list at most 300 [first block, second block] pairs"));
    }
    std::vector<core::BlockPair> pairs;
    for (size_t i = 0; i < j["pairs"].size(); ++i) {
      const Json& p = j["pairs"][i];
      auto part = [](const Json& x, std::string* out) {
        if (x.is_null()) return true;
        if (!x.is_string() || x.get<std::string>().empty()) return false;
        *out = x.get<std::string>();
        return true;
      };
      core::BlockPair bp;
      if (!p.is_array() || p.size() != 2 || !part(p[0], &bp.first) || !part(p[1], &bp.second)) {
        return ErrorResponse(Bad("pairs[" + std::to_string(i) + "]", "a pair is [block id or null, block id or null]"));
      }
      pairs.push_back(std::move(bp));
    }
    return StatusResponse(services::SaveCoupleRankList(ctx, req.actor, req.params["round_id"], pairs));
  });

  api.Add("GET", "/api/match-rounds/{round_id}/scramble", Access::kApplicant, [&ctx](Request& req) {
    auto list = services::ScrambleBlocks(ctx, req.actor, req.params["round_id"]);
    if (!list) return ErrorResponse(list.error());
    return JsonResponse(Json{{"items", BlocksJson(*list)}});
  });

  // ---- coordinators
  api.Add("GET", "/api/institutions/{id}/match-rounds", Access::kInstitutionCoordinator, [&ctx](Request& req) {
    auto list = services::ListInstitutionRounds(ctx, req.params["id"]);
    if (!list) return ErrorResponse(list.error());
    Json items = Json::array();
    for (const auto& r : *list) items.push_back(RoundJson(r));
    return JsonResponse(Json{{"items", items}});
  });

  api.Add("GET", "/api/institutions/{id}/match-rounds/{round_id}", Access::kInstitutionCoordinator,
          [&ctx](Request& req) {
            auto v = services::GetInstitutionRound(ctx, req.actor, req.params["id"], req.params["round_id"]);
            if (!v) return ErrorResponse(v.error());
            Json programs = Json::array();
            for (const auto& p : v->programs) {
              programs.push_back({{"block", BlockJson(p.block)},
                                  {"candidates", CandidatesJson(p.candidates)},
                                  {"ranked", p.ranked},
                                  {"do_not_rank", p.do_not_rank},
                                  {"certified_at", Nullable(p.certified_at)},
                                  {"matched", v->round.status == "published" ? CandidatesJson(p.matched) : Json(nullptr)}});
            }
            Json body = RoundJson(v->round);
            body["editable"] = v->editable;
            body["programs"] = programs;
            return JsonResponse(body);
          });

  api.Add("PUT", "/api/institutions/{id}/match-rounds/{round_id}/blocks/{block_id}/rank-list",
          Access::kInstitutionCoordinator, [&ctx](Request& req) {
            auto obj = ParseObject(req.body, {"applicant_ids", "do_not_rank"});
            if (!obj) return ErrorResponse(obj.error());
            auto ranked = StringList(*obj, "applicant_ids", true, 5000);
            if (!ranked) return ErrorResponse(ranked.error());
            auto skip = StringList(*obj, "do_not_rank", false, 5000);
            if (!skip) return ErrorResponse(skip.error());
            return StatusResponse(services::SaveProgramRankList(ctx, req.actor, req.params["id"],
                                                                req.params["round_id"], req.params["block_id"],
                                                                *ranked, *skip));
          });

  api.Add("POST", "/api/institutions/{id}/match-rounds/{round_id}/blocks/{block_id}/certify",
          Access::kInstitutionCoordinator, [&ctx](Request& req) {
            return StatusResponse(services::CertifyProgramRankList(ctx, req.actor, req.params["id"],
                                                                   req.params["round_id"], req.params["block_id"]));
          });
}

}  // namespace clerkship::http
