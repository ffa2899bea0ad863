// Rotation completion (issue 8, docs/completion.md): coordinators assign a
// preceptor and move placements through their states; the preceptor records
// attendance and the end-of-rotation evaluation (locked once submitted); the
// coordinator releases it to the applicant; completed placements get one
// certificate with a stable public verification code; applicants rate the
// rotation (anonymous, shown per offering from three responses) and export a
// residency-ready record. One transaction per use case; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/completion.h"
#include "core/result.h"
#include "services/context.h"
#include "store/completion.h"
#include "store/placements.h"

namespace clerkship::services {

struct EvaluationView {
  std::string status;  // draft | submitted | released
  bool hands_on = true;
  std::map<std::string, int> ratings;
  std::string comments;
  int version = 0;
  std::string submitted_at, released_at, updated_at;
};

struct PlacementView {
  store::PlacementRow row;
  store::PlacementDates dates;
  std::string offering_title, specialty, rotation_type;
  bool hands_on = true;
  std::string institution_name, institution_place;
  std::string applicant_name, applicant_email;
  std::string preceptor_name;
  core::AttendanceSummary attendance;
  std::vector<store::AttendanceRow> attendance_days;  // detail views only
  std::optional<EvaluationView> evaluation;  // applicant: only once released
  std::string certificate_code;
  bool certificate_revoked = false;
  bool feedback_given = false;
};

// ---- Coordinator / staff of `institution_id` (the route checks membership)
core::Result<std::vector<PlacementView>> InstitutionPlacements(Context& ctx, const Actor& actor,
                                                               const std::string& institution_id);
core::Result<PlacementView> InstitutionPlacement(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                 const std::string& placement_id);
// The preceptor is a staff member of the institution with the preceptor role
// (kInvalidArgument "preceptor_id" otherwise). Cancelled/finished: kConflict.
core::Result<PlacementView> AssignPreceptor(Context& ctx, const Actor& actor, const std::string& institution_id,
                                            const std::string& placement_id, const std::string& preceptor_id);
// Moves the placement (core::CheckPlacementMove) on `date` (YYYY-MM-DD; the
// day it started for in_progress, finished for completed/incomplete).
// incomplete and cancelled need a reason; cancelled gives the seat back.
core::Result<PlacementView> MovePlacement(Context& ctx, const Actor& actor, const std::string& institution_id,
                                          const std::string& placement_id, const std::string& status,
                                          const std::string& date, const std::string& reason);
// Lets the applicant see the submitted evaluation. kConflict unless submitted.
core::Result<PlacementView> ReleaseEvaluation(Context& ctx, const Actor& actor, const std::string& institution_id,
                                              const std::string& placement_id);
// Revokes the placement's certificate with a reason (verification then says
// so). kNotFound when none was issued; kConflict when already revoked.
core::Result<PlacementView> RevokeCertificate(Context& ctx, const Actor& actor, const std::string& institution_id,
                                              const std::string& placement_id, const std::string& reason);
// CSV exports: completions (placements with dates, preceptor, attendance,
// certificate) and evaluations (submitted or released ones with ratings).
core::Result<std::string> CompletionsCsv(Context& ctx, const Actor& actor, const std::string& institution_id);
core::Result<std::string> EvaluationsCsv(Context& ctx, const Actor& actor, const std::string& institution_id);

// ---- Preceptor: only placements they precept; any other is kNotFound.
core::Result<std::vector<PlacementView>> MyStudents(Context& ctx, const Actor& actor);
core::Result<PlacementView> PreceptorPlacement(Context& ctx, const Actor& actor, const std::string& placement_id);
core::Result<PlacementView> SaveAttendance(Context& ctx, const Actor& actor, const std::string& placement_id,
                                           const std::vector<core::AttendanceDay>& days);
// Saves a draft, or submits (`submit`: every competency and comments). A
// submitted evaluation is locked: kConflict "already submitted".
core::Result<PlacementView> SaveEvaluation(Context& ctx, const Actor& actor, const std::string& placement_id,
                                           const core::EvaluationDraft& draft, bool submit);

// ---- Applicant: own placements only.
core::Result<std::vector<PlacementView>> MyPlacements(Context& ctx, const Actor& actor);
core::Result<PlacementView> MyPlacement(Context& ctx, const Actor& actor, const std::string& placement_id);
struct CertificateFile {
  std::string code;
  std::string pdf;
};
// Issues the certificate on first call (stable code, facts frozen), then
// renders it. kConflict naming the status unless the placement is completed.
core::Result<CertificateFile> MyCertificate(Context& ctx, const Actor& actor, const std::string& placement_id);
// One anonymous evaluation of the rotation per placement (completed or
// incomplete); kConflict for a second one.
core::Status SubmitFeedback(Context& ctx, const Actor& actor, const std::string& placement_id,
                            const core::FeedbackDraft& draft);
// "Ask my preceptor for a letter": a letter request to the preceptor with the
// rotation in the relationship. Returns the letter id.
core::Result<std::string> AskPreceptorForLetter(Context& ctx, const Actor& actor, const std::string& placement_id,
                                                bool waived);
// Completed rotations with certificates (issued on the way), oldest first.
core::Result<std::vector<core::RotationRecord>> MyRecord(Context& ctx, const Actor& actor);
core::Result<std::string> MyTranscriptPdf(Context& ctx, const Actor& actor);
struct PacketChoice {
  std::string program;                      // title of the packet, e.g. the residency program
  bool include_cv = true;
  std::vector<std::string> document_ids;    // vault documents (PDF)
  std::vector<std::string> placement_ids;   // certificates of these completed placements
};
core::Result<std::string> MyPacketPdf(Context& ctx, const Actor& actor, const PacketChoice& choice);

// ---- Public
struct Verification {
  std::string code;
  std::string facts;  // JSON object as issued
  std::string issued_on;
  bool revoked = false;
  std::string revoked_at, revoked_reason;
};
// kInvalidArgument("code") for a malformed code or bad check symbol,
// kNotFound when no certificate has it.
core::Result<Verification> VerifyCertificate(Context& ctx, const std::string& code);
// The offering's rating averages, or nullopt below three responses.
core::Result<std::optional<core::FeedbackSummary>> OfferingRatings(Context& ctx, const std::string& offering_id);

}  // namespace clerkship::services
