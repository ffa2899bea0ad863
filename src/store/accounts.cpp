#include "store/accounts.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {
namespace {

constexpr const char* kUserColumns =
    "id, email, password_hash, display_name, email_verified_at, is_applicant, is_admin, created_at";

UserRow UserFromRow(const soci::row& r) {
  return UserRow{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                 r.get<std::string>(3), r.get<std::string>(4), r.get<int>(5) != 0,
                 r.get<int>(6) != 0,    r.get<std::string>(7)};
}

}  // namespace

void InsertUser(Tx& tx, const UserRow& u) {
  int applicant = u.is_applicant, admin = u.is_admin;
  tx.sql() << "INSERT INTO users (id, email, password_hash, display_name, email_verified_at, "
              "is_applicant, is_admin, created_at, updated_at) VALUES (:id, :email, :hash, :name, "
              ":verified, :applicant, :admin, :at, :at2)",
      soci::use(u.id), soci::use(u.email), soci::use(u.password_hash), soci::use(u.display_name),
      soci::use(u.email_verified_at), soci::use(applicant), soci::use(admin),
      soci::use(u.created_at), soci::use(u.created_at);
}

std::optional<UserRow> FindUserByEmail(Tx& tx, const std::string& email) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kUserColumns << " FROM users WHERE email = :e", soci::use(email));
  for (const auto& r : rows) return UserFromRow(r);
  return std::nullopt;
}

std::optional<UserRow> FindUserById(Tx& tx, const std::string& id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kUserColumns << " FROM users WHERE id = :id", soci::use(id));
  for (const auto& r : rows) return UserFromRow(r);
  return std::nullopt;
}

void UpdatePasswordHash(Tx& tx, const std::string& user_id, const std::string& hash, const std::string& now) {
  tx.sql() << "UPDATE users SET password_hash = :h, updated_at = :now WHERE id = :id", soci::use(hash),
      soci::use(now), soci::use(user_id);
}

void MarkEmailVerified(Tx& tx, const std::string& user_id, const std::string& now) {
  tx.sql() << "UPDATE users SET email_verified_at = :now, updated_at = :now2 WHERE id = :id",
      soci::use(now), soci::use(now), soci::use(user_id);
}

void UpdateEmail(Tx& tx, const std::string& user_id, const std::string& email, const std::string& now) {
  tx.sql() << "UPDATE users SET email = :e, email_verified_at = :now, updated_at = :now2 WHERE id = :id",
      soci::use(email), soci::use(now), soci::use(now), soci::use(user_id);
}

void SetAdmin(Tx& tx, const std::string& user_id, bool admin) {
  int a = admin;
  tx.sql() << "UPDATE users SET is_admin = :a WHERE id = :id", soci::use(a), soci::use(user_id);
}

std::vector<core::Membership> MembershipsOf(Tx& tx, const std::string& user_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT m.id, m.institution_id, i.name, m.role FROM memberships m "
                           "JOIN institutions i ON i.id = m.institution_id WHERE m.user_id = :u "
                           "ORDER BY i.name, m.role",
       soci::use(user_id));
  std::vector<core::Membership> out;
  for (const auto& r : rows) {
    core::Membership m{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2)};
    if (core::ParseRole(r.get<std::string>(3), &m.role)) out.push_back(std::move(m));
  }
  return out;
}

void InsertMembership(Tx& tx, const std::string& id, const std::string& user_id,
                      const std::string& institution_id, core::Role role, const std::string& now) {
  std::string r = core::RoleName(role);
  tx.sql() << "INSERT INTO memberships (id, user_id, institution_id, role, created_at) VALUES "
              "(:id, :u, :i, :r, :at)",
      soci::use(id), soci::use(user_id), soci::use(institution_id), soci::use(r), soci::use(now);
}

std::vector<StaffRow> ListStaff(Tx& tx, const std::string& institution_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT m.id, u.id, u.email, u.display_name, m.role, m.created_at "
                           "FROM memberships m JOIN users u ON u.id = m.user_id "
                           "WHERE m.institution_id = :i ORDER BY u.display_name, m.role",
       soci::use(institution_id));
  std::vector<StaffRow> out;
  for (const auto& r : rows) {
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                   r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5)});
  }
  return out;
}

std::optional<StaffRow> FindMembership(Tx& tx, const std::string& institution_id,
                                       const std::string& membership_id) {
  for (auto& s : ListStaff(tx, institution_id)) {
    if (s.membership_id == membership_id) return s;
  }
  return std::nullopt;
}

void DeleteMembership(Tx& tx, const std::string& membership_id) {
  tx.sql() << "DELETE FROM memberships WHERE id = :id", soci::use(membership_id);
}

int CountCoordinators(Tx& tx, const std::string& institution_id) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM memberships WHERE institution_id = :i AND role = 'coordinator'",
      soci::use(institution_id), soci::into(n);
  return n;
}

void InsertSession(Tx& tx, const SessionRow& s, const std::string& token_hash, const std::string& ip) {
  tx.sql() << "INSERT INTO sessions (id, token_hash, user_id, csrf_token, created_at, last_seen_at, "
              "expires_at, revoked, ip) VALUES (:id, :h, :u, :csrf, :c, :l, :e, 0, :ip)",
      soci::use(s.id), soci::use(token_hash), soci::use(s.user_id), soci::use(s.csrf_token),
      soci::use(s.created_at), soci::use(s.last_seen_at), soci::use(s.expires_at), soci::use(ip);
}

std::optional<SessionRow> FindSessionByTokenHash(Tx& tx, const std::string& token_hash) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, user_id, csrf_token, created_at, last_seen_at, expires_at, "
                           "revoked FROM sessions WHERE token_hash = :h",
       soci::use(token_hash));
  for (const auto& r : rows) {
    return SessionRow{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                      r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5),
                      r.get<int>(6) != 0};
  }
  return std::nullopt;
}

void TouchSession(Tx& tx, const std::string& session_id, const std::string& now) {
  tx.sql() << "UPDATE sessions SET last_seen_at = :now WHERE id = :id", soci::use(now), soci::use(session_id);
}

void RevokeSession(Tx& tx, const std::string& session_id) {
  tx.sql() << "UPDATE sessions SET revoked = 1 WHERE id = :id", soci::use(session_id);
}

void RevokeUserSessions(Tx& tx, const std::string& user_id, const std::string& keep_id) {
  tx.sql() << "UPDATE sessions SET revoked = 1 WHERE user_id = :u AND id <> :keep", soci::use(user_id),
      soci::use(keep_id);
}

void InsertToken(Tx& tx, const TokenRow& t, const std::string& token_hash) {
  tx.sql() << "INSERT INTO tokens (id, token_hash, purpose, user_id, institution_id, role, email, "
              "created_at, expires_at, used_at) VALUES (:id, :h, :p, :u, :i, :r, :e, :c, :x, '')",
      soci::use(t.id), soci::use(token_hash), soci::use(t.purpose), soci::use(t.user_id),
      soci::use(t.institution_id), soci::use(t.role), soci::use(t.email), soci::use(t.created_at),
      soci::use(t.expires_at);
}

std::optional<TokenRow> FindTokenByHash(Tx& tx, const std::string& token_hash) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, purpose, user_id, institution_id, role, email, created_at, "
                           "expires_at, used_at FROM tokens WHERE token_hash = :h",
       soci::use(token_hash));
  for (const auto& r : rows) {
    return TokenRow{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                    r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5),
                    r.get<std::string>(6), r.get<std::string>(7), r.get<std::string>(8)};
  }
  return std::nullopt;
}

bool ConsumeToken(Tx& tx, const std::string& token_id, const std::string& now) {
  soci::statement st = (tx.sql().prepare << "UPDATE tokens SET used_at = :now WHERE id = :id AND used_at = ''",
                        soci::use(now), soci::use(token_id));
  return Execute(st) == 1;
}

void ExpireUserTokens(Tx& tx, const std::string& user_id, const std::string& purpose, const std::string& now) {
  tx.sql() << "UPDATE tokens SET used_at = :now WHERE user_id = :u AND purpose = :p AND used_at = ''",
      soci::use(now), soci::use(user_id), soci::use(purpose);
}

ThrottleRow GetThrottle(Tx& tx, const std::string& key) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT failures, locked_until FROM login_throttle WHERE throttle_key = :k",
       soci::use(key));
  for (const auto& r : rows) return ThrottleRow{r.get<int>(0), r.get<std::string>(1)};
  return {};
}

void PutThrottle(Tx& tx, const std::string& key, int failures, const std::string& now,
                 const std::string& locked_until) {
  tx.sql() << "INSERT INTO login_throttle (throttle_key, failures, last_failure_at, locked_until) "
              "VALUES (:k, :f, :now, :lock) ON CONFLICT (throttle_key) DO UPDATE SET failures = "
              "excluded.failures, last_failure_at = excluded.last_failure_at, locked_until = "
              "excluded.locked_until",
      soci::use(key), soci::use(failures), soci::use(now), soci::use(locked_until);
}

void ClearThrottle(Tx& tx, const std::string& key) {
  tx.sql() << "DELETE FROM login_throttle WHERE throttle_key = :k", soci::use(key);
}

}  // namespace clerkship::store
