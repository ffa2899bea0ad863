#include "services/institution_groups.h"

#include <cctype>
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

namespace {

core::Status CheckShape(const NewInstitutionGroup& in) {
  if (in.name.empty() || in.name.size() > 200) return core::InvalidArgument("name", "name the group (1–200 characters)");
  if (in.institution_ids.empty() || in.institution_ids.size() > 500) {
    return core::InvalidArgument("institution_ids", "choose 1 to 500 member institutions");
  }
  if (in.manager_ids.size() + in.manager_emails.size() > 50) {
    return core::InvalidArgument("manager_ids", "at most 50 group managers");
  }
  return {};
}

// Checks members and managers in the transaction; returns the manager ids
// (manager_ids, then the accounts of manager_emails).
core::Result<std::vector<std::string>> CheckMembers(store::Tx& tx, const NewInstitutionGroup& in) {
  std::set<std::string> members;
  for (size_t i = 0; i < in.institution_ids.size(); ++i) {
    std::string field = "institution_ids[" + std::to_string(i) + "]";
    if (!store::FindInstitution(tx, in.institution_ids[i])) return core::InvalidArgument(field, "no such institution");
    if (!members.insert(in.institution_ids[i]).second) return core::InvalidArgument(field, "an institution is listed once");
  }
  std::vector<std::pair<std::string, std::string>> named;  // field, user id
  for (size_t i = 0; i < in.manager_ids.size(); ++i) {
    std::string field = "manager_ids[" + std::to_string(i) + "]";
    if (!store::FindUserById(tx, in.manager_ids[i])) return core::InvalidArgument(field, "no such user");
    named.emplace_back(field, in.manager_ids[i]);
  }
  for (size_t i = 0; i < in.manager_emails.size(); ++i) {
    std::string field = "manager_emails[" + std::to_string(i) + "]";
    std::string email = in.manager_emails[i];
    for (auto& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto u = store::FindUserByEmail(tx, email);
    if (!u) return core::InvalidArgument(field, "no account with the e-mail " + in.manager_emails[i]);
    named.emplace_back(field, u->id);
  }
  std::set<std::string> managers;
  std::vector<std::string> out;
  for (const auto& [field, id] : named) {
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
    out.push_back(id);
  }
  return out;
}

}  // namespace

core::Result<store::InstitutionGroupRow> CreateInstitutionGroup(Context& ctx, const Actor& actor,
                                                                const NewInstitutionGroup& in) {
  if (auto ok = CheckShape(in); !ok) return std::unexpected(ok.error());
  return ctx.db.Run<store::InstitutionGroupRow>([&](store::Tx& tx) -> core::Result<store::InstitutionGroupRow> {
    auto managers = CheckMembers(tx, in);
    if (!managers) return std::unexpected(managers.error());
    store::InstitutionGroupRow g{adapters::NewId(), in.name, actor.user_id, core::FormatIso8601(ctx.clock.Now()),
                                 in.institution_ids, *managers, {}, {}};
    store::InsertInstitutionGroup(tx, g);
    Audit(tx, ctx, actor, "institution_group.create", "institution_group", g.id, "",
          in.name + ": " + std::to_string(g.institution_ids.size()) + " institutions, " +
              std::to_string(managers->size()) + " managers");
    return *store::FindInstitutionGroup(tx, g.id);
  });
}

core::Result<store::InstitutionGroupRow> UpdateInstitutionGroup(Context& ctx, const Actor& actor,
                                                                const std::string& group_id,
                                                                const NewInstitutionGroup& in) {
  if (auto ok = CheckShape(in); !ok) return std::unexpected(ok.error());
  return ctx.db.Run<store::InstitutionGroupRow>([&](store::Tx& tx) -> core::Result<store::InstitutionGroupRow> {
    auto before = store::FindInstitutionGroup(tx, group_id);
    if (!before) return core::NotFound("no such institution group");
    auto managers = CheckMembers(tx, in);
    if (!managers) return std::unexpected(managers.error());
    store::InstitutionGroupRow g = *before;
    g.name = in.name;
    g.institution_ids = in.institution_ids;
    g.manager_ids = *managers;
    store::ReplaceInstitutionGroup(tx, g);
    auto summary = [](const store::InstitutionGroupRow& x) {
      return x.name + ": " + std::to_string(x.institution_ids.size()) + " institutions, " +
             std::to_string(x.manager_ids.size()) + " managers";
    };
    Audit(tx, ctx, actor, "institution_group.update", "institution_group", g.id, summary(*before), summary(g));
    return *store::FindInstitutionGroup(tx, g.id);
  });
}

core::Result<store::InstitutionGroupRow> GetInstitutionGroup(Context& ctx, const Actor& actor,
                                                             const std::string& group_id) {
  return ctx.db.RunRead<store::InstitutionGroupRow>([&](store::Tx& tx) -> core::Result<store::InstitutionGroupRow> {
    if (auto ok = Manages(tx, actor, group_id); !ok) return std::unexpected(ok.error());
    auto g = store::FindInstitutionGroup(tx, group_id);
    if (!g) return core::NotFound("no such institution group");
    return *g;
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
