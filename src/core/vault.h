// The document vault's rules: which document types exist, which of them
// expire, and what metadata an uploaded document may carry (decision 005).
// Pure value types and functions; thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace clerkship::core {

struct VaultType {
  std::string code;   // a kDocumentTypes code (catalog.h), or "other"
  std::string label;  // plain English, e.g. "TB test"
  bool expires;       // an expiry date is required on upload
};

// Every kDocumentTypes code except letter_of_recommendation (letters come
// with the application, not from the vault), plus "badge_photo" (an image
// for the onboarding checklist, decision 013) and "other". Expiring:
// tb_test, background_check, bls, malpractice_insurance, hipaa_training,
// photo_id, passport. An immunization record does not expire as a whole.
extern const std::vector<VaultType> kVaultTypes;

// The entry of kVaultTypes with this code, or nullptr.
const VaultType* FindVaultType(std::string_view code);

extern const std::vector<std::string>
    kVaccines;  // mmr, varicella, hepatitis_b, tdap, influenza, covid_19
extern const std::vector<std::string> kVaccineKinds;  // dose, titer
extern const std::vector<std::string> kTiterResults;  // positive, negative, equivocal

// One line of an immunization record.
struct VaccineEntry {
  std::string vaccine;  // from kVaccines
  std::string kind;     // "dose" | "titer"
  std::string date;     // YYYY-MM-DD, not in the future
  std::string result;   // titers: from kTiterResults; empty for doses

  bool operator==(const VaccineEntry&) const = default;
};

// What the applicant states about an uploaded file.
struct DocumentMeta {
  std::string type;                    // from kVaultTypes
  std::string title;                   // ≤ 200; defaults to the type's label
  std::string issued_on;               // YYYY-MM-DD, optional, not in the future
  std::string expires_on;              // YYYY-MM-DD; required for expiring types, ≥ issued_on
  std::vector<VaccineEntry> vaccines;  // immunization_record only; ≤ 50 entries

  bool operator==(const DocumentMeta&) const = default;
};

// Normalises (trims, fills the default title) and checks document metadata.
// `today` is the applicant's local date. On failure kInvalidArgument names
// the field ("vaccines[1].result"); an expiry before the issue date is
// reported on "expires_on" as "the expiry date is before the issue date".
// kInternal when `today` is not a date. A non-expiring type may still state
// an expiry date (it is checked and honoured).
Result<DocumentMeta> ValidateDocumentMeta(DocumentMeta m, const std::string& today);

}  // namespace clerkship::core
