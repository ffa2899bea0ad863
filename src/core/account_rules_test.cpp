#include "core/account_rules.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

TEST(CheckPassword, EnforcesPolicyAndNamesTheField) {
  EXPECT_TRUE(CheckPassword("password", "correct-mule-7-staple").has_value());
  EXPECT_TRUE(CheckPassword("password", "Ünïcødé-paßwörd").has_value());
  auto short_pw = CheckPassword("new_password", "short-pw-11");
  ASSERT_FALSE(short_pw.has_value());
  EXPECT_EQ(short_pw.error().field, "new_password");
  EXPECT_FALSE(CheckPassword("password", "Password1234").has_value());  // common, any case
  EXPECT_FALSE(CheckPassword("password", "aaaaaaaaaaaaaaa").has_value());
  EXPECT_FALSE(CheckPassword("password", std::string(129, 'x') + "y").has_value());
  EXPECT_FALSE(CheckPassword("password", "abcdefghijk\xFF").has_value());
}

TEST(NormaliseEmail, LowercasesAndValidates) {
  EXPECT_EQ(NormaliseEmail("email", "  Amina.Khan@Example.ORG ").value(), "amina.khan@example.org");
  EXPECT_EQ(NormaliseEmail("email", "not-an-email").error().field, "email");
  EXPECT_FALSE(NormaliseEmail("email", "").has_value());
}

TEST(NormaliseDisplayName, AcceptsAnyScript) {
  EXPECT_EQ(NormaliseDisplayName("display_name", " 李 明 ").value(), "李 明");
  EXPECT_FALSE(NormaliseDisplayName("display_name", "").has_value());
  EXPECT_FALSE(NormaliseDisplayName("display_name", "a\tb").has_value());
}

TEST(LockAfterFailures, GrowsExponentiallyWithACap) {
  EXPECT_EQ(LockAfterFailures(4).count(), 0);
  EXPECT_EQ(LockAfterFailures(5).count(), 1);
  EXPECT_EQ(LockAfterFailures(6).count(), 2);
  EXPECT_EQ(LockAfterFailures(9).count(), 16);
  EXPECT_EQ(LockAfterFailures(40).count(), 900);
}

}  // namespace
}  // namespace clerkship::core
