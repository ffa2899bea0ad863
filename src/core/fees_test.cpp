#include "core/fees.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

TEST(FeesTest, ApplicationFeeCountsOnlyApplicationFeesOfTheCategory) {
  std::vector<Fee> fees = {{"application", "all", 5000, ""},
                           {"application", "graduate", 2500, "IMG processing"},
                           {"application", "student", 1000, ""},
                           {"tuition", "all", 300000, ""},
                           {"deposit", "graduate", 50000, ""}};
  EXPECT_EQ(ApplicationFeeCents(fees, "graduate"), 7500);
  EXPECT_EQ(ApplicationFeeCents(fees, "student"), 6000);
  EXPECT_EQ(ApplicationFeeCents(fees, ""), 5000);
  EXPECT_EQ(ApplicationFeeCents({{"tuition", "all", 100, ""}}, "student"), 0);
}

TEST(FeesTest, FormatMoneyWritesTwoDecimals) {
  EXPECT_EQ(FormatMoney(5000, "USD"), "USD 50.00");
  EXPECT_EQ(FormatMoney(7505, "EUR"), "EUR 75.05");
  EXPECT_EQ(FormatMoney(9, "GBP"), "GBP 0.09");
  EXPECT_EQ(FormatMoney(-150, "USD"), "USD -1.50");
}

TEST(FeesTest, TransitionsFollowTheTable) {
  EXPECT_EQ(FeeTransition("due", "record").value(), "recorded");
  EXPECT_EQ(FeeTransition("recorded", "record").value(), "recorded");  // a corrected reference
  EXPECT_EQ(FeeTransition("recorded", "confirm").value(), "confirmed");
  EXPECT_EQ(FeeTransition("due", "waive").value(), "waived");
  EXPECT_EQ(FeeTransition("recorded", "waive").value(), "waived");
  EXPECT_EQ(FeeTransition("recorded", "refund").value(), "refunded");
  EXPECT_EQ(FeeTransition("confirmed", "refund").value(), "refunded");
  for (auto [from, action] : std::vector<std::pair<std::string, std::string>>{
           {"due", "confirm"}, {"due", "refund"}, {"confirmed", "record"}, {"confirmed", "waive"},
           {"waived", "record"}, {"waived", "refund"}, {"refunded", "confirm"}, {"refunded", "record"}}) {
    auto r = FeeTransition(from, action);
    ASSERT_FALSE(r) << from << " " << action;
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  }
  auto bad = FeeTransition("due", "pay");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "action");
  EXPECT_TRUE(FeeBlocksSubmit("due"));
  EXPECT_FALSE(FeeBlocksSubmit("recorded"));
  EXPECT_FALSE(FeeBlocksSubmit("waived"));
}

TEST(FeesTest, PaymentNeedsAKnownMethodAndAReference) {
  auto ok = ValidateFeePayment({"card", "  TX-4471  "});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->reference, "TX-4471");
  EXPECT_EQ(ValidateFeePayment({"bitcoin", "x"}).error().field, "method");
  EXPECT_EQ(ValidateFeePayment({"card", "   "}).error().field, "reference");
  EXPECT_EQ(ValidateFeePayment({"card", std::string(201, 'x')}).error().field, "reference");
}

}  // namespace
}  // namespace clerkship::core
