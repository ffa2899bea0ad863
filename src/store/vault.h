// Profiles, uploads, vault documents and their versions, and the minimal
// application rows: named statements over a Tx. Thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace clerkship::store {

struct ProfileRow {
  std::string user_id;
  std::string data;  // JSON
  std::string legal_name;
  int version = 0;
  std::string updated_at;
};
std::optional<ProfileRow> FindProfile(Tx& tx, const std::string& user_id);
// Inserts (expected_version 0) or updates when the stored version equals
// expected_version; returns false when someone else saved in between.
bool SaveProfile(Tx& tx, const ProfileRow& row, int expected_version);

struct UploadRow {
  std::string id;
  std::string user_id;
  std::string blob;
  std::string mime;
  int64_t size = 0;
  int pages = 0;
  std::string filename;
  std::string created_at;
};
void InsertUpload(Tx& tx, const UploadRow& u);
std::optional<UploadRow> FindUpload(Tx& tx, const std::string& id, const std::string& user_id);
void DeleteUpload(Tx& tx, const std::string& id);
// Uploads created before `before` (for the sweeper).
std::vector<UploadRow> StaleUploads(Tx& tx, const std::string& before, int limit);

struct DocumentVersionRow {
  std::string document_id;
  int version = 0;
  std::string blob;
  std::string mime;
  int64_t size = 0;
  int pages = 0;
  std::string filename;
  std::string issued_on;
  std::string expires_on;
  std::string vaccines;  // JSON array
  std::string uploaded_at;
};

struct DocumentRow {
  std::string id;
  std::string user_id;
  std::string type;
  std::string title;
  std::string status;  // pending | verified | rejected
  std::string status_reason;
  std::string reviewed_by;
  std::string reviewed_at;
  int current_version = 0;
  std::string deleted_at;
  std::string created_at;
  std::string updated_at;
  std::vector<DocumentVersionRow> versions;  // newest first (filled by Find/List)
};
void InsertDocument(Tx& tx, const DocumentRow& d);
void UpdateDocument(Tx& tx, const DocumentRow& d);  // type, title, status…, current_version, deleted_at, updated_at
void InsertDocumentVersion(Tx& tx, const DocumentVersionRow& v);
std::optional<DocumentRow> FindDocument(Tx& tx, const std::string& id, const std::string& user_id);
// Live (not deleted) documents of a user, with their versions.
std::vector<DocumentRow> ListDocuments(Tx& tx, const std::string& user_id);
// True when a version, an upload or a letter still names the blob.
bool BlobReferenced(Tx& tx, const std::string& blob);
// Every blob named by a version, an upload or a letter (for the start-up sweep).
std::vector<std::string> AllBlobs(Tx& tx);
// Submitted (non-draft, non-withdrawn) applications that reference the document.
int CountDocumentReferences(Tx& tx, const std::string& document_id);

struct ApplicationRow {
  std::string id;
  std::string applicant_id;
  std::string offering_id;
  std::string institution_id;
  std::string status;
  std::string status_reason;
  int version = 1;
  std::string created_at;
  std::string submitted_at;
  std::string updated_at;
  std::vector<std::string> block_ids;  // in preference order
};
void InsertApplication(Tx& tx, const ApplicationRow& a);
// Updates status, reason, submitted_at, updated_at when the stored version is
// a.version - 1. False when it changed in between.
bool UpdateApplicationStatus(Tx& tx, const ApplicationRow& a);
std::optional<ApplicationRow> FindApplication(Tx& tx, const std::string& id);
std::vector<ApplicationRow> ListApplicationsOf(Tx& tx, const std::string& applicant_id);
// Non-draft applications at an offering.
std::vector<ApplicationRow> ListOfferingApplications(Tx& tx, const std::string& offering_id);
// True when the applicant has a submitted (not draft, not withdrawn)
// application at the institution: what lets its staff see their documents.
bool HasApplicationAt(Tx& tx, const std::string& applicant_id, const std::string& institution_id);
void AddApplicationDocument(Tx& tx, const std::string& application_id, const std::string& document_id);
void AddBlockApplications(Tx& tx, const std::string& block_id, int delta);
// Applications (submitted) whose chosen blocks start between the two dates.
std::vector<ApplicationRow> ApplicationsStartingBetween(Tx& tx, const std::string& from, const std::string& to);
// Records a reminder key; false when it was already sent.
bool MarkReminderSent(Tx& tx, const std::string& key, const std::string& now);

}  // namespace clerkship::store
