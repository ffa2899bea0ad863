// Application fees: what an applicant owes an offering, the fee record's
// states and who may move it (docs/decisions/015-applications-rest.md).
// Pure functions; thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/result.h"

namespace clerkship::core {

// due → recorded (the applicant says it is paid) → confirmed | refunded;
// due | recorded → waived (a coordinator). Rows are written in these codes.
extern const std::vector<std::string> kFeeStatuses;        // due, recorded, confirmed, waived, refunded
extern const std::vector<std::string> kFeePaymentMethods;  // card, bank_transfer, check, cash, other

// The application fee for an applicant of `category` ("student",
// "graduate", or "" when the profile does not say): every fee of kind
// "application" whose category is "all" or that category. With no category
// only the "all" fees count (the record then shows the category as unknown).
int64_t ApplicationFeeCents(const std::vector<Fee>& fees, const std::string& category);

// "USD 50.00" (two decimals, ISO code first).
std::string FormatMoney(int64_t cents, const std::string& currency);

// True when the fee keeps an application from being submitted.
inline bool FeeBlocksSubmit(const std::string& status) { return status == "due"; }

// The status after `action` by the applicant ("record") or a coordinator
// ("confirm", "waive", "refund"), or kConflict naming why not.
Result<std::string> FeeTransition(const std::string& status, const std::string& action);

struct FeePayment {
  std::string method;     // from kFeePaymentMethods
  std::string reference;  // receipt or transaction number, 1–200 characters
};
// The payment trimmed, or kInvalidArgument naming "method" or "reference".
Result<FeePayment> ValidateFeePayment(FeePayment p);

}  // namespace clerkship::core
