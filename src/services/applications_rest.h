// The rest of applications (issue 6; docs/applications.md): application fee
// records, "apply to similar", overlap warnings, school verification through
// a private link, and the coordinators' daily review digest. One transaction
// per use case; thread-safe like Context.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/block_overlap.h"
#include "core/catalog.h"
#include "core/result.h"
#include "core/school_verification.h"
#include "services/context.h"
#include "services/vault.h"
#include "store/applications_rest.h"
#include "store/catalog.h"

namespace clerkship::services {

// ---- Fees
// Inside a transaction: the fee of application `a` of an offering with
// `draft` for an applicant of `category` (profile status). While due, the
// amount follows the offering and the category; once recorded it is frozen.
FeeView FeeOf(store::Tx& tx, const store::ApplicationRow& a, const core::OfferingDraft& draft,
              const std::string& category);
// Inside CreateApplication's transaction: a due fee record when the offering
// charges an application fee (for the applicant's current category).
void CreateFeeRecord(store::Tx& tx, Context& ctx, const store::ApplicationRow& a, const core::OfferingDraft& draft);
// The applicant records that they paid (method and reference); the amount
// is frozen. kNotFound for someone else's application; kConflict when the
// offering charges no fee, the application was withdrawn, or the fee was
// already confirmed, waived or refunded; kInvalidArgument names "method" or
// "reference". Audited.
core::Result<FeeView> RecordFeePayment(Context& ctx, const Actor& actor, const std::string& application_id,
                                       const std::string& method, const std::string& reference);
// A coordinator of `institution_id` (checked by the route) confirms, waives
// or refunds the fee of a submitted application there (`action`), with an
// optional note (≤ 1000). kNotFound for drafts and other institutions'
// applications; kConflict for a move the fee's state does not allow. Audited;
// the applicant is e-mailed.
core::Result<FeeView> DecideFee(Context& ctx, const Actor& actor, const std::string& institution_id,
                                const std::string& application_id, const std::string& action,
                                const std::string& note);

// ---- Overlap warnings
// Inside a transaction: the applicant's accepted rotations (placements
// scheduled or in progress), other than one of `except_application`.
std::vector<core::HeldRotation> HeldRotationsOf(store::Tx& tx, const std::string& applicant_id,
                                                const std::string& except_application);
// The caller's draft chooses other blocks of its offering (preference
// order). kNotFound, kConflict after submission, kInvalidArgument
// "block_ids[i]". Audited. The answer carries the overlap warnings.
core::Result<ApplicationView> SetApplicationBlocks(Context& ctx, const Actor& actor,
                                                   const std::string& application_id,
                                                   const std::vector<std::string>& block_ids);

// ---- Apply to similar
struct SimilarOffering {
  store::OfferingRow offering;
  std::vector<core::Block> open_blocks;  // open for applications today (institution's zone)
};
// Published offerings of the same specialty and type as the caller's
// application, open for applications today, that the caller has no live
// application to. kNotFound for someone else's application.
core::Result<std::vector<SimilarOffering>> SimilarOfferings(Context& ctx, const Actor& actor,
                                                            const std::string& application_id);
// A new draft for `offering_id` with `block_ids`, pre-filled from the
// caller's application `source_id`: the written cover letter, the CV choice,
// received letters (as many as the new offering asks for). CreateApplication's
// errors; kInvalidArgument "offering_id" when the offering is not similar.
core::Result<ApplicationView> ApplyToSimilar(Context& ctx, const Actor& actor, const std::string& source_id,
                                             const std::string& offering_id,
                                             const std::vector<std::string>& block_ids);

// ---- School verification
constexpr const char* kSchoolVerificationPurpose = "school_verification";
// Records the request and e-mails the office a private link (30 days, used
// once). kConflict while another request is waiting; kFailedPrecondition
// (field "school") when the profile names no medical school.
core::Result<store::SchoolVerificationRow> RequestSchoolVerification(Context& ctx, const Actor& actor,
                                                                     core::SchoolVerificationDraft draft);
core::Result<std::vector<store::SchoolVerificationRow>> ListMySchoolVerifications(Context& ctx,
                                                                                  const Actor& actor);
// Cancels a waiting request (its link stops working).
core::Result<store::SchoolVerificationRow> CancelSchoolVerification(Context& ctx, const Actor& actor,
                                                                    const std::string& verification_id);

struct SchoolOfficeView {
  store::SchoolVerificationRow row;
  std::string applicant_name;
  std::string graduation_date;  // as the profile states it
  std::string applicant_status;  // student | graduate | ''
};
// The link page. kInvalidArgument field "token" for an unknown, expired,
// used or other-purpose token; kConflict when cancelled or answered.
core::Result<SchoolOfficeView> GetSchoolVerificationByToken(Context& ctx, const std::string& token);
// A PDF letter (same checks as the vault) attached to the request before the
// office answers; replaces an earlier upload.
core::Result<SchoolOfficeView> UploadSchoolLetter(Context& ctx, const Actor& actor, const std::string& token,
                                                  const std::string& path);
// The office's answer (core::ValidateSchoolAttestation); uses the link up.
// The applicant is e-mailed. Audited.
core::Result<SchoolOfficeView> AnswerSchoolVerification(Context& ctx, const Actor& actor, const std::string& token,
                                                        core::SchoolAttestation answer);
// Inside a transaction: what programs see — the newest verified answer, else
// the newest request; nullopt when none.
std::optional<store::SchoolVerificationRow> SchoolStatusOf(store::Tx& tx, const std::string& applicant_id);
// Staff of `institution_id`: the school's PDF letter for an applicant with a
// submitted application there. kNotFound otherwise. Audited.
core::Result<FileDownload> ReadSchoolLetter(Context& ctx, const Actor& actor, const std::string& institution_id,
                                            const std::string& application_id);

// ---- Review digest (job)
// Once per institution per UTC day: e-mails each coordinator the submitted
// applications that waited longer than the institution's target_days for a
// first decision. Safe with several processes (reminders_sent key). Returns
// e-mails queued.
core::Result<int> SendReviewDigests(Context& ctx);

}  // namespace clerkship::services
