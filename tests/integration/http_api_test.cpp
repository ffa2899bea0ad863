// The HTTP API end to end through a real socket, on both backends.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "integration/http_harness.h"

namespace clerkship::testing {
namespace {

class HttpApiTest : public ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    MakeUser("admin@example.org", true);
    admin_ = NewClient();
    admin_.Login("admin@example.org", kPassword);
  }
  // As an admin (creating institutions needs one), with session and CSRF.
  Reply Call(const std::string& method, const std::string& path, const std::string& body = "") {
    return admin_.Call(method, path, body);
  }
  int InstitutionCount() { return static_cast<int>(Call("GET", "/api/institutions").json()["items"].size()); }
  Client admin_{0};
};

const char* kGood =
    R"({"name":"Mercy General","city":"Chicago","state":"IL","country":"US","time_zone":"America/Chicago","website":"https://mercy.example.org"})";

TEST_P(HttpApiTest, HealthNamesTheDatabase) {
  auto r = Call("GET", "/api/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["status"], "ok");
  EXPECT_EQ(r.json()["version"], "9.9.9");
  EXPECT_EQ(r.json()["database"], GetParam());
  EXPECT_FALSE(r.headers["x-request-id"].empty());
}

TEST_P(HttpApiTest, SecurityHeadersOnEveryResponse) {
  for (const auto& path : {"/api/health", "/", "/api/nope"}) {
    auto r = Call("GET", path);
    EXPECT_NE(r.headers["content-security-policy"].find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_EQ(r.headers["x-content-type-options"], "nosniff") << path;
    EXPECT_FALSE(r.headers["referrer-policy"].empty()) << path;
  }
}

TEST_P(HttpApiTest, CreateListAndGetAnInstitution) {
  auto created = Call("POST", "/api/institutions", kGood);
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id = created.json()["id"];
  EXPECT_EQ(id.size(), 26u);
  auto list = Call("GET", "/api/institutions");
  ASSERT_EQ(list.json()["items"].size(), 1u);
  EXPECT_EQ(list.json()["items"][0]["name"], "Mercy General");
  auto one = Call("GET", "/api/institutions/" + id);
  EXPECT_EQ(one.status, 200);
  EXPECT_EQ(one.json()["time_zone"], "America/Chicago");
  ExpectError(Call("GET", "/api/institutions/doesnotexist"), 404, "not_found");
}

TEST_P(HttpApiTest, BadInputGetsFieldErrorsAndWritesNothing) {
  ExpectError(Call("POST", "/api/institutions", "{not json"), 400, "invalid_argument", "body");
  ExpectError(Call("POST", "/api/institutions", ""), 400, "invalid_argument", "body");
  ExpectError(Call("POST", "/api/institutions", "[1,2,3]"), 400, "invalid_argument", "body");
  ExpectError(Call("POST", "/api/institutions", R"({"name":42})"), 400, "invalid_argument", "name");
  ExpectError(Call("POST", "/api/institutions", R"({"name":"","city":"X","country":"US","time_zone":"UTC"})"),
              400, "invalid_argument", "name");
  ExpectError(Call("POST", "/api/institutions", R"({"name":"A","city":"X","country":"US","time_zone":"Nowhere/City"})"),
              400, "invalid_argument", "time_zone");
  ExpectError(Call("POST", "/api/institutions", R"({"name":"A","city":"X","country":"US","time_zone":"UTC","is_admin":true})"),
              400, "invalid_argument", "is_admin");
  ExpectError(Call("POST", "/api/institutions", "{\"name\":\"\xC3\x28\"}"), 400, "invalid_argument", "body");
  ExpectError(Call("POST", "/api/institutions", "'; DROP TABLE institutions; --"), 400, "invalid_argument", "body");
  EXPECT_EQ(InstitutionCount(), 0);
  EXPECT_EQ(Call("GET", "/api/health").status, 200);
}

TEST_P(HttpApiTest, DuplicateIsConflict) {
  ASSERT_EQ(Call("POST", "/api/institutions", kGood).status, 201);
  ExpectError(Call("POST", "/api/institutions", kGood), 409, "conflict", "name");
  EXPECT_EQ(InstitutionCount(), 1);
}

TEST_P(HttpApiTest, UnknownRouteAndWrongMethod) {
  ExpectError(Call("GET", "/api/no/such/thing"), 404, "not_found");
  auto r = Call("DELETE", "/api/institutions");
  ExpectError(r, 405, "method_not_allowed");
  EXPECT_EQ(r.headers["allow"], "GET, POST");
  ExpectError(Call("POST", "/rotations", "{}"), 404, "not_found");
}

TEST_P(HttpApiTest, OversizedBodyIs413AndServerKeepsServing) {
  std::string huge(2 * 1024 * 1024, 'x');
  auto r = Call("POST", "/api/institutions", huge);
  // The server answers 413 before reading the body; curl may see the reset instead.
  if (r.status != 0) ExpectError(r, 413, "payload_too_large");
  auto raw = Raw("POST /api/institutions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 "Content-Length: 5000000\r\n\r\n{");
  EXPECT_NE(raw.find("413"), std::string::npos) << raw;
  EXPECT_NE(raw.find("payload_too_large"), std::string::npos);
  EXPECT_EQ(Call("GET", "/api/health").status, 200);
  EXPECT_EQ(InstitutionCount(), 0);
}

TEST_P(HttpApiTest, GarbageOnTheWireIsRejectedAndServerSurvives) {
  auto raw = Raw("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 garbage\r\n\r\n");
  EXPECT_TRUE(raw.empty() || raw.find("400") != std::string::npos) << raw;
  raw = Raw("GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n");
  EXPECT_TRUE(raw.empty() || raw.find("400") != std::string::npos) << raw;
  raw = Raw("GET /api/health HTTP/1.1\r\nX-Big: " + std::string(64 * 1024, 'a') + "\r\n\r\n");
  EXPECT_EQ(raw.find("200 OK"), std::string::npos);
  EXPECT_EQ(Call("GET", "/api/health").status, 200);
}

size_t Occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_P(HttpApiTest, KeepAlivePipeliningHeadAndHttp10) {
  // Two pipelined requests on one connection: two answers, in order.
  auto raw = Raw("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\nGET /api/nope HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(Occurrences(raw, "HTTP/1.1 200 OK\r\n"), 1u) << raw;
  EXPECT_EQ(Occurrences(raw, "HTTP/1.1 404 Not Found\r\n"), 1u) << raw;
  EXPECT_LT(raw.find("200 OK"), raw.find("404 Not Found"));
  EXPECT_EQ(Occurrences(raw, "Connection: close"), 0u) << "HTTP/1.1 keeps the connection open";
  // HEAD: the GET's headers and length, no body.
  auto get = Raw("GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  auto head = Raw("HEAD /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  auto body = get.substr(get.find("\r\n\r\n") + 4);
  EXPECT_NE(get.find("Connection: close\r\n"), std::string::npos) << get;
  EXPECT_NE(head.find("Content-Length: " + std::to_string(body.size()) + "\r\n"), std::string::npos) << head;
  EXPECT_TRUE(head.ends_with("\r\n\r\n")) << head;
  // HTTP/1.0 asking for keep-alive is told so; without asking, no keep-alive header.
  auto old = Raw("GET /api/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  EXPECT_TRUE(old.starts_with("HTTP/1.0 200 OK\r\n")) << old;
  EXPECT_NE(old.find("Connection: keep-alive\r\n"), std::string::npos) << old;
  old = Raw("GET /api/health HTTP/1.0\r\n\r\n");
  EXPECT_EQ(old.find("Connection: keep-alive"), std::string::npos) << old;
}

TEST_P(HttpApiTest, IdleConnectionsAreClosedAndBusyOnesKept) {
  http::ServerOptions o;
  o.port = 0;
  o.io_threads = 2;
  o.worker_threads = 1;
  o.idle_timeout_ms = 300;
  http::Server server(o, router_);
  ASSERT_TRUE(server.Listen().has_value());
  std::thread runner([&] { server.Run(); });
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(server.port());
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  std::string request = "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n";
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  timeval tv{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string got;
  char buf[4096];
  ssize_t n;
  // The answer arrives, then the idle connection is closed by the server (recv → 0),
  // long before the 10 s receive timeout would end the loop with -1.
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) got.append(buf, n);
  EXPECT_EQ(n, 0) << "the server closed the idle connection";
  EXPECT_TRUE(got.starts_with("HTTP/1.1 200 OK")) << got;
  ::close(fd);
  server.Stop();
  runner.join();
}

TEST_P(HttpApiTest, ServesTheWebAppWithSpaFallbackAndCaching) {
  auto home = Call("GET", "/");
  EXPECT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("<title>Clerkship"), std::string::npos);
  EXPECT_EQ(home.headers["cache-control"], "no-cache");
  auto deep = Call("GET", "/rotations/some-id");
  EXPECT_EQ(deep.status, 200);
  EXPECT_NE(deep.body.find("<title>Clerkship"), std::string::npos);
  auto asset = Call("GET", "/assets/app-abc123.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_NE(asset.headers["cache-control"].find("immutable"), std::string::npos);
  EXPECT_NE(asset.headers["content-type"].find("javascript"), std::string::npos);
  EXPECT_EQ(Call("GET", "/assets/missing.js").status, 404);
  EXPECT_EQ(Call("GET", "/../../etc/passwd").status != 200 ||
                Call("GET", "/../../etc/passwd").body.find("root:") == std::string::npos,
            true);
  auto raw = Raw("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(raw.find("root:"), std::string::npos);
}

TEST_P(HttpApiTest, OpenApiDocumentIsServed) {
  auto r = Call("GET", "/api/openapi.json");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["openapi"], "3.1.0");
}

INSTANTIATE_TEST_SUITE_P(Backends, HttpApiTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
