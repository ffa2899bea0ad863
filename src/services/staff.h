// Institution staff: invitations, membership listing and removal. Callers
// have passed the route's institution access check; these functions still
// scope every query by institution id.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "services/accounts.h"
#include "services/context.h"
#include "store/accounts.h"

namespace clerkship::services {

struct Invitation {
  std::string id;
  std::string email;
  std::string role;
  std::string expires_at;
};

// E-mails an invitation link for `role` at the institution. kInvalidArgument
// for email/role; kNotFound for an unknown institution; kConflict when the
// person already holds that role there.
core::Result<Invitation> InviteStaff(Context& ctx, const Actor& actor, const std::string& institution_id,
                                     const std::string& email, const std::string& role);

core::Result<std::vector<store::StaffRow>> ListStaff(Context& ctx, const std::string& institution_id);

// Removes a membership of that institution and ends the person's sessions (so
// the lost privilege takes effect at once). Refuses to remove the last coordinator.
core::Status RemoveStaff(Context& ctx, const Actor& actor, const std::string& institution_id,
                         const std::string& membership_id);

struct InvitationInfo {
  std::string institution_name;
  std::string role;
  std::string email;
  bool has_account = false;
};
core::Result<InvitationInfo> GetInvitation(Context& ctx, const std::string& token);

// Accepts: creates the account (verified: the link proves the mailbox) or,
// for an existing account, checks its password; adds the membership and
// starts a fresh session (rotation on privilege change).
core::Result<NewSession> AcceptInvitation(Context& ctx, const Actor& actor, const std::string& token,
                                          const std::string& password, const std::string& display_name);

}  // namespace clerkship::services
