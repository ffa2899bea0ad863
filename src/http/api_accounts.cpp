// Account routes: session, register, verify, login/logout, password reset,
// password and e-mail change, invitations.
#include "adapters/random.h"
#include "http/api.h"
#include "http/guard.h"
#include "services/accounts.h"
#include "services/staff.h"

namespace clerkship::http {
namespace {

constexpr long kCookieMaxAge = 14L * 24 * 3600;

// Reads the named string members (all required) from a JSON object body.
core::Result<std::vector<std::string>> Fields(const std::string& body,
                                              std::initializer_list<const char*> names) {
  auto obj = ParseObject(body, names);
  if (!obj) return std::unexpected(obj.error());
  std::vector<std::string> out;
  for (const char* n : names) {
    auto v = StringField(*obj, n, true);
    if (!v) return std::unexpected(v.error());
    out.push_back(std::move(*v));
  }
  return out;
}

Response Accepted() { return JsonResponse(Json{{"status", "check_email"}}, 202); }

Response NoContent() {
  Response r;
  r.status = 204;
  return r;
}

// 200 with the user, plus the new session and CSRF cookies.
Response SessionStarted(const services::NewSession& s, bool secure) {
  Response r = JsonResponse(Json{{"user", PrincipalJson(s.principal)}, {"csrf_token", s.csrf_token}});
  r.headers.emplace_back("Set-Cookie", SessionCookie(s.token, secure, kCookieMaxAge));
  r.headers.emplace_back("Set-Cookie", CsrfCookie(s.csrf_token, secure, kCookieMaxAge));
  return r;
}

Response SessionEnded(bool secure) {
  Response r = NoContent();
  r.headers.emplace_back("Set-Cookie", SessionCookie("", secure, 0));
  r.headers.emplace_back("Set-Cookie", CsrfCookie("", secure, 0));
  return r;
}

Response Error(const core::Error& e) {
  Response r = ErrorResponse(e);
  if (e.code == core::ErrorCode::kTooManyRequests && !e.detail.empty()) {
    r.headers.emplace_back("Retry-After", e.detail);
  }
  return r;
}

bool LooksLikeToken(const std::string& s) {
  return s.size() == 52 && s.find_first_not_of("abcdefghijklmnopqrstuvwxyz234567") == std::string::npos;
}

}  // namespace

void RegisterAccountApi(ApiBuilder& api) {
  auto& ctx = api.ctx();
  const bool secure = api.info().secure_cookies;

  api.Add("GET", "/api/session", Access::kPublic, [secure](Request& req) {
    const auto& p = req.actor.principal;
    std::string csrf;
    Response r;
    if (p.authenticated()) {
      csrf = req.Cookie(kCsrfCookie);
      r = JsonResponse(Json{{"user", PrincipalJson(p)}, {"csrf_token", csrf}});
      // The session's own token is what state-changing requests must echo; the
      // cookie was set at login. Nothing to refresh.
      return r;
    }
    csrf = req.Cookie(kCsrfCookie);
    if (!LooksLikeToken(csrf)) csrf = adapters::NewToken();
    r = JsonResponse(Json{{"user", nullptr}, {"csrf_token", csrf}});
    r.headers.emplace_back("Set-Cookie", CsrfCookie(csrf, secure, kCookieMaxAge));
    return r;
  });

  api.Add("POST", "/api/auth/register", Access::kPublic, [&ctx](Request& req) {
    auto f = Fields(req.body, {"email", "password", "display_name"});
    if (!f) return Error(f.error());
    auto st = services::Register(ctx, req.actor, (*f)[0], (*f)[1], (*f)[2]);
    return st ? Accepted() : Error(st.error());
  });

  api.Add("POST", "/api/auth/verify-email", Access::kPublic, [&ctx](Request& req) {
    auto f = Fields(req.body, {"token"});
    if (!f) return Error(f.error());
    auto st = services::VerifyEmail(ctx, req.actor, (*f)[0]);
    return st ? JsonResponse(Json{{"status", "verified"}}) : Error(st.error());
  });

  api.Add("POST", "/api/auth/login", Access::kPublic, [&ctx, secure](Request& req) {
    auto f = Fields(req.body, {"email", "password"});
    if (!f) return Error(f.error());
    auto s = services::Login(ctx, req.actor, (*f)[0], (*f)[1]);
    return s ? SessionStarted(*s, secure) : Error(s.error());
  });

  api.Add("POST", "/api/auth/logout", Access::kSession, [&ctx, secure](Request& req) {
    auto st = services::Logout(ctx, req.actor);
    return st ? SessionEnded(secure) : Error(st.error());
  });

  api.Add("POST", "/api/auth/logout-all", Access::kSession, [&ctx, secure](Request& req) {
    auto st = services::LogoutEverywhere(ctx, req.actor);
    return st ? SessionEnded(secure) : Error(st.error());
  });

  api.Add("POST", "/api/auth/password-reset", Access::kPublic, [&ctx](Request& req) {
    auto f = Fields(req.body, {"email"});
    if (!f) return Error(f.error());
    auto st = services::RequestPasswordReset(ctx, req.actor, (*f)[0]);
    return st ? Accepted() : Error(st.error());
  });

  api.Add("POST", "/api/auth/password-reset/confirm", Access::kPublic, [&ctx](Request& req) {
    auto f = Fields(req.body, {"token", "password"});
    if (!f) return Error(f.error());
    auto st = services::ConfirmPasswordReset(ctx, req.actor, (*f)[0], (*f)[1]);
    return st ? JsonResponse(Json{{"status", "password_changed"}}) : Error(st.error());
  });

  api.Add("POST", "/api/account/password", Access::kSession, [&ctx, secure](Request& req) {
    auto f = Fields(req.body, {"current_password", "new_password"});
    if (!f) return Error(f.error());
    auto s = services::ChangePassword(ctx, req.actor, (*f)[0], (*f)[1]);
    return s ? SessionStarted(*s, secure) : Error(s.error());
  });

  api.Add("POST", "/api/account/email", Access::kSession, [&ctx](Request& req) {
    auto f = Fields(req.body, {"password", "new_email"});
    if (!f) return Error(f.error());
    auto st = services::RequestEmailChange(ctx, req.actor, (*f)[0], (*f)[1]);
    return st ? Accepted() : Error(st.error());
  });

  api.Add("GET", "/api/invitations/{token}", Access::kPublic, [&ctx](Request& req) {
    auto info = services::GetInvitation(ctx, req.params["token"]);
    if (!info) return Error(info.error());
    return JsonResponse(Json{{"institution_name", info->institution_name}, {"role", info->role},
                             {"email", info->email}, {"has_account", info->has_account}});
  });

  api.Add("POST", "/api/invitations/accept", Access::kPublic, [&ctx, secure](Request& req) {
    auto obj = ParseObject(req.body, {"token", "password", "display_name"});
    if (!obj) return Error(obj.error());
    auto token = StringField(*obj, "token", true);
    if (!token) return Error(token.error());
    auto password = StringField(*obj, "password", true);
    if (!password) return Error(password.error());
    auto name = StringField(*obj, "display_name", false);
    if (!name) return Error(name.error());
    auto s = services::AcceptInvitation(ctx, req.actor, *token, *password, *name);
    return s ? SessionStarted(*s, secure) : Error(s.error());
  });
}

}  // namespace clerkship::http
