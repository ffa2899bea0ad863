#include "core/profile.h"

#include <cctype>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/catalog.h"
#include "core/dates.h"
#include "core/text.h"

namespace clerkship::core {

const std::vector<std::string> kDegrees = {"MD", "MBBS", "DO", "MBChB", "other"};
const std::vector<std::string> kApplicantStatuses = {"student", "graduate"};
const std::vector<std::string> kExamResults = {"pass", "fail", "score", "pending"};
const std::vector<std::string> kEcfmgStatuses = {"certified", "in_progress", "not_started"};
const std::vector<std::string> kLanguageLevels = {"native", "fluent", "professional", "basic"};
const std::vector<std::string> kExperienceKinds = {"clinical",    "work",    "research",
                                                   "publication", "service", "award"};
const std::vector<std::string> kCountryCodes = {
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "XK", "YE", "YT", "ZA", "ZM", "ZW"};

bool IsCountryCode(std::string_view code) {
  return std::binary_search(kCountryCodes.begin(), kCountryCodes.end(), code);
}

namespace {

#define RETURN_IF_ERROR(expr)                                         \
  do {                                                                \
    if (auto _st = (expr); !_st) return std::unexpected(_st.error()); \
  } while (false)

bool In(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

std::string Joined(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& s : list) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string At(const std::string& list, size_t i) { return list + "[" + std::to_string(i) + "]"; }

// Trims and checks free text. Single-line text may hold no control
// characters; multi-line text may hold newlines and tabs.
Status Text(const std::string& field, std::string& value, size_t max, bool required,
            bool multiline = false) {
  value = Trim(value);
  if (!IsValidUtf8(value)) return InvalidArgument(field, field + " is not valid UTF-8 text");
  if (required && value.empty()) return InvalidArgument(field, field + " is required");
  if (CodePointCount(value) > max) {
    return InvalidArgument(field,
                           field + " must be at most " + std::to_string(max) + " characters");
  }
  for (unsigned char c : value) {
    bool allowed_space = multiline && (c == '\n' || c == '\r' || c == '\t');
    if ((c < 0x20 || c == 0x7F) && !allowed_space) {
      return InvalidArgument(field, field + " contains a control character");
    }
  }
  return {};
}

// Empty is allowed unless `required`.
Status Code(const std::string& field, std::string& value, const std::vector<std::string>& list,
            bool required) {
  value = Trim(value);
  if (value.empty() && !required) return {};
  if (!In(list, value)) return InvalidArgument(field, field + " must be one of: " + Joined(list));
  return {};
}

Status Country(const std::string& field, std::string& value) {
  value = Trim(value);
  if (value.empty()) return {};
  std::transform(value.begin(), value.end(), value.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  });
  if (!IsCountryCode(value)) {
    return InvalidArgument(field, field + " must be a two-letter ISO 3166 country code such as US");
  }
  return {};
}

Status Date(const std::string& field, std::string& value) {
  value = Trim(value);
  if (value.empty() || IsCalendarDate(value)) return {};
  return InvalidArgument(field, field + " must be a date written YYYY-MM-DD, such as 1996-04-02");
}

struct ScoreRange {
  const char* exam;
  double min, max, step;
};
constexpr ScoreRange kScoreRanges[] = {
    {"usmle_step1", 1, 300, 1},  // pass/fail since 2022; older results have three-digit scores
    {"usmle_step2ck", 1, 300, 1}, {"usmle_step3", 1, 300, 1}, {"toefl", 0, 120, 1},
    {"oet", 0, 500, 1},           {"ielts", 0, 9, 0.5},
};

Status Exam(const std::string& f, ExamResult& e, const std::string& today) {
  RETURN_IF_ERROR(Code(f + ".exam", e.exam, kExams, true));
  RETURN_IF_ERROR(Code(f + ".result", e.result, kExamResults, true));
  if (e.result == "score") {
    if (!e.score)
      return InvalidArgument(f + ".score", "a score is required when the result is \"score\"");
    const ScoreRange* range = nullptr;
    for (const auto& r : kScoreRanges) {
      if (e.exam == r.exam) range = &r;
    }
    if (range == nullptr) return InvalidArgument(f + ".result", e.exam + " has no numeric score");
    double s = *e.score;
    if (!std::isfinite(s) || s < range->min || s > range->max || std::fmod(s, range->step) != 0) {
      std::string step = range->step == 1 ? "a whole number" : "a multiple of 0.5";
      return InvalidArgument(f + ".score", "a " + e.exam + " score must be " + step + " from " +
                                               std::to_string(static_cast<int>(range->min)) +
                                               " to " +
                                               std::to_string(static_cast<int>(range->max)));
    }
  } else if (e.score) {
    return InvalidArgument(f + ".score", "a score is given only when the result is \"score\"");
  }
  RETURN_IF_ERROR(Date(f + ".date", e.date));
  if (!e.date.empty() && e.date > today && e.result != "pending") {
    return InvalidArgument(f + ".date", "only a pending exam can have a date in the future");
  }
  return {};
}

bool IsUsJurisdiction(const std::string& country) {
  return In({"US", "PR", "GU", "VI", "AS", "MP", "UM"}, country);
}

Status ExperienceEntry(const std::string& f, Experience& x,
                       const std::vector<std::string>& specialties) {
  RETURN_IF_ERROR(Code(f + ".kind", x.kind, kExperienceKinds, true));
  RETURN_IF_ERROR(Text(f + ".title", x.title, 200, true));
  RETURN_IF_ERROR(Text(f + ".organization", x.organization, 200, false));
  RETURN_IF_ERROR(Code(f + ".specialty", x.specialty, specialties, false));
  RETURN_IF_ERROR(Text(f + ".city", x.city, 100, false));
  RETURN_IF_ERROR(Country(f + ".country", x.country));
  RETURN_IF_ERROR(Date(f + ".start", x.start));
  RETURN_IF_ERROR(Date(f + ".end", x.end));
  if (!x.start.empty() && !x.end.empty() && x.end < x.start) {
    return InvalidArgument(f + ".end", "the end date is before the start date");
  }
  if (x.kind != "clinical") {
    // The form hides these for other kinds; a leftover tick is not an error.
    x.hands_on = false;
    x.us_clinical = false;
  }
  if (x.us_clinical && !x.country.empty() && !IsUsJurisdiction(x.country)) {
    return InvalidArgument(f + ".country", "U.S. clinical experience must be in the United States");
  }
  RETURN_IF_ERROR(Text(f + ".description", x.description, 5000, false, true));
  return {};
}

Status Phone(std::string& phone) {
  RETURN_IF_ERROR(Text("phone", phone, 30, false));
  if (phone.empty()) return {};
  int digits = 0;
  for (char c : phone) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (std::string_view(" +-().").find(c) == std::string_view::npos) {
      return InvalidArgument("phone", "phone may hold only digits, spaces and + - ( ) .");
    }
  }
  if (digits < 5) return InvalidArgument("phone", "phone must have at least 5 digits");
  return {};
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

}  // namespace

Result<Profile> ValidateProfile(Profile p, const std::vector<std::string>& specialties,
                                const std::string& today) {
  if (!IsCalendarDate(today)) return Internal("ValidateProfile: today is not a date: " + today);
  RETURN_IF_ERROR(Text("legal_name", p.legal_name, kMaxNameLength, true));
  RETURN_IF_ERROR(Text("preferred_name", p.preferred_name, 100, false));
  RETURN_IF_ERROR(Text("passport_name", p.passport_name, kMaxNameLength, false));
  RETURN_IF_ERROR(Text("passport_number", p.passport_number, 20, false));
  for (char c : p.passport_number) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      return InvalidArgument("passport_number", "passport_number may hold only letters and digits");
    }
  }
  RETURN_IF_ERROR(Date("date_of_birth", p.date_of_birth));
  if (!p.date_of_birth.empty()) {
    if (p.date_of_birth >= today) {
      return InvalidArgument("date_of_birth", "the date of birth must be in the past");
    }
    int age = AgeOn(p.date_of_birth, today).value_or(-1);
    if (age < 16 || age > 100) {
      return InvalidArgument("date_of_birth", "the date of birth must give an age from 16 to 100");
    }
  }
  RETURN_IF_ERROR(Country("citizenship", p.citizenship));
  RETURN_IF_ERROR(Country("country_of_residence", p.country_of_residence));
  RETURN_IF_ERROR(Phone(p.phone));
  RETURN_IF_ERROR(Text("address", p.address, 500, false, true));

  RETURN_IF_ERROR(Text("school.name", p.school.name, 200, false));
  RETURN_IF_ERROR(Country("school.country", p.school.country));
  RETURN_IF_ERROR(Date("school.graduation_date", p.school.graduation_date));
  RETURN_IF_ERROR(Code("school.degree", p.school.degree, kDegrees, false));
  RETURN_IF_ERROR(Code("status", p.status, kApplicantStatuses, false));
  if (!p.school.graduation_date.empty() && p.school.graduation_date > today &&
      p.status != "student") {
    return InvalidArgument("school.graduation_date",
                           "a graduation date in the future is possible only while a student");
  }

  if (p.exams.size() > kMaxExams) {
    return InvalidArgument("exams", "at most " + std::to_string(kMaxExams) + " exam results");
  }
  for (size_t i = 0; i < p.exams.size(); ++i)
    RETURN_IF_ERROR(Exam(At("exams", i), p.exams[i], today));

  RETURN_IF_ERROR(Code("ecfmg.status", p.ecfmg.status, kEcfmgStatuses, false));
  RETURN_IF_ERROR(Text("ecfmg.number", p.ecfmg.number, 20, false));
  if (!std::all_of(p.ecfmg.number.begin(), p.ecfmg.number.end(),
                   [](char c) { return (c >= '0' && c <= '9') || c == '-'; })) {
    return InvalidArgument("ecfmg.number", "the ECFMG number holds only digits and hyphens");
  }
  RETURN_IF_ERROR(Code("visa.current", p.visa.current, kVisaTypes, false));

  if (p.languages.size() > kMaxLanguages) {
    return InvalidArgument("languages", "at most " + std::to_string(kMaxLanguages) + " languages");
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < p.languages.size(); ++i) {
    auto& l = p.languages[i];
    std::string f = At("languages", i);
    RETURN_IF_ERROR(Text(f + ".language", l.language, 60, true));
    RETURN_IF_ERROR(Code(f + ".level", l.level, kLanguageLevels, true));
    if (!seen.insert(Lower(l.language)).second) {
      return InvalidArgument(f + ".language", "language listed twice");
    }
  }

  if (p.experiences.size() > kMaxExperiences) {
    return InvalidArgument("experiences",
                           "at most " + std::to_string(kMaxExperiences) + " experience entries");
  }
  for (size_t i = 0; i < p.experiences.size(); ++i) {
    RETURN_IF_ERROR(ExperienceEntry(At("experiences", i), p.experiences[i], specialties));
  }

  if (p.specialty_interests.size() > kMaxSpecialtyInterests) {
    return InvalidArgument(
        "specialty_interests",
        "at most " + std::to_string(kMaxSpecialtyInterests) + " specialty interests");
  }
  seen.clear();
  for (size_t i = 0; i < p.specialty_interests.size(); ++i) {
    std::string f = At("specialty_interests", i);
    RETURN_IF_ERROR(Code(f, p.specialty_interests[i], specialties, true));
    if (!seen.insert(p.specialty_interests[i]).second) {
      return InvalidArgument(f, "specialty listed twice");
    }
  }
  RETURN_IF_ERROR(
      Text("personal_statement", p.personal_statement, kMaxPersonalStatement, false, true));
  return p;
}

Completeness ProfileCompleteness(const Profile& p) {
  auto has = [](const std::string& s) { return !Trim(s).empty(); };
  const struct {
    const char* label;
    int weight;
    bool filled;
  } sections[] = {
      {"Legal name", 10, has(p.legal_name)},
      {"Date of birth", 10, has(p.date_of_birth)},
      {"Citizenship", 10, has(p.citizenship)},
      {"Medical school", 15,
       has(p.school.name) && has(p.school.country) && has(p.school.graduation_date) &&
           has(p.school.degree)},
      {"Current status", 5, has(p.status)},
      {"Exam results", 15, !p.exams.empty()},
      {"ECFMG certification", 10, has(p.ecfmg.status)},
      {"Languages", 5, !p.languages.empty()},
      {"Experience", 10, !p.experiences.empty()},
      {"Personal statement", 10, has(p.personal_statement)},
  };
  Completeness c;
  for (const auto& s : sections) {
    if (s.filled) {
      c.percent += s.weight;
    } else {
      c.missing.push_back(s.label);
    }
  }
  return c;
}

}  // namespace clerkship::core
