#include "store/applications_rest.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {
namespace {

constexpr const char* kFeeColumns =
    "application_id, amount_cents, currency, category, status, method, reference, recorded_at, decided_by, "
    "decided_at, note, version, created_at, updated_at";

constexpr const char* kVerificationColumns =
    "id, applicant_id, school_name, office_name, office_email, status, claim, year, good_standing, method, "
    "attester_name, attester_title, reason, blob, mime, size, pages, responded_at, created_at, updated_at";

SchoolVerificationRow VerificationFromRow(const soci::row& r) {
  SchoolVerificationRow v;
  v.id = r.get<std::string>(0);
  v.applicant_id = r.get<std::string>(1);
  v.school_name = r.get<std::string>(2);
  v.office_name = r.get<std::string>(3);
  v.office_email = r.get<std::string>(4);
  v.status = r.get<std::string>(5);
  v.claim = r.get<std::string>(6);
  v.year = static_cast<int>(AsInt(r, 7));
  v.good_standing = AsInt(r, 8) != 0;
  v.method = r.get<std::string>(9);
  v.attester_name = r.get<std::string>(10);
  v.attester_title = r.get<std::string>(11);
  v.reason = r.get<std::string>(12);
  v.blob = r.get<std::string>(13);
  v.mime = r.get<std::string>(14);
  v.size = AsInt(r, 15);
  v.pages = static_cast<int>(AsInt(r, 16));
  v.responded_at = r.get<std::string>(17);
  v.created_at = r.get<std::string>(18);
  v.updated_at = r.get<std::string>(19);
  return v;
}

}  // namespace

void InsertFee(Tx& tx, const FeeRow& f) {
  long long amount = f.amount_cents;
  tx.sql() << "INSERT INTO application_fees (" << kFeeColumns
           << ") VALUES (:a, :amt, :cur, :cat, :s, :m, :ref, :rec, :db, :da, :n, :v, :c, :u)",
      soci::use(f.application_id), soci::use(amount), soci::use(f.currency), soci::use(f.category),
      soci::use(f.status), soci::use(f.method), soci::use(f.reference), soci::use(f.recorded_at),
      soci::use(f.decided_by), soci::use(f.decided_at), soci::use(f.note), soci::use(f.version),
      soci::use(f.created_at), soci::use(f.updated_at);
}

bool UpdateFee(Tx& tx, const FeeRow& f) {
  long long amount = f.amount_cents;
  int next = f.version + 1;
  soci::statement st =
      (tx.sql().prepare << "UPDATE application_fees SET amount_cents = :amt, currency = :cur, category = :cat, "
                           "status = :s, method = :m, reference = :ref, recorded_at = :rec, decided_by = :db, "
                           "decided_at = :da, note = :n, version = :nv, updated_at = :u "
                           "WHERE application_id = :a AND version = :v",
       soci::use(amount), soci::use(f.currency), soci::use(f.category), soci::use(f.status), soci::use(f.method),
       soci::use(f.reference), soci::use(f.recorded_at), soci::use(f.decided_by), soci::use(f.decided_at),
       soci::use(f.note), soci::use(next), soci::use(f.updated_at), soci::use(f.application_id),
       soci::use(f.version));
  return Execute(st) == 1;
}

std::optional<FeeRow> FindFee(Tx& tx, const std::string& application_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kFeeColumns << " FROM application_fees WHERE application_id = :a",
       soci::use(application_id));
  for (const auto& r : rows) {
    FeeRow f;
    f.application_id = r.get<std::string>(0);
    f.amount_cents = AsInt(r, 1);
    f.currency = r.get<std::string>(2);
    f.category = r.get<std::string>(3);
    f.status = r.get<std::string>(4);
    f.method = r.get<std::string>(5);
    f.reference = r.get<std::string>(6);
    f.recorded_at = r.get<std::string>(7);
    f.decided_by = r.get<std::string>(8);
    f.decided_at = r.get<std::string>(9);
    f.note = r.get<std::string>(10);
    f.version = static_cast<int>(AsInt(r, 11));
    f.created_at = r.get<std::string>(12);
    f.updated_at = r.get<std::string>(13);
    return f;
  }
  return std::nullopt;
}

void InsertSchoolVerification(Tx& tx, const SchoolVerificationRow& v) {
  int standing = v.good_standing ? 1 : 0;
  long long size = v.size;
  tx.sql() << "INSERT INTO school_verifications (" << kVerificationColumns
           << ") VALUES (:id, :ap, :sn, :on, :oe, :s, :cl, :y, :gs, :m, :an, :at, :r, :b, :mi, :sz, :p, :ra, :c, "
              ":u)",
      soci::use(v.id), soci::use(v.applicant_id), soci::use(v.school_name), soci::use(v.office_name),
      soci::use(v.office_email), soci::use(v.status), soci::use(v.claim), soci::use(v.year), soci::use(standing),
      soci::use(v.method), soci::use(v.attester_name), soci::use(v.attester_title), soci::use(v.reason),
      soci::use(v.blob), soci::use(v.mime), soci::use(size), soci::use(v.pages), soci::use(v.responded_at),
      soci::use(v.created_at), soci::use(v.updated_at);
}

void UpdateSchoolVerification(Tx& tx, const SchoolVerificationRow& v) {
  int standing = v.good_standing ? 1 : 0;
  long long size = v.size;
  tx.sql() << "UPDATE school_verifications SET status = :s, claim = :cl, year = :y, good_standing = :gs, "
              "method = :m, attester_name = :an, attester_title = :at, reason = :r, blob = :b, mime = :mi, "
              "size = :sz, pages = :p, responded_at = :ra, updated_at = :u WHERE id = :id",
      soci::use(v.status), soci::use(v.claim), soci::use(v.year), soci::use(standing), soci::use(v.method),
      soci::use(v.attester_name), soci::use(v.attester_title), soci::use(v.reason), soci::use(v.blob),
      soci::use(v.mime), soci::use(size), soci::use(v.pages), soci::use(v.responded_at), soci::use(v.updated_at),
      soci::use(v.id);
}

std::optional<SchoolVerificationRow> FindSchoolVerification(Tx& tx, const std::string& id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kVerificationColumns << " FROM school_verifications WHERE id = :id",
       soci::use(id));
  for (const auto& r : rows) return VerificationFromRow(r);
  return std::nullopt;
}

std::vector<SchoolVerificationRow> ListSchoolVerifications(Tx& tx, const std::string& applicant_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kVerificationColumns
                        << " FROM school_verifications WHERE applicant_id = :a ORDER BY created_at DESC, id",
       soci::use(applicant_id));
  std::vector<SchoolVerificationRow> out;
  for (const auto& r : rows) out.push_back(VerificationFromRow(r));
  return out;
}

std::vector<std::string> SchoolVerifiedAmong(Tx& tx, const std::vector<std::string>& applicant_ids) {
  std::vector<std::string> out;
  // One indexed lookup per applicant (a page of the queue at most).
  for (const auto& id : applicant_ids) {
    int n = 0;
    tx.sql() << "SELECT COUNT(*) FROM school_verifications WHERE applicant_id = :a AND status = 'verified'",
        soci::use(id), soci::into(n);
    if (n > 0) out.push_back(id);
  }
  return out;
}

std::vector<std::string> SimilarOfferingIds(Tx& tx, const std::string& specialty, const std::string& type,
                                            const std::string& except_offering, int limit) {
  soci::rowset<std::string> rows =
      (tx.sql().prepare << "SELECT id FROM offerings WHERE status = 'published' AND specialty = :s AND type = :t "
                           "AND id <> :x ORDER BY title, id LIMIT :l",
       soci::use(specialty), soci::use(type), soci::use(except_offering), soci::use(limit));
  return {rows.begin(), rows.end()};
}

void ReplaceApplicationBlocks(Tx& tx, const std::string& application_id, const std::vector<std::string>& block_ids) {
  tx.sql() << "DELETE FROM application_blocks WHERE application_id = :a", soci::use(application_id);
  int preference = 0;
  for (const auto& b : block_ids) {
    ++preference;
    tx.sql() << "INSERT INTO application_blocks (application_id, block_id, preference) VALUES (:a, :b, :p)",
        soci::use(application_id), soci::use(b), soci::use(preference);
  }
}

std::vector<WaitingRow> WaitingApplications(Tx& tx, const std::string& institution_id,
                                            const std::string& submitted_before) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT a.id, o.title, a.submitted_at FROM applications a "
                           "JOIN offerings o ON o.id = a.offering_id WHERE a.institution_id = :i "
                           "AND a.status IN ('submitted', 'under_review') AND a.first_decision_at = '' "
                           "AND a.submitted_at <> '' AND a.submitted_at < :b ORDER BY a.submitted_at, a.id",
       soci::use(institution_id), soci::use(submitted_before));
  std::vector<WaitingRow> out;
  for (const auto& r : rows) out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2)});
  return out;
}

std::vector<std::string> InstitutionsWithUndecided(Tx& tx) {
  soci::rowset<std::string> rows =
      tx.sql().prepare << "SELECT DISTINCT institution_id FROM applications WHERE status IN ('submitted', "
                          "'under_review') AND first_decision_at = '' ORDER BY institution_id";
  return {rows.begin(), rows.end()};
}

}  // namespace clerkship::store
