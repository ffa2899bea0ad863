// Users, memberships, sessions, one-use tokens, login throttling: named
// statements over a Tx. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "store/database.h"

namespace clerkship::store {

struct UserRow {
  std::string id;
  std::string email;
  std::string password_hash;
  std::string display_name;
  std::string email_verified_at;  // "" when not verified
  bool is_applicant = false;
  bool is_admin = false;
  std::string created_at;
};

void InsertUser(Tx& tx, const UserRow& u);
std::optional<UserRow> FindUserByEmail(Tx& tx, const std::string& email);
std::optional<UserRow> FindUserById(Tx& tx, const std::string& id);
void UpdatePasswordHash(Tx& tx, const std::string& user_id, const std::string& hash, const std::string& now);
void MarkEmailVerified(Tx& tx, const std::string& user_id, const std::string& now);
void UpdateEmail(Tx& tx, const std::string& user_id, const std::string& email, const std::string& now);
void SetAdmin(Tx& tx, const std::string& user_id, bool admin);

// Memberships of a user, with institution names.
std::vector<core::Membership> MembershipsOf(Tx& tx, const std::string& user_id);
void InsertMembership(Tx& tx, const std::string& id, const std::string& user_id,
                      const std::string& institution_id, core::Role role, const std::string& now);

struct StaffRow {
  std::string membership_id;
  std::string user_id;
  std::string email;
  std::string display_name;
  std::string role;
  std::string created_at;
};
std::vector<StaffRow> ListStaff(Tx& tx, const std::string& institution_id);
// The user id of a membership of that institution, or nullopt.
std::optional<StaffRow> FindMembership(Tx& tx, const std::string& institution_id,
                                       const std::string& membership_id);
void DeleteMembership(Tx& tx, const std::string& membership_id);
int CountCoordinators(Tx& tx, const std::string& institution_id);

struct SessionRow {
  std::string id;
  std::string user_id;
  std::string csrf_token;
  std::string created_at;
  std::string last_seen_at;
  std::string expires_at;
  bool revoked = false;
};
void InsertSession(Tx& tx, const SessionRow& s, const std::string& token_hash, const std::string& ip);
std::optional<SessionRow> FindSessionByTokenHash(Tx& tx, const std::string& token_hash);
void TouchSession(Tx& tx, const std::string& session_id, const std::string& now);
void RevokeSession(Tx& tx, const std::string& session_id);
// Revokes every session of the user except `keep_id` (may be "").
void RevokeUserSessions(Tx& tx, const std::string& user_id, const std::string& keep_id);

struct TokenRow {
  std::string id;
  std::string purpose;  // verify_email | reset_password | invite | change_email
  std::string user_id;
  std::string institution_id;
  std::string role;
  std::string email;
  std::string created_at;
  std::string expires_at;
  std::string used_at;
};
void InsertToken(Tx& tx, const TokenRow& t, const std::string& token_hash);
std::optional<TokenRow> FindTokenByHash(Tx& tx, const std::string& token_hash);
// Marks the token used if it was not; false when someone used it first.
bool ConsumeToken(Tx& tx, const std::string& token_id, const std::string& now);
// Invalidates unused tokens of that purpose for the user (e.g. older reset links).
void ExpireUserTokens(Tx& tx, const std::string& user_id, const std::string& purpose, const std::string& now);

struct ThrottleRow {
  int failures = 0;
  std::string locked_until;  // "" or ISO time
};
ThrottleRow GetThrottle(Tx& tx, const std::string& key);
void PutThrottle(Tx& tx, const std::string& key, int failures, const std::string& now,
                 const std::string& locked_until);
void ClearThrottle(Tx& tx, const std::string& key);

}  // namespace clerkship::store
