// School verification: the applicant asks their medical school's dean's
// office to confirm enrollment or graduation and good standing through a
// private link (docs/applications.md). Validation only; pure, thread-compatible.
#pragma once

#include <string>

#include "core/result.h"

namespace clerkship::core {

struct SchoolVerificationDraft {
  std::string office_name;   // required, ≤ 200 ("Dean's office, Hanoi Medical University")
  std::string office_email;  // required; normalised (lower case)
};
// Trimmed and normalised, or kInvalidArgument naming office_name or
// office_email. The office cannot be the applicant (`applicant_email`).
Result<SchoolVerificationDraft> ValidateSchoolVerificationRequest(SchoolVerificationDraft d,
                                                                  const std::string& applicant_email);

// What the school answers on the link page.
struct SchoolAttestation {
  std::string decision;  // verify | decline
  std::string claim;     // verify: enrolled | graduated
  int year = 0;          // verify: graduation year (expected while enrolled)
  bool good_standing = false;  // verify: must be confirmed
  std::string attester_name;   // required, ≤ 200
  std::string attester_title;  // required, ≤ 200 ("Associate Dean for Student Affairs")
  bool attest = false;         // the checkbox; verify needs it or an uploaded letter
  bool has_letter = false;     // a PDF letter was uploaded through the link
  std::string reason;          // decline: required, ≤ 1000
};
// Trimmed, or kInvalidArgument naming the field (decision, claim, year,
// good_standing, attester_name, attester_title, attest, reason).
// `current_year` bounds the year: graduated ≤ current_year, enrolled between
// current_year and current_year + 8.
Result<SchoolAttestation> ValidateSchoolAttestation(SchoolAttestation a, int current_year);

}  // namespace clerkship::core
