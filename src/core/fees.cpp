#include "core/fees.h"

#include <algorithm>

#include "core/text.h"

namespace clerkship::core {

const std::vector<std::string> kFeeStatuses = {"due", "recorded", "confirmed", "waived", "refunded"};
const std::vector<std::string> kFeePaymentMethods = {"card", "bank_transfer", "check", "cash", "other"};

int64_t ApplicationFeeCents(const std::vector<Fee>& fees, const std::string& category) {
  int64_t total = 0;
  for (const auto& f : fees) {
    if (f.kind != "application") continue;
    if (f.category == "all" || (!category.empty() && f.category == category)) total += f.amount_cents;
  }
  return total;
}

std::string FormatMoney(int64_t cents, const std::string& currency) {
  bool negative = cents < 0;
  uint64_t v = negative ? static_cast<uint64_t>(-(cents + 1)) + 1 : static_cast<uint64_t>(cents);
  std::string frac = std::to_string(v % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return currency + " " + (negative ? "-" : "") + std::to_string(v / 100) + "." + frac;
}

Result<std::string> FeeTransition(const std::string& status, const std::string& action) {
  if (action == "record") {
    if (status == "due" || status == "recorded") return std::string("recorded");
    return Conflict("the fee is " + status + "; it can no longer be recorded");
  }
  if (action == "confirm") {
    if (status == "recorded") return std::string("confirmed");
    return Conflict(status == "due" ? "the applicant has not recorded a payment yet"
                                    : "the fee is " + status + "; it cannot be confirmed");
  }
  if (action == "waive") {
    if (status == "due" || status == "recorded") return std::string("waived");
    return Conflict("the fee is " + status + "; it cannot be waived");
  }
  if (action == "refund") {
    if (status == "recorded" || status == "confirmed") return std::string("refunded");
    return Conflict("the fee is " + status + "; there is no payment to refund");
  }
  return InvalidArgument("action", "action is confirm, waive or refund");
}

Result<FeePayment> ValidateFeePayment(FeePayment p) {
  p.method = Trim(p.method);
  p.reference = Trim(p.reference);
  if (std::find(kFeePaymentMethods.begin(), kFeePaymentMethods.end(), p.method) == kFeePaymentMethods.end()) {
    return InvalidArgument("method", "method is card, bank_transfer, check, cash or other");
  }
  if (p.reference.empty()) return InvalidArgument("reference", "give the receipt or transaction number");
  if (!IsValidUtf8(p.reference) || CodePointCount(p.reference) > 200) return InvalidArgument("reference", "reference is at most 200 characters");
  return p;
}

}  // namespace clerkship::core
