#include "services/accounts.h"

#include "adapters/crypto.h"
#include "adapters/random.h"
#include "core/account_rules.h"
#include "services/emails.h"
#include "services/internal.h"
#include "store/accounts.h"
#include "store/audit.h"
#include "store/outbox.h"

namespace clerkship::services {
namespace {

using namespace std::chrono_literals;

core::Principal PrincipalOf(store::Tx& tx, const store::UserRow& u) {
  core::Principal p;
  p.user_id = u.id;
  p.email = u.email;
  p.display_name = u.display_name;
  p.is_admin = u.is_admin;
  p.is_applicant = u.is_applicant;
  p.email_verified = !u.email_verified_at.empty();
  p.memberships = store::MembershipsOf(tx, u.id);
  return p;
}

std::unexpected<core::Error> BadToken() {
  return core::InvalidArgument("token", "this link is invalid, already used or expired; ask for a new one");
}

std::unexpected<core::Error> WrongCredentials() {
  return core::Unauthenticated("e-mail or password is incorrect");
}

// A syntactically valid hash of a random password: verifying against it costs
// what a real verification costs, so unknown e-mails answer as slowly.
const std::string& DummyHash() {
  static const std::string kHash = adapters::HashPassword(adapters::NewToken());
  return kHash;
}

// Records a failed login for the key; returns the new lock time or "".
void RecordFailure(store::Tx& tx, const std::string& key, core::TimePoint now) {
  auto t = store::GetThrottle(tx, key);
  int failures = t.failures + 1;
  auto lock = core::LockAfterFailures(failures);
  store::PutThrottle(tx, key, failures, core::FormatIso8601(now),
                     lock.count() ? core::FormatIso8601(now + lock) : "");
}

// Seconds until the key may try again (0 = now).
long SecondsLocked(store::Tx& tx, const std::string& key, core::TimePoint now) {
  auto t = store::GetThrottle(tx, key);
  if (t.locked_until.empty()) return 0;
  std::string now_text = core::FormatIso8601(now);
  if (t.locked_until <= now_text) return 0;
  auto until = ParseIso8601(t.locked_until);
  return until ? std::max<long>(1, static_cast<long>((*until - now).count())) : 1;
}

}  // namespace

NewSession StartSession(store::Tx& tx, Context& ctx, const Actor& actor, const store::UserRow& user) {
  auto now = ctx.clock.Now();
  NewSession s;
  s.token = adapters::NewToken();
  s.session_id = adapters::NewId();
  s.csrf_token = adapters::NewToken();
  s.expires_at = core::FormatIso8601(now + std::chrono::duration_cast<std::chrono::seconds>(kSessionAbsolute));
  std::string now_text = core::FormatIso8601(now);
  store::InsertSession(tx, {s.session_id, user.id, s.csrf_token, now_text, now_text, s.expires_at, false},
                       adapters::HashToken(s.token), actor.ip);
  s.principal = PrincipalOf(tx, user);
  return s;
}

std::string IssueToken(store::Tx& tx, Context& ctx, const std::string& purpose,
                       const std::string& user_id, const std::string& email,
                       std::chrono::seconds ttl, const std::string& institution_id,
                       const std::string& role) {
  auto now = ctx.clock.Now();
  std::string token = adapters::NewToken();
  store::InsertToken(tx,
                     {adapters::NewId(), purpose, user_id, institution_id, role, email,
                      core::FormatIso8601(now), core::FormatIso8601(now + ttl), ""},
                     adapters::HashToken(token));
  return token;
}

core::Result<store::TokenRow> TakeToken(store::Tx& tx, Context& ctx, const std::string& token,
                                        std::initializer_list<const char*> purposes, bool consume) {
  if (token.empty() || token.size() > 200) return BadToken();
  auto row = store::FindTokenByHash(tx, adapters::HashToken(token));
  if (!row) return BadToken();
  bool purpose_ok = false;
  for (const char* p : purposes) purpose_ok = purpose_ok || row->purpose == p;
  std::string now = core::FormatIso8601(ctx.clock.Now());
  if (!purpose_ok || !row->used_at.empty() || row->expires_at <= now) return BadToken();
  if (consume && !store::ConsumeToken(tx, row->id, now)) return BadToken();
  return *row;
}

void SendEmail(store::Tx& tx, Context& ctx, const std::string& to, const EmailContent& content) {
  store::EnqueueEmail(tx, {adapters::NewId(), to, content.subject, content.text, content.html, 0,
                          content.attachment_name, content.attachment_type, content.attachment},
                      core::FormatIso8601(ctx.clock.Now()));
}

void Audit(store::Tx& tx, Context& ctx, const Actor& actor, const std::string& action,
           const std::string& record_type, const std::string& record_id,
           const std::string& institution_id, const std::string& detail) {
  store::AppendAudit(tx, {adapters::NewId(), core::FormatIso8601(ctx.clock.Now()),
                          actor.user_id.empty() ? actor.principal.user_id : actor.user_id, actor.ip,
                          action, record_type, record_id, institution_id, detail});
}

std::string Link(Context& ctx, const std::string& path, const std::string& token) {
  return ctx.public_url + path + "?token=" + token;
}

core::Status Register(Context& ctx, const Actor& actor, const std::string& email_in,
                      const std::string& password, const std::string& name_in) {
  auto email = core::NormaliseEmail("email", email_in);
  if (!email) return std::unexpected(email.error());
  auto name = core::NormaliseDisplayName("display_name", name_in);
  if (!name) return std::unexpected(name.error());
  if (auto ok = core::CheckPassword("password", password); !ok) return ok;
  std::string hash = adapters::HashPassword(password);
  if (hash.empty()) return core::Internal("password hashing failed");
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    if (store::FindUserByEmail(tx, *email)) {
      SendEmail(tx, ctx, *email,
                AlreadyRegisteredMessage(ctx.public_url + "/login", ctx.public_url + "/forgot-password"));
      return {};
    }
    std::string now = core::FormatIso8601(ctx.clock.Now());
    store::UserRow u{adapters::NewId(), *email, hash, *name, "", true, false, now};
    store::InsertUser(tx, u);
    std::string token = IssueToken(tx, ctx, "verify_email", u.id, u.email, 48h, "", "");
    SendEmail(tx, ctx, u.email, VerifyEmailMessage(u.display_name, Link(ctx, "/verify-email", token)));
    Audit(tx, ctx, Actor{u.id, actor.ip}, "user.register", "user", u.id, "", "");
    return {};
  });
}

core::Status VerifyEmail(Context& ctx, const Actor& actor, const std::string& token) {
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    auto t = TakeToken(tx, ctx, token, {"verify_email", "change_email"}, true);
    if (!t) return std::unexpected(t.error());
    auto user = store::FindUserById(tx, t->user_id);
    if (!user) return BadToken();
    std::string now = core::FormatIso8601(ctx.clock.Now());
    if (t->purpose == "change_email") {
      if (store::FindUserByEmail(tx, t->email)) {
        return core::Conflict("that e-mail address now belongs to another account");
      }
      store::UpdateEmail(tx, user->id, t->email, now);
      Audit(tx, ctx, Actor{user->id, actor.ip}, "user.email_change", "user", user->id, "", "");
    } else {
      if (t->email != user->email) return BadToken();
      store::MarkEmailVerified(tx, user->id, now);
      Audit(tx, ctx, Actor{user->id, actor.ip}, "user.verify_email", "user", user->id, "", "");
    }
    return {};
  });
}

core::Result<NewSession> Login(Context& ctx, const Actor& actor, const std::string& email_in,
                               const std::string& password) {
  auto email = core::NormaliseEmail("email", email_in);
  if (!email) return std::unexpected(email.error());
  if (password.empty()) return core::InvalidArgument("password", "password is required");
  if (password.size() > core::kMaxPasswordBytes) return WrongCredentials();
  const std::string email_key = "email:" + *email;
  const std::string ip_key = "ip:" + actor.ip;
  auto now = ctx.clock.Now();

  // Read the throttle state and the user, verify outside the write lock.
  struct Before {
    long locked = 0;
    std::optional<store::UserRow> user;
  };
  auto before = ctx.db.Run<Before>([&](store::Tx& tx) -> core::Result<Before> {
    Before b;
    b.locked = std::max(SecondsLocked(tx, email_key, now), SecondsLocked(tx, ip_key, now));
    if (b.locked == 0) b.user = store::FindUserByEmail(tx, *email);
    return b;
  });
  if (!before) return std::unexpected(before.error());
  if (before->locked > 0) {
    return std::unexpected(core::Error{core::ErrorCode::kTooManyRequests,
                                       "too many failed attempts; try again in " +
                                           std::to_string(before->locked) + " seconds",
                                       "", std::to_string(before->locked)});
  }
  bool ok = before->user ? adapters::VerifyPassword(before->user->password_hash, password)
                         : (adapters::VerifyPassword(DummyHash(), password), false);

  // The failure count and the new verification link must be committed even
  // though the caller gets an error: the transaction returns the outcome.
  struct Outcome {
    std::optional<NewSession> session;
    core::Error error;
  };
  auto outcome = ctx.db.Run<Outcome>([&](store::Tx& tx) -> core::Result<Outcome> {
    if (!ok) {
      RecordFailure(tx, email_key, now);
      RecordFailure(tx, ip_key, now);
      Audit(tx, ctx, actor, "user.login_failed", "user", before->user ? before->user->id : "", "", "");
      return Outcome{std::nullopt, WrongCredentials().error()};
    }
    store::ClearThrottle(tx, email_key);
    store::ClearThrottle(tx, ip_key);
    const auto& user = *before->user;
    if (user.email_verified_at.empty()) {
      std::string token = IssueToken(tx, ctx, "verify_email", user.id, user.email, 48h, "", "");
      SendEmail(tx, ctx, user.email, VerifyEmailMessage(user.display_name, Link(ctx, "/verify-email", token)));
      return Outcome{std::nullopt,
                     core::Error{core::ErrorCode::kForbidden,
                                 "confirm your e-mail address first; we sent you a new link", "email",
                                 "email_not_verified"}};
    }
    // Rotation: the session the browser came with (if any) ends here.
    if (!actor.session_id.empty()) store::RevokeSession(tx, actor.session_id);
    auto s = StartSession(tx, ctx, actor, user);
    Audit(tx, ctx, Actor{user.id, actor.ip}, "user.login", "session", s.session_id, "", "");
    return Outcome{std::move(s), {}};
  });
  if (!outcome) return std::unexpected(outcome.error());
  if (!outcome->session) return std::unexpected(outcome->error);
  return std::move(*outcome->session);
}

std::optional<ResolvedSession> ResolveSession(Context& ctx, const std::string& token) {
  if (token.size() != 52) return std::nullopt;
  auto now = ctx.clock.Now();
  std::string now_text = core::FormatIso8601(now);
  auto r = ctx.db.Run<std::optional<ResolvedSession>>(
      [&](store::Tx& tx) -> core::Result<std::optional<ResolvedSession>> {
        auto s = store::FindSessionByTokenHash(tx, adapters::HashToken(token));
        if (!s || s->revoked || s->expires_at <= now_text) return std::nullopt;
        auto last = ParseIso8601(s->last_seen_at);
        if (!last || now - *last >= kSessionIdle) return std::nullopt;
        auto user = store::FindUserById(tx, s->user_id);
        if (!user) return std::nullopt;
        // Writing on every request would serialise reads on SQLite; a minute is precise enough.
        if (now - *last >= std::chrono::minutes(1)) store::TouchSession(tx, s->id, now_text);
        return ResolvedSession{s->id, s->csrf_token, PrincipalOf(tx, *user)};
      });
  if (!r) return std::nullopt;
  return *r;
}

core::Status Logout(Context& ctx, const Actor& actor) {
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    store::RevokeSession(tx, actor.session_id);
    Audit(tx, ctx, actor, "user.logout", "session", actor.session_id, "", "");
    return {};
  });
}

core::Status LogoutEverywhere(Context& ctx, const Actor& actor) {
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    store::RevokeUserSessions(tx, actor.principal.user_id, "");
    Audit(tx, ctx, actor, "user.logout_all", "user", actor.principal.user_id, "", "");
    return {};
  });
}

core::Status RequestPasswordReset(Context& ctx, const Actor& actor, const std::string& email_in) {
  auto email = core::NormaliseEmail("email", email_in);
  if (!email) return std::unexpected(email.error());
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    auto user = store::FindUserByEmail(tx, *email);
    if (!user) return {};
    std::string now = core::FormatIso8601(ctx.clock.Now());
    store::ExpireUserTokens(tx, user->id, "reset_password", now);
    std::string token = IssueToken(tx, ctx, "reset_password", user->id, user->email, 1h, "", "");
    SendEmail(tx, ctx, user->email, ResetPasswordMessage(user->display_name, Link(ctx, "/reset-password", token)));
    Audit(tx, ctx, Actor{user->id, actor.ip}, "user.password_reset_requested", "user", user->id, "", "");
    return {};
  });
}

core::Status ConfirmPasswordReset(Context& ctx, const Actor& actor, const std::string& token,
                                  const std::string& password) {
  if (auto ok = core::CheckPassword("password", password); !ok) return ok;
  std::string hash = adapters::HashPassword(password);
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    auto t = TakeToken(tx, ctx, token, {"reset_password"}, true);
    if (!t) return std::unexpected(t.error());
    auto user = store::FindUserById(tx, t->user_id);
    if (!user) return BadToken();
    std::string now = core::FormatIso8601(ctx.clock.Now());
    store::UpdatePasswordHash(tx, user->id, hash, now);
    // The link proved control of the mailbox: the address is verified too.
    if (user->email_verified_at.empty() && t->email == user->email) store::MarkEmailVerified(tx, user->id, now);
    store::RevokeUserSessions(tx, user->id, "");
    store::ClearThrottle(tx, "email:" + user->email);
    SendEmail(tx, ctx, user->email, PasswordChangedMessage(user->display_name));
    Audit(tx, ctx, Actor{user->id, actor.ip}, "user.password_reset", "user", user->id, "", "");
    return {};
  });
}

core::Result<NewSession> ChangePassword(Context& ctx, const Actor& actor, const std::string& current,
                                        const std::string& next) {
  if (auto ok = core::CheckPassword("new_password", next); !ok) return std::unexpected(ok.error());
  auto user = ctx.db.Run<store::UserRow>([&](store::Tx& tx) -> core::Result<store::UserRow> {
    auto u = store::FindUserById(tx, actor.principal.user_id);
    if (!u) return core::NotFound("no such user");
    return *u;
  });
  if (!user) return std::unexpected(user.error());
  if (!adapters::VerifyPassword(user->password_hash, current)) {
    return core::InvalidArgument("current_password", "current password is incorrect");
  }
  std::string hash = adapters::HashPassword(next);
  return ctx.db.Run<NewSession>([&](store::Tx& tx) -> core::Result<NewSession> {
    std::string now = core::FormatIso8601(ctx.clock.Now());
    store::UpdatePasswordHash(tx, user->id, hash, now);
    store::RevokeUserSessions(tx, user->id, "");
    auto s = StartSession(tx, ctx, actor, *user);
    SendEmail(tx, ctx, user->email, PasswordChangedMessage(user->display_name));
    Audit(tx, ctx, actor, "user.password_change", "user", user->id, "", "");
    return s;
  });
}

core::Status RequestEmailChange(Context& ctx, const Actor& actor, const std::string& password,
                                const std::string& new_email_in) {
  auto new_email = core::NormaliseEmail("new_email", new_email_in);
  if (!new_email) return std::unexpected(new_email.error());
  auto user = ctx.db.Run<store::UserRow>([&](store::Tx& tx) -> core::Result<store::UserRow> {
    auto u = store::FindUserById(tx, actor.principal.user_id);
    if (!u) return core::NotFound("no such user");
    return *u;
  });
  if (!user) return std::unexpected(user.error());
  if (!adapters::VerifyPassword(user->password_hash, password)) {
    return core::InvalidArgument("password", "password is incorrect");
  }
  if (*new_email == user->email) return core::InvalidArgument("new_email", "that is already your e-mail address");
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    // Taken addresses get the same answer (no enumeration); verify refuses them later.
    std::string token = IssueToken(tx, ctx, "change_email", user->id, *new_email, 48h, "", "");
    SendEmail(tx, ctx, *new_email, ChangeEmailMessage(user->display_name, Link(ctx, "/verify-email", token)));
    Audit(tx, ctx, actor, "user.email_change_requested", "user", user->id, "", "");
    return {};
  });
}

core::Result<std::string> EnsureAdmin(Context& ctx, const std::string& email_in,
                                      const std::string& password, const std::string& name) {
  auto email = core::NormaliseEmail("email", email_in);
  if (!email) return std::unexpected(email.error());
  if (auto ok = core::CheckPassword("password", password); !ok) return std::unexpected(ok.error());
  std::string hash = adapters::HashPassword(password);
  return ctx.db.Run<std::string>([&](store::Tx& tx) -> core::Result<std::string> {
    std::string now = core::FormatIso8601(ctx.clock.Now());
    if (auto u = store::FindUserByEmail(tx, *email)) {
      store::SetAdmin(tx, u->id, true);
      Audit(tx, ctx, Actor{"system", ""}, "user.make_admin", "user", u->id, "", "");
      return u->id;
    }
    store::UserRow u{adapters::NewId(), *email, hash, name, now, false, true, now};
    store::InsertUser(tx, u);
    Audit(tx, ctx, Actor{"system", ""}, "user.create_admin", "user", u.id, "", "");
    return u.id;
  });
}

}  // namespace clerkship::services
