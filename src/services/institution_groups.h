// Institution groups (issue 9 "an admin or an institution group creates a
// match round"; docs/match.md "Institution groups"): an admin creates a group
// of institutions and names group managers (coordinators of member
// institutions); a manager creates and runs match rounds whose blocks all
// belong to the group. Authorization is checked here (routes only require a
// session). Thread-safe like Context.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "services/context.h"
#include "services/match_rounds.h"
#include "store/institution_groups.h"

namespace clerkship::services {

struct NewInstitutionGroup {
  std::string name;
  std::vector<std::string> institution_ids;
  std::vector<std::string> manager_ids;     // user ids
  std::vector<std::string> manager_emails;  // or accounts by e-mail (added to manager_ids)
};
// Admin. kInvalidArgument naming "name", "institution_ids[i]" (unknown, twice)
// or "manager_ids[i]" (unknown, or not a coordinator of a member institution).
core::Result<store::InstitutionGroupRow> CreateInstitutionGroup(Context& ctx, const Actor& actor,
                                                                const NewInstitutionGroup& in);
// Admin: renames the group and replaces its members and managers, validated
// like CreateInstitutionGroup (also "manager_emails[i]": no such account).
// Existing rounds stay the group's; only new rounds are checked against the
// new members. kNotFound for an unknown group.
core::Result<store::InstitutionGroupRow> UpdateInstitutionGroup(Context& ctx, const Actor& actor,
                                                                const std::string& group_id,
                                                                const NewInstitutionGroup& in);
// A manager of the group or an admin (kForbidden otherwise).
core::Result<store::InstitutionGroupRow> GetInstitutionGroup(Context& ctx, const Actor& actor,
                                                             const std::string& group_id);
// Admins: every group; anyone else: the groups they manage.
core::Result<std::vector<store::InstitutionGroupRow>> ListInstitutionGroups(Context& ctx, const Actor& actor);

// A manager of the group (or an admin): CreateMatchRound with every block
// checked to belong to a member institution (kForbidden naming the offering,
// field "blocks[i]"). kForbidden for anyone else.
core::Result<store::MatchRoundRow> CreateGroupMatchRound(Context& ctx, const Actor& actor, const std::string& group_id,
                                                         NewMatchRound in);
core::Result<std::vector<store::MatchRoundRow>> ListGroupMatchRounds(Context& ctx, const Actor& actor,
                                                                     const std::string& group_id);
// kForbidden unless the actor manages the group (or is an admin); kNotFound
// when the round is not the group's. The caller then runs the round's use case.
core::Status AuthorizeGroupRound(Context& ctx, const Actor& actor, const std::string& group_id,
                                 const std::string& round_id);

}  // namespace clerkship::services
