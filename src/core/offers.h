// Pure rules of offers (issue 7): expiry settings, date overlap between
// rotations, and the offer's status words. No I/O; thread-safe.
#pragma once

#include <string>

#include "core/result.h"

namespace clerkship::core {

constexpr int kDefaultOfferExpiryDays = 7;
constexpr int kMinOfferExpiryDays = 1;
constexpr int kMaxOfferExpiryDays = 60;

// kInvalidArgument (field `field`) unless 1 <= days <= 60.
Status ValidateOfferExpiryDays(int days, const std::string& field);
// kInvalidArgument (field "waitlist_promotion") unless "auto" or "notify".
Status ValidateWaitlistPromotion(const std::string& mode);

// True when the closed date ranges [a_start, a_end] and [b_start, b_end]
// (YYYY-MM-DD, inclusive) share at least one day.
bool DatesOverlap(const std::string& a_start, const std::string& a_end, const std::string& b_start,
                  const std::string& b_end);

// An offer's statuses: pending, accepted, declined, expired, rescinded,
// lapsed (the block filled before the applicant accepted). Only pending
// offers can be accepted; the sentence says why not otherwise.
Status CheckOfferAcceptable(const std::string& offer_status);

}  // namespace clerkship::core
