#include "core/offers.h"

#include <gtest/gtest.h>

namespace clerkship::core {
namespace {

TEST(Offers, ExpiryDaysAreOneToSixty) {
  EXPECT_TRUE(ValidateOfferExpiryDays(1, "expiry_days").has_value());
  EXPECT_TRUE(ValidateOfferExpiryDays(60, "expiry_days").has_value());
  auto zero = ValidateOfferExpiryDays(0, "expiry_days");
  ASSERT_FALSE(zero.has_value());
  EXPECT_EQ(zero.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(zero.error().field, "expiry_days");
  EXPECT_FALSE(ValidateOfferExpiryDays(61, "expiry_days").has_value());
}

TEST(Offers, WaitlistPromotionIsAutoOrNotify) {
  EXPECT_TRUE(ValidateWaitlistPromotion("auto").has_value());
  EXPECT_TRUE(ValidateWaitlistPromotion("notify").has_value());
  EXPECT_FALSE(ValidateWaitlistPromotion("Auto").has_value());
  EXPECT_FALSE(ValidateWaitlistPromotion("").has_value());
}

TEST(Offers, DatesOverlapIncludesSharedEndDays) {
  EXPECT_TRUE(DatesOverlap("2027-03-01", "2027-03-28", "2027-03-28", "2027-04-25"));  // one shared day
  EXPECT_TRUE(DatesOverlap("2027-03-01", "2027-03-28", "2027-03-10", "2027-03-12"));  // inside
  EXPECT_TRUE(DatesOverlap("2027-03-10", "2027-03-12", "2027-03-01", "2027-03-28"));
  EXPECT_FALSE(DatesOverlap("2027-03-01", "2027-03-28", "2027-03-29", "2027-04-25"));  // back to back
  EXPECT_FALSE(DatesOverlap("2027-04-01", "2027-04-28", "2027-03-01", "2027-03-28"));
}

TEST(Offers, OnlyPendingOffersCanBeAccepted) {
  EXPECT_TRUE(CheckOfferAcceptable("pending").has_value());
  for (const char* s : {"accepted", "declined", "expired", "rescinded", "lapsed"}) {
    auto r = CheckOfferAcceptable(s);
    ASSERT_FALSE(r.has_value()) << s;
    EXPECT_EQ(r.error().code, ErrorCode::kConflict) << s;
  }
  EXPECT_NE(CheckOfferAcceptable("expired").error().message.find("expired"), std::string::npos);
  EXPECT_NE(CheckOfferAcceptable("lapsed").error().message.find("no seat left"), std::string::npos);
}

}  // namespace
}  // namespace clerkship::core
