#include "adapters/crypto.h"

#include <gtest/gtest.h>

#include "adapters/mailer.h"
#include "adapters/random.h"

namespace clerkship::adapters {
namespace {

TEST(Password, Argon2idRoundTrip) {
  ASSERT_TRUE(InitCrypto());
  SetHashCost(HashCost::kTest);
  auto h = HashPassword("correct-mule-7-staple");
  EXPECT_TRUE(h.starts_with("$argon2id$")) << h;
  EXPECT_TRUE(VerifyPassword(h, "correct-mule-7-staple"));
  EXPECT_FALSE(VerifyPassword(h, "correct-mule-7-stapl"));
  EXPECT_FALSE(VerifyPassword("", "x"));
  EXPECT_FALSE(VerifyPassword("$argon2id$garbage", "x"));
  EXPECT_NE(HashPassword("correct-mule-7-staple"), h);  // salted
}

TEST(Password, ProductionCostIsInteractiveArgon2id) {
  SetHashCost(HashCost::kInteractive);
  auto h = HashPassword("correct-mule-7-staple");
  EXPECT_NE(h.find("m=65536"), std::string::npos) << h;
  SetHashCost(HashCost::kTest);
}

TEST(Token, HashIsHexSha256) {
  EXPECT_EQ(HashToken("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(SafeEquals("abc", "abc"));
  EXPECT_FALSE(SafeEquals("abc", "abd"));
  EXPECT_FALSE(SafeEquals("abc", "ab"));
}

TEST(Mime, EncodesUnicodeSubjectsAndBothBodies) {
  auto m = RenderMime({"id1", "noreply@example.org", "amina@example.org", "Bienvenue — 欢迎",
                       "plain", "<p>html</p>"},
                      "Fri, 27 Nov 2026 16:00:00 +0000");
  EXPECT_NE(m.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(m.find("text/plain; charset=utf-8"), std::string::npos);
  EXPECT_NE(m.find("text/html; charset=utf-8"), std::string::npos);
  EXPECT_NE(m.find("Message-ID: <id1@clerkship>"), std::string::npos);
  EXPECT_EQ(m.find("multipart/mixed"), std::string::npos);  // no attachment, no wrapper
}

TEST(Mime, AttachmentMakesMultipartMixedAroundTheBodies) {
  auto m = RenderMime({"id2", "noreply@example.org", "ana@example.org", "Interview", "plain", "<p>html</p>",
                       "interview.ics", "text/calendar; method=REQUEST", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"},
                      "Fri, 27 Nov 2026 16:00:00 +0000");
  auto mixed = m.find("Content-Type: multipart/mixed; boundary=\"clerkship-mixed-id2\"");
  auto alternative = m.find("Content-Type: multipart/alternative");
  auto calendar = m.find("Content-Type: text/calendar; method=REQUEST; charset=utf-8; name=\"interview.ics\"");
  ASSERT_NE(mixed, std::string::npos) << m;
  ASSERT_NE(alternative, std::string::npos);
  ASSERT_NE(calendar, std::string::npos);
  EXPECT_LT(mixed, alternative);
  EXPECT_LT(alternative, calendar);
  EXPECT_NE(m.find("Content-Disposition: attachment; filename=\"interview.ics\""), std::string::npos);
  EXPECT_NE(m.find("QkVHSU46VkNBTEVOREFSDQpFTkQ6VkNBTEVOREFSDQo="), std::string::npos);  // base64 of the body
  EXPECT_NE(m.rfind("--clerkship-mixed-id2--\r\n"), std::string::npos);
}

}  // namespace
}  // namespace clerkship::adapters
