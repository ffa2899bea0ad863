// A real server on a loopback port over a fresh test database, and an HTTP
// client (libcurl) that keeps cookies and echoes the CSRF token like the web app.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "adapters/system_clock.h"
#include "http/router.h"
#include "http/server.h"
#include "integration/test_env.h"
#include "services/context.h"

namespace clerkship::testing {

using Json = nlohmann::json;

struct Reply {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names, last value
  std::vector<std::string> set_cookies;
  Json json() const;
};

class Client {
 public:
  explicit Client(uint16_t port) : port_(port) {}
  Reply Call(const std::string& method, const std::string& path, const std::string& body = "",
             const std::vector<std::string>& extra_headers = {});
  Reply Get(const std::string& path) { return Call("GET", path); }
  Reply Post(const std::string& path, const Json& body) { return Call("POST", path, body.dump()); }
  // GET /api/session (sets the anonymous CSRF cookie), then log in; expects 200.
  Reply Login(const std::string& email, const std::string& password);
  std::string Cookie(const std::string& name) const;
  void SetCookie(const std::string& name, const std::string& value) { cookies_[name] = value; }
  void ClearCookies() { cookies_.clear(); }
  bool send_csrf = true;

 private:
  uint16_t port_;
  std::map<std::string, std::string> cookies_;
};

// Server + database + fake clock, on the backend of the test parameter.
class ServerFixture : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  void TearDown() override;
  Client NewClient() { return Client(port_); }
  // Sends raw bytes on a fresh connection; returns whatever comes back.
  std::string Raw(const std::string& bytes);
  // The newest outbox e-mail to `to` (text body), or "".
  std::string LastEmailTo(const std::string& to);
  // The token=… value of the first link in the newest e-mail to `to`.
  std::string TokenFromEmail(const std::string& to);
  int Count(const std::string& table);
  // Creates a verified user (applicant or admin) directly; returns its id.
  std::string MakeUser(const std::string& email, bool admin);
  // Adds a membership directly.
  void AddMembership(const std::string& user_id, const std::string& institution_id, const std::string& role);
  std::string MakeInstitution(const std::string& name);
  // A valid offering with one block (2027-03-01 … 2027-03-28, 2 seats), published unless told.
  std::string MakeOffering(const std::string& institution_id, const std::string& title, bool publish = true);
  // The id of an offering's first block (read through the public catalog).
  std::string FirstBlock(const std::string& offering_id);
  // A new client logged in as `email` (a user made with MakeUser, password kPassword).
  Client Login(const std::string& email);
  // A complete graduate's profile that meets MakeOffering's eligibility rules.
  static Json GraduateProfile(const std::string& legal_name, const std::string& country = "BR",
                              const std::string& exam = "usmle_step1");
  // Saves `profile` as the first version of the logged-in applicant's profile; expects 200.
  static void SaveProfile(Client& applicant, const Json& profile);
  // Starts an application for one block and submits it; expects 201 and 200; returns its id.
  static std::string ApplyAndSubmit(Client& applicant, const std::string& offering_id, const std::string& block_id);
  // COUNT(*) of a table's rows where `column` = `value`.
  int CountWhere(const std::string& table, const std::string& column, const std::string& value);

  static constexpr const char* kPassword = "correct-mule-7-staple";
  std::unique_ptr<TestDatabase> tdb_;
  adapters::FakeClock clock_{core::TimePoint(std::chrono::seconds(1800000000))};
  std::unique_ptr<services::Context> ctx_;
  http::Router router_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  std::filesystem::path web_;
  std::filesystem::path vault_root_;  // the encrypted file store (blobs/, tmp/) and incoming/
  static constexpr uint64_t kMaxUpload = 2 * 1024 * 1024;
  uint16_t port_ = 0;
};

void ExpectError(const Reply& r, long status, const std::string& code, const std::string& field = "");

// Runs a shell command; returns its standard output (and its wait status in `exit_code`).
std::string RunCapture(const std::string& cmd, int* exit_code = nullptr);
// The whole file's bytes ("" if it cannot be read).
std::string Slurp(const std::filesystem::path& path);
// As the coordinator on `coord`: creates `offering` at `institution_id` through the API, opens the
// standard block (2027-03-01 … 2027-03-28, 2 seats, applications 2026-12-01 … 2027-01-31) and
// publishes it; returns the offering id and sets `*block_id`.
std::string PublishOffering(Client& coord, const std::string& institution_id, const Json& offering,
                            std::string* block_id);

std::string BackendName(const ::testing::TestParamInfo<std::string>& info);

}  // namespace clerkship::testing
