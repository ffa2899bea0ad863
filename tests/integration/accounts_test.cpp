// Accounts and the security baseline through the real HTTP API, on both backends.
#include <soci/soci.h>

#include <algorithm>
#include <sstream>

#include "integration/http_harness.h"

namespace clerkship::testing {
namespace {

using namespace std::chrono_literals;

class AccountsTest : public ServerFixture {
 protected:
  Reply Register(Client& c, const std::string& email, const std::string& password = kPassword) {
    c.Get("/api/session");
    return c.Post("/api/auth/register", {{"email", email}, {"password", password}, {"display_name", "Amina Khan"}});
  }
  // Registers, follows the e-mailed link, logs in.
  Client RegisteredAndLoggedIn(const std::string& email) {
    Client c = NewClient();
    EXPECT_EQ(Register(c, email).status, 202);
    EXPECT_EQ(c.Post("/api/auth/verify-email", {{"token", TokenFromEmail(email)}}).status, 200);
    c.Login(email, kPassword);
    return c;
  }
};

TEST_P(AccountsTest, RegisterVerifyLoginLogout) {
  Client c = NewClient();
  auto r = Register(c, "Amina.Khan@Example.org");
  EXPECT_EQ(r.status, 202);
  EXPECT_EQ(r.json()["status"], "check_email");
  // Not verified yet: a correct password gets a clear 403 and a new link.
  c.Get("/api/session");
  ExpectError(c.Post("/api/auth/login", {{"email", "amina.khan@example.org"}, {"password", kPassword}}),
              403, "forbidden", "email");
  std::string token = TokenFromEmail("amina.khan@example.org");
  EXPECT_EQ(c.Post("/api/auth/verify-email", {{"token", token}}).status, 200);
  ExpectError(c.Post("/api/auth/verify-email", {{"token", token}}), 400, "invalid_argument", "token");

  auto login = c.Login("amina.khan@example.org", kPassword);
  EXPECT_EQ(login.json()["user"]["email"], "amina.khan@example.org");
  EXPECT_TRUE(login.json()["user"]["is_applicant"].get<bool>());
  bool http_only = false;
  for (const auto& sc : login.set_cookies) {
    if (sc.starts_with("clerkship_session=")) {
      http_only = sc.find("HttpOnly") != std::string::npos && sc.find("SameSite=Lax") != std::string::npos;
    }
  }
  EXPECT_TRUE(http_only);
  EXPECT_EQ(c.Get("/api/session").json()["user"]["display_name"], "Amina Khan");

  std::string old_session = c.Cookie("clerkship_session");
  std::string old_csrf = c.Cookie("clerkship_csrf");
  EXPECT_EQ(c.Post("/api/auth/logout", Json::object()).status, 204);
  EXPECT_TRUE(c.Get("/api/session").json()["user"].is_null());
  // Replaying the old cookie after logout gets nothing.
  Client replay = NewClient();
  replay.SetCookie("clerkship_session", old_session);
  replay.SetCookie("clerkship_csrf", old_csrf);
  EXPECT_TRUE(replay.Get("/api/session").json()["user"].is_null());
  ExpectError(replay.Post("/api/auth/logout-all", Json::object()), 401, "unauthenticated");
}

TEST_P(AccountsTest, NoEnumerationThroughRegisterResetOrLogin) {
  MakeUser("taken@example.org", false);
  Client c = NewClient();
  auto fresh = Register(c, "fresh@example.org");
  auto taken = Register(c, "taken@example.org");
  EXPECT_EQ(fresh.status, taken.status);
  EXPECT_EQ(fresh.body, taken.body);
  EXPECT_NE(LastEmailTo("taken@example.org").find("already have one"), std::string::npos);
  EXPECT_EQ(Count("users"), 2);

  auto reset_known = c.Post("/api/auth/password-reset", {{"email", "taken@example.org"}});
  auto reset_unknown = c.Post("/api/auth/password-reset", {{"email", "nobody@example.org"}});
  EXPECT_EQ(reset_known.status, 202);
  EXPECT_EQ(reset_known.body, reset_unknown.body);

  auto wrong_pw = c.Post("/api/auth/login", {{"email", "taken@example.org"}, {"password", "not-the-password"}});
  auto unknown = c.Post("/api/auth/login", {{"email", "nobody@example.org"}, {"password", "not-the-password"}});
  ExpectError(wrong_pw, 401, "unauthenticated");
  EXPECT_EQ(wrong_pw.body, unknown.body);
}

TEST_P(AccountsTest, BadInputNamesTheFieldAndWritesNothing) {
  Client c = NewClient();
  c.Get("/api/session");
  ExpectError(c.Post("/api/auth/register", {{"email", "not-an-email"}, {"password", kPassword}, {"display_name", "A"}}),
              400, "invalid_argument", "email");
  ExpectError(c.Post("/api/auth/register", {{"email", "a@example.org"}, {"password", "short"}, {"display_name", "A"}}),
              400, "invalid_argument", "password");
  ExpectError(c.Post("/api/auth/register", {{"email", "a@example.org"}, {"password", "password12345"}, {"display_name", "A"}}),
              400, "invalid_argument", "password");
  ExpectError(c.Post("/api/auth/register", {{"email", "a@example.org"}, {"password", kPassword}}),
              400, "invalid_argument", "display_name");
  ExpectError(c.Post("/api/auth/verify-email", {{"token", "forged-token"}}), 400, "invalid_argument", "token");
  ExpectError(c.Post("/api/auth/password-reset/confirm", {{"token", std::string(52, 'a')}, {"password", kPassword}}),
              400, "invalid_argument", "token");
  EXPECT_EQ(Count("users"), 0);
  EXPECT_EQ(Count("outbox"), 0);
}

TEST_P(AccountsTest, CsrfIsRequiredOnEveryStateChange) {
  Client c = RegisteredAndLoggedIn("amina@example.org");
  c.send_csrf = false;
  ExpectError(c.Post("/api/auth/logout-all", Json::object()), 403, "forbidden");
  ExpectError(c.Call("POST", "/api/auth/logout-all", "{}", {"X-CSRF-Token: " + std::string(52, 'a')}), 403, "forbidden");
  c.send_csrf = true;
  ExpectError(c.Call("POST", "/api/auth/logout-all", "{}", {"Origin: https://evil.example"}), 403, "forbidden");
  // Anonymous requests need the double-submit cookie too.
  Client anon = NewClient();
  ExpectError(anon.Post("/api/auth/login", {{"email", "amina@example.org"}, {"password", kPassword}}), 403, "forbidden");
  EXPECT_FALSE(c.Get("/api/session").json()["user"].is_null());  // nothing happened
}

TEST_P(AccountsTest, LoginIsThrottledPerAccountWithExponentialDelay) {
  MakeUser("amina@example.org", false);
  Client c = NewClient();
  c.Get("/api/session");
  for (int i = 0; i < 5; ++i) {
    ExpectError(c.Post("/api/auth/login", {{"email", "amina@example.org"}, {"password", "wrong-password-x"}}), 401,
                "unauthenticated");
  }
  auto locked = c.Post("/api/auth/login", {{"email", "amina@example.org"}, {"password", kPassword}});
  ExpectError(locked, 429, "too_many_requests");
  EXPECT_EQ(locked.headers["retry-after"], "1");
  clock_.Advance(2s);
  EXPECT_EQ(c.Post("/api/auth/login", {{"email", "amina@example.org"}, {"password", kPassword}}).status, 200);
}

TEST_P(AccountsTest, LoginIsThrottledPerIpAcrossAccounts) {
  Client c = NewClient();
  c.Get("/api/session");
  for (int i = 0; i < 5; ++i) {
    c.Post("/api/auth/login", {{"email", "user" + std::to_string(i) + "@example.org"}, {"password", "wrong-password-x"}});
  }
  MakeUser("other@example.org", false);
  ExpectError(c.Post("/api/auth/login", {{"email", "other@example.org"}, {"password", kPassword}}), 429,
              "too_many_requests");
}

TEST_P(AccountsTest, PasswordResetRevokesEverySessionAndTokenIsSingleUse) {
  Client c = RegisteredAndLoggedIn("amina@example.org");
  Client other = NewClient();
  other.Login("amina@example.org", kPassword);
  Client anon = NewClient();
  anon.Get("/api/session");
  EXPECT_EQ(anon.Post("/api/auth/password-reset", {{"email", "amina@example.org"}}).status, 202);
  std::string token = TokenFromEmail("amina@example.org");
  auto done = anon.Post("/api/auth/password-reset/confirm", {{"token", token}, {"password", "a-brand-new-secret"}});
  EXPECT_EQ(done.status, 200) << done.body;
  EXPECT_TRUE(c.Get("/api/session").json()["user"].is_null());
  EXPECT_TRUE(other.Get("/api/session").json()["user"].is_null());
  ExpectError(anon.Post("/api/auth/password-reset/confirm", {{"token", token}, {"password", "another-new-secret"}}),
              400, "invalid_argument", "token");
  ExpectError(anon.Post("/api/auth/login", {{"email", "amina@example.org"}, {"password", kPassword}}), 401,
              "unauthenticated");
  EXPECT_EQ(anon.Post("/api/auth/login", {{"email", "amina@example.org"}, {"password", "a-brand-new-secret"}}).status, 200);
}

TEST_P(AccountsTest, LinksExpire) {
  Client c = NewClient();
  Register(c, "amina@example.org");
  std::string token = TokenFromEmail("amina@example.org");
  clock_.Advance(49h);
  ExpectError(c.Post("/api/auth/verify-email", {{"token", token}}), 400, "invalid_argument", "token");
  MakeUser("bo@example.org", false);
  c.Post("/api/auth/password-reset", {{"email", "bo@example.org"}});
  std::string reset = TokenFromEmail("bo@example.org");
  clock_.Advance(61min);
  ExpectError(c.Post("/api/auth/password-reset/confirm", {{"token", reset}, {"password", "a-brand-new-secret"}}),
              400, "invalid_argument", "token");
}

TEST_P(AccountsTest, SessionsExpireWhenIdleAndRotateOnLogin) {
  Client c = RegisteredAndLoggedIn("amina@example.org");
  std::string first = c.Cookie("clerkship_session");
  c.Login("amina@example.org", kPassword);
  EXPECT_NE(c.Cookie("clerkship_session"), first);
  Client old = NewClient();
  old.SetCookie("clerkship_session", first);
  EXPECT_TRUE(old.Get("/api/session").json()["user"].is_null());  // rotated away
  clock_.Advance(11h);
  EXPECT_FALSE(c.Get("/api/session").json()["user"].is_null());
  clock_.Advance(11h);  // 11 h since the last request: still within the idle limit
  EXPECT_FALSE(c.Get("/api/session").json()["user"].is_null());
  clock_.Advance(13h);
  EXPECT_TRUE(c.Get("/api/session").json()["user"].is_null());
}

TEST_P(AccountsTest, SessionsHaveAnAbsoluteLifetime) {
  Client c = RegisteredAndLoggedIn("amina@example.org");
  for (int i = 0; i < 32; ++i) {
    clock_.Advance(11h);
    c.Get("/api/session");
  }
  EXPECT_TRUE(c.Get("/api/session").json()["user"].is_null());  // 32 × 11 h > 14 days
}

TEST_P(AccountsTest, ChangePasswordAndEmail) {
  Client c = RegisteredAndLoggedIn("amina@example.org");
  Client other = NewClient();
  other.Login("amina@example.org", kPassword);
  ExpectError(c.Post("/api/account/password", {{"current_password", "wrong-password-x"}, {"new_password", "a-brand-new-secret"}}),
              400, "invalid_argument", "current_password");
  ExpectError(c.Post("/api/account/password", {{"current_password", kPassword}, {"new_password", "short"}}),
              400, "invalid_argument", "new_password");
  auto changed = c.Post("/api/account/password", {{"current_password", kPassword}, {"new_password", "a-brand-new-secret"}});
  EXPECT_EQ(changed.status, 200) << changed.body;
  EXPECT_FALSE(c.Get("/api/session").json()["user"].is_null());     // this browser keeps a fresh session
  EXPECT_TRUE(other.Get("/api/session").json()["user"].is_null());  // the other is logged out

  ExpectError(c.Post("/api/account/email", {{"password", "wrong-password-x"}, {"new_email", "new@example.org"}}),
              400, "invalid_argument", "password");
  EXPECT_EQ(c.Post("/api/account/email", {{"password", "a-brand-new-secret"}, {"new_email", "New@Example.org"}}).status, 202);
  EXPECT_EQ(c.Post("/api/auth/verify-email", {{"token", TokenFromEmail("new@example.org")}}).status, 200);
  EXPECT_EQ(c.Get("/api/session").json()["user"]["email"], "new@example.org");
}

TEST_P(AccountsTest, InvitationsMembershipsAndRemoval) {
  std::string inst = MakeInstitution("Lakeshore");
  MakeUser("admin@example.org", true);
  Client admin = NewClient();
  admin.Login("admin@example.org", kPassword);
  auto inv = admin.Post("/api/institutions/" + inst + "/invitations", {{"email", "Grace@Example.org"}, {"role", "coordinator"}});
  ASSERT_EQ(inv.status, 201) << inv.body;
  ExpectError(admin.Post("/api/institutions/" + inst + "/invitations", {{"email", "x@example.org"}, {"role", "owner"}}),
              400, "invalid_argument", "role");
  std::string token = TokenFromEmail("grace@example.org");
  Client grace = NewClient();
  auto info = grace.Get("/api/invitations/" + token);
  EXPECT_EQ(info.json()["institution_name"], "Lakeshore");
  EXPECT_EQ(info.json()["role"], "coordinator");
  EXPECT_FALSE(info.json()["has_account"].get<bool>());
  grace.Get("/api/session");
  ExpectError(grace.Post("/api/invitations/accept", {{"token", token}, {"password", "short"}, {"display_name", "Grace"}}),
              400, "invalid_argument", "password");
  auto accepted = grace.Post("/api/invitations/accept", {{"token", token}, {"password", kPassword}, {"display_name", "Grace Okafor"}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json()["user"]["memberships"][0]["role"], "coordinator");
  ExpectError(grace.Post("/api/invitations/accept", {{"token", token}, {"password", kPassword}, {"display_name", "G"}}),
              400, "invalid_argument", "token");

  // The coordinator invites a reviewer, who already has an applicant account.
  Client rahul = RegisteredAndLoggedIn("rahul@example.org");
  ASSERT_EQ(grace.Post("/api/institutions/" + inst + "/invitations", {{"email", "rahul@example.org"}, {"role", "reviewer"}}).status, 201);
  std::string rtoken = TokenFromEmail("rahul@example.org");
  EXPECT_TRUE(rahul.Get("/api/invitations/" + rtoken).json()["has_account"].get<bool>());
  ExpectError(rahul.Post("/api/invitations/accept", {{"token", rtoken}, {"password", "wrong-password-x"}}), 400,
              "invalid_argument", "password");
  std::string before = rahul.Cookie("clerkship_session");
  ASSERT_EQ(rahul.Post("/api/invitations/accept", {{"token", rtoken}, {"password", kPassword}}).status, 200);
  EXPECT_NE(rahul.Cookie("clerkship_session"), before);  // rotated on privilege change
  auto staff = rahul.Get("/api/institutions/" + inst + "/staff");
  ASSERT_EQ(staff.status, 200);
  ASSERT_EQ(staff.json()["items"].size(), 2u);
  // A reviewer cannot invite or remove.
  ExpectError(rahul.Post("/api/institutions/" + inst + "/invitations", {{"email", "x@example.org"}, {"role", "reviewer"}}),
              403, "forbidden");
  std::string rahul_membership, grace_membership;
  Json staff_items = staff.json()["items"];
  for (const auto& s : staff_items) {
    (s["email"] == "rahul@example.org" ? rahul_membership : grace_membership) = s["membership_id"];
  }
  ExpectError(grace.Call("DELETE", "/api/institutions/" + inst + "/staff/" + grace_membership), 409, "conflict");
  EXPECT_EQ(grace.Call("DELETE", "/api/institutions/" + inst + "/staff/" + rahul_membership).status, 204);
  // Removal takes effect at once: the reviewer's sessions end.
  EXPECT_TRUE(rahul.Get("/api/session").json()["user"].is_null());
  EXPECT_EQ(grace.Get("/api/institutions/" + inst + "/staff").json()["items"].size(), 1u);
}

TEST_P(AccountsTest, AuditLogRecordsChangesAndIsScoped) {
  std::string a = MakeInstitution("Hospital A");
  std::string b = MakeInstitution("Hospital B");
  std::string coord_a = MakeUser("coord-a@example.org", false);
  AddMembership(coord_a, a, "coordinator");
  MakeUser("admin@example.org", true);
  Client admin = NewClient();
  admin.Login("admin@example.org", kPassword);
  admin.Post("/api/institutions/" + a + "/invitations", {{"email", "r1@example.org"}, {"role", "reviewer"}});
  admin.Post("/api/institutions/" + b + "/invitations", {{"email", "r2@example.org"}, {"role", "reviewer"}});
  auto all = admin.Get("/api/audit");
  ASSERT_EQ(all.status, 200);
  bool saw_login = false, saw_invite = false;
  Json all_items = all.json()["items"];
  for (const auto& e : all_items) {
    saw_login |= e["action"] == "user.login";
    saw_invite |= e["action"] == "staff.invite" && e["institution_id"] == b && e["actor_ip"] == "127.0.0.1";
  }
  EXPECT_TRUE(saw_login);
  EXPECT_TRUE(saw_invite);

  Client ca = NewClient();
  ca.Login("coord-a@example.org", kPassword);
  auto mine = ca.Get("/api/audit");
  ASSERT_EQ(mine.status, 200);
  Json my_items = mine.json()["items"];
  ASSERT_FALSE(my_items.empty());
  for (const auto& e : my_items) EXPECT_EQ(e["institution_id"], a);
  ExpectError(ca.Get("/api/audit?institution_id=" + b), 403, "forbidden");
  ExpectError(ca.Get("/api/audit?limit=100000"), 400, "invalid_argument", "limit");
  Client applicant = RegisteredAndLoggedIn("amina@example.org");
  ExpectError(applicant.Get("/api/audit"), 403, "forbidden");
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

namespace clerkship::testing {
namespace {

class PasswordLogTest : public AccountsTest {};

// Whatever the server logs while people register, log in, fail to log in and
// reset passwords, no password appears in it.
TEST_P(PasswordLogTest, PasswordsAreNeverLogged) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  spdlog::default_logger()->sinks().push_back(sink);
  struct Detach {  // the sink must go before `captured` does, even on failure
    std::shared_ptr<spdlog::sinks::ostream_sink_mt> sink;
    ~Detach() {
      auto& sinks = spdlog::default_logger()->sinks();
      sinks.erase(std::remove(sinks.begin(), sinks.end(), sink), sinks.end());
    }
  } detach{sink};
  const std::string canary = "canary-Secret-4921-xyzzy";
  Client c = NewClient();
  Register(c, "canary@example.org", canary);
  c.Post("/api/auth/verify-email", {{"token", TokenFromEmail("canary@example.org")}});
  c.Post("/api/auth/login", {{"email", "canary@example.org"}, {"password", canary + "-wrong"}});
  c.Login("canary@example.org", canary);
  c.Post("/api/account/password", {{"current_password", canary}, {"new_password", canary + "-new"}});
  c.Post("/api/auth/register", {{"email", "x@example.org"}, {"password", "short"}, {"display_name", canary}});
  c.Post("/api/auth/password-reset", {{"email", "canary@example.org"}});
  c.Post("/api/auth/password-reset/confirm", {{"token", TokenFromEmail("canary@example.org")}, {"password", canary + "-reset"}});
  spdlog::default_logger()->flush();
  std::string log = captured.str();
  EXPECT_NE(log.find("POST /api/auth/login"), std::string::npos) << "the capture did not work";
  EXPECT_EQ(log.find("canary-Secret"), std::string::npos) << log;
}

INSTANTIATE_TEST_SUITE_P(Backends, PasswordLogTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
