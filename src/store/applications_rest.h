// The rest of applications (issue 6): fee records, school verifications,
// offerings similar to an applied one, and the review-digest query. Named
// statements over a Tx, valid on SQLite and PostgreSQL. Thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace clerkship::store {

struct FeeRow {
  std::string application_id;
  int64_t amount_cents = 0;
  std::string currency;
  std::string category;
  std::string status;  // due | recorded | confirmed | waived | refunded
  std::string method;
  std::string reference;
  std::string recorded_at;
  std::string decided_by;
  std::string decided_at;
  std::string note;
  int version = 1;
  std::string created_at;
  std::string updated_at;
};
void InsertFee(Tx& tx, const FeeRow& f);
// Writes every mutable column when `f.version` is the stored version and
// stores version + 1; false when someone changed it in between.
bool UpdateFee(Tx& tx, const FeeRow& f);
std::optional<FeeRow> FindFee(Tx& tx, const std::string& application_id);

struct SchoolVerificationRow {
  std::string id;
  std::string applicant_id;
  std::string school_name;
  std::string office_name;
  std::string office_email;
  std::string status;  // requested | verified | declined | cancelled
  std::string claim;
  int year = 0;
  bool good_standing = false;
  std::string method;  // attest | letter
  std::string attester_name;
  std::string attester_title;
  std::string reason;
  std::string blob;
  std::string mime;
  int64_t size = 0;
  int pages = 0;
  std::string responded_at;
  std::string created_at;
  std::string updated_at;
};
void InsertSchoolVerification(Tx& tx, const SchoolVerificationRow& v);
void UpdateSchoolVerification(Tx& tx, const SchoolVerificationRow& v);
std::optional<SchoolVerificationRow> FindSchoolVerification(Tx& tx, const std::string& id);
// An applicant's requests, newest first.
std::vector<SchoolVerificationRow> ListSchoolVerifications(Tx& tx, const std::string& applicant_id);
// Of `applicant_ids`, those with a verified school verification.
std::vector<std::string> SchoolVerifiedAmong(Tx& tx, const std::vector<std::string>& applicant_ids);

// Published offerings of `specialty` and `type` other than `except_offering`
// (title order; at most `limit`).
std::vector<std::string> SimilarOfferingIds(Tx& tx, const std::string& specialty, const std::string& type,
                                            const std::string& except_offering, int limit);

// Institutions with applications waiting for a first decision that were
// submitted before `submitted_before` (an ISO time), with how many there are
// and the oldest submission time.
struct WaitingRow {
  std::string application_id;
  std::string offering_title;
  std::string submitted_at;
};
// Applications at `institution_id` submitted before `submitted_before`, not
// yet decided (no first decision, not withdrawn), oldest first.
std::vector<WaitingRow> WaitingApplications(Tx& tx, const std::string& institution_id,
                                            const std::string& submitted_before);
// Replaces a draft's chosen blocks (preference = list order).
void ReplaceApplicationBlocks(Tx& tx, const std::string& application_id, const std::vector<std::string>& block_ids);

// Institutions with at least one submitted, undecided application.
std::vector<std::string> InstitutionsWithUndecided(Tx& tx);

}  // namespace clerkship::store
