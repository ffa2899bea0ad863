// The outbox worker delivering to a real SMTP listener (started by the test
// script: CLERKSHIP_TEST_SMTP, messages land in CLERKSHIP_TEST_MAILDIR).
#include <soci/soci.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "adapters/mailer.h"
#include "integration/http_harness.h"
#include "services/mail_worker.h"
#include "store/outbox.h"

namespace clerkship::testing {
namespace {

using namespace std::chrono_literals;

class MailTest : public ServerFixture {
 protected:
  void SetUp() override {
    const char* smtp = std::getenv("CLERKSHIP_TEST_SMTP");
    const char* dir = std::getenv("CLERKSHIP_TEST_MAILDIR");
    if (!smtp || !dir) {
      const char* req = std::getenv("CLERKSHIP_REQUIRE_PG");
      if (req && std::string(req) == "1") FAIL() << "the test script must start the SMTP listener";
      GTEST_SKIP() << "no SMTP listener (CLERKSHIP_TEST_SMTP)";
    }
    smtp_ = smtp;
    maildir_ = dir;
    ServerFixture::SetUp();
  }

  // Messages in the listener's folder that contain `needle`.
  int Delivered(const std::string& needle) {
    int n = 0;
    for (const auto& f : std::filesystem::directory_iterator(maildir_)) {
      if (f.path().filename().string().starts_with(".")) continue;
      std::ifstream in(f.path());
      std::stringstream ss;
      ss << in.rdbuf();
      if (ss.str().find(needle) != std::string::npos) ++n;
    }
    return n;
  }

  std::string smtp_;
  std::string maildir_;
};

TEST_P(MailTest, RegistrationMailIsDeliveredOnceOverSmtp) {
  Client c = NewClient();
  c.Get("/api/session");
  std::string to = "smtp-" + std::to_string(::getpid()) + "-" + GetParam() + "@example.org";
  ASSERT_EQ(c.Post("/api/auth/register", {{"email", to}, {"password", kPassword}, {"display_name", "Amina"}}).status, 202);
  auto mailer = adapters::MakeSmtpMailer({smtp_, "", "", false});
  services::MailWorker worker(*ctx_, *mailer, "noreply@clerkship.test");
  EXPECT_EQ(worker.RunOnce(), 1);
  EXPECT_EQ(worker.RunOnce(), 0);  // never twice
  for (int i = 0; i < 50 && Delivered(to) == 0; ++i) std::this_thread::sleep_for(100ms);
  EXPECT_EQ(Delivered(to), 1);
  int sent = *tdb_->db().Run<int>([&](store::Tx& tx) -> core::Result<int> {
    int n = 0;
    tx.sql() << "SELECT COUNT(*) FROM outbox WHERE sent_at <> ''", soci::into(n);
    return n;
  });
  EXPECT_EQ(sent, 1);
}

TEST_P(MailTest, FailedDeliveryIsRetriedWithBackoff) {
  auto st = tdb_->db().Transact([&](store::Tx& tx) -> core::Status {
    store::EnqueueEmail(tx, {"m1", "bo@example.org", "Hi", "text", "<p>html</p>", 0}, core::FormatIso8601(clock_.Now()));
    return {};
  });
  ASSERT_TRUE(st.has_value());
  auto broken = adapters::MakeSmtpMailer({"smtp://127.0.0.1:1", "", "", false});
  services::MailWorker failing(*ctx_, *broken, "noreply@clerkship.test");
  EXPECT_EQ(failing.RunOnce(), 0);
  EXPECT_EQ(failing.RunOnce(), 0);  // not due again yet
  auto mailer = adapters::MakeSmtpMailer({smtp_, "", "", false});
  services::MailWorker working(*ctx_, *mailer, "noreply@clerkship.test");
  EXPECT_EQ(working.RunOnce(), 0);  // still backing off
  clock_.Advance(services::RetryDelay(1) + 1s);
  EXPECT_EQ(working.RunOnce(), 1);
  EXPECT_EQ(services::RetryDelay(1).count(), 30);
  EXPECT_EQ(services::RetryDelay(3).count(), 120);
}

INSTANTIATE_TEST_SUITE_P(Backends, MailTest, ::testing::ValuesIn(Backends()), BackendName);

}  // namespace
}  // namespace clerkship::testing
