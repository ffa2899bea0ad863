#include "store/vault.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace clerkship::store {
namespace {

constexpr const char* kDocumentColumns =
    "id, user_id, type, title, status, status_reason, reviewed_by, reviewed_at, current_version, "
    "deleted_at, created_at, updated_at";

DocumentRow DocumentFromRow(const soci::row& r) {
  DocumentRow d;
  d.id = r.get<std::string>(0);
  d.user_id = r.get<std::string>(1);
  d.type = r.get<std::string>(2);
  d.title = r.get<std::string>(3);
  d.status = r.get<std::string>(4);
  d.status_reason = r.get<std::string>(5);
  d.reviewed_by = r.get<std::string>(6);
  d.reviewed_at = r.get<std::string>(7);
  d.current_version = static_cast<int>(AsInt(r, 8));
  d.deleted_at = r.get<std::string>(9);
  d.created_at = r.get<std::string>(10);
  d.updated_at = r.get<std::string>(11);
  return d;
}

std::vector<DocumentVersionRow> VersionsOf(Tx& tx, const std::string& document_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT document_id, version, blob, mime, size, pages, filename, issued_on, "
                           "expires_on, vaccines, uploaded_at FROM document_versions WHERE document_id = :d "
                           "ORDER BY version DESC",
       soci::use(document_id));
  std::vector<DocumentVersionRow> out;
  for (const auto& r : rows) {
    DocumentVersionRow v;
    v.document_id = r.get<std::string>(0);
    v.version = static_cast<int>(AsInt(r, 1));
    v.blob = r.get<std::string>(2);
    v.mime = r.get<std::string>(3);
    v.size = AsInt(r, 4);
    v.pages = static_cast<int>(AsInt(r, 5));
    v.filename = r.get<std::string>(6);
    v.issued_on = r.get<std::string>(7);
    v.expires_on = r.get<std::string>(8);
    v.vaccines = r.get<std::string>(9);
    v.uploaded_at = r.get<std::string>(10);
    out.push_back(std::move(v));
  }
  return out;
}

UploadRow UploadFromRow(const soci::row& r) {
  UploadRow u;
  u.id = r.get<std::string>(0);
  u.user_id = r.get<std::string>(1);
  u.blob = r.get<std::string>(2);
  u.mime = r.get<std::string>(3);
  u.size = AsInt(r, 4);
  u.pages = static_cast<int>(AsInt(r, 5));
  u.filename = r.get<std::string>(6);
  u.created_at = r.get<std::string>(7);
  return u;
}

constexpr const char* kApplicationColumns =
    "id, applicant_id, offering_id, institution_id, status, status_reason, version, created_at, "
    "submitted_at, updated_at";

std::vector<ApplicationRow> Applications(Tx& tx, soci::rowset<soci::row>& rows) {
  std::vector<ApplicationRow> out;
  for (const auto& r : rows) {
    ApplicationRow a;
    a.id = r.get<std::string>(0);
    a.applicant_id = r.get<std::string>(1);
    a.offering_id = r.get<std::string>(2);
    a.institution_id = r.get<std::string>(3);
    a.status = r.get<std::string>(4);
    a.status_reason = r.get<std::string>(5);
    a.version = static_cast<int>(AsInt(r, 6));
    a.created_at = r.get<std::string>(7);
    a.submitted_at = r.get<std::string>(8);
    a.updated_at = r.get<std::string>(9);
    out.push_back(std::move(a));
  }
  for (auto& a : out) {
    soci::rowset<soci::row> blocks =
        (tx.sql().prepare << "SELECT block_id FROM application_blocks WHERE application_id = :a "
                             "ORDER BY preference",
         soci::use(a.id));
    for (const auto& b : blocks) a.block_ids.push_back(b.get<std::string>(0));
  }
  return out;
}

}  // namespace

std::optional<ProfileRow> FindProfile(Tx& tx, const std::string& user_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT user_id, data, legal_name, version, updated_at FROM profiles "
                           "WHERE user_id = :u",
       soci::use(user_id));
  for (const auto& r : rows) {
    return ProfileRow{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                      static_cast<int>(AsInt(r, 3)), r.get<std::string>(4)};
  }
  return std::nullopt;
}

bool SaveProfile(Tx& tx, const ProfileRow& p, int expected_version) {
  if (expected_version == 0) {
    // A concurrent first save loses on the primary key (kConflict upstream).
    if (FindProfile(tx, p.user_id)) return false;
    tx.sql() << "INSERT INTO profiles (user_id, data, legal_name, version, updated_at) "
                "VALUES (:u, :d, :n, :v, :at)",
        soci::use(p.user_id), soci::use(p.data), soci::use(p.legal_name), soci::use(p.version),
        soci::use(p.updated_at);
    return true;
  }
  soci::statement st = (tx.sql().prepare << "UPDATE profiles SET data = :d, legal_name = :n, version = :v, "
                                            "updated_at = :at WHERE user_id = :u AND version = :old",
                        soci::use(p.data), soci::use(p.legal_name), soci::use(p.version),
                        soci::use(p.updated_at), soci::use(p.user_id), soci::use(expected_version));
  return Execute(st) == 1;
}

void InsertUpload(Tx& tx, const UploadRow& u) {
  long long size = u.size;
  tx.sql() << "INSERT INTO uploads (id, user_id, blob, mime, size, pages, filename, created_at) "
              "VALUES (:id, :u, :b, :m, :s, :p, :f, :at)",
      soci::use(u.id), soci::use(u.user_id), soci::use(u.blob), soci::use(u.mime), soci::use(size),
      soci::use(u.pages), soci::use(u.filename), soci::use(u.created_at);
}

std::optional<UploadRow> FindUpload(Tx& tx, const std::string& id, const std::string& user_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, user_id, blob, mime, size, pages, filename, created_at FROM uploads "
                           "WHERE id = :id AND user_id = :u",
       soci::use(id), soci::use(user_id));
  for (const auto& r : rows) return UploadFromRow(r);
  return std::nullopt;
}

void DeleteUpload(Tx& tx, const std::string& id) {
  tx.sql() << "DELETE FROM uploads WHERE id = :id", soci::use(id);
}

std::vector<UploadRow> StaleUploads(Tx& tx, const std::string& before, int limit) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, user_id, blob, mime, size, pages, filename, created_at FROM uploads "
                           "WHERE created_at < :b ORDER BY created_at LIMIT :lim",
       soci::use(before), soci::use(limit));
  std::vector<UploadRow> out;
  for (const auto& r : rows) out.push_back(UploadFromRow(r));
  return out;
}

void InsertDocument(Tx& tx, const DocumentRow& d) {
  tx.sql() << "INSERT INTO documents (" << kDocumentColumns
           << ") VALUES (:id, :u, :t, :ti, :s, :sr, :rb, :ra, :cv, :del, :c, :up)",
      soci::use(d.id), soci::use(d.user_id), soci::use(d.type), soci::use(d.title), soci::use(d.status),
      soci::use(d.status_reason), soci::use(d.reviewed_by), soci::use(d.reviewed_at),
      soci::use(d.current_version), soci::use(d.deleted_at), soci::use(d.created_at), soci::use(d.updated_at);
}

void UpdateDocument(Tx& tx, const DocumentRow& d) {
  tx.sql() << "UPDATE documents SET type = :t, title = :ti, status = :s, status_reason = :sr, "
              "reviewed_by = :rb, reviewed_at = :ra, current_version = :cv, deleted_at = :del, "
              "updated_at = :up WHERE id = :id",
      soci::use(d.type), soci::use(d.title), soci::use(d.status), soci::use(d.status_reason),
      soci::use(d.reviewed_by), soci::use(d.reviewed_at), soci::use(d.current_version), soci::use(d.deleted_at),
      soci::use(d.updated_at), soci::use(d.id);
}

void InsertDocumentVersion(Tx& tx, const DocumentVersionRow& v) {
  long long size = v.size;
  tx.sql() << "INSERT INTO document_versions (document_id, version, blob, mime, size, pages, filename, "
              "issued_on, expires_on, vaccines, uploaded_at) VALUES (:d, :v, :b, :m, :s, :p, :f, :i, :e, "
              ":vac, :at)",
      soci::use(v.document_id), soci::use(v.version), soci::use(v.blob), soci::use(v.mime), soci::use(size),
      soci::use(v.pages), soci::use(v.filename), soci::use(v.issued_on), soci::use(v.expires_on),
      soci::use(v.vaccines), soci::use(v.uploaded_at);
}

std::optional<DocumentRow> FindDocument(Tx& tx, const std::string& id, const std::string& user_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kDocumentColumns << " FROM documents WHERE id = :id AND user_id = :u",
       soci::use(id), soci::use(user_id));
  for (const auto& r : rows) {
    DocumentRow d = DocumentFromRow(r);
    d.versions = VersionsOf(tx, d.id);
    return d;
  }
  return std::nullopt;
}

std::vector<DocumentRow> ListDocuments(Tx& tx, const std::string& user_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kDocumentColumns
                        << " FROM documents WHERE user_id = :u AND deleted_at = '' ORDER BY type, created_at, id",
       soci::use(user_id));
  std::vector<DocumentRow> out;
  for (const auto& r : rows) out.push_back(DocumentFromRow(r));
  for (auto& d : out) d.versions = VersionsOf(tx, d.id);
  return out;
}

bool BlobReferenced(Tx& tx, const std::string& blob) {
  int n = 0;
  tx.sql() << "SELECT (SELECT COUNT(*) FROM document_versions WHERE blob = :b) + "
              "(SELECT COUNT(*) FROM uploads WHERE blob = :b2) + "
              "(SELECT COUNT(*) FROM letter_requests WHERE blob = :b3) + "
              "(SELECT COUNT(*) FROM application_materials WHERE cover_letter_blob = :b4 OR cv_blob = :b5) + "
              "(SELECT COUNT(*) FROM school_verifications WHERE blob = :b6)",
      soci::use(blob), soci::use(blob), soci::use(blob), soci::use(blob), soci::use(blob), soci::use(blob),
      soci::into(n);
  return n > 0;
}

std::vector<std::string> AllBlobs(Tx& tx) {
  soci::rowset<std::string> rows =
      tx.sql().prepare << "SELECT blob FROM document_versions UNION SELECT blob FROM uploads UNION "
                      "SELECT blob FROM letter_requests WHERE blob <> '' UNION "
                      "SELECT cover_letter_blob FROM application_materials WHERE cover_letter_blob <> '' UNION "
                      "SELECT cv_blob FROM application_materials WHERE cv_blob <> '' UNION "
                      "SELECT blob FROM school_verifications WHERE blob <> ''";
  return {rows.begin(), rows.end()};
}

int CountDocumentReferences(Tx& tx, const std::string& document_id) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM application_documents ad JOIN applications a ON a.id = ad.application_id "
              "WHERE ad.document_id = :d AND a.status NOT IN ('draft', 'withdrawn')",
      soci::use(document_id), soci::into(n);
  return n;
}

void InsertApplication(Tx& tx, const ApplicationRow& a) {
  tx.sql() << "INSERT INTO applications (" << kApplicationColumns
           << ") VALUES (:id, :ap, :o, :i, :s, :r, :v, :c, :sub, :up)",
      soci::use(a.id), soci::use(a.applicant_id), soci::use(a.offering_id), soci::use(a.institution_id),
      soci::use(a.status), soci::use(a.status_reason), soci::use(a.version), soci::use(a.created_at),
      soci::use(a.submitted_at), soci::use(a.updated_at);
  int preference = 0;
  for (const auto& b : a.block_ids) {
    ++preference;
    tx.sql() << "INSERT INTO application_blocks (application_id, block_id, preference) VALUES (:a, :b, :p)",
        soci::use(a.id), soci::use(b), soci::use(preference);
  }
}

bool UpdateApplicationStatus(Tx& tx, const ApplicationRow& a) {
  int old = a.version - 1;
  soci::statement st =
      (tx.sql().prepare << "UPDATE applications SET status = :s, status_reason = :r, version = :v, "
                           "submitted_at = :sub, updated_at = :up WHERE id = :id AND version = :old",
       soci::use(a.status), soci::use(a.status_reason), soci::use(a.version), soci::use(a.submitted_at),
       soci::use(a.updated_at), soci::use(a.id), soci::use(old));
  return Execute(st) == 1;
}

std::optional<ApplicationRow> FindApplication(Tx& tx, const std::string& id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kApplicationColumns << " FROM applications WHERE id = :id", soci::use(id));
  auto list = Applications(tx, rows);
  if (list.empty()) return std::nullopt;
  return std::move(list.front());
}

std::vector<ApplicationRow> ListApplicationsOf(Tx& tx, const std::string& applicant_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kApplicationColumns
                        << " FROM applications WHERE applicant_id = :a ORDER BY created_at DESC, id",
       soci::use(applicant_id));
  return Applications(tx, rows);
}

std::vector<ApplicationRow> ListOfferingApplications(Tx& tx, const std::string& offering_id) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT " << kApplicationColumns
                        << " FROM applications WHERE offering_id = :o AND status <> 'draft' "
                           "ORDER BY submitted_at, id",
       soci::use(offering_id));
  return Applications(tx, rows);
}

bool HasApplicationAt(Tx& tx, const std::string& applicant_id, const std::string& institution_id) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM applications WHERE applicant_id = :a AND institution_id = :i "
              "AND status NOT IN ('draft', 'withdrawn')",
      soci::use(applicant_id), soci::use(institution_id), soci::into(n);
  return n > 0;
}

void AddApplicationDocument(Tx& tx, const std::string& application_id, const std::string& document_id) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM application_documents WHERE application_id = :a AND document_id = :d",
      soci::use(application_id), soci::use(document_id), soci::into(n);
  if (n > 0) return;
  tx.sql() << "INSERT INTO application_documents (application_id, document_id) VALUES (:a, :d)",
      soci::use(application_id), soci::use(document_id);
}

void AddBlockApplications(Tx& tx, const std::string& block_id, int delta) {
  tx.sql() << "UPDATE blocks SET applications = applications + :d WHERE id = :b", soci::use(delta),
      soci::use(block_id);
}

std::vector<ApplicationRow> ApplicationsStartingBetween(Tx& tx, const std::string& from, const std::string& to) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT DISTINCT a.id, a.applicant_id, a.offering_id, a.institution_id, a.status, "
                           "a.status_reason, a.version, a.created_at, a.submitted_at, a.updated_at "
                           "FROM applications a JOIN application_blocks ab ON ab.application_id = a.id "
                           "JOIN blocks b ON b.id = ab.block_id WHERE a.status NOT IN ('draft', 'withdrawn') "
                           "AND b.start_date >= :f AND b.start_date <= :t ORDER BY a.id",
       soci::use(from), soci::use(to));
  return Applications(tx, rows);
}

bool MarkReminderSent(Tx& tx, const std::string& key, const std::string& now) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM reminders_sent WHERE key = :k", soci::use(key), soci::into(n);
  if (n > 0) return false;
  tx.sql() << "INSERT INTO reminders_sent (key, created_at) VALUES (:k, :at)", soci::use(key), soci::use(now);
  return true;
}

}  // namespace clerkship::store
