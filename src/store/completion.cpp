#include "store/completion.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {
namespace {

constexpr const char* kEvaluationColumns =
    "placement_id, preceptor_id, hands_on, ratings, comments, status, version, submitted_at, released_at, "
    "created_at, updated_at";

EvaluationRow EvaluationFrom(const soci::row& r) {
  EvaluationRow e;
  e.placement_id = r.get<std::string>(0);
  e.preceptor_id = r.get<std::string>(1);
  e.hands_on = AsInt(r, 2) != 0;
  e.ratings = r.get<std::string>(3);
  e.comments = r.get<std::string>(4);
  e.status = r.get<std::string>(5);
  e.version = static_cast<int>(AsInt(r, 6));
  e.submitted_at = r.get<std::string>(7);
  e.released_at = r.get<std::string>(8);
  e.created_at = r.get<std::string>(9);
  e.updated_at = r.get<std::string>(10);
  return e;
}

constexpr const char* kCertificateColumns =
    "id, code, placement_id, applicant_id, institution_id, facts, issued_on, revoked_at, revoked_reason, created_at";

CertificateRow CertificateFrom(const soci::row& r) {
  CertificateRow c;
  c.id = r.get<std::string>(0);
  c.code = r.get<std::string>(1);
  c.placement_id = r.get<std::string>(2);
  c.applicant_id = r.get<std::string>(3);
  c.institution_id = r.get<std::string>(4);
  c.facts = r.get<std::string>(5);
  c.issued_on = r.get<std::string>(6);
  c.revoked_at = r.get<std::string>(7);
  c.revoked_reason = r.get<std::string>(8);
  c.created_at = r.get<std::string>(9);
  return c;
}

std::vector<CertificateRow> SelectCertificates(Tx& tx, const std::string& where, const std::string& param) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kCertificateColumns << " FROM certificates WHERE " << where,
       soci::use(param));
  std::vector<CertificateRow> out;
  for (const auto& r : rows) out.push_back(CertificateFrom(r));
  return out;
}

}  // namespace

PlacementDates DatesOfPlacement(Tx& tx, const std::string& placement_id) {
  PlacementDates d;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT started_on, finished_on FROM placements WHERE id = :id", soci::use(placement_id));
  for (const auto& r : rows) {
    d.started_on = r.get<std::string>(0);
    d.finished_on = r.get<std::string>(1);
  }
  return d;
}

void SetPlacementDates(Tx& tx, const std::string& placement_id, const PlacementDates& d) {
  tx.sql() << "UPDATE placements SET started_on = :s, finished_on = :f WHERE id = :id", soci::use(d.started_on),
      soci::use(d.finished_on), soci::use(placement_id);
}

std::vector<std::string> PlacementIdsOfPreceptor(Tx& tx, const std::string& user_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id FROM placements WHERE preceptor_id = :u AND preceptor_id <> '' "
                           "ORDER BY start_date, id",
       soci::use(user_id));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.get<std::string>(0));
  return out;
}

std::vector<AttendanceRow> AttendanceOf(Tx& tx, const std::string& placement_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT placement_id, day, status, note, recorded_by, recorded_at FROM "
                           "placement_attendance WHERE placement_id = :p ORDER BY day",
       soci::use(placement_id));
  std::vector<AttendanceRow> out;
  for (const auto& r : rows) {
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                   r.get<std::string>(4), r.get<std::string>(5)});
  }
  return out;
}

void ReplaceAttendance(Tx& tx, const std::string& placement_id, const std::vector<AttendanceRow>& rows) {
  tx.sql() << "DELETE FROM placement_attendance WHERE placement_id = :p", soci::use(placement_id);
  for (const auto& a : rows) {
    tx.sql() << "INSERT INTO placement_attendance (placement_id, day, status, note, recorded_by, recorded_at) "
                "VALUES (:p, :d, :s, :n, :b, :t)",
        soci::use(placement_id), soci::use(a.day), soci::use(a.status), soci::use(a.note), soci::use(a.recorded_by),
        soci::use(a.recorded_at);
  }
}

std::optional<EvaluationRow> FindEvaluation(Tx& tx, const std::string& placement_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kEvaluationColumns << " FROM evaluations WHERE placement_id = :p",
       soci::use(placement_id));
  for (const auto& r : rows) return EvaluationFrom(r);
  return std::nullopt;
}

void InsertEvaluation(Tx& tx, const EvaluationRow& e) {
  int hands_on = e.hands_on ? 1 : 0;
  tx.sql() << "INSERT INTO evaluations (" << kEvaluationColumns
           << ") VALUES (:p, :pr, :h, :r, :c, :s, :v, :sa, :ra, :ca, :ua)",
      soci::use(e.placement_id), soci::use(e.preceptor_id), soci::use(hands_on), soci::use(e.ratings),
      soci::use(e.comments), soci::use(e.status), soci::use(e.version), soci::use(e.submitted_at),
      soci::use(e.released_at), soci::use(e.created_at), soci::use(e.updated_at);
}

bool UpdateEvaluation(Tx& tx, const EvaluationRow& e) {
  soci::statement st =
      (tx.sql().prepare << "UPDATE evaluations SET ratings = :r, comments = :c, status = :s, submitted_at = :sa, "
                           "released_at = :ra, updated_at = :u, version = version + 1 "
                           "WHERE placement_id = :p AND version = :v",
       soci::use(e.ratings), soci::use(e.comments), soci::use(e.status), soci::use(e.submitted_at),
       soci::use(e.released_at), soci::use(e.updated_at), soci::use(e.placement_id), soci::use(e.version));
  return Execute(st) == 1;
}

std::optional<CertificateRow> FindCertificateByCode(Tx& tx, const std::string& code) {
  auto rows = SelectCertificates(tx, "code = :c", code);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<CertificateRow> CertificateOfPlacement(Tx& tx, const std::string& placement_id) {
  auto rows = SelectCertificates(tx, "placement_id = :p", placement_id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<CertificateRow> CertificatesOfApplicant(Tx& tx, const std::string& applicant_id) {
  return SelectCertificates(tx, "applicant_id = :a ORDER BY issued_on, id", applicant_id);
}

void InsertCertificate(Tx& tx, const CertificateRow& c) {
  tx.sql() << "INSERT INTO certificates (" << kCertificateColumns
           << ") VALUES (:id, :code, :p, :a, :i, :f, :io, :ra, :rr, :ca)",
      soci::use(c.id), soci::use(c.code), soci::use(c.placement_id), soci::use(c.applicant_id),
      soci::use(c.institution_id), soci::use(c.facts), soci::use(c.issued_on), soci::use(c.revoked_at),
      soci::use(c.revoked_reason), soci::use(c.created_at);
}

void RevokeCertificate(Tx& tx, const std::string& id, const std::string& at, const std::string& reason) {
  tx.sql() << "UPDATE certificates SET revoked_at = :a, revoked_reason = :r WHERE id = :id", soci::use(at),
      soci::use(reason), soci::use(id);
}

bool HasFeedback(Tx& tx, const std::string& placement_id) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM rotation_feedback WHERE placement_id = :p", soci::use(placement_id),
      soci::into(n);
  return n > 0;
}

void InsertFeedback(Tx& tx, const FeedbackRow& f) {
  tx.sql() << "INSERT INTO rotation_feedback (placement_id, offering_id, ratings, comment, created_at) "
              "VALUES (:p, :o, :r, :c, :t)",
      soci::use(f.placement_id), soci::use(f.offering_id), soci::use(f.ratings), soci::use(f.comment),
      soci::use(f.created_at);
}

std::vector<std::string> FeedbackRatingsOfOffering(Tx& tx, const std::string& offering_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT ratings FROM rotation_feedback WHERE offering_id = :o ORDER BY created_at",
       soci::use(offering_id));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.get<std::string>(0));
  return out;
}

}  // namespace clerkship::store
