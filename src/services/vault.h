// Applicant profile, the encrypted document vault, the minimal application and
// compliance checklists (docs/decisions/005). One transaction per use case.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/block_overlap.h"
#include "core/compliance.h"
#include "core/eligibility.h"
#include "core/profile.h"
#include "core/result.h"
#include "core/vault.h"
#include "services/context.h"
#include "store/vault.h"

namespace clerkship::services {

// ---- Profile
struct ProfileView {
  core::Profile profile;
  int version = 0;  // 0: never saved
  std::string updated_at;
  core::Completeness completeness;
};
core::Result<ProfileView> GetProfile(Context& ctx, const Actor& actor);
// kConflict when `version` is not the stored one (someone saved in between).
core::Result<ProfileView> SaveProfile(Context& ctx, const Actor& actor, core::Profile profile, int version);
// The CV as PDF bytes; kFailedPrecondition before the profile has a name.
core::Result<std::string> RenderCv(Context& ctx, const Actor& actor);

// ---- Vault
// Checks, encrypts and records the file streamed to `path` (the caller keeps
// ownership of `path`). `filename` is only shown back, never used as a path.
core::Result<store::UploadRow> StoreUpload(Context& ctx, const Actor& actor, const std::string& path,
                                           const std::string& filename);
core::Result<store::DocumentRow> CreateDocument(Context& ctx, const Actor& actor, const std::string& upload_id,
                                                core::DocumentMeta meta);
// A new version replaces the current one (kept in the history); status goes
// back to pending. meta.type must be empty or the document's type.
core::Result<store::DocumentRow> AddDocumentVersion(Context& ctx, const Actor& actor, const std::string& document_id,
                                                    const std::string& upload_id, core::DocumentMeta meta);
core::Result<std::vector<store::DocumentRow>> ListMyDocuments(Context& ctx, const Actor& actor);
// Soft delete; kConflict while a submitted application references it.
core::Status DeleteDocument(Context& ctx, const Actor& actor, const std::string& document_id);

struct FileDownload {
  std::string bytes;
  std::string mime;
  std::string filename;
};
// version 0 = current.
core::Result<FileDownload> ReadMyDocument(Context& ctx, const Actor& actor, const std::string& document_id,
                                          int version);

// Staff of `institution_id` (checked by the route) see an applicant's
// documents only while the applicant has a submitted application there;
// otherwise kNotFound. Each call is an audit entry.
core::Result<std::vector<store::DocumentRow>> ListApplicantDocuments(Context& ctx, const Actor& actor,
                                                                     const std::string& institution_id,
                                                                     const std::string& applicant_id);
core::Result<FileDownload> ReadApplicantDocument(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                 const std::string& applicant_id, const std::string& document_id,
                                                 int version);
// decision "verify" | "reject" (reason required); e-mails the applicant.
core::Result<store::DocumentRow> ReviewDocument(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                const std::string& applicant_id, const std::string& document_id,
                                                const std::string& decision, const std::string& reason);

// Removes uploads never attached within a day, with their files (periodic).
core::Result<size_t> ExpireUploads(Context& ctx);
// At start-up, before serving: ExpireUploads, then every temporary file and
// every stored file no row names (left by a crash between writing a file and
// committing its row). Returns how many files were removed.
core::Result<size_t> SweepVault(Context& ctx);

// ---- Applications (minimal; issue 6 grows them)
// An application's own cover letter and CV choice (services/materials.h).
struct MaterialsView {
  std::string cover_letter_text;  // written in the app ('' when none or a PDF)
  bool cover_letter_pdf = false;  // an uploaded PDF
  std::string cover_letter_filename;
  int cover_letter_pages = 0;
  std::string cv_kind;            // '' (not chosen) | generated | document
  std::string cv_document_id;     // cv_kind = document
  bool cv_frozen = false;         // the CV sent (submitted applications)
  std::string frozen_at;
};

// An application's fee record (services/applications_rest.h). `applies` is
// false when the offering charges no application fee.
struct FeeView {
  bool applies = false;
  int64_t amount_cents = 0;
  std::string currency;
  std::string category;  // student | graduate | '' (the profile does not say)
  std::string status;    // due | recorded | confirmed | waived | refunded
  std::string method;
  std::string reference;
  std::string recorded_at;
  std::string decided_at;
  std::string note;
  int version = 0;  // 0: nothing stored yet
};

struct BlockChecklist {
  std::string block_id;
  std::string start_date;
  std::string end_date;
  std::string deadline;  // last day to apply (institution time zone)
  bool cleared = false;
  std::vector<core::ComplianceItem> items;
};

struct ApplicationView {
  store::ApplicationRow row;
  std::string offering_title;
  std::string institution_name;
  std::string time_zone;
  std::vector<BlockChecklist> blocks;  // dates always; items only when asked for
  // With the checklist: the offering's eligibility rules against the
  // applicant's current profile (the institution's date today), and what
  // keeps the application from being submitted (core::SubmitProblems).
  std::vector<core::EligibilityCheck> eligibility;
  std::vector<core::SubmitProblem> problems;
  int letters_required = 0;
  int letters_assigned = 0;
  MaterialsView materials;
  bool cover_letter_required = false;
  bool cv_required = false;
  FeeView fee;
  // Drafts: chosen blocks overlapping an accepted rotation (a warning only).
  std::vector<core::OverlapWarning> warnings;
};

core::Result<ApplicationView> CreateApplication(Context& ctx, const Actor& actor, const std::string& offering_id,
                                                const std::vector<std::string>& block_ids);
// Inside a transaction: checks and inserts a draft for the caller (offering
// published, blocks of it, no other live application there) with its fee
// record. CreateApplication's errors.
core::Result<store::ApplicationRow> InsertDraft(store::Tx& tx, Context& ctx, const Actor& actor,
                                                const std::string& offering_id,
                                                const std::vector<std::string>& block_ids);
// Inside a transaction: the caller's view of their application with the
// checklist, readiness, fee and warnings.
core::Result<ApplicationView> DescribeMine(store::Tx& tx, Context& ctx, store::ApplicationRow row);
// Checks a list of block ids (1–20, no repeats); kInvalidArgument "block_ids".
core::Status CheckBlockIds(const std::vector<std::string>& block_ids);
core::Result<std::vector<ApplicationView>> ListMyApplications(Context& ctx, const Actor& actor);
// With the checklist.
core::Result<ApplicationView> GetMyApplication(Context& ctx, const Actor& actor, const std::string& application_id);
// Checks the chosen blocks are open for applications (in the institution's
// time zone), then completeness (letters, required documents, eligibility:
// kFailedPrecondition with the first problem's field; every problem is put
// in `problems` when given), and records which vault documents the
// application refers to. Nothing is written on failure.
core::Result<ApplicationView> SubmitApplication(Context& ctx, const Actor& actor, const std::string& application_id,
                                                std::vector<core::SubmitProblem>* problems = nullptr);
core::Result<ApplicationView> WithdrawApplication(Context& ctx, const Actor& actor, const std::string& application_id,
                                                  const std::string& reason);

struct ComplianceRow {
  std::string applicant_id;
  std::string applicant_name;
  std::string applicant_email;
  ApplicationView application;  // with checklist
};
// The coordinator's "cleared to start" view of an offering.
core::Result<std::vector<ComplianceRow>> OfferingCompliance(Context& ctx, const Actor& actor,
                                                            const std::string& institution_id,
                                                            const std::string& offering_id);

// Sends the 30/14/3-day reminders due today (document expiring before a
// rotation ends; a block starting with items missing). Idempotent per day.
core::Result<int> SendComplianceReminders(Context& ctx);

}  // namespace clerkship::services
