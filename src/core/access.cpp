#include "core/access.h"

#include <algorithm>

namespace clerkship::core {

const char* RoleName(Role role) {
  switch (role) {
    case Role::kCoordinator: return "coordinator";
    case Role::kReviewer: return "reviewer";
    case Role::kPreceptor: return "preceptor";
  }
  return "reviewer";
}

bool ParseRole(const std::string& text, Role* out) {
  for (Role r : {Role::kCoordinator, Role::kReviewer, Role::kPreceptor}) {
    if (text == RoleName(r)) {
      *out = r;
      return true;
    }
  }
  return false;
}

bool Principal::HasRole(const std::string& institution_id, Role role) const {
  return std::any_of(memberships.begin(), memberships.end(), [&](const Membership& m) {
    return m.institution_id == institution_id && m.role == role;
  });
}

bool Principal::IsStaffOf(const std::string& institution_id) const {
  return std::any_of(memberships.begin(), memberships.end(),
                     [&](const Membership& m) { return m.institution_id == institution_id; });
}

const char* AccessName(Access access) {
  switch (access) {
    case Access::kPublic: return "public";
    case Access::kSession: return "session";
    case Access::kApplicant: return "applicant";
    case Access::kAdmin: return "admin";
    case Access::kInstitutionStaff: return "institution_staff";
    case Access::kInstitutionCoordinator: return "institution_coordinator";
  }
  return "session";
}

Decision Authorize(Access access, const Principal& who, const std::string& institution_id) {
  if (access == Access::kPublic) return Decision::kAllow;
  if (!who.authenticated()) return Decision::kUnauthenticated;
  if (access == Access::kApplicant) return who.is_applicant ? Decision::kAllow : Decision::kForbidden;
  if (who.is_admin) return Decision::kAllow;
  switch (access) {
    case Access::kPublic:
    case Access::kSession:
      return Decision::kAllow;
    case Access::kAdmin:
    case Access::kApplicant:
      return Decision::kForbidden;
    case Access::kInstitutionStaff:
      return who.IsStaffOf(institution_id) ? Decision::kAllow : Decision::kNotFound;
    case Access::kInstitutionCoordinator:
      if (who.HasRole(institution_id, Role::kCoordinator)) return Decision::kAllow;
      // Staff of this institution know it exists: a plain 403. Others: 404.
      return who.IsStaffOf(institution_id) ? Decision::kForbidden : Decision::kNotFound;
  }
  return Decision::kForbidden;
}

}  // namespace clerkship::core
