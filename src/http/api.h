// The JSON API: every route of the product, registered on a Router.
#pragma once

#include <string>

#include "http/router.h"
#include "services/context.h"

namespace clerkship::http {

struct ApiInfo {
  std::string version;
};

// Registers all /api routes. `ctx` must outlive the router.
void RegisterApi(Router& router, services::Context& ctx, const ApiInfo& info);

// The OpenAPI 3.1 document served at /api/openapi.json (embedded at build).
const std::string& OpenApiDocument();

}  // namespace clerkship::http
