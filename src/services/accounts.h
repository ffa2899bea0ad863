// Account use cases: register, verify, log in/out, sessions, password reset,
// password and e-mail change. Each public function is one transaction.
#pragma once

#include <optional>
#include <string>

#include "core/access.h"
#include "core/result.h"
#include "services/context.h"

namespace clerkship::services {

constexpr auto kSessionIdle = std::chrono::hours(12);
constexpr auto kSessionAbsolute = std::chrono::hours(24 * 14);

// A new session: the cookie value (never stored), its CSRF token and the user.
struct NewSession {
  std::string token;
  std::string session_id;
  std::string csrf_token;
  std::string expires_at;
  core::Principal principal;
};

// A session found from its cookie.
struct ResolvedSession {
  std::string session_id;
  std::string csrf_token;
  core::Principal principal;
};

// Always succeeds for a well-formed request (no enumeration): a new account
// gets a verification e-mail; an existing address gets a notice instead.
// kInvalidArgument names email/password/display_name.
core::Status Register(Context& ctx, const Actor& actor, const std::string& email,
                      const std::string& password, const std::string& display_name);

// Confirms an e-mail (new account or changed address) from a link token.
// kInvalidArgument field "token" for unknown, used or expired tokens.
core::Status VerifyEmail(Context& ctx, const Actor& actor, const std::string& token);

// kUnauthenticated "e-mail or password is incorrect" for both unknown e-mail
// and wrong password; kTooManyRequests while throttled (message has seconds);
// kForbidden "email_not_verified" after a correct password on an unverified
// account (a new link is sent).
core::Result<NewSession> Login(Context& ctx, const Actor& actor, const std::string& email,
                               const std::string& password);

// The session for a cookie token, or nullopt when unknown, revoked, idle
// longer than kSessionIdle or older than kSessionAbsolute.
std::optional<ResolvedSession> ResolveSession(Context& ctx, const std::string& token);

core::Status Logout(Context& ctx, const Actor& actor);
core::Status LogoutEverywhere(Context& ctx, const Actor& actor);

// Always OK for a well-formed e-mail; sends a link only if the account exists.
core::Status RequestPasswordReset(Context& ctx, const Actor& actor, const std::string& email);
// Sets the password and revokes every session of the user.
core::Status ConfirmPasswordReset(Context& ctx, const Actor& actor, const std::string& token,
                                  const std::string& password);

// Checks the current password, sets the new one, revokes other sessions and
// rotates this one (returns the replacement).
core::Result<NewSession> ChangePassword(Context& ctx, const Actor& actor,
                                        const std::string& current, const std::string& next);

// Sends a confirmation link to the new address; the change happens on verify.
core::Status RequestEmailChange(Context& ctx, const Actor& actor, const std::string& password,
                                const std::string& new_email);

// Creates (or promotes) a verified platform admin; for `clerkship admin` and demo data.
core::Result<std::string> EnsureAdmin(Context& ctx, const std::string& email,
                                      const std::string& password, const std::string& name);

}  // namespace clerkship::services
