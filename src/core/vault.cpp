#include "core/vault.h"

#include <algorithm>

#include "core/dates.h"
#include "core/text.h"

namespace clerkship::core {

const std::vector<VaultType> kVaultTypes = {
    {"immunization_record", "Immunization record", false},
    {"tb_test", "TB test", true},
    {"background_check", "Background check", true},
    {"health_record", "Medical / health record", false},
    {"bls", "BLS certification", true},
    {"malpractice_insurance", "Malpractice insurance", true},
    {"hipaa_training", "HIPAA training", true},
    {"cv", "CV", false},
    {"cover_letter", "Cover letter", false},
    {"photo_id", "Photo ID", true},
    {"passport", "Passport", true},
    {"mspe", "Dean's letter / MSPE", false},
    {"transcript", "Transcript", false},
    {"diploma", "Diploma", false},
    {"badge_photo", "Badge photo", false},
    {"other", "Other", false},
};

const std::vector<std::string> kVaccines = {"mmr",  "varicella", "hepatitis_b",
                                            "tdap", "influenza", "covid_19"};
const std::vector<std::string> kVaccineKinds = {"dose", "titer"};
const std::vector<std::string> kTiterResults = {"positive", "negative", "equivocal"};

const VaultType* FindVaultType(std::string_view code) {
  for (const auto& t : kVaultTypes) {
    if (t.code == code) return &t;
  }
  return nullptr;
}

namespace {

#define RETURN_IF_ERROR(expr)                                         \
  do {                                                                \
    if (auto _st = (expr); !_st) return std::unexpected(_st.error()); \
  } while (false)

constexpr size_t kMaxVaccineEntries = 50;

std::string Joined(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& s : list) out += (out.empty() ? "" : ", ") + s;
  return out;
}

Status OneOf(const std::string& field, std::string& value, const std::vector<std::string>& list) {
  value = Trim(value);
  if (std::find(list.begin(), list.end(), value) == list.end()) {
    return InvalidArgument(field, field + " must be one of: " + Joined(list));
  }
  return {};
}

// Optional date, not after `today` when `past` is set.
Status Date(const std::string& field, std::string& value, const std::string& today, bool past) {
  value = Trim(value);
  if (value.empty()) return {};
  if (!IsCalendarDate(value)) {
    return InvalidArgument(field, field + " must be a date written YYYY-MM-DD, such as 2026-09-01");
  }
  if (past && value > today) return InvalidArgument(field, field + " cannot be in the future");
  return {};
}

}  // namespace

Result<DocumentMeta> ValidateDocumentMeta(DocumentMeta m, const std::string& today) {
  if (!IsCalendarDate(today))
    return Internal("ValidateDocumentMeta: today is not a date: " + today);
  m.type = Trim(m.type);
  const VaultType* type = FindVaultType(m.type);
  if (type == nullptr) {
    std::vector<std::string> codes;
    for (const auto& t : kVaultTypes) codes.push_back(t.code);
    return InvalidArgument("type", "type must be one of: " + Joined(codes));
  }
  m.title = Trim(m.title);
  if (!IsValidUtf8(m.title)) return InvalidArgument("title", "title is not valid UTF-8 text");
  if (CodePointCount(m.title) > 200)
    return InvalidArgument("title", "title must be at most 200 characters");
  if (std::any_of(m.title.begin(), m.title.end(),
                  [](unsigned char c) { return c < 0x20 || c == 0x7F; })) {
    return InvalidArgument("title", "title contains a control character");
  }
  if (m.title.empty()) m.title = type->label;

  RETURN_IF_ERROR(Date("issued_on", m.issued_on, today, true));
  RETURN_IF_ERROR(Date("expires_on", m.expires_on, today, false));
  if (type->expires && m.expires_on.empty()) {
    return InvalidArgument("expires_on", type->label + " needs its expiry date");
  }
  if (!m.issued_on.empty() && !m.expires_on.empty() && m.expires_on < m.issued_on) {
    return InvalidArgument("expires_on", "the expiry date is before the issue date");
  }

  if (!m.vaccines.empty() && m.type != "immunization_record") {
    return InvalidArgument("vaccines", "vaccine entries belong to an immunization record only");
  }
  if (m.vaccines.size() > kMaxVaccineEntries) {
    return InvalidArgument("vaccines",
                           "at most " + std::to_string(kMaxVaccineEntries) + " vaccine entries");
  }
  for (size_t i = 0; i < m.vaccines.size(); ++i) {
    auto& v = m.vaccines[i];
    std::string f = "vaccines[" + std::to_string(i) + "]";
    RETURN_IF_ERROR(OneOf(f + ".vaccine", v.vaccine, kVaccines));
    RETURN_IF_ERROR(OneOf(f + ".kind", v.kind, kVaccineKinds));
    v.date = Trim(v.date);
    if (v.date.empty()) return InvalidArgument(f + ".date", f + ".date is required");
    RETURN_IF_ERROR(Date(f + ".date", v.date, today, true));
    if (v.kind == "titer") {
      v.result = Trim(v.result);
      if (v.result.empty()) return InvalidArgument(f + ".result", "a titer needs its result");
      RETURN_IF_ERROR(OneOf(f + ".result", v.result, kTiterResults));
    } else if (!Trim(v.result).empty()) {
      return InvalidArgument(f + ".result", "a dose has no result; only titers do");
    } else {
      v.result.clear();
    }
  }
  return m;
}

}  // namespace clerkship::core
