#include "core/catalog.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "core/text.h"

namespace clerkship::core {

const std::vector<std::string> kOfferingTypes = {"core", "elective", "sub_internship", "observership"};
const std::vector<std::string> kDefaultSpecialties = {
    "internal_medicine", "surgery",    "pediatrics", "obstetrics_gynecology", "psychiatry",
    "family_medicine",   "emergency_medicine", "neurology", "cardiology", "oncology",
    "dermatology",       "radiology",  "anesthesiology", "pathology", "gastroenterology",
    "nephrology",        "pulmonology", "infectious_disease", "endocrinology", "orthopedic_surgery"};
const std::vector<std::string> kDocumentTypes = {
    "immunization_record", "tb_test", "background_check", "health_record", "bls",
    "malpractice_insurance", "hipaa_training", "cv", "cover_letter", "letter_of_recommendation",
    "photo_id", "passport", "mspe", "transcript", "diploma"};
const std::vector<std::string> kExams = {"usmle_step1", "usmle_step2ck", "usmle_step3", "oet", "toefl", "ielts"};
const std::vector<std::string> kVisaTypes = {"b1_b2", "j1", "f1", "h1b", "esta", "us_citizen_or_resident", "other"};
const std::vector<std::string> kFeeKinds = {"application", "tuition", "deposit", "other"};
const std::vector<std::string> kFeeCategories = {"all", "student", "graduate"};
const std::vector<std::string> kSettings = {"inpatient", "outpatient", "both"};

namespace {

bool In(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

std::string Joined(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& s : list) out += (out.empty() ? "" : ", ") + s;
  return out;
}

Status Text(const std::string& field, std::string& value, size_t max, bool required) {
  value = Trim(value);
  if (!IsValidUtf8(value)) return InvalidArgument(field, field + " is not valid UTF-8 text");
  if (required && value.empty()) return InvalidArgument(field, field + " is required");
  if (CodePointCount(value) > max) {
    return InvalidArgument(field, field + " must be at most " + std::to_string(max) + " characters");
  }
  return {};
}

Status OneOf(const std::string& field, const std::string& value, const std::vector<std::string>& list) {
  if (!In(list, value)) return InvalidArgument(field, field + " must be one of: " + Joined(list));
  return {};
}

#define RETURN_IF_ERROR(expr)                             \
  do {                                                    \
    if (auto _st = (expr); !_st) return std::unexpected(_st.error()); \
  } while (false)

}  // namespace

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int y = std::stoi(s.substr(0, 4));
  unsigned m = static_cast<unsigned>(std::stoi(s.substr(5, 2)));
  unsigned d = static_cast<unsigned>(std::stoi(s.substr(8, 2)));
  return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}.ok() &&
         y >= 2000 && y <= 2100;
}

Result<OfferingDraft> ValidateOffering(OfferingDraft d, const std::vector<std::string>& specialties) {
  RETURN_IF_ERROR(Text("title", d.title, 200, true));
  RETURN_IF_ERROR(OneOf("specialty", d.specialty, specialties));
  RETURN_IF_ERROR(OneOf("type", d.type, kOfferingTypes));
  if (d.type == "observership" && d.hands_on) {
    return InvalidArgument("hands_on", "an observership has no hands-on patient care; set hands_on to false");
  }
  RETURN_IF_ERROR(Text("description", d.description, 10000, false));
  RETURN_IF_ERROR(Text("site", d.site, 200, false));
  RETURN_IF_ERROR(Text("city", d.city, 100, true));
  RETURN_IF_ERROR(Text("state", d.state, 100, false));
  d.country = Trim(d.country);
  std::transform(d.country.begin(), d.country.end(), d.country.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (d.country.size() != 2 || !std::isalpha(static_cast<unsigned char>(d.country[0])) ||
      !std::isalpha(static_cast<unsigned char>(d.country[1]))) {
    return InvalidArgument("country", "country must be a two-letter ISO code such as US");
  }
  if (d.duration_weeks < 1 || d.duration_weeks > 52) {
    return InvalidArgument("duration_weeks", "duration_weeks must be between 1 and 52");
  }
  auto& e = d.eligibility;
  if (!e.students && !e.graduates) {
    return InvalidArgument("eligibility.students", "allow students, graduates, or both");
  }
  if (e.max_years_since_graduation < 0 || e.max_years_since_graduation > 50) {
    return InvalidArgument("eligibility.max_years_since_graduation", "must be between 0 (no limit) and 50");
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < e.required_exams.size(); ++i) {
    std::string f = "eligibility.required_exams[" + std::to_string(i) + "]";
    RETURN_IF_ERROR(OneOf(f, e.required_exams[i], kExams));
    if (!seen.insert(e.required_exams[i]).second) return InvalidArgument(f, "exam listed twice");
  }
  seen.clear();
  for (size_t i = 0; i < e.visas_accepted.size(); ++i) {
    std::string f = "eligibility.visas_accepted[" + std::to_string(i) + "]";
    RETURN_IF_ERROR(OneOf(f, e.visas_accepted[i], kVisaTypes));
    if (!seen.insert(e.visas_accepted[i]).second) return InvalidArgument(f, "visa type listed twice");
  }
  RETURN_IF_ERROR(Text("eligibility.english", e.english, 200, false));
  seen.clear();
  for (size_t i = 0; i < d.required_documents.size(); ++i) {
    auto& doc = d.required_documents[i];
    std::string f = "required_documents[" + std::to_string(i) + "]";
    RETURN_IF_ERROR(OneOf(f + ".type", doc.type, kDocumentTypes));
    if (!seen.insert(doc.type).second) return InvalidArgument(f + ".type", "document listed twice");
    int max = doc.type == "letter_of_recommendation" ? 6 : 1;
    if (doc.count < 1 || doc.count > max) {
      return InvalidArgument(f + ".count", "count must be between 1 and " + std::to_string(max));
    }
  }
  d.currency = Trim(d.currency);
  if (d.currency.size() != 3 || !std::all_of(d.currency.begin(), d.currency.end(),
                                              [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return InvalidArgument("currency", "currency must be a three-letter ISO code such as USD");
  }
  seen.clear();
  for (size_t i = 0; i < d.fees.size(); ++i) {
    auto& fee = d.fees[i];
    std::string f = "fees[" + std::to_string(i) + "]";
    RETURN_IF_ERROR(OneOf(f + ".kind", fee.kind, kFeeKinds));
    RETURN_IF_ERROR(OneOf(f + ".category", fee.category, kFeeCategories));
    if (fee.amount_cents < 0) return InvalidArgument(f + ".amount_cents", "a fee cannot be negative");
    if (fee.amount_cents > 100'000'000) return InvalidArgument(f + ".amount_cents", "a fee must be under 1,000,000.00");
    RETURN_IF_ERROR(Text(f + ".label", fee.label, 100, false));
    if (fee.kind != "other" && !seen.insert(fee.kind + "/" + fee.category).second) {
      return InvalidArgument(f + ".kind", "this fee is listed twice for the same applicant category");
    }
  }
  RETURN_IF_ERROR(Text("refund_policy", d.refund_policy, 2000, false));
  RETURN_IF_ERROR(OneOf("setting", d.setting, kSettings));
  RETURN_IF_ERROR(Text("teaching_affiliation", d.teaching_affiliation, 200, false));
  RETURN_IF_ERROR(Text("contact_name", d.contact_name, 100, false));
  d.contact_email = Trim(d.contact_email);
  if (!d.contact_email.empty() && !LooksLikeEmail(d.contact_email)) {
    return InvalidArgument("contact_email", "enter a valid e-mail address");
  }
  return d;
}

Result<BlockDraft> ValidateBlock(BlockDraft b) {
  for (auto [field, value] : {std::pair{"start_date", &b.start_date}, std::pair{"end_date", &b.end_date},
                              std::pair{"opens_on", &b.opens_on}, std::pair{"deadline", &b.deadline}}) {
    *value = Trim(*value);
    if (!IsIsoDate(*value)) return InvalidArgument(field, std::string(field) + " must be a date such as 2027-01-04");
  }
  if (b.end_date <= b.start_date) return InvalidArgument("end_date", "end_date must be after start_date");
  if (b.deadline >= b.start_date) return InvalidArgument("deadline", "deadline must be before start_date");
  if (b.opens_on > b.deadline) return InvalidArgument("opens_on", "applications must open on or before the deadline");
  if (b.seats < 0) return InvalidArgument("seats", "seats cannot be negative");
  if (b.seats > 1000) return InvalidArgument("seats", "seats must be at most 1000");
  return b;
}

int64_t AllInCost(const std::vector<Fee>& fees, const std::string& category) {
  int64_t total = 0;
  for (const auto& f : fees) {
    if (f.category == "all" || f.category == category) total += f.amount_cents;
  }
  return total;
}

}  // namespace clerkship::core
