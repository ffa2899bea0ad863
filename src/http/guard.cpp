#include "http/guard.h"

#include "adapters/crypto.h"
#include "http/json_io.h"
#include "services/accounts.h"

namespace clerkship::http {
namespace {

bool IsStateChanging(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

Response Deny(core::ErrorCode code, const std::string& message) {
  return ErrorResponse(core::Error{code, message, {}, {}});
}

// An Origin header, when sent, must name this server.
bool OriginAllowed(const Request& req, const services::Context& ctx) {
  std::string origin = req.Header("origin");
  if (origin.empty()) return true;
  std::string host = req.Header("host");
  return origin == "http://" + host || origin == "https://" + host || origin == ctx.public_url;
}

}  // namespace

std::string SessionCookie(const std::string& token, bool secure, long max_age) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
         std::to_string(max_age) + (secure ? "; Secure" : "");
}

std::string CsrfCookie(const std::string& token, bool secure, long max_age) {
  return std::string(kCsrfCookie) + "=" + token + "; Path=/; SameSite=Strict; Max-Age=" +
         std::to_string(max_age) + (secure ? "; Secure" : "");
}

Handler Guarded(services::Context& ctx, Access access, Handler inner) {
  return [&ctx, access, inner = std::move(inner)](Request& req) -> Response {
    req.actor = services::Actor{"", req.remote_ip, "", {}};
    std::string csrf_expected;
    std::string token = req.Cookie(kSessionCookie);
    if (!token.empty()) {
      if (auto s = services::ResolveSession(ctx, token)) {
        req.actor.user_id = s->principal.user_id;
        req.actor.session_id = s->session_id;
        req.actor.principal = std::move(s->principal);
        csrf_expected = s->csrf_token;
      }
    }
    if (IsStateChanging(req.method)) {
      if (!OriginAllowed(req, ctx)) return Deny(core::ErrorCode::kForbidden, "cross-origin request refused");
      std::string sent = req.Header(kCsrfHeader);
      if (csrf_expected.empty()) csrf_expected = req.Cookie(kCsrfCookie);
      if (sent.empty() || csrf_expected.empty() || !adapters::SafeEquals(sent, csrf_expected)) {
        return Deny(core::ErrorCode::kForbidden,
                    "missing or invalid CSRF token; reload the page and try again");
      }
    }
    auto it = req.params.find("id");
    std::string institution = it == req.params.end() ? "" : it->second;
    switch (core::Authorize(access, req.actor.principal, institution)) {
      case core::Decision::kAllow: break;
      case core::Decision::kUnauthenticated:
        return Deny(core::ErrorCode::kUnauthenticated, "log in to continue");
      case core::Decision::kForbidden:
        return Deny(core::ErrorCode::kForbidden, "your role does not allow this");
      case core::Decision::kNotFound:
        return Deny(core::ErrorCode::kNotFound, "no such record");
    }
    return inner(req);
  };
}

}  // namespace clerkship::http
