#include "services/institution_groups.h"

#include <set>

#include "adapters/random.h"
#include "services/internal.h"
#include "store/accounts.h"
#include "store/institutions.h"
#include "store/match_rounds.h"

namespace clerkship::services {
namespace {

core::Status Manages(store::Tx& tx, const Actor& actor, const std::string& group_id) {
  if (actor.principal.is_admin) {
    if (!store::FindInstitutionGroup(tx, group_id)) return core::NotFound("no such institution group");
    return {};
  }
  if (!store::IsGroupManager(tx, group_id, actor.user_id)) {
    return core::Forbidden("only a manager of this institution group (or an admin) can do this");
  }
  return {};
}

}  // namespace

core::Result<store::InstitutionGroupRow> CreateInstitutionGroup(Context& ctx, const Actor& actor,
                                                                const NewInstitutionGroup& in) {
  if (in.name.empty() || in.name.size() > 200) return core::InvalidArgument("name", "name the group (1–200 characters)");
  if (in.institution_ids.empty() || in.institution_ids.size() > 500) {
    return core::InvalidArgument("institution_ids", "choose 1 to 500 member institutions");
  }
  if (in.manager_ids.size() > 50) return core::InvalidArgument("manager_ids", "at most 50 group managers");
  return ctx.db.Run<store::InstitutionGroupRow>([&](store::Tx& tx) -> core::Result<store::InstitutionGroupRow> {
    std::set<std::string> members;
    for (size_t i = 0; i < in.institution_ids.size(); ++i) {
      std::string field = "institution_ids[" + std::to_string(i) + "]";
      if (!store::FindInstitution(tx, in.institution_ids[i])) return core::InvalidArgument(field, "no such institution");
      if (!members.insert(in.institution_ids[i]).second) return core::InvalidArgument(field, "an institution is listed once");
    }
    std::set<std::string> managers;
    for (size_t i = 0; i < in.manager_ids.size(); ++i) {
      std::string field = "manager_ids[" + std::to_string(i) + "]";
      const auto& id = in.manager_ids[i];
      if (!store::FindUserById(tx, id)) return core::InvalidArgument(field, "no such user");
      if (!managers.insert(id).second) return core::InvalidArgument(field, "a manager is listed once");
      bool coordinator = false;
      for (const auto& inst : members) {
        for (const auto& s : store::ListStaff(tx, inst)) {
          if (s.user_id == id && s.role == "coordinator") coordinator = true;
        }
      }
      if (!coordinator) {
        return core::InvalidArgument(field, "a group manager must be a coordinator of a member institution");
      }
    }
    store::InstitutionGroupRow g{adapters::NewId(), in.name, actor.user_id, core::FormatIso8601(ctx.clock.Now()),
                                 in.institution_ids, in.manager_ids};
    store::InsertInstitutionGroup(tx, g);
    Audit(tx, ctx, actor, "institution_group.create", "institution_group", g.id, "",
          in.name + ": " + std::to_string(members.size()) + " institutions, " + std::to_string(managers.size()) +
              " managers");
    return *store::FindInstitutionGroup(tx, g.id);
  });
}

core::Result<std::vector<store::InstitutionGroupRow>> ListInstitutionGroups(Context& ctx, const Actor& actor) {
  return ctx.db.RunRead<std::vector<store::InstitutionGroupRow>>(
      [&](store::Tx& tx) -> core::Result<std::vector<store::InstitutionGroupRow>> {
        return store::ListInstitutionGroups(tx, actor.principal.is_admin ? "" : actor.user_id);
      });
}

core::Result<store::MatchRoundRow> CreateGroupMatchRound(Context& ctx, const Actor& actor, const std::string& group_id,
                                                         NewMatchRound in) {
  in.group_id = group_id;  // CreateMatchRound checks the manager and every block in its transaction
  return CreateMatchRound(ctx, actor, in);
}

core::Result<std::vector<store::MatchRoundRow>> ListGroupMatchRounds(Context& ctx, const Actor& actor,
                                                                     const std::string& group_id) {
  return ctx.db.RunRead<std::vector<store::MatchRoundRow>>(
      [&](store::Tx& tx) -> core::Result<std::vector<store::MatchRoundRow>> {
        if (auto ok = Manages(tx, actor, group_id); !ok) return std::unexpected(ok.error());
        std::vector<store::MatchRoundRow> out;
        for (const auto& id : store::RoundsOfGroup(tx, group_id)) {
          if (auto r = store::FindMatchRound(tx, id)) out.push_back(std::move(*r));
        }
        return out;
      });
}

core::Status AuthorizeGroupRound(Context& ctx, const Actor& actor, const std::string& group_id,
                                 const std::string& round_id) {
  auto ok = ctx.db.RunRead<bool>([&](store::Tx& tx) -> core::Result<bool> {
    if (auto m = Manages(tx, actor, group_id); !m) return std::unexpected(m.error());
    if (store::GroupOfRound(tx, round_id) != group_id) return core::NotFound("no such match round in this group");
    return true;
  });
  if (!ok) return std::unexpected(ok.error());
  return {};
}

}  // namespace clerkship::services
