// The applicant's profile (CV data) as a plain value, its validation rules
// and the completeness meter (decision 005). Pure value types and
// functions; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace clerkship::core {

// Controlled vocabularies of the profile (wire codes).
extern const std::vector<std::string> kDegrees;            // MD, MBBS, DO, MBChB, other
extern const std::vector<std::string> kApplicantStatuses;  // student, graduate
extern const std::vector<std::string> kExamResults;        // pass, fail, score, pending
extern const std::vector<std::string> kEcfmgStatuses;      // certified, in_progress, not_started
extern const std::vector<std::string> kLanguageLevels;     // native, fluent, professional, basic
extern const std::vector<std::string>
    kExperienceKinds;  // clinical, work, research, publication, service, award
// ISO 3166-1 alpha-2 (the 249 assigned codes) plus XK (Kosovo, user-assigned
// but used by passports and medical registries).
extern const std::vector<std::string> kCountryCodes;

// True when `code` is in kCountryCodes (exact, upper case).
bool IsCountryCode(std::string_view code);

struct School {
  std::string name;
  std::string country;          // ISO alpha-2
  std::string graduation_date;  // YYYY-MM-DD; expected date while a student
  std::string degree;           // from kDegrees

  bool operator==(const School&) const = default;
};

struct ExamResult {
  std::string exam;             // from kExams (catalog.h)
  std::string result;           // from kExamResults
  std::optional<double> score;  // only with result "score"; IELTS has half bands
  std::string date;             // YYYY-MM-DD, optional

  bool operator==(const ExamResult&) const = default;
};

struct Ecfmg {
  std::string status;  // from kEcfmgStatuses, or empty (not answered)
  std::string number;  // digits and hyphens, e.g. "0-123-456-7"

  bool operator==(const Ecfmg&) const = default;
};

struct Visa {
  std::string current;             // from kVisaTypes, or empty
  std::optional<bool> needs_visa;  // nullopt = not answered

  bool operator==(const Visa&) const = default;
};

struct Language {
  std::string language;  // free text, e.g. "Vietnamese"
  std::string level;     // from kLanguageLevels

  bool operator==(const Language&) const = default;
};

struct Experience {
  std::string kind;   // from kExperienceKinds
  std::string title;  // required
  std::string organization;
  std::string specialty;  // from the specialty list, or empty
  std::string city;
  std::string country;       // ISO alpha-2, or empty
  std::string start;         // YYYY-MM-DD, optional (the date of an award or publication)
  std::string end;           // YYYY-MM-DD, optional (empty = ongoing); ≥ start
  bool hands_on = false;     // clinical only
  bool us_clinical = false;  // clinical only: U.S. clinical experience
  std::string description;

  bool operator==(const Experience&) const = default;
};

struct Profile {
  std::string legal_name;  // required on save, any script
  std::string preferred_name;
  // As printed in the passport (any script), for visa invitation letters
  // (decision 013); optional. The number is optional even then.
  std::string passport_name;
  std::string passport_number;  // letters and digits, ≤ 20
  std::string date_of_birth;  // YYYY-MM-DD
  std::string citizenship;    // ISO alpha-2
  std::string country_of_residence;
  std::string phone;
  std::string address;
  School school;
  std::string status;  // from kApplicantStatuses, or empty
  std::vector<ExamResult> exams;
  Ecfmg ecfmg;
  Visa visa;
  std::vector<Language> languages;
  std::vector<Experience> experiences;
  std::vector<std::string> specialty_interests;
  std::string personal_statement;

  bool operator==(const Profile&) const = default;
};

// Limits (code points / entries) enforced by ValidateProfile.
inline constexpr size_t kMaxNameLength = 200;
inline constexpr size_t kMaxPersonalStatement = 20000;
inline constexpr size_t kMaxExams = 20;
inline constexpr size_t kMaxLanguages = 20;
inline constexpr size_t kMaxExperiences = 100;
inline constexpr size_t kMaxSpecialtyInterests = 10;

// Normalises (trims text, upper-cases country codes) and checks a profile
// for saving. `specialties` is the current controlled list; `today` is the
// applicant's local date (YYYY-MM-DD). On failure kInvalidArgument names the
// field ("experiences[2].end"); kInternal when `today` is not a date.
// Experiences that are not clinical have hands_on/us_clinical cleared.
Result<Profile> ValidateProfile(Profile p, const std::vector<std::string>& specialties,
                                const std::string& today);

// The completeness meter: ten weighted sections (legal name 10, date of
// birth 10, citizenship 10, medical school 15, current status 5, exam
// results 15, ECFMG 10, languages 5, experience 10, personal statement 10).
// `missing` holds the plain-English labels of the empty sections, in that
// order. Works on any profile, valid or not (whitespace counts as empty).
struct Completeness {
  int percent = 0;
  std::vector<std::string> missing;
};
Completeness ProfileCompleteness(const Profile& p);

}  // namespace clerkship::core
