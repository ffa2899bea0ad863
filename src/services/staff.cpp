#include "services/staff.h"

#include "adapters/crypto.h"
#include "adapters/random.h"
#include "core/account_rules.h"
#include "services/internal.h"
#include "store/institutions.h"

namespace clerkship::services {

using namespace std::chrono_literals;

core::Result<Invitation> InviteStaff(Context& ctx, const Actor& actor, const std::string& institution_id,
                                     const std::string& email_in, const std::string& role_in) {
  auto email = core::NormaliseEmail("email", email_in);
  if (!email) return std::unexpected(email.error());
  core::Role role;
  if (!core::ParseRole(role_in, &role)) {
    return core::InvalidArgument("role", "role must be coordinator, reviewer or preceptor");
  }
  return ctx.db.Run<Invitation>([&](store::Tx& tx) -> core::Result<Invitation> {
    auto inst = store::FindInstitution(tx, institution_id);
    if (!inst) return core::NotFound("no such institution");
    if (auto u = store::FindUserByEmail(tx, *email)) {
      for (const auto& m : store::MembershipsOf(tx, u->id)) {
        if (m.institution_id == institution_id && m.role == role) {
          return core::Conflict(*email + " is already " + core::RoleName(role) + " here");
        }
      }
    }
    std::string token = IssueToken(tx, ctx, "invite", "", *email, 7 * 24h, institution_id, core::RoleName(role));
    SendEmail(tx, ctx, *email, InvitationMessage(inst->name, core::RoleName(role), Link(ctx, "/accept-invitation", token)));
    Invitation inv{adapters::NewId(), *email, core::RoleName(role),
                   core::FormatIso8601(ctx.clock.Now() + 7 * 24h)};
    Audit(tx, ctx, actor, "staff.invite", "invitation", inv.id, institution_id,
          std::string("{\"role\":\"") + core::RoleName(role) + "\"}");
    return inv;
  });
}

core::Result<std::vector<store::StaffRow>> ListStaff(Context& ctx, const std::string& institution_id) {
  return ctx.db.Run<std::vector<store::StaffRow>>(
      [&](store::Tx& tx) -> core::Result<std::vector<store::StaffRow>> {
        if (!store::FindInstitution(tx, institution_id)) return core::NotFound("no such institution");
        return store::ListStaff(tx, institution_id);
      });
}

core::Status RemoveStaff(Context& ctx, const Actor& actor, const std::string& institution_id,
                         const std::string& membership_id) {
  return ctx.db.Transact([&](store::Tx& tx) -> core::Status {
    auto m = store::FindMembership(tx, institution_id, membership_id);
    if (!m) return core::NotFound("no such staff member");
    if (m->role == "coordinator" && store::CountCoordinators(tx, institution_id) <= 1) {
      return core::Conflict("an institution needs at least one coordinator; invite another first");
    }
    store::DeleteMembership(tx, membership_id);
    store::RevokeUserSessions(tx, m->user_id, "");
    Audit(tx, ctx, actor, "staff.remove", "membership", membership_id, institution_id,
          "{\"role\":\"" + m->role + "\"}");
    return {};
  });
}

core::Result<InvitationInfo> GetInvitation(Context& ctx, const std::string& token) {
  return ctx.db.Run<InvitationInfo>([&](store::Tx& tx) -> core::Result<InvitationInfo> {
    auto t = TakeToken(tx, ctx, token, {"invite"}, false);
    if (!t) return std::unexpected(t.error());
    auto inst = store::FindInstitution(tx, t->institution_id);
    if (!inst) return core::NotFound("no such institution");
    return InvitationInfo{inst->name, t->role, t->email, store::FindUserByEmail(tx, t->email).has_value()};
  });
}

core::Result<NewSession> AcceptInvitation(Context& ctx, const Actor& actor, const std::string& token,
                                          const std::string& password, const std::string& name_in) {
  // Look first (without consuming) to know whether this is a new account.
  auto info = GetInvitation(ctx, token);
  if (!info) return std::unexpected(info.error());
  std::string new_hash;
  std::optional<store::UserRow> existing = ctx.db.Run<std::optional<store::UserRow>>(
      [&](store::Tx& tx) -> core::Result<std::optional<store::UserRow>> {
        return store::FindUserByEmail(tx, info->email);
      }).value_or(std::nullopt);
  std::string name;
  if (existing) {
    if (!adapters::VerifyPassword(existing->password_hash, password)) {
      return core::InvalidArgument("password", "enter the password of your existing Clerkship account");
    }
  } else {
    if (auto ok = core::CheckPassword("password", password); !ok) return std::unexpected(ok.error());
    auto n = core::NormaliseDisplayName("display_name", name_in);
    if (!n) return std::unexpected(n.error());
    name = *n;
    new_hash = adapters::HashPassword(password);
  }
  return ctx.db.Run<NewSession>([&](store::Tx& tx) -> core::Result<NewSession> {
    auto t = TakeToken(tx, ctx, token, {"invite"}, true);
    if (!t) return std::unexpected(t.error());
    std::string now = core::FormatIso8601(ctx.clock.Now());
    auto user = store::FindUserByEmail(tx, t->email);
    if (!user) {
      store::UserRow u{adapters::NewId(), t->email, new_hash, name, now, false, false, now};
      store::InsertUser(tx, u);
      user = u;
    } else if (user->email_verified_at.empty()) {
      store::MarkEmailVerified(tx, user->id, now);
    }
    core::Role role;
    core::ParseRole(t->role, &role);
    bool already = false;
    for (const auto& m : store::MembershipsOf(tx, user->id)) {
      already = already || (m.institution_id == t->institution_id && m.role == role);
    }
    if (!already) store::InsertMembership(tx, adapters::NewId(), user->id, t->institution_id, role, now);
    // Privilege change: every older session of this user ends; a new one starts.
    store::RevokeUserSessions(tx, user->id, "");
    if (!actor.session_id.empty()) store::RevokeSession(tx, actor.session_id);
    auto s = StartSession(tx, ctx, actor, *user);
    Audit(tx, ctx, Actor{user->id, actor.ip}, "staff.accept_invitation", "user", user->id,
          t->institution_id, "{\"role\":\"" + t->role + "\"}");
    return s;
  });
}

}  // namespace clerkship::services
