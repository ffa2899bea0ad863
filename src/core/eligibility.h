// Who may apply: an offering's eligibility rules (catalog.h Eligibility)
// evaluated against the applicant's profile (profile.h), and what keeps an
// application from being submitted (letters, required documents,
// eligibility). Pure functions over plain values; thread-compatible.
// Rules are documented in docs/decisions/010-applications-completeness.md.
#pragma once

#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/compliance.h"
#include "core/profile.h"

namespace clerkship::core {

// One rule the offering states, and whether the profile meets it.
struct EligibilityCheck {
  std::string rule;           // "applicant_status", "years_since_graduation", "exam:<code>",
                              // "ecfmg", "visa", "english"
  bool met = false;
  std::string requirement;    // what the offering asks, in plain English
  std::string reason;         // why it is (not) met, naming the profile's answer
  std::string profile_field;  // where to fix it in the profile ("status", "exams", …)

  bool operator==(const EligibilityCheck&) const = default;
};

// One check per rule the offering states (rules it leaves open are not
// listed), in the order of the rules above. `today` is YYYY-MM-DD (the
// institution's date at submission); an unparsable graduation date fails the
// years rule. Works on any profile (unanswered questions fail the rules that
// need them).
std::vector<EligibilityCheck> EvaluateEligibility(const Eligibility& e, const Profile& p, const std::string& today);

// True when every check is met (also for none).
bool Eligible(const std::vector<EligibilityCheck>& checks);

// Something that keeps an application from being submitted.
struct SubmitProblem {
  std::string field;    // "letters", "documents.<type>", "eligibility.<rule>", "cover_letter", "cv", "fee"
  std::string message;  // a sentence the applicant can act on

  bool operator==(const SubmitProblem&) const = default;
};

struct SubmitFacts {
  int letters_required = 0;  // the offering's letter_of_recommendation count (0: none asked)
  int letters_assigned = 0;  // received letters assigned to the application
  bool cover_letter_required = false;
  bool has_cover_letter = false;
  bool cv_required = false;
  bool has_cv_choice = false;  // a CV is chosen for the application (generated or uploaded)
  // The compliance checklist of each chosen block (EvaluateCompliance), in
  // preference order, with its block's start date for the messages.
  std::vector<std::pair<std::string, std::vector<ComplianceItem>>> blocks;
  std::vector<EligibilityCheck> eligibility;
  // The application fee is still due (core/fees.h); `fee_amount` as written
  // to the applicant ("USD 50.00").
  bool fee_due = false;
  std::string fee_amount;
};

// Every problem, in a stable order: letters, cover letter, CV, documents
// (missing, rejected, or expired before a chosen block starts — pending and
// expiring during the rotation do not block submission), eligibility, fee. Empty
// when the application may be submitted. Documents answered by the
// application itself (letters, cover letter, CV when cv_required is set) are
// not judged from the vault items.
std::vector<SubmitProblem> SubmitProblems(const SubmitFacts& facts);

}  // namespace clerkship::core
