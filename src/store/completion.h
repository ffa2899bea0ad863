// Rotation completion (issue 8): placement dates, attendance, evaluations,
// certificates and rotation feedback as named statements over a Tx, valid on
// SQLite and PostgreSQL. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace clerkship::store {

struct PlacementDates {
  std::string started_on, finished_on;  // '' until the placement moved there
};
PlacementDates DatesOfPlacement(Tx& tx, const std::string& placement_id);
void SetPlacementDates(Tx& tx, const std::string& placement_id, const PlacementDates& d);
// Placements whose preceptor is `user_id`, soonest start first.
std::vector<std::string> PlacementIdsOfPreceptor(Tx& tx, const std::string& user_id);

struct AttendanceRow {
  std::string placement_id, day, status, note, recorded_by, recorded_at;
};
std::vector<AttendanceRow> AttendanceOf(Tx& tx, const std::string& placement_id);
// Replaces the placement's whole attendance record.
void ReplaceAttendance(Tx& tx, const std::string& placement_id, const std::vector<AttendanceRow>& rows);

struct EvaluationRow {
  std::string placement_id, preceptor_id;
  bool hands_on = true;
  std::string ratings;  // JSON
  std::string comments;
  std::string status;  // draft | submitted | released
  int version = 1;
  std::string submitted_at, released_at, created_at, updated_at;
};
std::optional<EvaluationRow> FindEvaluation(Tx& tx, const std::string& placement_id);
void InsertEvaluation(Tx& tx, const EvaluationRow& e);
// Writes ratings, comments, status, times when `e.version` is stored; +1.
bool UpdateEvaluation(Tx& tx, const EvaluationRow& e);

struct CertificateRow {
  std::string id, code, placement_id, applicant_id, institution_id;
  std::string facts;  // JSON
  std::string issued_on, revoked_at, revoked_reason, created_at;
};
std::optional<CertificateRow> FindCertificateByCode(Tx& tx, const std::string& code);
std::optional<CertificateRow> CertificateOfPlacement(Tx& tx, const std::string& placement_id);
std::vector<CertificateRow> CertificatesOfApplicant(Tx& tx, const std::string& applicant_id);
// The UNIQUE constraints (code, placement) reject a second one (exception).
void InsertCertificate(Tx& tx, const CertificateRow& c);
void RevokeCertificate(Tx& tx, const std::string& id, const std::string& at, const std::string& reason);

struct FeedbackRow {
  std::string placement_id, offering_id, ratings, comment, created_at;
};
bool HasFeedback(Tx& tx, const std::string& placement_id);
void InsertFeedback(Tx& tx, const FeedbackRow& f);
// Ratings JSON of every response to the offering.
std::vector<std::string> FeedbackRatingsOfOffering(Tx& tx, const std::string& offering_id);

}  // namespace clerkship::store
