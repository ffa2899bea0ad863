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
}

}  // namespace
}  // namespace clerkship::adapters
