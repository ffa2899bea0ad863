// The HTTP API end to end through a real socket, on both backends.
#include <curl/curl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "adapters/system_clock.h"
#include "http/api.h"
#include "http/server.h"
#include "integration/test_env.h"

namespace clerkship::testing {
namespace {

using Json = nlohmann::json;

struct Reply {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
  Json json() const { return Json::parse(body); }
};

size_t Collect(char* p, size_t s, size_t n, void* out) {
  static_cast<std::string*>(out)->append(p, s * n);
  return s * n;
}
size_t CollectHeader(char* p, size_t s, size_t n, void* out) {
  std::string line(p, s * n);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    (*static_cast<std::map<std::string, std::string>*>(out))[name] = value;
  }
  return s * n;
}

class HttpApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    tdb_ = std::make_unique<TestDatabase>(GetParam());
    ctx_ = std::make_unique<services::Context>(services::Context{tdb_->db(), clock_});
    http::RegisterApi(router_, *ctx_, http::ApiInfo{"9.9.9"});
    web_ = std::filesystem::temp_directory_path() / ("clerkship-web-" + std::to_string(::getpid()));
    std::filesystem::create_directories(web_ / "assets");
    std::ofstream(web_ / "index.html") << "<!doctype html><title>Clerkship</title>";
    std::ofstream(web_ / "assets" / "app-abc123.js") << "console.log(1)";
    http::ServerOptions o;
    o.host = "127.0.0.1";
    o.port = 0;
    o.web_root = web_.string();
    o.io_threads = 2;
    o.worker_threads = 2;
    server_ = std::make_unique<http::Server>(o, router_);
    ASSERT_TRUE(server_->Listen().has_value());
    port_ = server_->port();
    thread_ = std::thread([this] { server_->Run(); });
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    std::filesystem::remove_all(web_);
  }

  Reply Call(const std::string& method, const std::string& path, const std::string& body = "",
             const std::string& content_type = "application/json") {
    Reply r;
    CURL* c = curl_easy_init();
    std::string url = "http://127.0.0.1:" + std::to_string(port_) + path;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
    if (method == "HEAD") curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, ("Content-Type: " + content_type).c_str());
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    if (!body.empty() || method == "POST") {
      curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
      curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    }
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, Collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r.body);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, CollectHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &r.headers);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 20L);
    CURLcode rc = curl_easy_perform(c);
    if (rc == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(c);
    return r;
  }

  // Sends raw bytes on a fresh connection; returns whatever comes back.
  std::string Raw(const std::string& bytes) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port_);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return "";
    ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    ::shutdown(fd, SHUT_WR);
    std::string out;
    char buf[4096];
    timeval tv{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) out.append(buf, n);
    ::close(fd);
    return out;
  }

  void ExpectError(const Reply& r, long status, const std::string& code, const std::string& field = "") {
    EXPECT_EQ(r.status, status) << r.body;
    Json j;
    ASSERT_NO_THROW(j = r.json()) << r.body;
    EXPECT_EQ(j["error"]["code"], code) << r.body;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
    if (!field.empty()) EXPECT_EQ(j["error"].value("field", ""), field) << r.body;
  }

  int InstitutionCount() { return static_cast<int>(Call("GET", "/api/institutions").json()["items"].size()); }

  std::unique_ptr<TestDatabase> tdb_;
  adapters::FakeClock clock_{core::TimePoint(std::chrono::seconds(1800000000))};
  std::unique_ptr<services::Context> ctx_;
  http::Router router_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  std::filesystem::path web_;
  uint16_t port_ = 0;
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

INSTANTIATE_TEST_SUITE_P(Backends, HttpApiTest, ::testing::ValuesIn(Backends()),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (auto& c : n) if (c == '-') c = '_';
                           return n;
                         });

}  // namespace
}  // namespace clerkship::testing
