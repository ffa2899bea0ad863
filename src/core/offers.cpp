#include "core/offers.h"

namespace clerkship::core {

Status ValidateOfferExpiryDays(int days, const std::string& field) {
  if (days < kMinOfferExpiryDays || days > kMaxOfferExpiryDays) {
    return InvalidArgument(field, "an offer stays open from 1 to 60 days");
  }
  return {};
}

Status ValidateWaitlistPromotion(const std::string& mode) {
  if (mode != "auto" && mode != "notify") {
    return InvalidArgument("waitlist_promotion", "waitlist_promotion is auto or notify");
  }
  return {};
}

bool DatesOverlap(const std::string& a_start, const std::string& a_end, const std::string& b_start,
                  const std::string& b_end) {
  // ISO dates compare as text.
  return a_start <= b_end && b_start <= a_end;
}

Status CheckOfferAcceptable(const std::string& s) {
  if (s == "pending") return {};
  if (s == "accepted") return Conflict("you have already accepted this offer");
  if (s == "declined") return Conflict("this offer was declined");
  if (s == "expired") return Conflict("this offer has expired");
  if (s == "rescinded") return Conflict("the program rescinded this offer");
  if (s == "lapsed") return Conflict("no seat left: the block filled before you accepted");
  return Conflict("this offer cannot be accepted");
}

}  // namespace clerkship::core
