// Letters of recommendation: validating a request and deciding which
// reminder is due (docs/letters.md). Pure functions; thread-compatible.
#pragma once

#include <string>

#include "core/result.h"

namespace clerkship::core {

struct LetterRequestDraft {
  std::string referee_name;         // required, 1–200 code points
  std::string referee_email;        // required; normalised (lower case)
  std::string referee_title;        // optional, ≤ 200 ("Professor of Medicine")
  std::string referee_institution;  // required, ≤ 200
  std::string relationship;         // required, ≤ 500 ("Attending on my medicine clerkship")
  bool waived = false;              // the applicant waives the right to read the letter
};

// The draft trimmed and normalised, or kInvalidArgument naming the field
// (referee_name, referee_email, referee_title, referee_institution,
// relationship). `applicant_email` (normalised) may not be the referee's.
Result<LetterRequestDraft> ValidateLetterRequest(LetterRequestDraft draft, const std::string& applicant_email);

// Reminders go to the referee 7 and 14 days after the request while no
// letter arrived. Returns the reminder due after `age_days` whole days when
// `sent` reminders went out already (0, 7 or 14; 0 = none due).
int DueLetterReminder(int age_days, int sent);

}  // namespace clerkship::core
