// The rotation catalog: offerings, their blocks, eligibility, required
// documents and fees, with the validation rules. Pure value types.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace clerkship::core {

// Controlled vocabularies (codes stored in the database and used in URLs).
extern const std::vector<std::string> kOfferingTypes;      // core, elective, sub_internship, observership
extern const std::vector<std::string> kDefaultSpecialties; // internal_medicine, surgery, …
extern const std::vector<std::string> kDocumentTypes;      // immunization_record, tb_test, …
extern const std::vector<std::string> kExams;              // usmle_step1, usmle_step2ck, …
extern const std::vector<std::string> kVisaTypes;          // b1_b2, j1, f1, h1b, …
extern const std::vector<std::string> kFeeKinds;           // application, tuition, deposit, other
extern const std::vector<std::string> kFeeCategories;      // all, student, graduate
extern const std::vector<std::string> kSettings;           // inpatient, outpatient, both

struct Eligibility {
  bool students = true;                 // current medical students may apply
  bool graduates = true;                // graduates (IMGs) may apply
  int max_years_since_graduation = 0;   // 0 = no limit
  std::vector<std::string> required_exams;
  bool ecfmg_required = false;
  std::vector<std::string> visas_accepted;  // empty = no visa restriction stated
  std::string english;                      // free text, e.g. "OET B or TOEFL iBT 100"
};

struct RequiredDocument {
  std::string type;  // from kDocumentTypes
  int count = 1;     // letters of recommendation may need several
  bool operator==(const RequiredDocument&) const = default;
};

struct Fee {
  std::string kind;      // from kFeeKinds
  std::string category;  // from kFeeCategories
  int64_t amount_cents = 0;
  std::string label;     // optional wording, e.g. "malpractice insurance"
  bool operator==(const Fee&) const = default;
};

struct OfferingDraft {
  std::string title;
  std::string specialty;
  std::string type;
  bool hands_on = true;
  std::string description;
  std::string site;
  std::string city;
  std::string state;
  std::string country;
  int duration_weeks = 4;
  Eligibility eligibility;
  std::vector<RequiredDocument> required_documents;
  std::vector<Fee> fees;
  std::string currency = "USD";
  std::string refund_policy;
  bool emr_access = false;
  std::string setting = "inpatient";
  bool letter_usually = false;
  std::string teaching_affiliation;
  bool housing_help = false;
  bool visa_letter = false;
  std::string contact_name;
  std::string contact_email;
};

struct Offering {
  std::string id;
  std::string institution_id;
  std::string institution_name;
  std::string time_zone;  // the institution's
  std::string status;     // draft | published | archived
  OfferingDraft draft;
  std::string created_at;
  std::string updated_at;
};

struct BlockDraft {
  std::string start_date;  // YYYY-MM-DD
  std::string end_date;    // YYYY-MM-DD, after start
  int seats = 1;
  std::string opens_on;    // YYYY-MM-DD, applications open (institution's zone)
  std::string deadline;    // YYYY-MM-DD, last day to apply (institution's zone), before start
};

struct Block {
  std::string id;
  std::string offering_id;
  BlockDraft draft;
  int applications = 0;  // derived
  int filled = 0;        // derived: accepted placements
};

// Normalises and checks a draft. `specialties` is the current controlled list.
// kInvalidArgument names the field ("title", "fees[1].amount_cents", …).
Result<OfferingDraft> ValidateOffering(OfferingDraft draft, const std::vector<std::string>& specialties);

// Checks dates (valid, end after start, deadline before start, opens on or
// before the deadline) and seats ≥ 0.
Result<BlockDraft> ValidateBlock(BlockDraft draft);

// True for a real calendar date written YYYY-MM-DD.
bool IsIsoDate(const std::string& s);

// What an applicant of `category` ("student" or "graduate") pays in all:
// every fee whose category is "all" or that category. Deposits included
// (they are money the applicant must have, even if refunded later).
int64_t AllInCost(const std::vector<Fee>& fees, const std::string& category);

}  // namespace clerkship::core
