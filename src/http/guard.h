// The one authorization mechanism: every route's handler is wrapped by
// Guarded(), which resolves the session cookie, enforces CSRF on
// state-changing methods, and applies core::Authorize for the route's
// Access before the handler runs.
#pragma once

#include <string>

#include "http/router.h"
#include "services/context.h"

namespace clerkship::http {

constexpr const char* kSessionCookie = "clerkship_session";
constexpr const char* kCsrfCookie = "clerkship_csrf";
constexpr const char* kCsrfHeader = "x-csrf-token";

Handler Guarded(services::Context& ctx, Access access, Handler inner);

// Set-Cookie values.
std::string SessionCookie(const std::string& token, bool secure, long max_age_seconds);
std::string CsrfCookie(const std::string& token, bool secure, long max_age_seconds);

}  // namespace clerkship::http
