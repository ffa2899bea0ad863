#include "http/router.h"

#include <gtest/gtest.h>

namespace clerkship::http {
namespace {

Response Ok(Request&) { return Response{}; }

TEST(Router, MatchesPathParameters) {
  Router r;
  r.Add("GET", "/api/institutions/{id}", Access::kPublic, Ok);
  Request req{.method = "GET", .path = "/api/institutions/abc123"};
  const Route* route = r.Match(req, nullptr);
  ASSERT_NE(route, nullptr);
  EXPECT_EQ(req.params["id"], "abc123");
}

TEST(Router, ReportsAllowedMethodsFor405) {
  Router r;
  r.Add("GET", "/api/institutions", Access::kPublic, Ok);
  r.Add("POST", "/api/institutions", Access::kPublic, Ok);
  Request req{.method = "DELETE", .path = "/api/institutions"};
  std::vector<std::string> allowed;
  EXPECT_EQ(r.Match(req, &allowed), nullptr);
  EXPECT_EQ(allowed, (std::vector<std::string>{"GET", "POST"}));
}

TEST(Router, UnknownPathIs404NotAllowed) {
  Router r;
  r.Add("GET", "/api/health", Access::kPublic, Ok);
  Request req{.method = "GET", .path = "/api/healthz"};
  std::vector<std::string> allowed;
  EXPECT_EQ(r.Match(req, &allowed), nullptr);
  EXPECT_TRUE(allowed.empty());
}

TEST(Router, HeadMatchesGet) {
  Router r;
  r.Add("GET", "/api/health", Access::kPublic, Ok);
  Request req{.method = "HEAD", .path = "/api/health"};
  EXPECT_NE(r.Match(req, nullptr), nullptr);
}

TEST(Router, SegmentCountMustMatch) {
  Router r;
  r.Add("GET", "/api/institutions/{id}", Access::kPublic, Ok);
  Request req{.method = "GET", .path = "/api/institutions/a/b"};
  EXPECT_EQ(r.Match(req, nullptr), nullptr);
}

}  // namespace
}  // namespace clerkship::http
