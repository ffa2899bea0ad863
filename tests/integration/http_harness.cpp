#include "integration/http_harness.h"

#include "adapters/file_store.h"

#include <curl/curl.h>
#include <netinet/in.h>
#include <soci/soci.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <regex>

#include "adapters/crypto.h"
#include "adapters/random.h"
#include "core/access.h"
#include "http/api.h"
#include "services/catalog.h"
#include "store/accounts.h"
#include "store/institutions.h"

namespace clerkship::testing {
namespace {

size_t Collect(char* p, size_t s, size_t n, void* out) {
  static_cast<std::string*>(out)->append(p, s * n);
  return s * n;
}

size_t CollectHeader(char* p, size_t s, size_t n, void* out) {
  auto* reply = static_cast<Reply*>(out);
  std::string line(p, s * n);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    reply->headers[name] = value;
    if (name == "set-cookie") reply->set_cookies.push_back(value);
  }
  return s * n;
}

}  // namespace

Json Reply::json() const {
  try {
    return Json::parse(body);
  } catch (...) {
    ADD_FAILURE() << "not JSON (" << status << "): " << body;
    return Json::object();
  }
}

Reply Client::Call(const std::string& method, const std::string& path, const std::string& body,
                   const std::vector<std::string>& extra) {
  Reply r;
  CURL* c = curl_easy_init();
  std::string url = "http://127.0.0.1:" + std::to_string(port_) + path;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
  if (method == "HEAD") curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Content-Type: application/json");
  headers = curl_slist_append(headers, "Expect:");
  std::string cookie;
  for (const auto& [k, v] : cookies_) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
  if (!cookie.empty()) headers = curl_slist_append(headers, ("Cookie: " + cookie).c_str());
  if (send_csrf && !Cookie("clerkship_csrf").empty()) {
    headers = curl_slist_append(headers, ("X-CSRF-Token: " + Cookie("clerkship_csrf")).c_str());
  }
  for (const auto& h : extra) headers = curl_slist_append(headers, h.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  if (!body.empty() || method == "POST") {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &r.body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, CollectHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &r);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
  if (curl_easy_perform(c) == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(c);
  for (const auto& sc : r.set_cookies) {
    auto eq = sc.find('=');
    auto semi = sc.find(';');
    std::string name = sc.substr(0, eq);
    std::string value = sc.substr(eq + 1, semi - eq - 1);
    if (value.empty() || sc.find("Max-Age=0") != std::string::npos) {
      cookies_.erase(name);
    } else {
      cookies_[name] = value;
    }
  }
  return r;
}

Reply Client::Login(const std::string& email, const std::string& password) {
  Get("/api/session");
  auto r = Post("/api/auth/login", {{"email", email}, {"password", password}});
  EXPECT_EQ(r.status, 200) << email << ": " << r.body;
  return r;
}

std::string Client::Cookie(const std::string& name) const {
  auto it = cookies_.find(name);
  return it == cookies_.end() ? "" : it->second;
}

void ServerFixture::SetUp() {
  tdb_ = std::make_unique<TestDatabase>(GetParam());
  ctx_ = std::make_unique<services::Context>(services::Context{tdb_->db(), clock_, "http://clerkship.test"});
  vault_root_ = std::filesystem::temp_directory_path() / ("clerkship-vault-" + adapters::NewId());
  ctx_->files = std::make_shared<adapters::FileStore>(vault_root_, *adapters::ParseVaultKey(adapters::GenerateVaultKeyHex()));
  ctx_->max_upload_bytes = kMaxUpload;
  std::filesystem::create_directories(vault_root_ / "incoming");
  http::RegisterApi(router_, *ctx_, http::ApiInfo{"9.9.9"});
  web_ = std::filesystem::temp_directory_path() / ("clerkship-web-" + adapters::NewId());
  std::filesystem::create_directories(web_ / "assets");
  std::ofstream(web_ / "index.html") << "<!doctype html><title>Clerkship</title>";
  std::ofstream(web_ / "assets" / "app-abc123.js") << "console.log(1)";
  http::ServerOptions o;
  o.host = "127.0.0.1";
  o.port = 0;
  o.web_root = web_.string();
  o.upload_dir = (vault_root_ / "incoming").string();
  o.io_threads = 2;
  o.worker_threads = 2;
  server_ = std::make_unique<http::Server>(o, router_);
  ASSERT_TRUE(server_->Listen().has_value());
  port_ = server_->port();
  thread_ = std::thread([this] { server_->Run(); });
}

void ServerFixture::TearDown() {
  if (server_) server_->Stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
  std::filesystem::remove_all(web_);
  std::filesystem::remove_all(vault_root_);
}

std::string ServerFixture::Raw(const std::string& bytes) {
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

std::string ServerFixture::LastEmailTo(const std::string& to) {
  auto r = tdb_->db().Run<std::string>([&](store::Tx& tx) -> core::Result<std::string> {
    soci::rowset<soci::row> rows = (tx.sql().prepare << "SELECT body_text FROM outbox WHERE to_addr = :t "
                                                        "ORDER BY seq DESC LIMIT 1",
                                    soci::use(to));
    for (const auto& row : rows) return row.get<std::string>(0);
    return std::string();
  });
  return r.value_or("");
}

int ServerFixture::Count(const std::string& table) {
  return *tdb_->db().Run<int>([&](store::Tx& tx) -> core::Result<int> {
    int n = 0;
    tx.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return n;
  });
}

std::string ServerFixture::TokenFromEmail(const std::string& to) {
  std::string text = LastEmailTo(to);
  std::smatch m;
  if (std::regex_search(text, m, std::regex("token=([a-z2-7]+)"))) return m[1];
  ADD_FAILURE() << "no link in the last e-mail to " << to << ": " << text;
  return "";
}

std::string ServerFixture::MakeUser(const std::string& email, bool admin) {
  std::string id = adapters::NewId();
  std::string hash = adapters::HashPassword(kPassword);
  auto st = tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
    std::string now = core::FormatIso8601(clock_.Now());
    store::InsertUser(tx, {id, email, hash, "User " + email, now, !admin, admin, now});
    return {};
  });
  EXPECT_TRUE(st.has_value());
  return id;
}

void ServerFixture::AddMembership(const std::string& user_id, const std::string& institution_id,
                                  const std::string& role) {
  core::Role r;
  ASSERT_TRUE(core::ParseRole(role, &r));
  auto st = tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
    store::InsertMembership(tx, adapters::NewId(), user_id, institution_id, r, core::FormatIso8601(clock_.Now()));
    // Staff accounts are not applicant accounts (as with invitations).
    tx.sql() << "UPDATE users SET is_applicant = 0 WHERE id = :u", soci::use(user_id);
    return {};
  });
  ASSERT_TRUE(st.has_value());
}

std::string ServerFixture::MakeInstitution(const std::string& name) {
  std::string id = adapters::NewId();
  auto st = tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
    store::InsertInstitution(tx, {id, name, "Chicago", "IL", "US", "America/Chicago", "", core::FormatIso8601(clock_.Now())});
    return {};
  });
  EXPECT_TRUE(st.has_value());
  return id;
}

std::string ServerFixture::MakeOffering(const std::string& institution_id, const std::string& title, bool publish) {
  core::OfferingDraft d;
  d.title = title;
  d.specialty = "cardiology";
  d.type = "elective";
  d.city = "Chicago";
  d.state = "IL";
  d.country = "US";
  d.description = "Inpatient cardiology consults and clinic.";
  // No application fee: a due fee blocks submission (applications_rest_test covers fees).
  d.fees = {{"tuition", "all", 200000, ""}};
  services::Actor system{"system", ""};
  auto o = services::CreateOffering(*ctx_, system, institution_id, d);
  EXPECT_TRUE(o.has_value()) << (o ? "" : o.error().message);
  if (!o) return "";
  auto b = services::AddBlock(*ctx_, system, institution_id, o->offering.id,
                              {"2027-03-01", "2027-03-28", 2, "2026-12-01", "2027-01-31"});
  EXPECT_TRUE(b.has_value());
  if (publish) EXPECT_TRUE(services::SetOfferingStatus(*ctx_, system, institution_id, o->offering.id, "published"));
  return o->offering.id;
}

std::string ServerFixture::FirstBlock(const std::string& offering_id) {
  Json offering = NewClient().Get("/api/offerings/" + offering_id).json();
  if (!offering.contains("blocks") || offering["blocks"].empty()) {
    ADD_FAILURE() << "offering " << offering_id << " has no blocks";
    return "";
  }
  return offering["blocks"][0].value("id", "");
}

Client ServerFixture::Login(const std::string& email) {
  Client c = NewClient();
  c.Login(email, kPassword);
  return c;
}

Json ServerFixture::GraduateProfile(const std::string& legal_name, const std::string& country, const std::string& exam) {
  return {{"legal_name", legal_name},
          {"date_of_birth", "1996-04-02"},
          {"citizenship", country},
          {"country_of_residence", country},
          {"school",
           {{"name", "School of " + country}, {"country", country}, {"graduation_date", "2025-06-30"}, {"degree", "MD"}}},
          {"status", "graduate"},
          {"exams", {{{"exam", exam}, {"result", "pass"}, {"date", "2024-05-01"}}}}};
}

void ServerFixture::SaveProfile(Client& applicant, const Json& profile) {
  auto saved = applicant.Call("PUT", "/api/me/profile", Json{{"profile", profile}, {"version", 0}}.dump());
  EXPECT_EQ(saved.status, 200) << saved.body;
}

std::string ServerFixture::ApplyAndSubmit(Client& applicant, const std::string& offering_id,
                                          const std::string& block_id) {
  auto app = applicant.Post("/api/applications", {{"offering_id", offering_id}, {"block_ids", {block_id}}});
  EXPECT_EQ(app.status, 201) << app.body;
  std::string id = app.json().value("id", "");
  auto sub = applicant.Post("/api/applications/" + id + "/submit", Json::object());
  EXPECT_EQ(sub.status, 200) << sub.body;
  return id;
}

int ServerFixture::CountWhere(const std::string& table, const std::string& column, const std::string& value) {
  return *tdb_->db().Run<int>([&](store::Tx& tx) -> core::Result<int> {
    int n = 0;
    tx.sql() << "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :v", soci::use(value), soci::into(n);
    return n;
  });
}

void ExpectError(const Reply& r, long status, const std::string& code, const std::string& field) {
  EXPECT_EQ(r.status, status) << r.body;
  Json j;
  try {
    j = Json::parse(r.body);
  } catch (...) {
    ADD_FAILURE() << "error body is not JSON: " << r.body;
    return;
  }
  EXPECT_EQ(j["error"]["code"], code) << r.body;
  EXPECT_FALSE(j["error"].value("message", "").empty()) << r.body;
  if (!field.empty()) EXPECT_EQ(j["error"].value("field", ""), field) << r.body;
}

std::string BackendName(const ::testing::TestParamInfo<std::string>& info) {
  std::string n = info.param;
  for (auto& c : n) if (c == '-') c = '_';
  return n;
}

std::string RunCapture(const std::string& cmd, int* exit_code) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int rc = pclose(p);
  if (exit_code) *exit_code = rc;
  return out;
}

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::string PublishOffering(Client& coord, const std::string& institution_id, const Json& offering,
                            std::string* block_id) {
  std::string base = "/api/institutions/" + institution_id + "/offerings";
  auto created = coord.Post(base, offering);
  EXPECT_EQ(created.status, 201) << created.body;
  std::string id = created.json().value("id", "");
  auto b = coord.Post(base + "/" + id + "/blocks", {{"start_date", "2027-03-01"},
                                                    {"end_date", "2027-03-28"},
                                                    {"seats", 2},
                                                    {"opens_on", "2026-12-01"},
                                                    {"deadline", "2027-01-31"}});
  EXPECT_EQ(b.status, 201) << b.body;
  *block_id = b.json().value("id", "");
  EXPECT_EQ(coord.Post(base + "/" + id + "/status", {{"status", "published"}}).status, 200);
  return id;
}

}  // namespace clerkship::testing
