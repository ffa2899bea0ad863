// The institution side of applications (issue 6): review queue, rubric
// scores, decisions through core::Transition, timeline, messages and the
// response-time figure. One transaction per use case; thread-safe like Context.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/eligibility.h"
#include "core/result.h"
#include "core/rubric.h"
#include "services/context.h"
#include "services/interviews_more.h"
#include "store/applications_rest.h"
#include "store/review.h"
#include "services/vault.h"
#include "store/vault.h"

namespace clerkship::services {

using Criterion = core::Criterion;
using core::DefaultRubric;

// The institution's rubric and the days an application may wait for a first
// decision before its coordinators are reminded.
struct ReviewSettings {
  std::vector<Criterion> rubric;
  int target_days = 14;
  bool is_default = true;  // nothing saved yet
  std::string updated_at;
};
// Staff of `institution_id` (checked by the route).
core::Result<ReviewSettings> GetReviewSettings(Context& ctx, const std::string& institution_id);
// Coordinator: validates (core::ValidateRubric, ValidateTargetDays), saves and
// audits. Existing scores keep their totals; new scores use the new rubric.
core::Result<ReviewSettings> SaveReviewSettings(Context& ctx, const Actor& actor, const std::string& institution_id,
                                                std::vector<Criterion> rubric, int target_days);

struct QueueQuery {
  std::string status, block_id, country, exam, search;
  int min_score = -1;  // 0..100, -1 any
  std::optional<bool> compliance_cleared;
  // Eligibility flags: true = every rule met by the profile as sent; false =
  // at least one flag. School verification: verified or not.
  std::optional<bool> eligible;
  std::optional<bool> school_verified;
  std::string sort = "submitted";  // submitted | -submitted | score | -score | waitlist
  int limit = 50;
  int offset = 0;
};
struct QueueItem {
  store::QueueRow row;
  bool compliance_cleared = false;
  int eligibility_flags = 0;  // rules the profile as sent does not meet
  bool school_verified = false;
};
struct QueueResult {
  std::vector<QueueItem> items;
  int total = 0;
  std::vector<Criterion> rubric;
};
// Staff of `institution_id` (checked by the route); kNotFound for an offering
// of another institution.
core::Result<QueueResult> ReviewQueue(Context& ctx, const Actor& actor, const std::string& institution_id,
                                      const std::string& offering_id, const QueueQuery& q);

struct StaffApplication {
  store::ApplicationRow row;
  std::string offering_title;
  std::optional<store::SnapshotRow> snapshot;
  std::vector<store::DocumentRow> documents;
  std::vector<store::ScoreRow> scores;  // a reviewer sees all scores of the institution's staff
  store::ReviewFacts facts;
  std::vector<store::EventRow> timeline;
  std::vector<Criterion> rubric;
  std::vector<std::string> allowed_events;  // for the caller
  int unread = 0;
  // Eligibility flags: the offering's rules against the profile that was
  // sent (the snapshot), as of the submission date; empty without a snapshot.
  std::vector<core::EligibilityCheck> eligibility;
  MaterialsView materials;  // the cover letter and CV sent
  ScorecardsView interview;  // the booked interview and its scorecards (staff only)
  FeeView fee;              // the application fee record (fee.applies false: none)
  // The applicant's school verification (newest verified, else newest); nullopt: never asked.
  std::optional<store::SchoolVerificationRow> school;
};
core::Result<StaffApplication> GetStaffApplication(Context& ctx, const Actor& actor,
                                                   const std::string& institution_id,
                                                   const std::string& application_id);

// Scores 1..5 per criterion of the rubric (all required); `version` is the
// version of the caller's score they read (0: first score). kConflict
// "changed by someone else; reload" when it moved on.
core::Result<store::ScoreRow> ScoreApplication(Context& ctx, const Actor& actor, const std::string& institution_id,
                                               const std::string& application_id,
                                               const std::map<std::string, int>& scores, const std::string& note,
                                               int version);

// Runs core::Transition as the caller's kind (coordinator or reviewer) when
// the application's version equals `version`; writes the status, a timeline
// event and an audit entry; e-mails the applicant on decisions.
core::Result<store::ApplicationRow> TransitionApplication(Context& ctx, const Actor& actor,
                                                          const std::string& institution_id,
                                                          const std::string& application_id,
                                                          const std::string& event, const std::string& reason,
                                                          int version);
struct BulkResult {
  std::string application_id;
  std::optional<store::ApplicationRow> row;
  std::optional<core::Error> error;
};
// Each application in its own transaction, at its current version.
std::vector<BulkResult> BulkTransition(Context& ctx, const Actor& actor, const std::string& institution_id,
                                       const std::vector<std::string>& application_ids, const std::string& event,
                                       const std::string& reason);
// Coordinator: the waitlist of the offering in the given order (every
// waitlisted application exactly once).
core::Status ReorderWaitlist(Context& ctx, const Actor& actor, const std::string& institution_id,
                             const std::string& offering_id, const std::vector<std::string>& application_ids);

// The applicant answers a request for information (answer_info).
core::Result<store::ApplicationRow> AnswerInfo(Context& ctx, const Actor& actor, const std::string& application_id,
                                               const std::string& answer);

struct ApplicantExtras {
  std::vector<store::EventRow> timeline;
  int unread = 0;
};
// Timeline and unread count of the caller's own application (kNotFound otherwise).
core::Result<ApplicantExtras> GetApplicantExtras(Context& ctx, const Actor& actor, const std::string& application_id);
// Unread counts of the caller's applications (id → count).
core::Result<std::map<std::string, int>> ApplicantUnreadCounts(Context& ctx, const Actor& actor);

// Messages. `institution_id` empty: the caller is the applicant of the
// application; else staff of that institution. Reading marks the thread read.
core::Result<std::vector<store::MessageRow>> ReadThread(Context& ctx, const Actor& actor,
                                                        const std::string& institution_id,
                                                        const std::string& application_id);
core::Result<store::MessageRow> PostMessage(Context& ctx, const Actor& actor, const std::string& institution_id,
                                            const std::string& application_id, const std::string& body);

// Median whole days from submission to first decision at the institution over
// the last 12 months, once at least 5 decisions exist. Cached per day.
core::Result<std::optional<int>> MedianResponseDays(Context& ctx, const std::string& institution_id);

// Inside SubmitApplication's transaction: the frozen profile snapshot and the
// timeline event. Inside any applicant status change: the event.
void RecordSubmission(store::Tx& tx, Context& ctx, const Actor& actor, const store::ApplicationRow& a,
                      const std::string& from_status);
void RecordApplicantEvent(store::Tx& tx, Context& ctx, const Actor& actor, const store::ApplicationRow& a,
                          const std::string& event, const std::string& from_status, const std::string& detail);

// What the applicant should do next for a status (for the dashboard).
std::string NextStep(const std::string& status);

}  // namespace clerkship::services
