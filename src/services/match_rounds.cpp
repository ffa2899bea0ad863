#include "services/match_rounds.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "adapters/random.h"
#include "core/application_state.h"
#include "match/engine.h"
#include "match/validate.h"
#include "match/verifier.h"
#include "services/catalog.h"
#include "services/internal.h"
#include "store/accounts.h"
#include "store/institution_groups.h"
#include "store/placements.h"
#include "store/review.h"
#include "store/vault.h"

namespace clerkship::services {
namespace {

using Json = nlohmann::json;

constexpr const char* kApplicantKind = "applicant";
constexpr const char* kProgramKind = "program";
constexpr const char* kCoupleKind = "couple";

std::string Now(Context& ctx) { return core::FormatIso8601(ctx.clock.Now()); }

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

core::Result<store::MatchRoundRow> RoundFor(store::Tx& tx, const Actor& actor, const std::string& id) {
  auto r = store::FindMatchRound(tx, id);
  if (!r || (r->status == "draft" && !actor.principal.is_admin)) return core::NotFound("no such match round");
  return *r;
}

// Rank lists change only while the round is open and before they are due.
core::Status Editable(Context& ctx, const store::MatchRoundRow& r) {
  if (r.status != "open") {
    return core::Conflict("rank lists of this round cannot be changed now (the round is " + r.status + ")");
  }
  auto due = core::ParseIso8601(r.rank_lists_due);
  if (due && ctx.clock.Now() >= *due) {
    return core::Conflict("rank lists were due at " + r.rank_lists_due + "; they can no longer be changed");
  }
  return {};
}

bool IsEditable(Context& ctx, const store::MatchRoundRow& r) { return static_cast<bool>(Editable(ctx, r)); }

std::vector<core::MatchEligibility> EligibilityOf(store::Tx& tx, const std::string& round_id) {
  std::vector<core::MatchEligibility> out;
  for (auto& e : store::ListRoundEligibility(tx, round_id)) {
    out.push_back({std::move(e.applicant_id), std::move(e.block_id), std::move(e.application_id)});
  }
  return out;
}

std::vector<store::RoundBlockRow> RankableBy(const std::vector<store::RoundBlockRow>& blocks,
                                             const std::vector<core::MatchEligibility>& eligible,
                                             const std::string& applicant_id) {
  std::vector<store::RoundBlockRow> out;
  for (const auto& b : blocks) {
    for (const auto& e : eligible) {
      if (e.applicant_id == applicant_id && e.block_id == b.block_id) {
        out.push_back(b);
        break;
      }
    }
  }
  return out;
}

std::optional<store::CoupleRow> ConfirmedCoupleOf(store::Tx& tx, const std::string& round_id,
                                                  const std::string& user_id) {
  auto c = store::FindCoupleOf(tx, round_id, user_id);
  if (c && c->status == "confirmed") return c;
  return std::nullopt;
}

std::string UserName(store::Tx& tx, const std::string& id) {
  auto u = store::FindUserById(tx, id);
  return u ? u->display_name : "";
}

Json BlockingPairsJson(const core::RoundInstance& ri, const std::vector<match::BlockingPair>& pairs) {
  Json out = Json::array();
  auto program = [&](int32_t p) { return p == match::kNone ? Json(nullptr) : Json(ri.program_ids[p]); };
  for (const auto& bp : pairs) {
    if (bp.kind == match::BlockingPair::Kind::kApplicant) {
      out.push_back({{"kind", "applicant"}, {"applicant_id", ri.applicant_ids[bp.agent]},
                     {"block_id", program(bp.programs.first)}});
    } else {
      out.push_back({{"kind", "couple"}, {"couple_id", ri.couple_ids[bp.agent]},
                     {"block_ids", Json::array({program(bp.programs.first), program(bp.programs.second)})}});
    }
  }
  return out;
}

}  // namespace

core::Result<store::MatchRoundRow> CreateMatchRound(Context& ctx, const Actor& actor, const NewMatchRound& in) {
  if (in.name.empty() || in.name.size() > 200) return core::InvalidArgument("name", "name the round (1–200 characters)");
  if (auto t = core::ValidateTimeline(in.timeline); !t) return std::unexpected(t.error());
  if (in.blocks.empty() || in.blocks.size() > 2000) {
    return core::InvalidArgument("blocks", "choose 1 to 2000 blocks for the round");
  }
  return ctx.db.Run<store::MatchRoundRow>([&](store::Tx& tx) -> core::Result<store::MatchRoundRow> {
    std::set<std::string> members;
    if (!in.group_id.empty()) {
      auto g = store::FindInstitutionGroup(tx, in.group_id);
      if (!actor.principal.is_admin && (!g || !store::IsGroupManager(tx, g->id, actor.user_id))) {
        return core::Forbidden("only a manager of this institution group (or an admin) can create its rounds");
      }
      if (!g) return core::NotFound("no such institution group");
      members.insert(g->institution_ids.begin(), g->institution_ids.end());
    }
    store::MatchRoundRow r;
    r.id = adapters::NewId();
    r.name = in.name;
    r.status = "draft";
    r.applications_close = in.timeline.applications_close;
    r.rank_lists_due = in.timeline.rank_lists_due;
    r.match_day = in.timeline.match_day;
    r.created_by = actor.user_id;
    r.blocking_pairs = "[]";
    r.created_at = r.updated_at = Now(ctx);
    store::InsertMatchRound(tx, r);
    std::set<std::string> seen;
    for (size_t i = 0; i < in.blocks.size(); ++i) {
      std::string field = "blocks[" + std::to_string(i) + "]";
      const auto& nb = in.blocks[i];
      auto b = store::FindCatalogBlock(tx, nb.block_id);
      if (!b) return core::InvalidArgument(field, "no such block: " + nb.block_id);
      if (!seen.insert(nb.block_id).second) return core::InvalidArgument(field, "a block is in a round once");
      if (!in.group_id.empty() && !members.count(b->institution_id)) {
        return std::unexpected(core::Error{core::ErrorCode::kForbidden,
                                           "the offering \"" + b->offering_title + "\" (" + b->offering_id + ") of " +
                                               b->institution_name + " is not in this institution group",
                                           field, {}});
      }
      int left = std::max(0, b->seats - b->filled);
      int quota = nb.quota.value_or(left);
      if (quota < 0 || quota > left) {
        return core::InvalidArgument(field + ".quota",
                                     "the quota is between 0 and the block's seats left (" + std::to_string(left) + ")");
      }
      b->round_id = r.id;
      b->quota = quota;
      store::InsertRoundBlock(tx, *b);
    }
    if (!in.group_id.empty()) store::SetRoundGroup(tx, r.id, in.group_id);
    Audit(tx, ctx, actor, "match_round.create", "match_round", r.id, "",
          in.group_id.empty() ? r.name : r.name + " (group " + in.group_id + ")");
    return r;
  });
}

core::Result<std::vector<store::MatchRoundRow>> ListMatchRounds(Context& ctx, const Actor& actor) {
  return ctx.db.RunRead<std::vector<store::MatchRoundRow>>(
      [&](store::Tx& tx) -> core::Result<std::vector<store::MatchRoundRow>> {
        auto all = store::ListMatchRounds(tx, "");
        if (actor.principal.is_admin) return all;
        std::vector<store::MatchRoundRow> out;
        for (auto& r : all) {
          if (r.status != "draft") out.push_back(std::move(r));
        }
        return out;
      });
}

core::Result<std::vector<store::MatchRoundRow>> ListInstitutionRounds(Context& ctx, const std::string& institution_id) {
  return ctx.db.RunRead<std::vector<store::MatchRoundRow>>(
      [&](store::Tx& tx) -> core::Result<std::vector<store::MatchRoundRow>> {
        std::vector<store::MatchRoundRow> out;
        for (auto& r : store::ListMatchRounds(tx, institution_id)) {
          if (r.status != "draft") out.push_back(std::move(r));
        }
        return out;
      });
}

core::Result<store::MatchRoundRow> AdvanceMatchRound(Context& ctx, const Actor& actor, const std::string& round_id,
                                                     const std::string& action) {
  if (action != "open" && action != "close_ranking") {
    return core::InvalidArgument("action", "action is open or close_ranking (run and publish have their own routes)");
  }
  return ctx.db.Run<store::MatchRoundRow>([&](store::Tx& tx) -> core::Result<store::MatchRoundRow> {
    auto r = store::FindMatchRound(tx, round_id);
    if (!r) return core::NotFound("no such match round");
    auto next = core::NextRoundStatus(r->status, action);
    if (!next) return std::unexpected(next.error());
    std::string now = Now(ctx);
    if (!store::SetMatchRoundStatus(tx, r->id, r->status, *next, now)) {
      return core::Conflict("changed by someone else; reload");
    }
    Audit(tx, ctx, actor, "match_round." + action, "match_round", r->id, "", r->status + " -> " + *next);
    r->status = *next;
    r->updated_at = now;
    return *r;
  });
}

core::Result<AdminRoundView> GetMatchRoundForAdmin(Context& ctx, const std::string& round_id) {
  return ctx.db.RunRead<AdminRoundView>([&](store::Tx& tx) -> core::Result<AdminRoundView> {
    auto r = store::FindMatchRound(tx, round_id);
    if (!r) return core::NotFound("no such match round");
    AdminRoundView v;
    v.round = *r;
    v.blocks = store::ListRoundBlocks(tx, round_id);
    auto eligible = EligibilityOf(tx, round_id);
    std::set<std::string> applicants, blocks_with_applicants;
    for (const auto& e : eligible) {
      applicants.insert(e.applicant_id);
      blocks_with_applicants.insert(e.block_id);
    }
    auto couples = store::ListCouples(tx, round_id, "confirmed");
    v.couples = static_cast<int>(couples.size());
    std::set<std::string> coupled;
    for (const auto& c : couples) {
      coupled.insert(c.first_id);
      coupled.insert(c.second_id);
    }
    // Applicants: every applicant with something to rank; a couple member
    // counts as saved/certified with the joint list.
    std::map<std::string, const store::RankListRow*> own;
    auto own_lists = store::ListRankLists(tx, round_id, kApplicantKind);
    for (const auto& l : own_lists) own[l.owner_id] = &l;
    auto couple_lists = store::ListRankLists(tx, round_id, kCoupleKind);
    std::map<std::string, const store::RankListRow*> joint;
    for (const auto& l : couple_lists) joint[l.owner_id] = &l;
    std::map<std::string, const store::RankListRow*> member_list;
    for (const auto& c : couples) {
      auto it = joint.find(c.id);
      if (it == joint.end()) continue;
      member_list[c.first_id] = it->second;
      member_list[c.second_id] = it->second;
    }
    v.applicants.total = static_cast<int>(applicants.size());
    for (const auto& a : applicants) {
      const store::RankListRow* l = nullptr;
      if (coupled.count(a)) {
        auto it = member_list.find(a);
        if (it != member_list.end()) l = it->second;
      } else {
        auto it = own.find(a);
        if (it != own.end()) l = it->second;
      }
      if (!l) continue;
      ++v.applicants.saved;
      if (!l->certified_at.empty()) ++v.applicants.certified;
    }
    v.programs.total = static_cast<int>(v.blocks.size());
    for (const auto& l : store::ListRankLists(tx, round_id, kProgramKind)) {
      ++v.programs.saved;
      if (!l.certified_at.empty()) ++v.programs.certified;
    }
    if (r->status == "published") v.results = store::ListMatchResults(tx, round_id);
    return v;
  });
}

core::Result<RunSummary> RunMatchRound(Context& ctx, const Actor& actor, const std::string& round_id) {
  return ctx.db.Run<RunSummary>([&](store::Tx& tx) -> core::Result<RunSummary> {
    auto r = store::FindMatchRound(tx, round_id);
    if (!r) return core::NotFound("no such match round");
    std::string now = Now(ctx);
    if (r->status == "open") {
      auto due = core::ParseIso8601(r->rank_lists_due);
      if (due && ctx.clock.Now() >= *due) {
        if (!store::SetMatchRoundStatus(tx, r->id, "open", "ranking_closed", now)) {
          return core::Conflict("changed by someone else; reload");
        }
        r->status = "ranking_closed";
      } else {
        return core::Conflict("rank lists are not due yet (" + r->rank_lists_due +
                              "); close ranking first to run the round early");
      }
    }
    auto next = core::NextRoundStatus(r->status, "run");
    if (!next) return std::unexpected(next.error());

    // The engine's input from certified lists only.
    core::RoundLists lists;
    auto blocks = store::ListRoundBlocks(tx, round_id);
    for (const auto& b : blocks) {
      int left = std::max(0, b.seats - b.filled);
      lists.blocks.push_back({b.block_id, std::min(b.quota, left), b.start_date, b.end_date});
    }
    lists.eligible = EligibilityOf(tx, round_id);
    std::set<std::string> coupled;
    for (const auto& c : store::ListCouples(tx, round_id, "confirmed")) {
      coupled.insert(c.first_id);
      coupled.insert(c.second_id);
      auto l = store::FindRankList(tx, round_id, kCoupleKind, c.id);
      if (!l || l->certified_at.empty()) continue;
      core::CoupleRanking cr{c.id, c.first_id, c.second_id, {}};
      for (const auto& e : store::ListRankEntries(tx, round_id, kCoupleKind, c.id)) cr.pairs.push_back({e.item, e.item2});
      lists.couples.push_back(std::move(cr));
    }
    for (const auto& l : store::ListRankLists(tx, round_id, kApplicantKind)) {
      if (l.certified_at.empty() || coupled.count(l.owner_id)) continue;
      core::ApplicantRanking ar{l.owner_id, {}};
      for (const auto& e : store::ListRankEntries(tx, round_id, kApplicantKind, l.owner_id)) {
        ar.block_ids.push_back(e.item);
      }
      lists.applicants.push_back(std::move(ar));
    }
    for (const auto& l : store::ListRankLists(tx, round_id, kProgramKind)) {
      if (l.certified_at.empty()) continue;
      core::ProgramRanking pr{l.owner_id, {}};
      for (const auto& e : store::ListRankEntries(tx, round_id, kProgramKind, l.owner_id)) {
        if (e.position > 0) pr.applicant_ids.push_back(e.item);
      }
      lists.programs.push_back(std::move(pr));
    }
    auto ri = core::BuildRoundInstance(lists);
    if (auto valid = match::Validate(ri.instance); !valid) {
      return core::Internal("match round instance invalid: " + valid.error().message);
    }
    auto started = std::chrono::steady_clock::now();
    auto result = match::RunMatch(ri.instance);
    auto report = match::Verify(ri.instance, result.matching);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    if (!report.defects.empty()) {
      return core::Internal("match result infeasible: " + match::DescribeDefect(report.defects.front()));
    }

    RunSummary s;
    s.applicants = static_cast<int>(ri.applicant_ids.size());
    s.programs = static_cast<int>(ri.program_ids.size());
    s.proposals = result.proposals;
    s.stable = report.blocking_pairs.empty();
    std::vector<int64_t> held(ri.program_ids.size(), 0);
    std::map<std::pair<std::string, std::string>, std::string> application_of;
    for (const auto& e : lists.eligible) application_of.emplace(std::make_pair(e.applicant_id, e.block_id), e.application_id);
    for (size_t i = 0; i < ri.applicant_ids.size(); ++i) {
      const auto& got = result.matching.assignments[i];
      store::MatchResultRow row{round_id, ri.applicant_ids[i], "", "", "", "not_matched"};
      if (!got.empty()) {
        ++s.matched;
        ++held[got.front()];
        row.block_id = ri.program_ids[got.front()];
        row.application_id = application_of[{row.applicant_id, row.block_id}];
        row.outcome = "matched";
      }
      store::InsertMatchResult(tx, row);
    }
    for (size_t p = 0; p < held.size(); ++p) {
      s.unfilled_seats += static_cast<int>(ri.instance.programs[p].capacity - held[p]);
    }
    Json stats = {{"applicants", s.applicants},         {"programs", s.programs},
                  {"matched", s.matched},               {"unfilled_seats", s.unfilled_seats},
                  {"proposals", s.proposals},           {"milliseconds", ms},
                  {"couples", ri.couple_ids.size()},    {"converged", result.converged}};
    r->stats = stats.dump();
    r->stable = s.stable;
    r->blocking_pairs = BlockingPairsJson(ri, report.blocking_pairs).dump();
    r->matched_at = now;
    r->updated_at = now;
    if (!store::SaveMatchRun(tx, *r)) return core::Conflict("this round has already been run");
    r->status = "matched";
    Audit(tx, ctx, actor, "match_round.run", "match_round", r->id, "",
          std::to_string(s.matched) + " of " + std::to_string(s.applicants) + " matched");
    s.round = *r;
    return s;
  });
}

core::Result<PublishSummary> PublishMatchRound(Context& ctx, const Actor& actor, const std::string& round_id) {
  auto out = ctx.db.Run<PublishSummary>([&](store::Tx& tx) -> core::Result<PublishSummary> {
    auto r = store::FindMatchRound(tx, round_id);
    if (!r) return core::NotFound("no such match round");
    auto next = core::NextRoundStatus(r->status, "publish");
    if (!next) return std::unexpected(next.error());
    std::string now = Now(ctx);
    if (!store::PublishMatchRound(tx, r->id, now)) return core::Conflict("this round is already published");
    r->status = "published";
    r->published_at = now;
    std::map<std::string, store::RoundBlockRow> blocks;
    for (auto& b : store::ListRoundBlocks(tx, round_id)) blocks.emplace(b.block_id, b);
    auto eligible = store::ListRoundEligibility(tx, round_id);
    PublishSummary s;
    std::string link = ctx.public_url + "/match-rounds/" + round_id;
    for (auto res : store::ListMatchResults(tx, round_id)) {
      auto user = store::FindUserById(tx, res.applicant_id);
      const store::RoundBlockRow* block = nullptr;
      if (res.outcome == "matched") {
        auto bit = blocks.find(res.block_id);
        auto app = store::FindApplication(tx, res.application_id);
        bool placed = false;
        if (bit != blocks.end() && app) {
          auto to = core::Transition(app->status, "match", core::Actor::kSystem);
          if (to && store::TakeSeat(tx, res.block_id)) {
            block = &bit->second;
            store::PlacementRow p;
            p.id = adapters::NewId();
            p.application_id = app->id;
            p.applicant_id = app->applicant_id;
            p.institution_id = block->institution_id;
            p.offering_id = block->offering_id;
            p.block_id = block->block_id;
            p.source = "match";
            p.status = "scheduled";
            p.start_date = block->start_date;
            p.end_date = block->end_date;
            p.created_at = p.updated_at = now;
            store::InsertPlacement(tx, p);
            std::string from = app->status;
            app->status = *to;
            app->status_reason = "matched in " + r->name;
            app->version += 1;
            app->updated_at = now;
            if (!store::UpdateApplicationStatus(tx, *app)) return core::Conflict("changed by someone else; try again");
            store::InsertEvent(tx, {adapters::NewId(), app->id, "status", "match", from, app->status, "", "system",
                                    r->name, now});
            res.placement_id = p.id;
            placed = true;
          }
        }
        if (placed) {
          ++s.placed;
        } else {
          // The application closed or the seat went elsewhere between run and publish.
          res.outcome = "lapsed";
          ++s.lapsed;
        }
        store::UpdateMatchResult(tx, res);
      } else {
        ++s.not_matched;
      }
      if (res.outcome != "matched") {
        for (const auto& e : eligible) {
          if (e.applicant_id != res.applicant_id) continue;
          auto app = store::FindApplication(tx, e.application_id);
          if (!app) continue;
          store::InsertEvent(tx, {adapters::NewId(), app->id, "match", "not_matched", app->status, app->status, "",
                                  "system", r->name, now});
        }
      }
      if (user) {
        std::string dates = block ? block->start_date + " – " + block->end_date : "";
        SendEmail(tx, ctx, user->email,
                  MatchResultMessage(user->display_name, r->name, block != nullptr,
                                     block ? block->offering_title : "", block ? block->institution_name : "", dates,
                                     link));
      }
    }
    Audit(tx, ctx, actor, "match_round.publish", "match_round", r->id, "",
          std::to_string(s.placed) + " placed, " + std::to_string(s.not_matched) + " not matched, " +
              std::to_string(s.lapsed) + " lapsed");
    s.round = *r;
    return s;
  });
  if (out) ctx.catalog_cache->Invalidate();  // blocks.filled changed
  return out;
}

// ---- applicants

core::Result<ApplicantRoundView> GetApplicantRound(Context& ctx, const Actor& actor, const std::string& round_id) {
  return ctx.db.RunRead<ApplicantRoundView>([&](store::Tx& tx) -> core::Result<ApplicantRoundView> {
    auto r = RoundFor(tx, actor, round_id);
    if (!r) return std::unexpected(r.error());
    ApplicantRoundView v;
    v.round = *r;
    v.editable = IsEditable(ctx, *r);
    auto blocks = store::ListRoundBlocks(tx, round_id);
    auto eligible = EligibilityOf(tx, round_id);
    v.rankable = RankableBy(blocks, eligible, actor.user_id);
    for (const auto& e : store::ListRankEntries(tx, round_id, kApplicantKind, actor.user_id)) v.list.push_back(e.item);
    if (auto l = store::FindRankList(tx, round_id, kApplicantKind, actor.user_id)) v.certified_at = l->certified_at;
    v.couple = store::FindCoupleOf(tx, round_id, actor.user_id);
    if (v.couple) {
      v.couple_first = v.couple->first_id == actor.user_id;
      if (v.couple->status == "confirmed") {
        std::string partner = v.couple_first ? v.couple->second_id : v.couple->first_id;
        v.partner_rankable = RankableBy(blocks, eligible, partner);
        for (const auto& e : store::ListRankEntries(tx, round_id, kCoupleKind, v.couple->id)) {
          v.couple_list.push_back({e.item, e.item2});
        }
        if (auto l = store::FindRankList(tx, round_id, kCoupleKind, v.couple->id)) {
          v.couple_certified_at = l->certified_at;
        }
      }
    }
    if (r->status == "published") {
      v.result = store::FindMatchResult(tx, round_id, actor.user_id);
      if (v.result && !v.result->block_id.empty()) {
        for (const auto& b : blocks) {
          if (b.block_id == v.result->block_id) v.result_block = b;
        }
      }
    }
    return v;
  });
}

core::Status SaveApplicantRankList(Context& ctx, const Actor& actor, const std::string& round_id,
                                   const std::vector<std::string>& block_ids) {
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    auto r = RoundFor(tx, actor, round_id);
    if (!r) return std::unexpected(r.error());
    if (auto e = Editable(ctx, *r); !e) return e;
    if (ConfirmedCoupleOf(tx, round_id, actor.user_id)) {
      return core::Conflict("you rank as a couple: edit the joint list instead");
    }
    if (auto ok = core::ValidateApplicantList(actor.user_id, block_ids, EligibilityOf(tx, round_id)); !ok) return ok;
    std::vector<store::RankEntryRow> entries;
    for (size_t i = 0; i < block_ids.size(); ++i) entries.push_back({static_cast<int>(i) + 1, block_ids[i], ""});
    store::SaveRankList(tx, round_id, kApplicantKind, actor.user_id, entries, Now(ctx));
    Audit(tx, ctx, actor, "match_round.rank_list.save", "match_round", round_id, "",
          std::to_string(block_ids.size()) + " blocks");
    return {};
  });
}

core::Status CertifyApplicantRankList(Context& ctx, const Actor& actor, const std::string& round_id) {
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    auto r = RoundFor(tx, actor, round_id);
    if (!r) return std::unexpected(r.error());
    if (auto e = Editable(ctx, *r); !e) return e;
    std::string kind = kApplicantKind, owner = actor.user_id;
    if (auto c = ConfirmedCoupleOf(tx, round_id, actor.user_id)) {
      kind = kCoupleKind;
      owner = c->id;
    }
    auto l = store::FindRankList(tx, round_id, kind, owner);
    if (!l) return core::Conflict("save your rank list before certifying it");
    store::CertifyRankList(tx, round_id, kind, owner, actor.user_id, Now(ctx));
    Audit(tx, ctx, actor, "match_round.rank_list.certify", "match_round", round_id, "", kind);
    return {};
  });
}

core::Result<store::CoupleRow> InviteCouplePartner(Context& ctx, const Actor& actor, const std::string& round_id,
                                                   const std::string& email) {
  if (email.empty() || email.size() > 254) return core::InvalidArgument("email", "write your partner's e-mail address");
  return ctx.db.Run<store::CoupleRow>([&](store::Tx& tx) -> core::Result<store::CoupleRow> {
    auto r = RoundFor(tx, actor, round_id);
    if (!r) return std::unexpected(r.error());
    if (auto e = Editable(ctx, *r); !e) return std::unexpected(e.error());
    auto partner = store::FindUserByEmail(tx, Lower(email));
    if (!partner || !partner->is_applicant) {
      return core::InvalidArgument("email", "no applicant account has this e-mail address");
    }
    if (partner->id == actor.user_id) return core::InvalidArgument("email", "invite your partner, not yourself");
    if (store::FindCoupleOf(tx, round_id, actor.user_id)) {
      return core::Conflict("you already have a couple invitation in this round");
    }
    if (store::FindCoupleOf(tx, round_id, partner->id)) {
      return core::Conflict("this applicant is already in a couple in this round");
    }
    store::CoupleRow c{adapters::NewId(), round_id, actor.user_id, partner->id, "pending", Now(ctx), "", "", "", "", ""};
    store::InsertCouple(tx, c);
    SendEmail(tx, ctx, partner->email,
              CoupleInvitationMessage(partner->display_name, actor.principal.display_name, r->name,
                                      ctx.public_url + "/match-rounds/" + round_id));
    Audit(tx, ctx, actor, "match_round.couple.invite", "match_round", round_id, "", partner->id);
    return *store::FindCoupleOf(tx, round_id, actor.user_id);
  });
}

core::Result<store::CoupleRow> ConfirmCouple(Context& ctx, const Actor& actor, const std::string& round_id) {
  return ctx.db.Run<store::CoupleRow>([&](store::Tx& tx) -> core::Result<store::CoupleRow> {
    auto r = RoundFor(tx, actor, round_id);
    if (!r) return std::unexpected(r.error());
    if (auto e = Editable(ctx, *r); !e) return std::unexpected(e.error());
    auto c = store::FindCoupleOf(tx, round_id, actor.user_id);
    if (!c || c->second_id != actor.user_id || c->status != "pending") {
      return core::NotFound("no couple invitation for you in this round");
    }
    store::SetCoupleStatus(tx, c->id, "confirmed", Now(ctx));
    // The joint list replaces the members' own lists.
    store::DeleteRankList(tx, round_id, kApplicantKind, c->first_id);
    store::DeleteRankList(tx, round_id, kApplicantKind, c->second_id);
    Audit(tx, ctx, actor, "match_round.couple.confirm", "match_round", round_id, "", c->id);
    return *store::FindCoupleOf(tx, round_id, actor.user_id);
  });
}

core::Status SaveCoupleRankList(Context& ctx, const Actor& actor, const std::string& round_id,
                                const std::vector<core::BlockPair>& pairs) {
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    auto r = RoundFor(tx, actor, round_id);
    if (!r) return std::unexpected(r.error());
    if (auto e = Editable(ctx, *r); !e) return e;
    auto c = ConfirmedCoupleOf(tx, round_id, actor.user_id);
    if (!c) return core::Conflict("you are not in a confirmed couple in this round");
    if (auto ok = core::ValidateCoupleList(c->first_id, c->second_id, pairs, EligibilityOf(tx, round_id)); !ok) {
      return ok;
    }
    std::vector<store::RankEntryRow> entries;
    for (size_t i = 0; i < pairs.size(); ++i) {
      entries.push_back({static_cast<int>(i) + 1, pairs[i].first, pairs[i].second});
    }
    store::SaveRankList(tx, round_id, kCoupleKind, c->id, entries, Now(ctx));
    Audit(tx, ctx, actor, "match_round.couple.rank_list.save", "match_round", round_id, "",
          std::to_string(pairs.size()) + " pairs");
    return {};
  });
}

core::Result<std::vector<store::RoundBlockRow>> ScrambleBlocks(Context& ctx, const Actor& actor,
                                                               const std::string& round_id) {
  return ctx.db.RunRead<std::vector<store::RoundBlockRow>>(
      [&](store::Tx& tx) -> core::Result<std::vector<store::RoundBlockRow>> {
        auto r = RoundFor(tx, actor, round_id);
        if (!r) return std::unexpected(r.error());
        if (r->status != "published") return core::Conflict("the scramble opens when the results are published");
        auto res = store::FindMatchResult(tx, round_id, actor.user_id);
        if (!res || res->outcome == "matched") {
          return core::Forbidden("the scramble is for applicants of this round who did not match");
        }
        std::vector<store::RoundBlockRow> out;
        for (auto& b : store::ListRoundBlocks(tx, round_id)) {
          if (b.seats > b.filled) out.push_back(std::move(b));
        }
        return out;
      });
}

// ---- coordinators

core::Result<InstitutionRoundView> GetInstitutionRound(Context& ctx, const Actor& actor,
                                                       const std::string& institution_id,
                                                       const std::string& round_id) {
  return ctx.db.RunRead<InstitutionRoundView>([&](store::Tx& tx) -> core::Result<InstitutionRoundView> {
    auto r = store::FindMatchRound(tx, round_id);
    if (!r || r->status == "draft") return core::NotFound("no such match round");
    InstitutionRoundView v;
    v.round = *r;
    v.editable = IsEditable(ctx, *r);
    auto eligible = store::ListRoundEligibility(tx, round_id);
    std::vector<store::MatchResultRow> results;
    if (r->status == "published") results = store::ListMatchResults(tx, round_id);
    std::map<std::string, std::string> names;
    auto name = [&](const std::string& id) -> const std::string& {
      auto it = names.find(id);
      if (it == names.end()) it = names.emplace(id, UserName(tx, id)).first;
      return it->second;
    };
    for (auto& b : store::ListRoundBlocks(tx, round_id)) {
      if (b.institution_id != institution_id) continue;
      ProgramRankView p;
      std::set<std::string> seen;
      for (const auto& e : eligible) {
        if (e.block_id != b.block_id || !seen.insert(e.applicant_id).second) continue;
        auto app = store::FindApplication(tx, e.application_id);
        p.candidates.push_back({e.applicant_id, name(e.applicant_id), e.application_id, app ? app->status : ""});
      }
      for (const auto& e : store::ListRankEntries(tx, round_id, kProgramKind, b.block_id)) {
        (e.position > 0 ? p.ranked : p.do_not_rank).push_back(e.item);
      }
      if (auto l = store::FindRankList(tx, round_id, kProgramKind, b.block_id)) p.certified_at = l->certified_at;
      for (const auto& res : results) {
        if (res.block_id == b.block_id && res.outcome == "matched") {
          p.matched.push_back({res.applicant_id, name(res.applicant_id), res.application_id, "accepted"});
        }
      }
      p.block = std::move(b);
      v.programs.push_back(std::move(p));
    }
    if (v.programs.empty()) return core::NotFound("no such match round");
    (void)actor;
    return v;
  });
}

core::Status SaveProgramRankList(Context& ctx, const Actor& actor, const std::string& institution_id,
                                 const std::string& round_id, const std::string& block_id,
                                 const std::vector<std::string>& ranked, const std::vector<std::string>& do_not_rank) {
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    auto r = store::FindMatchRound(tx, round_id);
    if (!r || r->status == "draft") return core::NotFound("no such match round");
    auto blocks = store::ListRoundBlocks(tx, round_id);
    auto b = std::find_if(blocks.begin(), blocks.end(), [&](const store::RoundBlockRow& x) {
      return x.block_id == block_id && x.institution_id == institution_id;
    });
    if (b == blocks.end()) return core::NotFound("no such block in this round");
    if (auto e = Editable(ctx, *r); !e) return e;
    if (auto ok = core::ValidateProgramList(block_id, ranked, do_not_rank, EligibilityOf(tx, round_id)); !ok) return ok;
    std::vector<store::RankEntryRow> entries;
    for (size_t i = 0; i < ranked.size(); ++i) entries.push_back({static_cast<int>(i) + 1, ranked[i], ""});
    for (const auto& a : do_not_rank) entries.push_back({0, a, ""});
    store::SaveRankList(tx, round_id, kProgramKind, block_id, entries, Now(ctx));
    Audit(tx, ctx, actor, "match_round.program_list.save", "match_round", round_id, institution_id,
          block_id + ": " + std::to_string(ranked.size()) + " ranked, " + std::to_string(do_not_rank.size()) +
              " do not rank");
    return {};
  });
}

core::Status CertifyProgramRankList(Context& ctx, const Actor& actor, const std::string& institution_id,
                                    const std::string& round_id, const std::string& block_id) {
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    auto r = store::FindMatchRound(tx, round_id);
    if (!r || r->status == "draft") return core::NotFound("no such match round");
    auto blocks = store::ListRoundBlocks(tx, round_id);
    if (std::none_of(blocks.begin(), blocks.end(), [&](const store::RoundBlockRow& x) {
          return x.block_id == block_id && x.institution_id == institution_id;
        })) {
      return core::NotFound("no such block in this round");
    }
    if (auto e = Editable(ctx, *r); !e) return e;
    if (!store::FindRankList(tx, round_id, kProgramKind, block_id)) {
      return core::Conflict("save the block's rank list before certifying it");
    }
    store::CertifyRankList(tx, round_id, kProgramKind, block_id, actor.user_id, Now(ctx));
    Audit(tx, ctx, actor, "match_round.program_list.certify", "match_round", round_id, institution_id, block_id);
    return {};
  });
}

}  // namespace clerkship::services
