// The OpenAPI document and the router must describe the same routes.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "adapters/system_clock.h"
#include "http/api.h"
#include "http/json_io.h"

namespace clerkship::http {
namespace {

TEST(OpenApi, DocumentsExactlyTheRouterRoutes) {
  auto path = std::filesystem::temp_directory_path() / "clerkship-openapi-test.db";
  auto db = store::Database::Open("sqlite:" + path.string(), 1);
  ASSERT_TRUE(db.has_value());
  adapters::SystemClock clock;
  services::Context ctx{**db, clock};
  Router router;
  RegisterApi(router, ctx, ApiInfo{"test"});

  std::set<std::string> in_router;
  for (const auto& r : router.routes()) {
    std::string m = r.method;
    std::transform(m.begin(), m.end(), m.begin(), ::tolower);
    in_router.insert(m + " " + r.pattern);
  }
  auto doc = Json::parse(OpenApiDocument());
  EXPECT_EQ(doc["openapi"], "3.1.0");
  std::set<std::string> in_doc;
  for (const auto& [p, ops] : doc["paths"].items()) {
    for (const auto& [method, op] : ops.items()) {
      in_doc.insert(method + " " + p);
      // Every operation says whether it needs a session.
      EXPECT_TRUE(op.contains("x-access")) << method << " " << p;
    }
  }
  for (const auto& r : in_router) EXPECT_TRUE(in_doc.contains(r)) << "undocumented route: " << r;
  for (const auto& d : in_doc) EXPECT_TRUE(in_router.contains(d)) << "documented but not routed: " << d;

  // x-access in the document agrees with the router.
  for (const auto& r : router.routes()) {
    std::string m = r.method;
    std::transform(m.begin(), m.end(), m.begin(), ::tolower);
    auto access = doc["paths"][r.pattern][m]["x-access"];
    EXPECT_EQ(access, core::AccessName(r.access)) << r.method << " " << r.pattern;
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace clerkship::http
