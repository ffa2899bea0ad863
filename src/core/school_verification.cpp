#include "core/school_verification.h"

#include "core/account_rules.h"
#include "core/text.h"

namespace clerkship::core {
namespace {

Status Text(const std::string& field, std::string& value, bool required, size_t max, const std::string& label) {
  value = Trim(value);
  if (!IsValidUtf8(value)) return InvalidArgument(field, label + " is not valid text");
  for (unsigned char c : value) {
    if ((c < 0x20 && c != '\n') || c == 0x7f) return InvalidArgument(field, label + " may not contain control characters");
  }
  if (required && value.empty()) return InvalidArgument(field, label + " is required");
  if (CodePointCount(value) > max) {
    return InvalidArgument(field, label + " must be at most " + std::to_string(max) + " characters");
  }
  return {};
}

}  // namespace

Result<SchoolVerificationDraft> ValidateSchoolVerificationRequest(SchoolVerificationDraft d,
                                                                  const std::string& applicant_email) {
  if (auto s = Text("office_name", d.office_name, true, 200, "the office's name"); !s) return std::unexpected(s.error());
  if (d.office_name.find('\n') != std::string::npos) {
    return InvalidArgument("office_name", "the office's name is one line");
  }
  auto email = NormaliseEmail("office_email", d.office_email);
  if (!email) return std::unexpected(email.error());
  d.office_email = *email;
  if (d.office_email == applicant_email) {
    return InvalidArgument("office_email", "the school's office must confirm this, not you");
  }
  return d;
}

Result<SchoolAttestation> ValidateSchoolAttestation(SchoolAttestation a, int current_year) {
  if (a.decision != "verify" && a.decision != "decline") {
    return InvalidArgument("decision", "decision is verify or decline");
  }
  if (auto s = Text("attester_name", a.attester_name, true, 200, "your name"); !s) return std::unexpected(s.error());
  if (auto s = Text("attester_title", a.attester_title, true, 200, "your title"); !s) return std::unexpected(s.error());
  if (a.decision == "decline") {
    if (auto s = Text("reason", a.reason, true, 1000, "the reason"); !s) return std::unexpected(s.error());
    a.claim.clear();
    a.year = 0;
    a.good_standing = false;
    return a;
  }
  a.reason.clear();
  if (a.claim != "enrolled" && a.claim != "graduated") {
    return InvalidArgument("claim", "say whether the applicant is enrolled or graduated");
  }
  if (a.claim == "graduated" && (a.year < 1950 || a.year > current_year)) {
    return InvalidArgument("year", "the graduation year is between 1950 and " + std::to_string(current_year));
  }
  if (a.claim == "enrolled" && (a.year < current_year || a.year > current_year + 8)) {
    return InvalidArgument("year", "the expected graduation year is between " + std::to_string(current_year) +
                                       " and " + std::to_string(current_year + 8));
  }
  if (!a.good_standing) {
    return InvalidArgument("good_standing", "confirm good standing, or decline with a reason");
  }
  if (!a.attest && !a.has_letter) {
    return InvalidArgument("attest", "tick the attestation or upload a signed letter");
  }
  return a;
}

}  // namespace clerkship::core
