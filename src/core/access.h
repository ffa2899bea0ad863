// Who is acting and what each kind of route lets them do. Pure; the one
// authorization rule the HTTP guard applies to every route.
#pragma once

#include <string>
#include <vector>

namespace clerkship::core {

enum class Role { kCoordinator, kReviewer, kPreceptor };

const char* RoleName(Role role);
// Parses "coordinator" | "reviewer" | "preceptor".
bool ParseRole(const std::string& text, Role* out);

struct Membership {
  std::string id;
  std::string institution_id;
  std::string institution_name;
  Role role = Role::kReviewer;
};

// The logged-in user behind a request (empty user_id: anonymous).
struct Principal {
  std::string user_id;
  std::string email;
  std::string display_name;
  bool is_admin = false;
  bool is_applicant = false;
  bool email_verified = false;
  std::vector<Membership> memberships;

  bool authenticated() const { return !user_id.empty(); }
  bool HasRole(const std::string& institution_id, Role role) const;
  bool IsStaffOf(const std::string& institution_id) const;
};

// What a route requires. Institution-scoped kinds read the institution id
// from the route's {id} parameter.
// kApplicant: a logged-in applicant acting on their own data (admins and
// staff-only accounts get 403).
enum class Access { kPublic, kSession, kApplicant, kAdmin, kInstitutionStaff, kInstitutionCoordinator };

const char* AccessName(Access access);

enum class Decision { kAllow, kUnauthenticated, kForbidden, kNotFound };

// The decision for `who` calling a route of kind `access` on `institution_id`.
// Staff of another institution get kNotFound (we do not confirm it exists).
Decision Authorize(Access access, const Principal& who, const std::string& institution_id);

}  // namespace clerkship::core
